import Foundation
import TandemCore
import Yams

/// Tandem's configuration in force, validated as a whole, and where it came from.
public struct TandemConfiguration: Sendable {
    public var geography: Geography
    public var catalog: Catalog
    public var weights: CostWeights
    /// Where each file came from; `bulletin.yaml` and `columns.yaml` are read from the same
    /// sources by the commands that need them.
    public var sources: ConfigSources
}

/// Reads `districts.yaml`, `categories.yaml` and `engine.yaml` with a YAML parser and checks
/// them, so that a mistake is reported with its file, key and problem before anything runs.
/// Each file is the built-in one unless a folder of `ConfigSources` overrides it.
public enum ConfigLoader {
    public static func load(from sources: ConfigSources) throws -> TandemConfiguration {
        let (districtsName, districts): (String, DistrictsFile) = try decode(.districts, from: sources)
        let (categoriesName, categories): (String, CategoriesFile) = try decode(.categories, from: sources)
        let (engineName, engine): (String, EngineFile) = try decode(.engine, from: sources)
        return TandemConfiguration(
            geography: try districts.validated(file: districtsName),
            catalog: try categories.validated(file: categoriesName),
            weights: try engine.validated(file: engineName),
            sources: sources
        )
    }

    /// The configuration with `directory` overriding the built-in files it has.
    public static func load(from directory: String) throws -> TandemConfiguration {
        try load(from: .folder(directory))
    }

    /// Decodes `file` as it is in force; returns the name errors give it (its path, or
    /// `built-in NAME`) with its value.
    static func decode<T: Decodable>(_ file: ConfigFile, from sources: ConfigSources) throws -> (String, T) {
        let (name, text) = try sources.text(of: file)
        do {
            return (name, try YAMLDecoder().decode(T.self, from: text))
        } catch let error as DecodingError {
            throw TandemError.configInvalid(file: name, key: keyPath(of: error), problem: problem(of: error))
        } catch {
            throw TandemError.configInvalid(file: name, key: "-", problem: "not valid YAML: \(error)")
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

/// One configuration file as read and checked on its own (`tandem config show`).
public enum CheckedConfigFile: Sendable {
    case districts(Geography)
    case categories(Catalog)
    case engine(CostWeights)
    case bulletin(BulletinSettings)
    case columns(ColumnNames)
}

extension ConfigLoader {
    /// Reads and checks one file as it is in force, whatever the other files hold.
    public static func check(_ file: ConfigFile, from sources: ConfigSources) throws -> CheckedConfigFile {
        switch file {
        case .districts:
            let (name, decoded): (String, DistrictsFile) = try decode(file, from: sources)
            return .districts(try decoded.validated(file: name))
        case .categories:
            let (name, decoded): (String, CategoriesFile) = try decode(file, from: sources)
            return .categories(try decoded.validated(file: name))
        case .engine:
            let (name, decoded): (String, EngineFile) = try decode(file, from: sources)
            return .engine(try decoded.validated(file: name))
        case .bulletin: return .bulletin(try loadBulletin(from: sources))
        case .columns: return .columns(try loadColumns(from: sources))
        }
    }
}
