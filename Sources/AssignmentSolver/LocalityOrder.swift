/// A relabelling of rows and columns in breadth-first order over the
/// bipartite graph (Cuthill–McKee style). On geographic k-nearest graphs,
/// whose input numbering is random, neighbours then get nearby labels, so
/// the rows an auction visits in a row and the prices they read share cache
/// lines.
struct LocalityOrder {
    /// `rowOrder[r]` is the original index of relabelled row `r`.
    let rowOrder: [Int32]
    /// `colLabel[j]` is the new label of original column `j`.
    let colLabel: [Int32]
    /// `colOrder[c]` is the original index of relabelled column `c`.
    let colOrder: [Int32]

    init(_ problem: AssignmentProblem) {
        let rows = problem.rows, cols = problem.cols
        // Column → rows adjacency.
        var colStart = [Int32](repeating: 0, count: cols + 1)
        for j in problem.edgeCol { colStart[Int(j) + 1] += 1 }
        for j in 0..<cols { colStart[j + 1] += colStart[j] }
        var next = Array(colStart.dropLast())
        var colRows = [Int32](repeating: 0, count: problem.edgeCount)
        for i in 0..<rows {
            for e in Int(problem.rowStart[i])..<Int(problem.rowStart[i + 1]) {
                let j = Int(problem.edgeCol[e])
                colRows[Int(next[j])] = Int32(i)
                next[j] += 1
            }
        }
        var rowOrder = [Int32](repeating: 0, count: rows)
        var rowSeen = [Bool](repeating: false, count: rows)
        var colLabel = [Int32](repeating: -1, count: cols)
        var colOrder = [Int32](repeating: 0, count: cols)
        var rowCount = 0, colCount = 0
        var head = 0
        for root in 0..<rows where !rowSeen[root] {
            rowSeen[root] = true
            rowOrder[rowCount] = Int32(root)
            rowCount += 1
            while head < rowCount {
                let i = Int(rowOrder[head])
                head += 1
                for e in Int(problem.rowStart[i])..<Int(problem.rowStart[i + 1]) {
                    let j = Int(problem.edgeCol[e])
                    if colLabel[j] >= 0 { continue }
                    colLabel[j] = Int32(colCount)
                    colOrder[colCount] = Int32(j)
                    colCount += 1
                    for f in Int(colStart[j])..<Int(colStart[j + 1]) {
                        let r = Int(colRows[f])
                        if rowSeen[r] { continue }
                        rowSeen[r] = true
                        rowOrder[rowCount] = Int32(r)
                        rowCount += 1
                    }
                }
            }
        }
        // Columns without edges come last.
        for j in 0..<cols where colLabel[j] < 0 {
            colLabel[j] = Int32(colCount)
            colOrder[colCount] = Int32(j)
            colCount += 1
        }
        self.rowOrder = rowOrder
        self.colLabel = colLabel
        self.colOrder = colOrder
    }

    /// The problem's arcs packed as (cost << 32 | column), in the original numbering.
    static func packedArcs(_ problem: AssignmentProblem) -> (rowStart: [Int32], arcs: [UInt64]) {
        var arcs = [UInt64](repeating: 0, count: problem.edgeCount)
        for e in 0..<problem.edgeCount {
            arcs[e] = UInt64(UInt32(problem.edgeCost[e])) << 32 | UInt64(UInt32(problem.edgeCol[e]))
        }
        return (problem.rowStart, arcs)
    }

    /// The problem's arcs packed as (cost << 32 | column), relabelled.
    func packedArcs(_ problem: AssignmentProblem) -> (rowStart: [Int32], arcs: [UInt64]) {
        var rowStart = [Int32](repeating: 0, count: problem.rows + 1)
        var arcs = [UInt64](repeating: 0, count: problem.edgeCount)
        var count = 0
        for r in 0..<problem.rows {
            let i = Int(rowOrder[r])
            for e in Int(problem.rowStart[i])..<Int(problem.rowStart[i + 1]) {
                let label = UInt32(colLabel[Int(problem.edgeCol[e])])
                arcs[count] = UInt64(UInt32(problem.edgeCost[e])) << 32 | UInt64(label)
                count += 1
            }
            rowStart[r + 1] = Int32(count)
        }
        return (rowStart, arcs)
    }

    /// A state of the relabelled problem in the original numbering.
    func restore(_ state: ScalingAuction.State) -> ScalingAuction.State {
        var rowToCol = [Int32](repeating: -1, count: rowOrder.count)
        for (r, c) in state.rowToCol.enumerated() where c >= 0 {
            rowToCol[Int(rowOrder[r])] = colOrder[Int(c)]
        }
        var price = [Int64](repeating: 0, count: colOrder.count)
        for (c, p) in state.price.enumerated() { price[Int(colOrder[c])] = p }
        return ScalingAuction.State(price: price, rowToCol: rowToCol)
    }
}
