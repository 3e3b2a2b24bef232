/// ε-scaling forward auction (Bertsekas; the Gauss–Seidel "double push" of
/// Goldberg–Kennedy's CSA) for a square sparse problem.
///
/// Costs are multiplied by n + 1 and the last phase runs with ε = 1: a
/// perfect matching that satisfies ε-complementary slackness is then within
/// n · ε < n + 1 (one unit of the original cost) of the optimum, so it is
/// optimal — the result is exact, not approximate.
///
/// Each phase keeps the pairs that still satisfy ε-CS for the new ε and
/// re-auctions only the others; an unassigned row bids for its best column
/// (lowest scaled cost + price), raising that price to its second-best value
/// plus ε and evicting the previous holder.
///
/// An auction never ends when no perfect matching exists, so once a phase
/// has made many bids the current partial matching seeds Hopcroft–Karp; if
/// that proves no perfect matching exists the auction gives up (nil).
///
/// Large inputs are relabelled first (`LocalityOrder`) so that rows bidding
/// one after another, and the columns they bid on, sit close in memory.
enum ScalingAuction {
    /// Prices (in costs scaled by n + 1) and the matching they support.
    struct State {
        var price: [Int64]
        var rowToCol: [Int32]
    }

    /// Below this size the relabelling costs more than it saves.
    static let relabelThreshold = 16_384

    /// Returns `rowToCol`, or nil when no perfect matching exists or prices
    /// would leave the safe 64-bit range.
    static func solve(
        _ problem: AssignmentProblem, scalingFactor alpha: Int64 = 8, relabelFrom threshold: Int = relabelThreshold
    ) -> [Int32]? {
        if case .optimal(let rowToCol) = answer(problem, scalingFactor: alpha, relabelFrom: threshold) {
            return rowToCol
        }
        return nil
    }

    /// The optimal pairs; or, when no perfect matching exists, a maximum
    /// matching (found while finding that out); or `gaveUp` on price overflow.
    static func answer(
        _ problem: AssignmentProblem, scalingFactor alpha: Int64 = 8, relabelFrom threshold: Int = relabelThreshold
    ) -> AuctionAnswer {
        let n = problem.rows
        precondition(problem.cols == n)
        if n == 0 { return .optimal([]) }
        if (0..<n).contains(where: { problem.rowStart[$0] == problem.rowStart[$0 + 1] }) { return .gaveUp }
        var state = State(price: [Int64](repeating: 0, count: n), rowToCol: [Int32](repeating: -1, count: n))
        if n >= threshold {
            let order = LocalityOrder(problem)
            let (rowStart, arcs) = order.packedArcs(problem)
            let outcome = run(n: n, rowStart: rowStart, arcs: arcs, state: &state, warm: false, alpha: alpha)
            return AuctionAnswer(outcome, rowToCol: order.restore(state).rowToCol)
        }
        let (rowStart, arcs) = LocalityOrder.packedArcs(problem)
        let outcome = run(n: n, rowStart: rowStart, arcs: arcs, state: &state, warm: false, alpha: alpha)
        return AuctionAnswer(outcome, rowToCol: state.rowToCol)
    }

    /// Optimal pairs with their prices, without relabelling. With
    /// `warmStart` (prices and pairs of an earlier run on the same rows and
    /// columns with fewer edges) only the final ε = 1 phase runs, and it gives
    /// up (nil) rather than fight a long price war.
    static func solve(_ problem: AssignmentProblem, warmStart: State?) -> State? {
        let n = problem.rows
        precondition(problem.cols == n)
        if n == 0 { return State(price: [], rowToCol: []) }
        if (0..<n).contains(where: { problem.rowStart[$0] == problem.rowStart[$0 + 1] }) { return nil }
        let (rowStart, arcs) = LocalityOrder.packedArcs(problem)
        var state = warmStart ?? State(
            price: [Int64](repeating: 0, count: n), rowToCol: [Int32](repeating: -1, count: n))
        let outcome = run(n: n, rowStart: rowStart, arcs: arcs, state: &state, warm: warmStart != nil, alpha: 8)
        return outcome == .optimal ? state : nil
    }

    enum RunOutcome { case optimal, uncoverable, overflow }

    private enum PhaseOutcome { case finished, needsFeasibilityCheck, overflow }

    /// The auction proper on packed arcs (cost << 32 | column).
    ///
    /// `rowStart` may cover fewer rows than there are columns: rows from
    /// `rowStart.count - 1` up to n are implicit dummy rows joined to every
    /// column at cost 0 (see `RectangularAuction`).
    static func run(
        n: Int, rowStart: [Int32], arcs: [UInt64], state: inout State, warm: Bool, alpha: Int64,
        bidBudget: Int = Int.max
    ) -> RunOutcome {
        let scale = Int64(n + 1)
        let realRows = rowStart.count - 1
        // Largest cost, and the mean spread of costs within a row: the first ε
        // is a quarter of that spread (measured on the k-nearest instances:
        // about half the bids of starting from the largest cost).
        var maximumCost: Int64 = 0
        var spreadSum: Int64 = 0
        for i in 0..<realRows {
            var low = Int64.max, high: Int64 = 0
            for e in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                let cost = Int64(arcs[e] >> 32)
                low = min(low, cost)
                high = max(high, cost)
            }
            maximumCost = max(maximumCost, high)
            spreadSum += high - low
        }
        let largestScaled = max(maximumCost * scale, 1)
        let firstEpsilon = min(max(spreadSum / Int64(n) * scale / 4, 1), largestScaled)
        // Prices stay far below this on feasible inputs; reaching it means
        // the 64-bit range is at risk, and the caller falls back.
        let priceLimit = Int64.max / 4
        // A warm restart has no feasibility doubt but may face a long price
        // war; it gives up after a larger budget (the caller has a fallback).
        let bidsBeforeFeasibilityCheck = (warm ? 1024 : 64) * n + 1024
        var feasibilityKnown = false

