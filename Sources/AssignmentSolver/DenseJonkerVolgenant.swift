/// Jonker–Volgenant (LAPJV, 1987) for a complete square cost matrix:
/// column reduction, two passes of augmenting row reduction, then shortest
/// augmenting paths by a Dijkstra over arrays (O(n²) each) for the rows still
/// free. Costs are read as `Int32` (row-major) and summed in `Int64`.
enum DenseJonkerVolgenant {
    static func solve(n: Int, costs: [Int32]) -> [Int32] {
        precondition(costs.count == n * n)
        if n == 0 { return [] }
        var rowToCol = [Int32](repeating: -1, count: n)
        var colToRow = [Int32](repeating: -1, count: n)
        var colDual = [Int64](repeating: Int64.max, count: n)
        var freeRows = [Int32](repeating: 0, count: n)
        var distance = [Int64](repeating: 0, count: n)
        var predecessor = [Int32](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)

        costs.withUnsafeBufferPointer { cost in
        rowToCol.withUnsafeMutableBufferPointer { x in
        colToRow.withUnsafeMutableBufferPointer { y in
        colDual.withUnsafeMutableBufferPointer { v in
        freeRows.withUnsafeMutableBufferPointer { free in
        distance.withUnsafeMutableBufferPointer { d in
        predecessor.withUnsafeMutableBufferPointer { pred in
        order.withUnsafeMutableBufferPointer { cols in
            var freeCount = columnReduction(n, cost, x, y, v, free)
            for _ in 0..<2 where freeCount > 0 {
                freeCount = augmentingRowReduction(n, cost, x, y, v, free, freeCount)
            }
            for f in 0..<freeCount {
                let start = Int(free[f])
                let finalCol = shortestPath(n, cost, start, y, v, d, pred, cols)
                var j = finalCol
                while true {
                    let i = Int(pred[j])
                    y[j] = Int32(i)
                    let previous = Int(x[i])
                    x[i] = Int32(j)
                    if i == start { break }
                    j = previous
                }
            }
        }}}}}}}}
        return rowToCol
    }

    /// Column minima as duals; each column goes to its minimum row when that
    /// row is still free; rows that own one column get their reduction transferred.
    private static func columnReduction(
        _ n: Int, _ cost: UnsafeBufferPointer<Int32>, _ x: UnsafeMutableBufferPointer<Int32>,
        _ y: UnsafeMutableBufferPointer<Int32>, _ v: UnsafeMutableBufferPointer<Int64>,
        _ free: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        for i in 0..<n {
            let row = i * n
            for j in 0..<n {
                let c = Int64(cost[row + j])
                if c < v[j] { v[j] = c; y[j] = Int32(i) }
            }
        }
        var unique = [Bool](repeating: true, count: n)
        for j in stride(from: n - 1, through: 0, by: -1) {
            let i = Int(y[j])
            if x[i] < 0 { x[i] = Int32(j) } else { unique[i] = false; y[j] = -1 }
        }
        var freeCount = 0
        for i in 0..<n {
            if x[i] < 0 {
                free[freeCount] = Int32(i)
                freeCount += 1
            } else if unique[i] {
                let j = Int(x[i])
                var best = Int64.max
                let row = i * n
                for k in 0..<n where k != j {
                    let c = Int64(cost[row + k]) - v[k]
                    if c < best { best = c }
                }
                if best != Int64.max { v[j] -= best }
            }
        }
        return freeCount
    }

    /// One pass of augmenting row reduction (auction-like bids of free rows).
    private static func augmentingRowReduction(
        _ n: Int, _ cost: UnsafeBufferPointer<Int32>, _ x: UnsafeMutableBufferPointer<Int32>,
        _ y: UnsafeMutableBufferPointer<Int32>, _ v: UnsafeMutableBufferPointer<Int64>,
        _ free: UnsafeMutableBufferPointer<Int32>, _ freeCount: Int
    ) -> Int {
        var current = 0, newFree = 0, iterations = 0
        while current < freeCount {
            iterations += 1
            let i = Int(free[current])
            current += 1
            let row = i * n
            var j1 = 0, j2 = -1
            var v1 = Int64(cost[row]) - v[0]
            var v2 = Int64.max
            for j in 1..<max(n, 1) {
                let c = Int64(cost[row + j]) - v[j]
                if c < v2 {
                    if c >= v1 { v2 = c; j2 = j } else { v2 = v1; v1 = c; j2 = j1; j1 = j }
                }
            }
            var i0 = Int(y[j1])
            let lowered = v2 != Int64.max && v[j1] - (v2 - v1) < v[j1]
            if iterations < current * n {
                if lowered {
                    v[j1] -= v2 - v1
                } else if i0 >= 0 && j2 >= 0 {
                    j1 = j2
                    i0 = Int(y[j2])
                }
                if i0 >= 0 {
                    if lowered {
                        current -= 1
                        free[current] = Int32(i0)
                    } else {
                        free[newFree] = Int32(i0)
                        newFree += 1
                    }
                }
            } else if i0 >= 0 {
                free[newFree] = Int32(i0)
                newFree += 1
            }
            x[i] = Int32(j1)
            y[j1] = Int32(i)
            if i0 >= 0 && x[i0] == Int32(j1) { x[i0] = -1 }
        }
        return newFree
    }

    /// Dijkstra from free row `start` over reduced costs; returns the free
    /// column that ends a shortest augmenting path and updates column duals.
    private static func shortestPath(
        _ n: Int, _ cost: UnsafeBufferPointer<Int32>, _ start: Int,
        _ y: UnsafeMutableBufferPointer<Int32>, _ v: UnsafeMutableBufferPointer<Int64>,
        _ d: UnsafeMutableBufferPointer<Int64>, _ pred: UnsafeMutableBufferPointer<Int32>,
        _ cols: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        let startRow = start * n
        for j in 0..<n {
            cols[j] = Int32(j)
            pred[j] = Int32(start)
            d[j] = Int64(cost[startRow + j]) - v[j]
        }
        var low = 0, high = 0, ready = 0
        var finalCol = -1
        while finalCol < 0 {
            if low == high {
                // Collect every column at the current minimum distance.
                ready = low
                var minimum = d[Int(cols[low])]
                high = low
                for scan in low..<n {
                    let j = Int(cols[scan])
                    let dj = d[j]
                    if dj <= minimum {
                        if dj < minimum { high = low; minimum = dj }
                        cols[scan] = cols[high]
                        cols[high] = Int32(j)
                        high += 1
                    }
                }
                var k = low
                while k < high {
                    if y[Int(cols[k])] < 0 { finalCol = Int(cols[k]); break }
                    k += 1
                }
                if finalCol >= 0 { break }
            }
            // Scan the rows of the columns at the minimum.
            let j0 = Int(cols[low])
            low += 1
            let i = Int(y[j0])
            let minimum = d[j0]
            let row = i * n
            let h = Int64(cost[row + j0]) - v[j0] - minimum
            var k = high
            while k < n {
                let j = Int(cols[k])
                let reduced = Int64(cost[row + j]) - v[j] - h
                if reduced < d[j] {
                    d[j] = reduced
                    pred[j] = Int32(i)
                    if reduced == minimum {
                        if y[j] < 0 { finalCol = j; break }
                        cols[k] = cols[high]
                        cols[high] = Int32(j)
                        high += 1
                    }
                }
                k += 1
            }
        }
        let minimum = d[finalCol]
        for k in 0..<ready {
            let j = Int(cols[k])
            v[j] += d[j] - minimum
        }
        return finalCol
    }
}
