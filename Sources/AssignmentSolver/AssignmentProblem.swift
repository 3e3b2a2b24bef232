/// One allowed pairing of row `row` with column `col` at `cost`.
public struct AssignmentEdge: Sendable, Hashable {
    public var row: Int
    public var col: Int
    public var cost: Int

    public init(row: Int, col: Int, cost: Int) {
        self.row = row
        self.col = col
        self.cost = cost
    }
}

/// Why a set of edges is not a valid assignment problem. `edgeIndex` is the
/// 0-based position of the offending edge in the input order.
public enum AssignmentProblemError: Error, Sendable, Equatable, CustomStringConvertible {
    case negativeSize(rows: Int, cols: Int)
    case rowOutOfRange(edgeIndex: Int, row: Int, rows: Int)
    case colOutOfRange(edgeIndex: Int, col: Int, cols: Int)
    case costOutOfRange(edgeIndex: Int, cost: Int)
    case duplicatePair(edgeIndex: Int, row: Int, col: Int)
    case tooManyEdges(count: Int)

    public var edgeIndex: Int? {
        switch self {
        case .negativeSize, .tooManyEdges: return nil
        case .rowOutOfRange(let index, _, _), .colOutOfRange(let index, _, _),
             .costOutOfRange(let index, _), .duplicatePair(let index, _, _):
            return index
        }
    }

    public var description: String {
        switch self {
        case .negativeSize(let rows, let cols):
            return "negative size \(rows) x \(cols)"
        case .rowOutOfRange(_, let row, let rows):
            return "row index \(row) out of range (rows = \(rows))"
        case .colOutOfRange(_, let col, let cols):
            return "column index \(col) out of range (cols = \(cols))"
        case .costOutOfRange(_, let cost):
            return "cost \(cost) out of range 0...\(AssignmentProblem.maximumCost)"
        case .duplicatePair(_, let row, let col):
            return "duplicate pair \(row) \(col)"
        case .tooManyEdges(let count):
            return "too many edges (\(count)); at most \(Int32.max)"
        }
    }
}

/// A minimum-cost one-to-one assignment problem on a rectangular, sparse
/// bipartite graph: `rows` × `cols`, integer edge costs in `0...maximumCost`,
/// a missing pair is forbidden. Stored as compressed sparse rows (CSR): the
/// edges of row `i` are `rowStart[i] ..< rowStart[i + 1]` in `edgeCol` and
/// `edgeCost`, in input order. Memory grows with the number of edges.
public struct AssignmentProblem: Sendable {
    /// Largest accepted edge cost; `rows * maximumCost` fits easily in `Int64`.
    public static let maximumCost = 1_000_000_000

    public let rows: Int
    public let cols: Int
    public let rowStart: [Int32]
    public let edgeCol: [Int32]
    public let edgeCost: [Int32]

    public var edgeCount: Int { edgeCol.count }
    /// Every (row, col) pair is an edge.
    public var isComplete: Bool { edgeCount == rows * cols }

    /// Builds the problem from edges in any order; throws on an index or cost
    /// out of range and on a pair given twice.
    public init(rows: Int, cols: Int, edges: [AssignmentEdge]) throws(AssignmentProblemError) {
        guard rows >= 0, cols >= 0 else { throw .negativeSize(rows: rows, cols: cols) }
        guard edges.count <= Int(Int32.max) else { throw .tooManyEdges(count: edges.count) }
        var edgeRow = [Int32](repeating: 0, count: edges.count)
        var edgeCol = [Int32](repeating: 0, count: edges.count)
        var edgeCost = [Int32](repeating: 0, count: edges.count)
        for (index, edge) in edges.enumerated() {
            guard edge.row >= 0, edge.row < rows else {
                throw .rowOutOfRange(edgeIndex: index, row: edge.row, rows: rows)
            }
            guard edge.col >= 0, edge.col < cols else {
                throw .colOutOfRange(edgeIndex: index, col: edge.col, cols: cols)
            }
            guard edge.cost >= 0, edge.cost <= Self.maximumCost else {
                throw .costOutOfRange(edgeIndex: index, cost: edge.cost)
            }
            edgeRow[index] = Int32(edge.row)
            edgeCol[index] = Int32(edge.col)
            edgeCost[index] = Int32(edge.cost)
        }
        try self.init(validatedRows: rows, cols: cols, edgeRow: edgeRow, edgeCol: edgeCol, edgeCost: edgeCost)
    }

