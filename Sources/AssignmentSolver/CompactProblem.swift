/// The part of a problem on chosen rows and columns, and the way back.
struct CompactProblem {
    let problem: AssignmentProblem
    /// Original index of each kept row / column.
    let keptRows: [Int32]
    let keptCols: [Int32]
    let originalRows: Int

    /// Without the rows and columns that have no edge; nil when there are none.
    init?(removingIsolatedFrom original: AssignmentProblem) {
        var colDegree = [Int32](repeating: 0, count: original.cols)
        for j in original.edgeCol { colDegree[Int(j)] += 1 }
        let keepRow = (0..<original.rows).map { original.rowStart[$0] < original.rowStart[$0 + 1] }
        let keepCol = colDegree.map { $0 > 0 }
        guard keepRow.contains(false) || keepCol.contains(false) else { return nil }
        self.init(original, keepRow: keepRow, keepCol: keepCol)
    }

    /// The kept rows and columns with the edges between them.
    init(_ original: AssignmentProblem, keepRow: [Bool], keepCol: [Bool]) {
        var newCol = [Int32](repeating: -1, count: original.cols)
        var keptCols: [Int32] = []
        for j in 0..<original.cols where keepCol[j] {
            newCol[j] = Int32(keptCols.count)
            keptCols.append(Int32(j))
        }
        var keptRows: [Int32] = []
        var rowStart: [Int32] = [0]
        var edgeCol: [Int32] = []
        var edgeCost: [Int32] = []
        for i in 0..<original.rows where keepRow[i] {
            keptRows.append(Int32(i))
            for e in Int(original.rowStart[i])..<Int(original.rowStart[i + 1]) where newCol[Int(original.edgeCol[e])] >= 0 {
                edgeCol.append(newCol[Int(original.edgeCol[e])])
                edgeCost.append(original.edgeCost[e])
            }
            rowStart.append(Int32(edgeCol.count))
        }
        self.problem = AssignmentProblem(
            trustedRows: keptRows.count, cols: keptCols.count, rowStart: rowStart, edgeCol: edgeCol, edgeCost: edgeCost)
        self.keptRows = keptRows
        self.keptCols = keptCols
        self.originalRows = original.rows
    }

    func originalRowToCol(_ compactRowToCol: [Int32]) -> [Int32] {
        var rowToCol = [Int32](repeating: -1, count: originalRows)
        for (r, c) in compactRowToCol.enumerated() where c >= 0 { rowToCol[Int(keptRows[r])] = keptCols[Int(c)] }
        return rowToCol
    }
}
