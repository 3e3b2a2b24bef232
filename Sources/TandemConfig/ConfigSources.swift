import Foundation
import TandemCore

/// A folder whose files override the built-in configuration, and why it is searched.
public struct ConfigFolder: Sendable, Equatable {
    /// Why a folder is searched, highest precedence first.
    public enum Origin: Int, Sendable, CaseIterable, Comparable {
        /// `--config DIR`.
        case option
        /// `$TANDEM_CONFIG`.
        case environment
        /// `$XDG_CONFIG_HOME/tandem`, by default `~/.config/tandem`.
        case user
        /// `/etc/tandem`, the host's.
        case system

        /// How the origin is written on the command line and in the README.
        public var label: String {
            switch self {
            case .option: "--config"
            case .environment: "$TANDEM_CONFIG"
            case .user: "$XDG_CONFIG_HOME/tandem"
            case .system: ConfigSources.systemFolder
            }
        }

        /// A folder someone named on purpose must exist; the conventional ones may be absent.
        public var mustExist: Bool { self == .option || self == .environment }

        public static func < (lhs: Origin, rhs: Origin) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var path: String
    public var origin: Origin

    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// Whether the folder exists (as a folder).
    public var exists: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The path of `file` in this folder.
    public func path(of file: ConfigFile) -> String { (path as NSString).appendingPathComponent(file.name) }
}

/// Where one configuration file in force comes from.
public enum ConfigOrigin: Sendable, Equatable {
    /// Built into the binary (the shipped `config/`).
    case builtIn
    /// A file of an override folder.
    case file(path: String, folder: ConfigFolder.Origin)
}

/// Where Tandem's configuration comes from: the built-in files, each overridden by the first
/// folder (highest precedence first) that has a file of the same name. Folders override file by
/// file, so `engine.yaml` in `~/.config/tandem` and `districts.yaml` in `/etc/tandem` both apply.
public struct ConfigSources: Sendable, Equatable {
    /// The host's configuration folder, the last one searched.
    public static let systemFolder = "/etc/tandem"

    /// The override folders, highest precedence first.
    public var folders: [ConfigFolder]

    public init(folders: [ConfigFolder]) {
        self.folders = folders.sorted { $0.origin < $1.origin }
    }

    /// The built-in configuration alone.
    public static let builtIn = ConfigSources(folders: [])

    /// One folder over the built-in configuration, as `--config DIR` alone would give.
    public static func folder(_ path: String) -> ConfigSources {
        ConfigSources(folders: [ConfigFolder(path: path, origin: .option)])
    }

    /// The folders of a normal run: `--config DIR` (`explicit`), `$TANDEM_CONFIG`,
    /// `$XDG_CONFIG_HOME/tandem` (an unset or relative `XDG_CONFIG_HOME` means `$HOME/.config`,
    /// as the XDG base directory specification says) and `/etc/tandem`.
    public static func standard(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                                systemFolder: String = ConfigSources.systemFolder) -> ConfigSources {
        var folders: [ConfigFolder] = []
        if let explicit, !explicit.isEmpty { folders.append(ConfigFolder(path: explicit, origin: .option)) }
        if let path = environment["TANDEM_CONFIG"], !path.isEmpty { folders.append(ConfigFolder(path: path, origin: .environment)) }
        if let user = userFolder(environment: environment) { folders.append(ConfigFolder(path: user, origin: .user)) }
        folders.append(ConfigFolder(path: systemFolder, origin: .system))
        return ConfigSources(folders: folders)
    }

    /// The folders a setgid shared-host binary may trust: only the host's, which the caller
    /// cannot write (never `--config`, `$TANDEM_CONFIG` or the caller's home).
    public static func trusted(systemFolder: String = ConfigSources.systemFolder) -> ConfigSources {
        ConfigSources(folders: [ConfigFolder(path: systemFolder, origin: .system)])
    }

    /// `$XDG_CONFIG_HOME/tandem`, else `$HOME/.config/tandem`; nil without a home.
    static func userFolder(environment: [String: String]) -> String? {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
            return (base as NSString).appendingPathComponent("tandem")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        guard !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".config/tandem")
    }

    /// Refuses a folder named on purpose (`--config`, `$TANDEM_CONFIG`) that does not exist:
    /// a mistyped path would otherwise silently run on the built-in configuration.
    public func checkFolders() throws {
        for folder in folders where folder.origin.mustExist && !folder.exists {
            throw TandemError.configInvalid(file: folder.path, key: "-",
                                            problem: "the folder given by \(folder.origin.label) does not exist or is not a folder")
        }
    }

    /// Where `file` comes from: the first folder that has it, else the built-in copy.
    public func origin(of file: ConfigFile) -> ConfigOrigin {
        for folder in folders {
            let path = folder.path(of: file)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                return .file(path: path, folder: folder.origin)
            }
        }
        return .builtIn
    }

    /// The text of `file` in force and the name to give it in an error (its path, or
    /// `built-in NAME`); a folder named on purpose must exist.
    func text(of file: ConfigFile) throws -> (name: String, text: String) {
        try checkFolders()
        switch origin(of: file) {
        case .builtIn:
            return (file.builtInLabel, file.builtInText)
        case .file(let path, _):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TandemError.configInvalid(file: path, key: "-", problem: "file is unreadable")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TandemError.configInvalid(file: path, key: "-", problem: "file is not UTF-8 text")
            }
            return (path, text)
        }
    }

    /// YAML files in the override folders that Tandem does not read (a misspelt `district.yaml`
    /// would otherwise be ignored without a word), as paths.
    public func unknownFiles() -> [String] {
        let known = Set(ConfigFile.allCases.map(\.name))
        return folders.flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !known.contains($0) }
                .map { (folder.path as NSString).appendingPathComponent($0) }
        }
    }
}
