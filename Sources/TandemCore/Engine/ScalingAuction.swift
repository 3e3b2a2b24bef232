/// ε-scaling forward auction (Bertsekas; the Gauss–Seidel "double push" of
/// Goldberg–Kennedy's CSA) for a square sparse problem that admits a perfect
/// matching.
///
/// Costs are multiplied by n + 1 and the last phase runs with ε = 1: a
/// perfect matching that satisfies ε-complementary slackness is then within
/// n · ε < n + 1 (one unit of the original cost) of the optimum, so it is
/// optimal — the result is exact, not approximate.
///
/// Each phase keeps the pairs that still satisfy ε-CS for the new ε and
/// re-auctions only the others; an unassigned row bids for its best column
/// (lowest cost + price), raising that price by the gap to its second best
/// plus ε and evicting the previous holder.
enum ScalingAuction {
    /// Returns `rowToCol`, or nil if a price left the safe 64-bit range
    /// (the caller then falls back to shortest augmenting paths).
    static func solve(_ problem: AssignmentProblem, scalingFactor alpha: Int64 = 8) -> [Int32]? {
        let n = problem.rows
        precondition(problem.cols == n)
        if n == 0 { return [] }
        let scale = Int64(n + 1)
        var maximumCost: Int64 = 0
        for c in problem.edgeCost where Int64(c) > maximumCost { maximumCost = Int64(c) }
        let largestScaled = max(maximumCost * scale, 1)
        let priceLimit = Int64.max / 4

        var price = [Int64](repeating: 0, count: n)
        var rowToCol = [Int32](repeating: -1, count: n)
        var colToRow = [Int32](repeating: -1, count: n)
        var pending = [Int32](repeating: 0, count: n)
        var overflowed = false

        price.withUnsafeMutableBufferPointer { price in
        rowToCol.withUnsafeMutableBufferPointer { rowToCol in
        colToRow.withUnsafeMutableBufferPointer { colToRow in
        pending.withUnsafeMutableBufferPointer { pending in
        problem.rowStart.withUnsafeBufferPointer { rowStart in
        problem.edgeCol.withUnsafeBufferPointer { edgeCol in
        problem.edgeCost.withUnsafeBufferPointer { edgeCost in
            var epsilon = max(largestScaled / alpha, 1)
            while true {
                // Keep the pairs that satisfy ε-CS; queue every other row.
                var pendingCount = 0
                for i in 0..<n {
                    let j = Int(rowToCol[i])
                    if j >= 0 {
                        var best = Int64.max, own = Int64.max
                        for e in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                            let k = Int(edgeCol[e])
                            let value = Int64(edgeCost[e]) &* scale &+ price[k]
                            if value < best { best = value }
                            if k == j { own = value }
                        }
                        if own <= best &+ epsilon { continue }
                        rowToCol[i] = -1
                        colToRow[j] = -1
                    }
                    pending[pendingCount] = Int32(i)
                    pendingCount += 1
                }
                // Bid until every row holds a column (LIFO order).
                while pendingCount > 0 {
                    pendingCount -= 1
                    let i = Int(pending[pendingCount])
                    var best = Int64.max, second = Int64.max
                    var bestCol = -1
                    var bestCost: Int64 = 0
                    for e in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                        let j = Int(edgeCol[e])
                        let cost = Int64(edgeCost[e]) &* scale
                        let value = cost &+ price[j]
                        if value < second {
                            if value < best {
                                second = best
                                best = value
                                bestCol = j
                                bestCost = cost
                            } else {
                                second = value
                            }
                        }
                    }
                    let gap = second == Int64.max ? largestScaled : second &- best
                    let newPrice = best &- bestCost &+ gap &+ epsilon
                    if newPrice > priceLimit { overflowed = true; return }
                    price[bestCol] = newPrice
                    let evicted = Int(colToRow[bestCol])
                    colToRow[bestCol] = Int32(i)
                    rowToCol[i] = Int32(bestCol)
                    if evicted >= 0 {
                        rowToCol[evicted] = -1
                        pending[pendingCount] = Int32(evicted)
                        pendingCount += 1
                    }
                }
                if epsilon == 1 { break }
                epsilon = max(epsilon / alpha, 1)
            }
        }}}}}}}
        return overflowed ? nil : rowToCol
    }
}
