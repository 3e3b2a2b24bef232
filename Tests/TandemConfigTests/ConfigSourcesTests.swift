import Foundation
import TandemConfig
import TandemCore
import Testing

/// The built-in configuration and the folders that override it file by file.
@Suite("Config sources: built in, overridden file by file")
struct ConfigSourcesTests {
    static let shippedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config").path

    /// A fresh temporary folder holding `files` (name → text).
    static func folder(_ files: [String: String] = [:]) throws -> String {
        let path = NSTemporaryDirectory() + "tandem-config-sources-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    static func shipped(_ file: ConfigFile) throws -> String {
        try String(contentsOfFile: shippedFolder + "/" + file.name, encoding: .utf8)
    }

    /// engine.yaml with another reach, to tell which copy was read.
    static func engine(maxDistance: Int) throws -> String {
        let text = try shipped(.engine)
        #expect(text.contains("max_distance_km: 150"), "the shipped engine.yaml sets max_distance_km: 150")
        return text.replacingOccurrences(of: "max_distance_km: 150", with: "max_distance_km: \(maxDistance)")
    }

    @Test("the built-in files are the shipped config/, byte for byte, and every shipped file is built in")
    func builtInIsTheShippedFolder() throws {
        for file in ConfigFile.allCases {
            #expect(file.builtInText == (try Self.shipped(file)), "\(file.name) differs from config/\(file.name)")
        }
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Self.shippedFolder).filter { $0.hasSuffix(".yaml") }
        #expect(Set(shipped) == Set(ConfigFile.allCases.map(\.name)))
    }

    @Test("the built-in configuration loads alone, with no folder at all")
    func builtInLoads() throws {
        let configuration = try ConfigLoader.load(from: .builtIn)
        #expect(configuration.geography.districts.count == 38)
        #expect(configuration.weights.maxDistanceKm == 150)
        #expect(try ConfigLoader.loadBulletin(from: .builtIn).issuers.isEmpty == false)
        #expect(try ConfigLoader.loadColumns(from: .builtIn).headers(.enterprises, .en).isEmpty == false)
        for file in ConfigFile.allCases { #expect(ConfigSources.builtIn.origin(of: file) == .builtIn) }
    }

    @Test("the folders searched: --config, $TANDEM_CONFIG, $XDG_CONFIG_HOME/tandem (else ~/.config/tandem), /etc/tandem")
    func standardFolders() {
        let all = ConfigSources.standard(explicit: "/opt/mine", environment: [
            "TANDEM_CONFIG": "/srv/env", "XDG_CONFIG_HOME": "/home/u/xdg", "HOME": "/home/u"])
        #expect(all.folders == [
            ConfigFolder(path: "/opt/mine", origin: .option), ConfigFolder(path: "/srv/env", origin: .environment),
            ConfigFolder(path: "/home/u/xdg/tandem", origin: .user), ConfigFolder(path: "/etc/tandem", origin: .system)])
        // Unset, empty or relative XDG_CONFIG_HOME means ~/.config (the XDG base directory specification).
        for xdg in [nil, "", "relative/xdg"] as [String?] {
            var environment = ["HOME": "/home/u"]
            environment["XDG_CONFIG_HOME"] = xdg
            let sources = ConfigSources.standard(explicit: nil, environment: environment)
            #expect(sources.folders == [ConfigFolder(path: "/home/u/.config/tandem", origin: .user),
                                        ConfigFolder(path: "/etc/tandem", origin: .system)])
        }
        #expect(ConfigSources.standard(explicit: "", environment: ["TANDEM_CONFIG": "", "HOME": "/h"]).folders.map(\.origin) == [.user, .system])
        // The setgid shared-host binary trusts the host's folder only.
        #expect(ConfigSources.trusted().folders == [ConfigFolder(path: "/etc/tandem", origin: .system)])
    }

    @Test("each file comes from the first folder that has it, else it is built in")
    func precedenceFileByFile() throws {
        let option = try Self.folder([ConfigFile.categories.name: try Self.shipped(.categories)])
        let environment = try Self.folder()
        let xdg = try Self.folder()
        let user = xdg + "/tandem"
        try FileManager.default.createDirectory(atPath: user, withIntermediateDirectories: true)
        try (try Self.engine(maxDistance: 120)).write(toFile: user + "/engine.yaml", atomically: true, encoding: .utf8)
        let system = try Self.folder(["engine.yaml": try Self.engine(maxDistance: 100), "districts.yaml": try Self.shipped(.districts)])

        let sources = ConfigSources.standard(explicit: option, environment: [
            "TANDEM_CONFIG": environment, "XDG_CONFIG_HOME": xdg, "HOME": "/nonexistent"], systemFolder: system)
        #expect(sources.origin(of: .categories) == .file(path: option + "/categories.yaml", folder: .option))
        #expect(sources.origin(of: .engine) == .file(path: user + "/engine.yaml", folder: .user))
        #expect(sources.origin(of: .districts) == .file(path: system + "/districts.yaml", folder: .system))
        #expect(sources.origin(of: .bulletin) == .builtIn)
        #expect(sources.origin(of: .columns) == .builtIn)
        // The user's engine.yaml wins over the host's.
        #expect(try ConfigLoader.load(from: sources).weights.maxDistanceKm == 120)

        // $TANDEM_CONFIG above both once it has the file; --config above it.
        try (try Self.engine(maxDistance: 90)).write(toFile: environment + "/engine.yaml", atomically: true, encoding: .utf8)
        #expect(try ConfigLoader.load(from: sources).weights.maxDistanceKm == 90)
        try (try Self.engine(maxDistance: 80)).write(toFile: option + "/engine.yaml", atomically: true, encoding: .utf8)
        #expect(try ConfigLoader.load(from: sources).weights.maxDistanceKm == 80)
        #expect(try ConfigLoader.load(from: sources).sources == sources)

        // Without the folders named by the user, only the host's folder overrides.
        let trusted = ConfigSources.trusted(systemFolder: system)
        #expect(try ConfigLoader.load(from: trusted).weights.maxDistanceKm == 100)
        #expect(trusted.origin(of: .categories) == .builtIn)
    }

    @Test("a broken override is refused naming its file, key and problem; one shadowed by a higher folder is not read")
    func brokenOverride() throws {
        let broken = try Self.shipped(.engine).replacingOccurrences(of: "per_km: 10", with: "per_km: ten")
        let user = try Self.folder(["engine.yaml": broken])
        let sources = ConfigSources(folders: [ConfigFolder(path: user, origin: .user)])
        #expect {
            try ConfigLoader.load(from: sources)
        } throws: { error in
            guard case .configInvalid(let file, let key, let problem) = error as? TandemError else { return false }
            return file == user + "/engine.yaml" && key == "per_km" && problem.contains("Int")
        }
        #expect(throws: TandemError.self) { try ConfigLoader.check(.engine, from: sources) }
        // The other files still check on their own (`tandem config show` reports each).
        #expect(throws: Never.self) { try ConfigLoader.check(.districts, from: sources) }

        let badDistricts = try Self.shipped(.districts).replacingOccurrences(of: "kind: county", with: "kind: village")
        let system = try Self.folder(["districts.yaml": badDistricts])
        let layered = ConfigSources(folders: [ConfigFolder(path: system, origin: .system)])
        let error = try #require(throws: TandemError.self) { try ConfigLoader.load(from: layered) }
        guard case .configInvalid(let file, let key, let problem) = error else { Issue.record("\(error)"); return }
        #expect(file == system + "/districts.yaml")
        #expect(key.hasPrefix("districts[") && key.hasSuffix("].kind"))
        #expect(problem == "expected district or county, found village")
        #expect(error.problem(.en).hasPrefix("config file \(system)/districts.yaml, key districts["))

        // A good districts.yaml in a higher folder shadows the broken one.
        let fixed = try Self.folder(["districts.yaml": try Self.shipped(.districts)])
        let shadowed = ConfigSources(folders: [ConfigFolder(path: system, origin: .system), ConfigFolder(path: fixed, origin: .option)])
        #expect(try ConfigLoader.load(from: shadowed).geography.districts.count == 38)
    }

    @Test("YAML that does not parse, or is not UTF-8, names the overriding file")
    func unparsableOverride() throws {
        let folder = try Self.folder(["categories.yaml": "capabilities: [unclosed\n"])
        try Data([0xff, 0xfe, 0x00]).write(to: URL(fileURLWithPath: folder + "/bulletin.yaml"))
        let sources = ConfigSources.folder(folder)
        #expect {
            try ConfigLoader.load(from: sources)
        } throws: { error in
            guard case .configInvalid(let file, _, let problem) = error as? TandemError else { return false }
            return file == folder + "/categories.yaml" && !problem.isEmpty
        }
        #expect {
            try ConfigLoader.loadBulletin(from: sources)
        } throws: { error in
            (error as? TandemError) == .configInvalid(file: folder + "/bulletin.yaml", key: "-", problem: "file is not UTF-8 text")
        }
    }

    @Test("a folder named by --config or $TANDEM_CONFIG must exist; the conventional folders may be absent")
    func missingFolders() throws {
        let missing = NSTemporaryDirectory() + "tandem-no-such-folder-\(UUID().uuidString)"
        for (explicit, environment) in [(missing, [:]), (nil, ["TANDEM_CONFIG": missing])] as [(String?, [String: String])] {
            var env = environment
            env["HOME"] = missing
            let sources = ConfigSources.standard(explicit: explicit, environment: env, systemFolder: missing + "/etc")
            #expect {
                try ConfigLoader.load(from: sources)
            } throws: { error in
                guard case .configInvalid(let file, _, let problem) = error as? TandemError else { return false }
                return file == missing && problem.contains(explicit == nil ? "$TANDEM_CONFIG" : "--config")
            }
        }
        let conventional = ConfigSources.standard(explicit: nil, environment: ["HOME": missing], systemFolder: missing + "/etc")
        #expect(try ConfigLoader.load(from: conventional).geography.groups.count == 10)
        // A file given as --config is not a folder either.
        let file = try Self.folder(["x.yaml": "a: 1"]) + "/x.yaml"
        #expect(throws: TandemError.self) { try ConfigLoader.load(from: .folder(file)) }
    }

    @Test("YAML files Tandem does not read are listed, so a misspelt override is not silently ignored")
    func unknownFiles() throws {
        let folder = try Self.folder(["district.yaml": "x: 1", "engine.yaml": try Self.shipped(.engine), "notes.txt": "hi", "extra.yml": "y: 2"])
        #expect(ConfigSources.folder(folder).unknownFiles() == [folder + "/district.yaml", folder + "/extra.yml"])
        #expect(ConfigSources.builtIn.unknownFiles().isEmpty)
    }
}
