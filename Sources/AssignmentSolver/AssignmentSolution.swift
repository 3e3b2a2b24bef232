/// An optimal answer to an `AssignmentProblem`: a matching of maximum
/// cardinality and, among those, of minimum total cost.
public struct AssignmentSolution: Sendable, Equatable {
    /// Sum of the costs of the chosen pairs.
    public let totalCost: Int64
    /// `rowToCol[i]` is the column paired with row `i`, or -1 when unpaired.
    public let rowToCol: [Int32]
    /// `colToRow[j]` is the row paired with column `j`, or -1 when unpaired.
    public let colToRow: [Int32]

    /// Number of pairs in the matching.
    public let pairCount: Int

    /// The chosen pairs as (row, col), in row order.
    public var pairs: [(row: Int, col: Int)] {
        var result: [(row: Int, col: Int)] = []
        result.reserveCapacity(pairCount)
        for (i, j) in rowToCol.enumerated() where j >= 0 { result.append((i, Int(j))) }
        return result
    }

    /// How many of the smaller side stay unpaired (0 when the matching covers it).
    public func unmatchedCount(rows: Int, cols: Int) -> Int { min(rows, cols) - pairCount }

    /// Builds the solution from a row-to-column map, computing the cost and the
    /// reverse map from the problem's edges.
    init(problem: AssignmentProblem, rowToCol: [Int32]) {
        var colToRow = [Int32](repeating: -1, count: problem.cols)
        var total: Int64 = 0
        var count = 0
        for i in 0..<problem.rows {
            let j = Int(rowToCol[i])
            if j < 0 { continue }
            guard let cost = problem.cost(row: i, col: j) else {
                preconditionFailure("solver chose the forbidden pair \(i) \(j)")
            }
            precondition(colToRow[j] < 0, "solver paired column \(j) twice")
            colToRow[j] = Int32(i)
            total += Int64(cost)
            count += 1
        }
        self.totalCost = total
        self.rowToCol = rowToCol
        self.colToRow = colToRow
        self.pairCount = count
    }

}
