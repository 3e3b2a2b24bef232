import Foundation
import TandemCore
import Yams

/// Tandem's configuration, read from the `config/` folder and validated as a whole.
public struct TandemConfiguration: Sendable {
    public var geography: Geography
    public var catalog: Catalog
    public var weights: CostWeights
    public var directory: String
}

/// Reads `districts.yaml`, `categories.yaml` and `engine.yaml` with a YAML parser and checks
/// them, so that a mistake is reported with its file, key and problem before anything runs.
public enum ConfigLoader {
    /// The folder to read: `explicit`, else `$TANDEM_CONFIG`, else `./config`, else a `config`
    /// folder beside or above the executable (for a binary run from its build folder).
    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executablePath: String = CommandLine.arguments.first ?? "") -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["TANDEM_CONFIG"], !fromEnvironment.isEmpty { return fromEnvironment }
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: "config/districts.yaml") { return "config" }
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("config")
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("districts.yaml").path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return "config"
    }

    public static func load(from directory: String) throws -> TandemConfiguration {
        let districtsFile = (directory as NSString).appendingPathComponent("districts.yaml")
        let categoriesFile = (directory as NSString).appendingPathComponent("categories.yaml")
        let engineFile = (directory as NSString).appendingPathComponent("engine.yaml")
        let districts: DistrictsFile = try decode(districtsFile)
        let categories: CategoriesFile = try decode(categoriesFile)
        let engine: EngineFile = try decode(engineFile)
        return TandemConfiguration(
            geography: try districts.validated(file: districtsFile),
            catalog: try categories.validated(file: categoriesFile),
            weights: try engine.validated(file: engineFile),
            directory: directory
        )
    }

    static func decode<T: Decodable>(_ file: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw TandemError.configInvalid(file: file, key: "-", problem: "file is missing or unreadable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TandemError.configInvalid(file: file, key: "-", problem: "file is not UTF-8 text")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            throw TandemError.configInvalid(file: file, key: keyPath(of: error), problem: problem(of: error))
        } catch {
            throw TandemError.configInvalid(file: file, key: "-", problem: "not valid YAML: \(error)")
        }
    }

    static func keyPath(of error: DecodingError) -> String {
        let path: [CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        @unknown default:
            path = []
        }
        guard !path.isEmpty else { return "-" }
        return path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
    }

    static func problem(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, _): "expected a value of type \(type)"
        case .valueNotFound(let type, _): "missing value of type \(type)"
        case .keyNotFound: "required key is missing"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "invalid value"
        }
    }
}
