/// The columns of lowest price, for the implicit dummy rows of a
/// rectangular auction (a dummy row reaches every column at cost 0, so it
/// bids on the cheapest one). A lazy binary min-heap of (price, column):
/// every price change pushes an entry and entries whose price is no longer
/// current are dropped when they reach the top. Prices only rise, so a
/// column's current entry is always in the heap.
struct CheapestColumns {
    private var keys: [Int64] = []
    private var cols: [Int32] = []

    init(prices: UnsafeMutableBufferPointer<Int64>) { rebuild(prices: prices) }

    var isEmpty: Bool { keys.isEmpty }

    /// One entry per column, heapified bottom-up in O(n) (sorting them was 2.5 % of `suggest`).
    mutating func rebuild(prices: UnsafeMutableBufferPointer<Int64>) {
        keys = Array(prices)
        cols = (0..<prices.count).map { Int32($0) }
        let count = keys.count
        for start in stride(from: count / 2 - 1, through: 0, by: -1) {
            let key = keys[start], col = cols[start]
            var index = start
            while true {
                var child = 2 * index + 1
                if child >= count { break }
                if child + 1 < count && keys[child + 1] < keys[child] { child += 1 }
                if keys[child] >= key { break }
                keys[index] = keys[child]
                cols[index] = cols[child]
                index = child
            }
            keys[index] = key
            cols[index] = col
        }
    }

    mutating func push(_ price: Int64, _ col: Int, prices: UnsafeMutableBufferPointer<Int64>) {
        if keys.count > 4 * prices.count + 1024 { rebuild(prices: prices); return }
        var index = keys.count
        keys.append(price)
        cols.append(Int32(col))
        while index > 0 {
            let parent = (index - 1) / 2
            if keys[parent] <= price { break }
            keys[index] = keys[parent]
            cols[index] = cols[parent]
            index = parent
        }
        keys[index] = price
        cols[index] = Int32(col)
    }

    /// The cheapest column and its price, and the second-lowest price.
    mutating func twoCheapest(prices: UnsafeMutableBufferPointer<Int64>) -> (col: Int, best: Int64, second: Int64) {
        dropStale(prices)
        let bestKey = keys[0], bestCol = cols[0]
        popTop()
        dropStale(prices)
        let second = keys.isEmpty ? Int64.max : keys[0]
        push(bestKey, Int(bestCol), prices: prices)
        return (Int(bestCol), bestKey, second)
    }

    /// The lowest current price.
    mutating func lowestPrice(prices: UnsafeMutableBufferPointer<Int64>) -> Int64 {
        dropStale(prices)
        return keys[0]
    }

    private mutating func dropStale(_ prices: UnsafeMutableBufferPointer<Int64>) {
        while let key = keys.first, prices[Int(cols[0])] != key { popTop() }
    }

    private mutating func popTop() {
        let lastKey = keys.removeLast(), lastCol = cols.removeLast()
        let count = keys.count
        if count == 0 { return }
        var index = 0
        while true {
            var child = 2 * index + 1
            if child >= count { break }
            if child + 1 < count && keys[child + 1] < keys[child] { child += 1 }
            if keys[child] >= lastKey { break }
            keys[index] = keys[child]
            cols[index] = cols[child]
            index = child
        }
        keys[index] = lastKey
        cols[index] = lastCol
    }
}
