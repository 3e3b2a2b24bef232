/// A binary min-heap of (key, value) pairs; stale entries are skipped by the caller.
/// Shared by the shortest-path search (Dijkstra) and the auction's cheapest columns.
struct MinHeap {
    private var keys: [Int64] = []
    private var values: [Int32] = []

    init() {}

    /// All pairs at once, heapified bottom-up in O(n).
    init(heapifying keys: [Int64], values: [Int32]) {
        precondition(keys.count == values.count)
        self.keys = keys
        self.values = values
        for start in stride(from: keys.count / 2 - 1, through: 0, by: -1) {
            siftDown(from: start, key: self.keys[start], value: self.values[start])
        }
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }
    /// The smallest pair, without removing it.
    var top: (key: Int64, value: Int32)? { keys.isEmpty ? nil : (keys[0], values[0]) }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Int64, _ value: Int32) {
        var index = keys.count
        keys.append(key)
        values.append(value)
        while index > 0 {
            let parent = (index - 1) / 2
            if keys[parent] <= key { break }
            keys[index] = keys[parent]
            values[index] = values[parent]
            index = parent
        }
        keys[index] = key
        values[index] = value
    }

    @discardableResult
    mutating func pop() -> (Int64, Int32)? {
        guard let lastKey = keys.last, let lastValue = values.last else { return nil }
        let top = (keys[0], values[0])
        keys.removeLast()
        values.removeLast()
        if !keys.isEmpty { siftDown(from: 0, key: lastKey, value: lastValue) }
        return top
    }

    /// Places (key, value) at `start` or below, moving smaller children up.
    private mutating func siftDown(from start: Int, key: Int64, value: Int32) {
        let count = keys.count
        var index = start
        while true {
            var child = 2 * index + 1
            if child >= count { break }
            if child + 1 < count && keys[child + 1] < keys[child] { child += 1 }
            if keys[child] >= key { break }
            keys[index] = keys[child]
            values[index] = values[child]
            index = child
        }
        keys[index] = key
        values[index] = value
    }
}
