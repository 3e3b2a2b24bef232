/// Maximum-cardinality bipartite matching by Hopcroft–Karp, O(E √V).
///
/// The depth-first search is iterative and marks dead-end rows within a phase
/// (a row that fails is never searched again in that phase), so it stays
/// linear per phase on geometric k-nearest graphs, where a search without
/// that mark can take exponential time.
enum MaximumMatching {
    /// Returns `rowToCol` (-1 for an unmatched row) and the matching size.
    /// `initial` is an optional valid partial matching (row to column) to start from.
    static func solve(
        rows: Int, cols: Int, rowStart: [Int32], edgeCol: [Int32], initial: [Int32]? = nil
    ) -> (rowToCol: [Int32], size: Int) {
        var rowToCol = initial ?? [Int32](repeating: -1, count: rows)
        var colToRow = [Int32](repeating: -1, count: cols)
        var size = 0
        for i in 0..<rows where rowToCol[i] >= 0 {
            colToRow[Int(rowToCol[i])] = Int32(i)
            size += 1
        }
        // Greedy start: the first free column of each free row.
        for i in 0..<rows where rowToCol[i] < 0 {
            for e in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                let j = Int(edgeCol[e])
                if colToRow[j] < 0 {
                    colToRow[j] = Int32(i)
                    rowToCol[i] = Int32(j)
                    size += 1
                    break
                }
            }
        }
        if size == min(rows, cols) { return (rowToCol, size) }

        let unreached = Int32.max
        var layer = [Int32](repeating: unreached, count: rows)
        var queue = [Int32](repeating: 0, count: rows)
        var nextEdge = [Int32](repeating: 0, count: rows)
        var stack = [Int32](repeating: 0, count: rows)

        rowToCol.withUnsafeMutableBufferPointer { rowToCol in
        colToRow.withUnsafeMutableBufferPointer { colToRow in
        layer.withUnsafeMutableBufferPointer { layer in
        queue.withUnsafeMutableBufferPointer { queue in
        nextEdge.withUnsafeMutableBufferPointer { nextEdge in
        stack.withUnsafeMutableBufferPointer { stack in
        rowStart.withUnsafeBufferPointer { rowStart in
        edgeCol.withUnsafeBufferPointer { edgeCol in
            while true {
                // Breadth-first layering from every free row.
                var head = 0, tail = 0
                for i in 0..<rows {
                    if rowToCol[i] < 0 {
                        layer[i] = 0
                        queue[tail] = Int32(i)
                        tail += 1
                    } else {
                        layer[i] = unreached
                    }
                }
                var freeColumnLayer = unreached
                while head < tail {
                    let u = Int(queue[head])
                    head += 1
                    if layer[u] >= freeColumnLayer { break }
                    for e in Int(rowStart[u])..<Int(rowStart[u + 1]) {
                        let w = colToRow[Int(edgeCol[e])]
                        if w < 0 {
                            if freeColumnLayer == unreached { freeColumnLayer = layer[u] }
                        } else if layer[Int(w)] == unreached {
                            layer[Int(w)] = layer[u] + 1
                            queue[tail] = w
                            tail += 1
                        }
                    }
                }
                if freeColumnLayer == unreached { break }

                // Depth-first augmentation along the layers.
                for i in 0..<rows { nextEdge[i] = rowStart[i] }
                var augmented = 0
                for root in 0..<rows where rowToCol[root] < 0 && layer[root] == 0 {
                    var depth = 0
                    stack[0] = Int32(root)
                    while depth >= 0 {
                        let u = Int(stack[depth])
                        let edge = Int(nextEdge[u])
                        if edge == Int(rowStart[u + 1]) {
                            layer[u] = unreached  // dead end for this phase
                            depth -= 1
                            continue
                        }
                        nextEdge[u] = Int32(edge + 1)
                        let j = Int(edgeCol[edge])
                        let w = colToRow[j]
                        if w < 0 {
                            // Augment: each row on the stack takes the column it left by.
                            var col = j
                            for level in stride(from: depth, through: 0, by: -1) {
                                let row = Int(stack[level])
                                rowToCol[row] = Int32(col)
                                colToRow[col] = Int32(row)
                                if level > 0 {
                                    col = Int(edgeCol[Int(nextEdge[Int(stack[level - 1])]) - 1])
                                }
                            }
                            augmented += 1
                            layer[root] = unreached
                            break
                        } else if layer[Int(w)] == layer[u] + 1 {
                            depth += 1
                            stack[depth] = w
                        }
                    }
                }
                size += augmented
                if augmented == 0 { break }
            }
        }}}}}}}}
        return (rowToCol, size)
    }
}