        var colToRow = [Int32](repeating: -1, count: n)
        for (i, j) in state.rowToCol.enumerated() where j >= 0 { colToRow[Int(j)] = Int32(i) }
        var pending = [Int32](repeating: 0, count: n)
        var epsilon = warm ? 1 : firstEpsilon
        var cheapest: CheapestColumns? = nil
        if realRows < n {
            cheapest = state.price.withUnsafeMutableBufferPointer { CheapestColumns(prices: $0) }
        }

        // Bids left of the caller's budget, over all phases (then `overflow`: the caller falls back).
        var budgetLeft = bidBudget
        while true {
            var outcome = PhaseOutcome.finished
            state.price.withUnsafeMutableBufferPointer { price in
            state.rowToCol.withUnsafeMutableBufferPointer { rowToCol in
            colToRow.withUnsafeMutableBufferPointer { colToRow in
            pending.withUnsafeMutableBufferPointer { pending in
            rowStart.withUnsafeBufferPointer { rowStart in
            arcs.withUnsafeBufferPointer { arcs in
                // Keep the pairs that satisfy ε-CS; queue every other row.
                var pendingCount = 0
                for i in 0..<n {
                    let j = Int(rowToCol[i])
                    if j >= 0 && i >= realRows {
                        if price[j] <= cheapest!.lowestPrice(prices: price) &+ epsilon { continue }
                        rowToCol[i] = -1
                        colToRow[j] = -1
                    } else if j >= 0 {
                        var best = Int64.max, own = Int64.max
                        for e in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                            let arc = arcs[e]
                            let k = Int(arc & 0xFFFF_FFFF)
                            let value = Int64(arc >> 32) &* scale &+ price[k]
                            best = min(best, value)
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
                var bids = 0
                while pendingCount > 0 {
                    if !feasibilityKnown {
                        bids += 1
                        if bids > bidsBeforeFeasibilityCheck {
                            outcome = warm ? .overflow : .needsFeasibilityCheck
                            return
                        }
                    }
                    budgetLeft &-= 1
                    if budgetLeft < 0 {
                        outcome = .overflow
                        return
                    }
                    pendingCount -= 1
                    let i = Int(pending[pendingCount])
                    var best = Int64.max, second = Int64.max
                    var bestArc: UInt64 = 0
                    if i < realRows {
                        for e in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                            let arc = arcs[e]
                            let value = Int64(arc >> 32) &* scale &+ price[Int(arc & 0xFFFF_FFFF)]
                            let isBest = value < best
                            second = min(second, isBest ? best : value)
                            bestArc = isBest ? arc : bestArc
                            best = min(best, value)
                        }
                    } else {
                        let found = cheapest!.twoCheapest(prices: price)
                        bestArc = UInt64(found.col)
                        best = found.best
                        second = found.second
                    }
                    let bestCol = Int(bestArc & 0xFFFF_FFFF)
                    let bestCost = Int64(bestArc >> 32) &* scale
                    let gap = second == Int64.max ? largestScaled : second &- best
                    let newPrice = best &- bestCost &+ gap &+ epsilon
                    if newPrice > priceLimit {
                        outcome = .overflow
                        return
                    }
                    price[bestCol] = newPrice
                    cheapest?.push(newPrice, bestCol, prices: price)
                    let evicted = Int(colToRow[bestCol])
                    colToRow[bestCol] = Int32(i)
                    rowToCol[i] = Int32(bestCol)
                    if evicted >= 0 {
                        rowToCol[evicted] = -1
                        pending[pendingCount] = Int32(evicted)
                        pendingCount += 1
                    }
                }
            }}}}}}
            switch outcome {
            case .overflow:
                return .overflow
            case .needsFeasibilityCheck:
                let edgeCol = arcs.map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
                let matching = MaximumMatching.solve(
                    rows: realRows, cols: n, rowStart: rowStart, edgeCol: edgeCol,
                    initial: Array(state.rowToCol[0..<realRows]))
                if matching.size < realRows {  // dummy rows take any column left
                    state.rowToCol = matching.rowToCol + [Int32](repeating: -1, count: n - realRows)
                    return .uncoverable
                }
                feasibilityKnown = true
                continue  // redo the phase; kept pairs stay, the rest bid again
            case .finished:
                if epsilon == 1 { return .optimal }
                epsilon = max(epsilon / alpha, 1)
            }
        }
    }
}

/// What an auction found.
enum AuctionAnswer {
    case optimal([Int32])
    /// No matching covers the real rows; here is a maximum matching.
    case uncoverable(maximumMatching: [Int32])
    case gaveUp

    init(_ outcome: ScalingAuction.RunOutcome, rowToCol: [Int32]) {
        switch outcome {
        case .optimal: self = .optimal(rowToCol)
        case .uncoverable: self = .uncoverable(maximumMatching: rowToCol)
        case .overflow: self = .gaveUp
        }
    }
}
