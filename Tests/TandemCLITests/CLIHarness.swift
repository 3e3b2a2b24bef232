import Foundation
import Testing

/// Runs the built `tandem` binary on a temporary database, as a user would from a shell.
struct CLIHarness {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `tandem` binary built beside the test bundle (`swift build` builds it with the tests).
    static let binary: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("tandem")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/tandem")
    }()

    let folder: URL
    var database: String { folder.appendingPathComponent("tandem.sqlite").path }
    var environment: [String: String]

    init(lang: String = "C.UTF-8") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder.path,
            "LANG": lang,
            "TANDEM_CONFIG": Self.packageRoot.appendingPathComponent("config").path,
            "SWIFT_BACKTRACE": "enable=no",
        ]
    }

    /// Runs `tandem ARGS --db <temporary database>` (the database option is added unless `database` is false).
    @discardableResult
    func run(_ arguments: [String], database useDatabase: Bool = true, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments + (useDatabase ? ["--db", database] : [])
        process.environment = environment.merging(extra) { $1 }
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs a command that must succeed, and returns its output.
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "tandem \(arguments.joined(separator: " ")) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// Runs a command that must be refused: non-zero status, one line on stderr, nothing changed.
    /// Returns the error line.
    @discardableResult
    func refused(_ arguments: [String], environment extra: [String: String] = [:],
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = try state()
        let result = try run(arguments, environment: extra)
        #expect(result.status != 0, "tandem \(arguments.joined(separator: " ")) should fail", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "expected one error line, got: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try state() == before, "tandem \(arguments.joined(separator: " ")) changed the database", sourceLocation: sourceLocation)
        return result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Everything the command line can show of the database, to compare before and after.
    func state() throws -> String {
        guard FileManager.default.fileExists(atPath: database) else { return "no database" }
        return try [["branch", "list"], ["enterprise", "list"], ["request", "list", "--all"], ["operator", "list"],
                    ["log", "--limit", "100000"]].map { command in
            let result = try run(command + ["--format", "json"])
            return result.status == 0 ? result.stdout : "error: \(result.stderr)"
        }.joined(separator: "\n")
    }
}
