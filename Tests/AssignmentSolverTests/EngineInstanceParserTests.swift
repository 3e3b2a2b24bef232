import Testing
@testable import AssignmentSolver

@Suite("Engine: instance parser")
struct EngineInstanceParserTests {
    @Test("reads a well-formed instance, any edge order, CRLF and trailing blank lines")
    func wellFormed() throws {
        let problem = try InstanceParser.parse("2 3 4\r\n1 2 7\n0 0 5\n0 1\t3\n1 0 0\n\n")
        #expect(problem.rows == 2 && problem.cols == 3 && problem.edgeCount == 4)
        #expect(problem.cost(row: 0, col: 0) == 5)
        #expect(problem.cost(row: 0, col: 1) == 3)
        #expect(problem.cost(row: 1, col: 2) == 7)
        #expect(problem.cost(row: 1, col: 0) == 0)
        #expect(problem.cost(row: 1, col: 1) == nil)
        let solution = AssignmentSolver.solve(problem)
        #expect(solution.totalCost == 3 && solution.pairCount == 2)
    }

    @Test("accepts the maximum cost and a file without a final newline")
    func limits() throws {
        let problem = try InstanceParser.parse("1 1 1\n0 0 1000000000")
        #expect(problem.cost(row: 0, col: 0) == 1_000_000_000)
        #expect(AssignmentSolver.solve(problem).totalCost == 1_000_000_000)
    }

    static let malformed: [(name: String, text: String, line: Int, mentions: String)] = [
        ("empty file", "", 1, "header"),
        ("header with two fields", "2 2\n0 0 1\n", 1, "header"),
        ("non-numeric header", "2 x 1\n0 0 1\n", 1, "cols"),
        ("more edges than pairs", "1 1 2\n0 0 1\n0 0 2\n", 1, "rows × cols"),
        ("row index >= rows", "2 2 2\n0 0 1\n2 1 1\n", 3, "row index 2"),
        ("column index >= cols", "2 2 2\n0 0 1\n1 5 1\n", 3, "column index 5"),
        ("negative cost", "2 2 2\n0 0 1\n1 1 -4\n", 3, "negative cost"),
        ("negative row", "2 2 1\n-1 0 1\n", 2, "negative row index"),
        ("cost too large", "1 2 2\n0 0 1\n0 1 1000000001\n", 3, "exceeds"),
        ("a billion rows claimed by the header", "1000000000 1 1\n0 0 1\n", 1, "rows 1000000000 is too large"),
        ("huge cost", "1 1 1\n0 0 99999999999999999999999\n", 2, "exceeds"),
        ("non-numeric cost", "2 2 2\n0 0 1\n1 1 abc\n", 3, "'abc'"),
        ("decimal cost", "1 1 1\n0 0 1.5\n", 2, "'1.5'"),
        ("missing field", "2 2 2\n0 0 1\n1 1\n", 3, "3 fields"),
        ("extra field", "2 2 2\n0 0 1 9\n1 1 1\n", 2, "3 fields"),
        ("duplicate pair", "2 2 3\n0 0 1\n1 1 1\n0 0 2\n", 4, "duplicate pair 0 0"),
        ("too few edge lines", "2 2 3\n0 0 1\n1 1 1\n", 4, "expected 3 edges"),
        ("too many edge lines", "2 2 1\n0 0 1\n1 1 1\n", 3, "more edge lines"),
        ("blank line between edges", "2 2 2\n0 0 1\n\n1 1 1\n", 3, "empty line"),
    ]

    @Test("a malformed file names the line", arguments: malformed)
    func malformedFile(name: String, text: String, line: Int, mentions: String) {
        #expect(throws: InstanceFormatError.self, "\(name)") { try InstanceParser.parse(text) }
        do {
            _ = try InstanceParser.parse(text)
        } catch {
            #expect(error.line == line, "\(name): \(error)")
            #expect(error.message.contains(mentions), "\(name): \(error)")
            #expect(error.description.hasPrefix("line \(line): "))
        }
    }

    @Test("AssignmentProblem rejects bad edges with their position")
    func problemValidation() {
        #expect(throws: AssignmentProblemError.rowOutOfRange(edgeIndex: 1, row: 3, rows: 2)) {
            try AssignmentProblem(rows: 2, cols: 2, edges: [.init(row: 0, col: 0, cost: 1), .init(row: 3, col: 0, cost: 1)])
        }
        #expect(throws: AssignmentProblemError.costOutOfRange(edgeIndex: 0, cost: -1)) {
            try AssignmentProblem(rows: 2, cols: 2, edges: [.init(row: 0, col: 0, cost: -1)])
        }
        #expect(throws: AssignmentProblemError.duplicatePair(edgeIndex: 2, row: 1, col: 1)) {
            try AssignmentProblem(
                rows: 2, cols: 2,
                edges: [.init(row: 1, col: 1, cost: 1), .init(row: 0, col: 1, cost: 1), .init(row: 1, col: 1, cost: 2)])
        }
    }
}
