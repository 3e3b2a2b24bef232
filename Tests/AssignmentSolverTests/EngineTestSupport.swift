@testable import AssignmentSolver

/// Deterministic SplitMix64 generator for reproducible random instances.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A small instance with `costs[i][j] == nil` for a forbidden pair.
struct SmallInstance: CustomStringConvertible {
    let costs: [[Int?]]
    var rows: Int { costs.count }
    let cols: Int

    var edges: [AssignmentEdge] {
        var result: [AssignmentEdge] = []
        for (i, row) in costs.enumerated() {
            for (j, cost) in row.enumerated() {
                if let cost { result.append(AssignmentEdge(row: i, col: j, cost: cost)) }
            }
        }
        return result
    }

    func problem() throws -> AssignmentProblem { try AssignmentProblem(rows: rows, cols: cols, edges: edges) }

    var description: String {
        "\(rows)x\(cols) " + costs.map { $0.map { $0.map(String.init) ?? "-" }.joined(separator: " ") }.joined(separator: " | ")
    }

    /// A random instance: each pair present with `density`, costs in `costRange`.
    static func random(rows: Int, cols: Int, density: Double, costRange: ClosedRange<Int>, using rng: inout SplitMix64)
        -> SmallInstance
    {
        let costs: [[Int?]] = (0..<rows).map { _ in
            (0..<cols).map { _ in
                Double.random(in: 0..<1, using: &rng) < density ? Int.random(in: costRange, using: &rng) : nil
            }
        }
        return SmallInstance(costs: costs, cols: cols)
    }

    /// Exhaustive search: the largest matching, then the cheapest among those.
    func bruteForce() -> (pairs: Int, cost: Int) {
        var best = (pairs: 0, cost: 0)
        var usedCols = [Bool](repeating: false, count: cols)
        func visit(_ i: Int, _ pairs: Int, _ cost: Int) {
            if i == rows {
                if pairs > best.pairs || (pairs == best.pairs && cost < best.cost) { best = (pairs, cost) }
                return
            }
            // Prune: even matching every remaining row cannot beat the best size.
            if pairs + (rows - i) < best.pairs { return }
            visit(i + 1, pairs, cost)
            for j in 0..<cols where !usedCols[j] {
                if let c = costs[i][j] {
                    usedCols[j] = true
                    visit(i + 1, pairs + 1, cost + c)
                    usedCols[j] = false
                }
            }
        }
        visit(0, 0, 0)
        return best
    }

    /// Checks that `rowToCol` is a matching on existing edges and returns its size and cost.
    func evaluate(_ rowToCol: [Int32]) -> (pairs: Int, cost: Int)? {
        guard rowToCol.count == rows else { return nil }
        var used = Set<Int32>()
        var pairs = 0, cost = 0
        for (i, j) in rowToCol.enumerated() where j >= 0 {
            guard Int(j) < cols, let c = costs[i][Int(j)], used.insert(j).inserted else { return nil }
            pairs += 1
            cost += c
        }
        return (pairs, cost)
    }
}