    /// Convenience for a complete problem given as a matrix of costs
    /// (`costs[i][j]`, all rows the same length).
    public init(denseCosts costs: [[Int]]) throws(AssignmentProblemError) {
        let cols = costs.first?.count ?? 0
        var edges: [AssignmentEdge] = []
        edges.reserveCapacity(costs.count * cols)
        for (i, row) in costs.enumerated() {
            precondition(row.count == cols, "rows of a dense cost matrix must have the same length")
            for (j, cost) in row.enumerated() { edges.append(AssignmentEdge(row: i, col: j, cost: cost)) }
        }
        try self.init(rows: costs.count, cols: cols, edges: edges)
    }

    /// Builds the CSR from edge arrays whose indices and costs are already in
    /// range (the instance parser checks them as it reads); checks duplicates.
    public init(validatedRows rows: Int, cols: Int, edgeRow: [Int32], edgeCol: [Int32], edgeCost: [Int32])
        throws(AssignmentProblemError)
    {
        self.rows = rows
        self.cols = cols
        let count = edgeRow.count
        var start = [Int32](repeating: 0, count: rows + 1)
        var sortedByRow = true
        var previousRow: Int32 = 0
        for row in edgeRow {
            start[Int(row) + 1] &+= 1
            if row < previousRow { sortedByRow = false }
            previousRow = row
        }
        for i in 0..<rows { start[i + 1] &+= start[i] }
        if sortedByRow {
            self.edgeCol = edgeCol
            self.edgeCost = edgeCost
        } else {
            var next = Array(start.dropLast())
            var cols32 = [Int32](repeating: 0, count: count)
            var costs32 = [Int32](repeating: 0, count: count)
            for e in 0..<count {
                let row = Int(edgeRow[e])
                let slot = Int(next[row])
                next[row] = Int32(slot + 1)
                cols32[slot] = edgeCol[e]
                costs32[slot] = edgeCost[e]
            }
            self.edgeCol = cols32
            self.edgeCost = costs32
        }
        self.rowStart = start
        if let (row, col) = Self.firstDuplicate(rows: rows, cols: cols, rowStart: start, edgeCol: self.edgeCol) {
            // Rare error path: find the second occurrence in input order.
            var seen = false
            for e in 0..<count where Int(edgeRow[e]) == row && Int(edgeCol[e]) == col {
                if seen { throw .duplicatePair(edgeIndex: e, row: row, col: col) }
                seen = true
            }
            throw .duplicatePair(edgeIndex: count - 1, row: row, col: col)
        }
    }

    /// Wraps CSR arrays built by the engine itself (valid by construction).
    init(trustedRows rows: Int, cols: Int, rowStart: [Int32], edgeCol: [Int32], edgeCost: [Int32]) {
        self.rows = rows
        self.cols = cols
        self.rowStart = rowStart
        self.edgeCol = edgeCol
        self.edgeCost = edgeCost
    }

    /// The earliest-row pair that occurs twice, found with a column stamp array.
    private static func firstDuplicate(rows: Int, cols: Int, rowStart: [Int32], edgeCol: [Int32]) -> (Int, Int)? {
        if rows == 0 || cols == 0 { return nil }
        var stamp = [Int32](repeating: -1, count: cols)
        return stamp.withUnsafeMutableBufferPointer { stamp -> (Int, Int)? in
            edgeCol.withUnsafeBufferPointer { edgeCol -> (Int, Int)? in
                for i in 0..<rows {
                    let row32 = Int32(i)
                    for e in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                        let j = Int(edgeCol[e])
                        if stamp[j] == row32 { return (i, j) }
                        stamp[j] = row32
                    }
                }
                return nil
            }
        }
    }

    /// The cost of edge (row, col), or nil when the pair is forbidden.
    public func cost(row: Int, col: Int) -> Int? {
        guard row >= 0, row < rows else { return nil }
        for e in Int(rowStart[row])..<Int(rowStart[row + 1]) where Int(edgeCol[e]) == col {
            return Int(edgeCost[e])
        }
        return nil
    }

    /// Row-major `rows × cols` costs of a complete problem; shares storage
    /// with `edgeCost` when the edges were given in row-major order.
    func denseCostMatrix() -> [Int32] {
        precondition(isComplete)
        var inOrder = true
        edgeCol.withUnsafeBufferPointer { edgeCol in
            var expected: Int32 = 0
            let last = Int32(cols)
            for j in edgeCol {
                if j != expected { inOrder = false; break }
                expected += 1
                if expected == last { expected = 0 }
            }
        }
        if inOrder { return edgeCost }
        var matrix = [Int32](repeating: 0, count: rows * cols)
        for i in 0..<rows {
            for e in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                matrix[i * cols + Int(edgeCol[e])] = edgeCost[e]
            }
        }
        return matrix
    }
}
