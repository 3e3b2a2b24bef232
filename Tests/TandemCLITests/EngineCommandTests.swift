import Foundation
import Testing
@testable import TandemCLI
import AssignmentSolver
import TandemCore

/// `tandem engine solve`, run as the built binary (found beside the test bundle).
@Suite("Engine: tandem engine solve")
struct EngineCommandTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `tandem` executable in the products directory that holds this test bundle.
    static func tandemExecutable() throws -> URL {
        var candidates: [URL] = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL)
        for directory in candidates {
            let url = directory.appendingPathComponent("tandem")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "tandem beside \(candidates)"])
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = try tandemExecutable()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func instanceFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tandem-engine-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("solves a small instance and prints cost and pairs")
    func solvesSmallInstance() throws {
        // Row 0 prefers column 0, but the optimum gives it column 1.
        let file = try Self.instanceFile("3 3 6\n0 0 1\n0 1 2\n1 0 1\n1 2 9\n2 1 5\n2 2 3\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let plain = try Self.run(["engine", "solve", file])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout == "cost 6\npairs 3\n")
        let withPairs = try Self.run(["engine", "solve", file, "--pairs"])
        #expect(withPairs.stdout == "cost 6\npairs 3\n0 1\n1 0\n2 2\n")
    }

    @Test("reports unmatched when no matching covers the smaller side")
    func reportsUnmatched() throws {
        // Two rows can only use column 0: one of them stays unmatched.
        let file = try Self.instanceFile("2 3 3\n0 0 4\n1 0 1\n1 2 8\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try Self.run(["engine", "solve", file, "--pairs"])
        #expect(result.status == 0)
        #expect(result.stdout == "cost 12\npairs 2\n0 0\n1 2\n")
        let starved = try Self.instanceFile("3 2 3\n0 0 4\n1 0 1\n2 0 2\n")
        defer { try? FileManager.default.removeItem(atPath: starved) }
        let partial = try Self.run(["engine", "solve", starved, "--pairs"])
        #expect(partial.stdout == "cost 1\npairs 1\nunmatched 1\n1 0\n")
    }

    @Test("--time reports parse and solve seconds on stderr")
    func timeFlag() throws {
        let file = try Self.instanceFile("1 1 1\n0 0 7\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try Self.run(["engine", "solve", file, "--time"])
        #expect(result.stdout == "cost 7\npairs 1\n")
        #expect(result.stderr.contains("parse_seconds "))
        #expect(result.stderr.contains("solve_seconds "))
    }

    @Test(
        "a malformed file exits with status 2 and names the line",
        arguments: [
            ("2 2 2\n0 0 1\n5 1 1\n", "line 3: row index 5"),
            ("2 2 1\n0 0 -3\n", "line 2: negative cost"),
            ("2 2 2\n0 0 1\n0 0 2\n", "line 3: duplicate pair 0 0"),
            ("2 2 3\n0 0 1\n1 1 1\n", "line 4: expected 3 edges"),
            ("two 2 1\n0 0 1\n", "line 1: header rows"),
            ("1 1 1\n0 0 x\n", "line 2: cost 'x'"),
        ])
    func malformedFile(text: String, message: String) throws {
        let file = try Self.instanceFile(text)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try Self.run(["engine", "solve", file])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("the report text is built from the solution")
    func reportText() throws {
        let problem = try InstanceParser.parse("2 2 2\n0 1 10\n1 0 11\n")
        let solution = AssignmentSolver.solve(problem)
        let text = String(decoding: EngineSolveCommand.report(solution, problem: problem, withPairs: true), as: UTF8.self)
        #expect(text == "cost 21\npairs 2\n0 1\n1 0\n")
    }
}
