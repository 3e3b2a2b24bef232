import AssignmentSolver
import Foundation
import Testing

/// `tandem engine solve` input: any bytes either parse into a well-formed problem or throw
/// an `InstanceFormatError` naming a line; nothing traps. A parsed problem is also solved,
/// so the solver never sees a problem it cannot handle.
@Suite("Fuzz: instance parser")
struct InstanceParserFuzzTests {
    static let seeds: [String] = [
        "2 3 4\r\n1 2 7\n0 0 5\n0 1\t3\n1 0 0\n\n",
        "1 1 1\n0 0 1000000000",
        "3 3 9\n0 0 1\n0 1 2\n0 2 3\n1 0 4\n1 1 5\n1 2 6\n2 0 7\n2 1 8\n2 2 9\n",
        "0 0 0\n",
        "4 2 3\n3 1 0\n0 0 12\n2 1 999\n",
        "2 2 2\n0 0 1\n1 1\n",
    ]

    @Test("mutated instances parse or throw a line-numbered error, and parsed ones solve")
    func mutatedInstances() {
        let runs = FuzzBudget.run { seed in
            var mutator = Mutator(seed: seed)
            let input = mutator.mutate(Array(Self.seeds[mutator.below(Self.seeds.count)].utf8))
            if ProcessInfo.processInfo.environment["TANDEM_FUZZ_SHOW"] != nil {
                FileHandle.standardError.write(Data("seed \(seed) input: \(String(decoding: input, as: UTF8.self).debugDescription)\n".utf8))
            }
            do {
                let problem = try InstanceParser.parse(input)
                #expect(problem.rows >= 0 && problem.cols >= 0 && problem.edgeCount <= problem.rows * problem.cols,
                        "seed \(seed)")
                #expect(problem.edgeCost.allSatisfy { $0 >= 0 && Int($0) <= AssignmentProblem.maximumCost }, "seed \(seed)")
                // Solve only small shapes: a header may declare millions of rows with no edges, and
                // solving that is slow by nature, not a parser bug.
                if problem.edgeCount <= 5_000 && problem.rows <= 5_000 && problem.cols <= 5_000 {
                    let solution = AssignmentSolver.solve(problem)
                    #expect(solution.pairCount <= min(problem.rows, problem.cols), "seed \(seed)")
                }
            } catch let error as InstanceFormatError {
                #expect(error.line >= 1 && !error.message.isEmpty, "seed \(seed): \(error)")
            } catch {
                Issue.record("seed \(seed): not an InstanceFormatError: \(error)")
            }
        }
        print("fuzz: \(runs.count) mutated instances, seeds \(FuzzBudget.seed)…, no trap;"
              + " slowest seed \(runs.slowestSeed) took \(Int(runs.slowestSeconds * 1000)) ms")
        #expect(runs.count > 0)
    }
}
