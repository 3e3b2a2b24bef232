/// The columns of lowest price, for the implicit dummy rows of a
/// rectangular auction (a dummy row reaches every column at cost 0, so it
/// bids on the cheapest one). A lazy binary min-heap of (price, column):
/// every price change pushes an entry and entries whose price is no longer
/// current are dropped when they reach the top. Prices only rise, so a
/// column's current entry is always in the heap.
struct CheapestColumns {
    private var heap = MinHeap()

    init(prices: UnsafeMutableBufferPointer<Int64>) { rebuild(prices: prices) }

    var isEmpty: Bool { heap.isEmpty }

    /// One entry per column, heapified bottom-up in O(n) (sorting them was 2.5 % of `suggest`).
    mutating func rebuild(prices: UnsafeMutableBufferPointer<Int64>) {
        heap = MinHeap(heapifying: Array(prices), values: (0..<prices.count).map { Int32($0) })
    }

    mutating func push(_ price: Int64, _ col: Int, prices: UnsafeMutableBufferPointer<Int64>) {
        if heap.count > 4 * prices.count + 1024 { rebuild(prices: prices); return }
        heap.push(price, Int32(col))
    }

    /// The cheapest column and its price, and the second-lowest price.
    mutating func twoCheapest(prices: UnsafeMutableBufferPointer<Int64>) -> (col: Int, best: Int64, second: Int64) {
        dropStale(prices)
        let (bestKey, bestCol) = heap.pop()!
        dropStale(prices)
        let second = heap.top?.key ?? Int64.max
        push(bestKey, Int(bestCol), prices: prices)
        return (Int(bestCol), bestKey, second)
    }

    /// The lowest current price.
    mutating func lowestPrice(prices: UnsafeMutableBufferPointer<Int64>) -> Int64 {
        dropStale(prices)
        return heap.top!.key
    }

    private mutating func dropStale(_ prices: UnsafeMutableBufferPointer<Int64>) {
        while let (key, col) = heap.top, prices[Int(col)] != key { heap.pop() }
    }
}
