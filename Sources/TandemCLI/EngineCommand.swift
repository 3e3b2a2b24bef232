import ArgumentParser
import Foundation
import AssignmentSolver
import TandemCore

/// `tandem engine …`: the pairing engine on raw instances.
struct EngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Run the pairing engine on a raw assignment instance.",
        subcommands: [EngineSolveCommand.self]
    )
}

/// `tandem engine solve FILE [--pairs]`: an optimal matching of a raw instance.
struct EngineSolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a raw instance: minimum-cost matching of maximum cardinality.",
        discussion: """
            FILE holds a header line 'rows cols edges', then one line 'i j cost' per edge \
            (0-based i < rows, j < cols, 0 <= cost <= 1000000000, no pair twice; a missing \
            pair is forbidden). Prints 'cost TOTAL' and 'pairs K', then 'unmatched U' when the \
            matching does not cover the smaller side. A malformed file exits with status 2.
            """
    )

    @Argument(help: "The instance file.")
    var file: String

    @Flag(help: "Also print one 'i j' line per pair, in row order.")
    var pairs = false

    @Flag(help: .hidden)
    var time = false

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let data: Data
        do {
            // Mapped, not copied: a dense 4000² instance is 260 MB of text.
            data = try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
        } catch {
            printError("tandem: cannot read \(file): \(error.localizedDescription)")
            Self.exit(status: 1)
        }
        let problem: AssignmentProblem
        do {
            problem = try data.withUnsafeBytes { bytes in try InstanceParser.parse(bytes) }
        } catch let error as InstanceFormatError {
            printError("tandem: \(file): \(error.description)")
            Self.exit(status: 2)
        }
        let parsed = clock.now
        let solution = AssignmentSolver.solve(problem)
        let solved = clock.now

        FileHandle.standardOutput.write(Data(Self.report(solution, problem: problem, withPairs: pairs)))
        if time {
            printError("parse_seconds \(Self.seconds(parsed - started))")
            printError("solve_seconds \(Self.seconds(solved - parsed))")
        }
    }

    /// The text printed on standard output, as bytes.
    static func report(_ solution: AssignmentSolution, problem: AssignmentProblem, withPairs: Bool) -> [UInt8] {
        var out = Array("cost \(solution.totalCost)\npairs \(solution.pairCount)\n".utf8)
        let unmatched = solution.unmatchedCount(rows: problem.rows, cols: problem.cols)
        if unmatched > 0 { out += Array("unmatched \(unmatched)\n".utf8) }
        if withPairs {
            out.reserveCapacity(out.count + solution.pairCount * 14)
            for (i, j) in solution.rowToCol.enumerated() where j >= 0 {
                appendDecimal(i, to: &out)
                out.append(UInt8(ascii: " "))
                appendDecimal(Int(j), to: &out)
                out.append(UInt8(ascii: "\n"))
            }
        }
        return out
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(48 + value))
            return
        }
        appendDecimal(value / 10, to: &out)
        out.append(UInt8(48 + value % 10))
    }

    private static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        return String(format: "%.4f", Double(whole) + Double(attoseconds) / 1e18)
    }

    /// Exits at once after the one-line message: `TandemCommand.runMain`
    /// would add a usage hint line to a thrown `ExitCode`.
    private static func exit(status: Int32) -> Never {
        Foundation.exit(status)
    }

    private func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
