/// Complete square problems solved on a sparse candidate graph, then
/// certified on the full matrix.
///
/// Each row keeps its `candidatesPerRow` cheapest columns; the ε-scaling
/// auction solves that sparse problem exactly. Its final prices certify the
/// matching for the complete graph when every row's pair is within ε = 1
/// (scaled costs) of that row's best value over *all* columns — the same
/// ε-complementary-slackness condition that makes the auction exact. Rows
/// that fail the check get their best columns under the current prices as
/// extra candidates and the final phase resumes from those prices; nil sends the caller to dense
/// Jonker–Volgenant (no perfect matching among the candidates, or too many
/// rounds).
enum DenseCandidateAuction {
    static func solve(
        n: Int, costs: [Int32], candidatesPerRow: Int = 24, candidatesPerColumn: Int = 6, maximumRounds: Int = 8
    ) -> [Int32]? {
        precondition(costs.count == n * n)
        if n == 0 { return [] }
        let keep = min(candidatesPerRow, n)
        var rowCandidates = [[Int32]](repeating: [], count: n)
        var heapValue = [Int64](repeating: 0, count: keep)
        var heapCol = [Int32](repeating: 0, count: keep)
        costs.withUnsafeBufferPointer { cost in
            for i in 0..<n {
                let base = i * n
                rowCandidates[i] = cheapestColumns(n: n, keep: keep, &heapValue, &heapCol) { Int64(cost[base + $0]) }
            }
            // Every column also offers itself to its few cheapest rows, so
            // that columns nobody ranks high still have candidates.
            let perColumn = min(candidatesPerColumn, n)
            for (j, rows) in cheapestRowsPerColumn(cost, n: n, keep: perColumn).enumerated() {
                for i in rows { rowCandidates[Int(i)].append(Int32(j)) }
            }
            for i in 0..<n where rowCandidates[i].count > keep {
                rowCandidates[i] = mergedCandidates(rowCandidates[i], [])
            }
        }
        var state: ScalingAuction.State? = nil
        for _ in 0..<maximumRounds {
            var rowStart = [Int32](repeating: 0, count: n + 1)
            var edgeCol: [Int32] = []
            var edgeCost: [Int32] = []
            edgeCol.reserveCapacity(n * keep)
            edgeCost.reserveCapacity(n * keep)
            for i in 0..<n {
                for j in rowCandidates[i] {
                    edgeCol.append(j)
                    edgeCost.append(costs[i * n + Int(j)])
                }
                rowStart[i + 1] = Int32(edgeCol.count)
            }
            let candidates = AssignmentProblem(
                trustedRows: n, cols: n, rowStart: rowStart, edgeCol: edgeCol, edgeCost: edgeCost)
            guard let solved = ScalingAuction.solve(candidates, warmStart: state) else { return nil }
            let violating = rowsViolatingSlackness(n: n, costs: costs, state: solved)
            if violating.isEmpty { return solved.rowToCol }
            // Violating rows get their best columns under the current prices.
            let scale = Int64(n + 1)
            costs.withUnsafeBufferPointer { cost in
                solved.price.withUnsafeBufferPointer { price in
                    for i in violating {
                        let base = i * n
                        let best = cheapestColumns(n: n, keep: keep, &heapValue, &heapCol) {
                            Int64(cost[base + $0]) &* scale &+ price[$0]
                        }
                        rowCandidates[i] = mergedCandidates(rowCandidates[i], best)
                    }
                }
            }
            state = solved
        }
        return nil
    }

    /// The `keep` columns of row `i` with the lowest `value`, found with a
    /// bounded max-heap, in column order.
    @inline(__always)
    private static func cheapestColumns(
        n: Int, keep: Int, _ heapValue: inout [Int64], _ heapCol: inout [Int32], value: (Int) -> Int64
    ) -> [Int32] {
        var count = 0
        for j in 0..<n {
            let c = value(j)
            if count < keep {
                // Sift up into the max-heap.
                var index = count
                count += 1
                while index > 0 {
                    let parent = (index - 1) / 2
                    if heapValue[parent] >= c { break }
                    heapValue[index] = heapValue[parent]
                    heapCol[index] = heapCol[parent]
                    index = parent
                }
                heapValue[index] = c
                heapCol[index] = Int32(j)
            } else if c < heapValue[0] {
                // Replace the largest and sift down.
                var index = 0
                while true {
                    var child = 2 * index + 1
                    if child >= keep { break }
                    if child + 1 < keep && heapValue[child + 1] > heapValue[child] { child += 1 }
                    if heapValue[child] <= c { break }
                    heapValue[index] = heapValue[child]
                    heapCol[index] = heapCol[child]
                    index = child
                }
                heapValue[index] = c
                heapCol[index] = Int32(j)
            }
        }
        return Array(heapCol[0..<count]).sorted()
    }

    /// The sorted union of two column lists.
    private static func mergedCandidates(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var unique: [Int32] = []
        unique.reserveCapacity(a.count + b.count)
        for j in (a + b).sorted() where unique.last != j { unique.append(j) }
        return unique
    }

    /// For each column, its `keep` cheapest rows (one row-major pass with a
    /// small sorted list per column).
    private static func cheapestRowsPerColumn(_ cost: UnsafeBufferPointer<Int32>, n: Int, keep: Int) -> [[Int32]] {
        var listCost = [Int32](repeating: Int32.max, count: n * keep)
        var listRow = [Int32](repeating: -1, count: n * keep)
        var worst = [Int32](repeating: Int32.max, count: n)
        for i in 0..<n {
            let base = i * n
            for j in 0..<n {
                let c = cost[base + j]
                if c >= worst[j] { continue }
                // Insert into column j's sorted list, dropping its last entry.
                var slot = j * keep + keep - 1
                let first = j * keep
                while slot > first && listCost[slot - 1] > c {
                    listCost[slot] = listCost[slot - 1]
                    listRow[slot] = listRow[slot - 1]
                    slot -= 1
                }
                listCost[slot] = c
                listRow[slot] = Int32(i)
                worst[j] = listCost[first + keep - 1]
            }
        }
        return (0..<n).map { j in listRow[(j * keep)..<(j * keep + keep)].filter { $0 >= 0 } }
    }

    /// Rows whose pair is more than ε = 1 above their best scaled value over all columns.
    private static func rowsViolatingSlackness(n: Int, costs: [Int32], state: ScalingAuction.State) -> [Int] {
        let scale = Int64(n + 1)
        var violating: [Int] = []
        costs.withUnsafeBufferPointer { cost in
            state.price.withUnsafeBufferPointer { price in
                for i in 0..<n {
                    let base = i * n
                    var best = Int64.max
                    for j in 0..<n {
                        best = min(best, Int64(cost[base + j]) &* scale &+ price[j])
                    }
                    let j = Int(state.rowToCol[i])
                    let own = Int64(cost[base + j]) &* scale &+ price[j]
                    if own > best &+ 1 { violating.append(i) }
                }
            }
        }
        return violating
    }
}
