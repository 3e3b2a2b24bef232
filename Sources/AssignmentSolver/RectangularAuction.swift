/// Rectangular problems solved by the auction as square ones.
///
/// With rows ≤ cols (the problem is transposed otherwise), cols − rows dummy
/// rows join every column at cost 0: a minimum-cost perfect matching of that
/// square problem is a minimum-cost matching covering every real row, plus
/// dummies on the columns left over, and it is exact at ε = 1 like any
/// square auction. The dummy rows stay implicit: a dummy bids on the
/// cheapest column (`CheapestColumns`), so they cost no arcs. nil when no
/// matching covers the smaller side (the caller then uses shortest
/// augmenting paths with slack columns).
enum RectangularAuction {
    static func solve(_ problem: AssignmentProblem, alpha: Int64 = 8) -> [Int32]? {
        if case .optimal(let rowToCol) = answer(problem, alpha: alpha) { return rowToCol }
        return nil
    }

    /// The optimal pairs, or a maximum matching when none covers the smaller side.
    /// `bidBudget`: give up (`gaveUp`) after that many bids over all phases.
    static func answer(_ problem: AssignmentProblem, alpha: Int64 = 8, bidBudget: Int = Int.max) -> AuctionAnswer {
        let transposed = problem.rows > problem.cols
        let oriented = transposed ? transpose(problem) : problem
        let realRows = oriented.rows, n = oriented.cols
        if realRows == 0 { return .optimal([Int32](repeating: -1, count: problem.rows)) }
        if (0..<realRows).contains(where: { oriented.rowStart[$0] == oriented.rowStart[$0 + 1] }) { return .gaveUp }

        var state = ScalingAuction.State(
            price: [Int64](repeating: 0, count: n), rowToCol: [Int32](repeating: -1, count: n))
        var orientedRowToCol = [Int32](repeating: -1, count: realRows)
        let outcome: ScalingAuction.RunOutcome
        if n >= ScalingAuction.relabelThreshold {
            let order = LocalityOrder(oriented)
            let (rowStart, arcs) = order.packedArcs(oriented)
            outcome = ScalingAuction.run(n: n, rowStart: rowStart, arcs: arcs, state: &state, warm: false, alpha: alpha, bidBudget: bidBudget)
            for r in 0..<realRows where state.rowToCol[r] >= 0 {
                orientedRowToCol[Int(order.rowOrder[r])] = order.colOrder[Int(state.rowToCol[r])]
            }
        } else {
            let (rowStart, arcs) = LocalityOrder.packedArcs(oriented)
            outcome = ScalingAuction.run(n: n, rowStart: rowStart, arcs: arcs, state: &state, warm: false, alpha: alpha, bidBudget: bidBudget)
            orientedRowToCol = Array(state.rowToCol[0..<realRows])
        }
        var rowToCol = orientedRowToCol
        if transposed {
            rowToCol = [Int32](repeating: -1, count: problem.rows)
            for (r, c) in orientedRowToCol.enumerated() where c >= 0 { rowToCol[Int(c)] = Int32(r) }
        }
        return AuctionAnswer(outcome, rowToCol: rowToCol)
    }

    /// The same problem with rows and columns swapped.
    static func transpose(_ problem: AssignmentProblem) -> AssignmentProblem {
        var start = [Int32](repeating: 0, count: problem.cols + 1)
        for j in problem.edgeCol { start[Int(j) + 1] += 1 }
        for j in 0..<problem.cols { start[j + 1] += start[j] }
        var next = Array(start.dropLast())
        var edgeCol = [Int32](repeating: 0, count: problem.edgeCount)
        var edgeCost = [Int32](repeating: 0, count: problem.edgeCount)
        for i in 0..<problem.rows {
            for e in Int(problem.rowStart[i])..<Int(problem.rowStart[i + 1]) {
                let j = Int(problem.edgeCol[e])
                edgeCol[Int(next[j])] = Int32(i)
                edgeCost[Int(next[j])] = problem.edgeCost[e]
                next[j] += 1
            }
        }
        return AssignmentProblem(
            trustedRows: problem.cols, cols: problem.rows, rowStart: start, edgeCol: edgeCol, edgeCost: edgeCost)
    }
}
