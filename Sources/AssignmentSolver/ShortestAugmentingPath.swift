import Synchronization

/// A sparse bipartite graph with 64-bit costs, rows ≤ cols, used by the
/// shortest-augmenting-path solver (which may add slack columns of large cost).
struct SparseCostGraph {
    var rows: Int
    var cols: Int
    var rowStart: [Int32]
    var edgeCol: [Int32]
    var edgeCost: [Int64]

    /// The problem as given, or transposed when it has more rows than columns,
    /// so that the result always has rows ≤ cols.
    init(orienting problem: AssignmentProblem) {
        if problem.rows <= problem.cols {
            rows = problem.rows
            cols = problem.cols
            rowStart = problem.rowStart
            edgeCol = problem.edgeCol
            edgeCost = problem.edgeCost.map { Int64($0) }
            return
        }
        rows = problem.cols
        cols = problem.rows
        var start = [Int32](repeating: 0, count: rows + 1)
        for j in problem.edgeCol { start[Int(j) + 1] += 1 }
        for j in 0..<rows { start[j + 1] += start[j] }
        var next = Array(start.dropLast())
        var col = [Int32](repeating: 0, count: problem.edgeCount)
        var cost = [Int64](repeating: 0, count: problem.edgeCount)
        for i in 0..<problem.rows {
            for e in Int(problem.rowStart[i])..<Int(problem.rowStart[i + 1]) {
                let j = Int(problem.edgeCol[e])
                let slot = Int(next[j])
                next[j] += 1
                col[slot] = Int32(i)
                cost[slot] = Int64(problem.edgeCost[e])
            }
        }
        rowStart = start
        edgeCol = col
        edgeCost = cost
    }

    /// Gives every row a private slack column (index `cols + i`) of cost
    /// `penalty`, so that every row can be matched; a row on its slack column
    /// is unmatched in the answer.
    mutating func addSlackColumns(penalty: Int64) {
        var start = [Int32](repeating: 0, count: rows + 1)
        var col: [Int32] = []
        var cost: [Int64] = []
        col.reserveCapacity(edgeCol.count + rows)
        cost.reserveCapacity(edgeCol.count + rows)
        for i in 0..<rows {
            for e in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                col.append(edgeCol[e])
                cost.append(edgeCost[e])
            }
            col.append(Int32(cols + i))
            cost.append(penalty)
            start[i + 1] = Int32(col.count)
        }
        cols += rows
        rowStart = start
        edgeCol = col
        edgeCost = cost
    }
}

/// Successive shortest augmenting paths with dual potentials (the
/// Jonker–Volgenant family, sparse Dijkstra with a binary heap): one Dijkstra
/// per row, O(E log V) each. Exact for any shape with rows ≤ cols provided
/// every row can be matched (see `SparseCostGraph.addSlackColumns`).
enum ShortestAugmentingPath {
    /// nil only when `stop` was raised (checked every 64 rows).
    static func solve(_ graph: SparseCostGraph, stop: StopFlag? = nil) -> [Int32]? {
        let rows = graph.rows, cols = graph.cols
        let infinity = Int64.max
        var rowDual = [Int64](repeating: 0, count: rows)
        var colDual = [Int64](repeating: 0, count: cols)
        var rowToCol = [Int32](repeating: -1, count: rows)
        var colToRow = [Int32](repeating: -1, count: cols)
        var distance = [Int64](repeating: infinity, count: cols)
        var predecessor = [Int32](repeating: -1, count: cols)
        var settled = [Bool](repeating: false, count: cols)
        var touched: [Int32] = []
        var settledList: [Int32] = []
        var heap = MinHeap()

        // Row reduction: u(i) = min cost of row i keeps every reduced cost ≥ 0.
        for i in 0..<rows {
            var best = infinity
            for e in Int(graph.rowStart[i])..<Int(graph.rowStart[i + 1]) { best = min(best, graph.edgeCost[e]) }
            rowDual[i] = best == infinity ? 0 : best
        }

        for root in 0..<rows {
            if root & 63 == 0, let stop, stop.isRaised { return nil }
            touched.removeAll(keepingCapacity: true)
            settledList.removeAll(keepingCapacity: true)
            heap.removeAll()
            var scanRow = root
            var scanDistance: Int64 = 0
            var finalCol = -1
            var finalDistance: Int64 = 0
            while true {
                let u = rowDual[scanRow]
                for e in Int(graph.rowStart[scanRow])..<Int(graph.rowStart[scanRow + 1]) {
                    let j = Int(graph.edgeCol[e])
                    if settled[j] { continue }
                    let candidate = scanDistance + graph.edgeCost[e] - u - colDual[j]
                    if candidate < distance[j] {
                        if distance[j] == infinity { touched.append(Int32(j)) }
                        distance[j] = candidate
                        predecessor[j] = Int32(scanRow)
                        heap.push(candidate, Int32(j))
                    }
                }
                var next = -1
                while let (d, j32) = heap.pop() {
                    let j = Int(j32)
                    if settled[j] || d > distance[j] { continue }
                    next = j
                    break
                }
                precondition(next >= 0, "row \(root) cannot be matched")
                settled[next] = true
                settledList.append(Int32(next))
                if colToRow[next] < 0 {
                    finalCol = next
                    finalDistance = distance[next]
                    break
                }
                scanRow = Int(colToRow[next])
                scanDistance = distance[next]
            }
            // Dual update keeps reduced costs ≥ 0 and matched pairs tight.
            for j32 in settledList {
                let j = Int(j32)
                let delta = finalDistance - distance[j]
                colDual[j] -= delta
                if colToRow[j] >= 0 { rowDual[Int(colToRow[j])] += delta }
            }
            rowDual[root] += finalDistance
            // Augment along the predecessor chain.
            var j = finalCol
            while true {
                let i = Int(predecessor[j])
                let previous = Int(rowToCol[i])
                rowToCol[i] = Int32(j)
                colToRow[j] = Int32(i)
                if i == root { break }
                j = previous
            }
            for j32 in touched {
                distance[Int(j32)] = infinity
                settled[Int(j32)] = false
            }
        }
        return rowToCol
    }
}

/// Tells a computation racing another that its result is no longer needed.
final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    func raise() { raised.store(true, ordering: .relaxed) }
    var isRaised: Bool { raised.load(ordering: .relaxed) }
}
