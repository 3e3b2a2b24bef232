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
        let transposed = problem.rows > problem.cols
        let oriented = transposed ? transpose(problem) : problem
        let realRows = oriented.rows, n = oriented.cols
        if realRows == 0 { return [Int32](repeating: -1, count: problem.rows) }
        for i in 0..<realRows where oriented.rowStart[i] == oriented.rowStart[i + 1] { return nil }

        var state = ScalingAuction.State(
            price: [Int64](repeating: 0, count: n), rowToCol: [Int32](repeating: -1, count: n))
        let orientedRowToCol: [Int32]
        if n >= ScalingAuction.relabelThreshold {
            let order = LocalityOrder(oriented)
            let (rowStart, arcs) = order.packedArcs(oriented)
            guard ScalingAuction.run(n: n, rowStart: rowStart, arcs: arcs, state: &state, warm: false, alpha: alpha)
            else { return nil }
            var restored = [Int32](repeating: -1, count: realRows)
            for r in 0..<realRows { restored[Int(order.rowOrder[r])] = order.colOrder[Int(state.rowToCol[r])] }
            orientedRowToCol = restored
        } else {
            let (rowStart, arcs) = LocalityOrder.packedArcs(oriented)
            guard ScalingAuction.run(n: n, rowStart: rowStart, arcs: arcs, state: &state, warm: false, alpha: alpha)
            else { return nil }
            orientedRowToCol = Array(state.rowToCol[0..<realRows])
        }
        if !transposed { return orientedRowToCol }
        var rowToCol = [Int32](repeating: -1, count: problem.rows)
        for (r, c) in orientedRowToCol.enumerated() { rowToCol[Int(c)] = Int32(r) }
        return rowToCol
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
