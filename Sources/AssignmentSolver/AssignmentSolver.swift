import Dispatch

/// The pairing engine's exact solver: a matching of maximum cardinality and,
/// among those, of minimum total cost. Deterministic for the same input.
///
/// Which algorithm, and why (bench/engine/README.md; 2 cores; solve time;
/// every cost equal to SciPy / lap / OR-Tools on the same files):
/// - Square sparse graphs: ε-scaling auction on costs × (n + 1), exact at
///   ε = 1 (`ScalingAuction`), first ε a quarter of the mean row cost spread,
///   pairs that still satisfy ε-CS kept across phases, rows and columns
///   relabelled breadth-first for cache locality. Sparse JV (lapmod, SciPy)
///   grows ~n² on k-nearest graphs and OR-Tools' cost scaling ~n^1.4; the
///   auction took 0.12–0.40 × OR-Tools' time in the same run: 10k 0.038 s,
///   50k 0.50 s, 100k 1.33 s, 200k 3.6 s (OR-Tools 0.11 / 0.70 / 4.2 / 7.4 s
///   in ../shared/bench/README.md). Measured alternatives: global price
///   updates (CSA) cost more than the bids they saved; an upfront
///   Hopcroft–Karp check took 11 s at 200k, so feasibility is only checked
///   after 64n bids in one phase.
/// - Complete square graphs: the same auction on each row's 24 cheapest
///   columns plus each column's 6 cheapest rows, certified on the full
///   matrix by the ε-CS test (`DenseCandidateAuction`; rows that fail get
///   their best columns at current prices); dense Jonker–Volgenant is the
///   fallback. 2000² 0.074 s, 4000² 0.28 s (lapjv 0.135 / 0.84 s); plain
///   LAPJV in Swift measured 0.25 s at 2000², 1.7 s at 4000².
/// - Complete rectangular graphs not too far from square: padded with
///   zero-cost dummies and solved by dense Jonker–Volgenant.
/// - Rows or columns without edges are set aside first (`CompactProblem`).
/// - Nearly square rectangular graphs (within 2 %): the auction with
///   implicit dummy rows (`RectangularAuction`), 0.14–0.26 s at 20000 ×
///   19950 against 2.7 s by shortest paths.
/// - 2 % to 10 % off square: that auction with a budget of 2.5 bids per
///   edge races shortest paths on the other core (`raceAuctionAndPaths`;
///   the auction's answer whenever it finishes within its budget, so the
///   result never depends on timing). `suggest`'s 9950 × 9341 graph: 0.18 s
///   (shortest paths alone 0.84 s, the auction 0.20 s); the generator's
///   20000 × 18000: 0.35 s (shortest paths 0.32 s, the auction 0.83 s);
///   load average 1.3–1.8. `suggest` runs the auction first on one core
///   (`SlightlyRectangular.auctionFirst`): on its graphs the auction wins,
///   and the race cost it 0.08 s of wall time and 0.37 s of CPU.
/// - No matching covers the smaller side: a Dulmage–Mendelsohn split into
///   two parts that each have one (`DeficiencySplit`), solved as above.
/// - Clearly rectangular graphs (beyond 10 %): successive shortest
///   augmenting paths with potentials on the smaller side
///   (`ShortestAugmentingPath`; a slack column per row priced above any
///   matching is kept as a safety net): 0.13–0.27 s at 20000 × 15000–18000.
public enum AssignmentSolver {
    /// Bid budget of the rectangular auction between 2 % and 10 % off square,
    /// in half bids per edge (5: 2.5 bids per edge).
    static let rectangularBidsPerEdge = 5

    /// Which algorithm `solve` used; reported by the benchmark.
    public enum Method: String, Sendable {
        case empty, denseCandidateAuction, denseJonkerVolgenant, scalingAuction, rectangularAuction, split,
            shortestAugmentingPath
    }

    /// How to solve problems 2–10 % off square with 100 000 edges or more.
    public enum SlightlyRectangular: Sendable {
        /// The budgeted auction and shortest paths on two cores at once (`raceAuctionAndPaths`).
        case race
        /// The budgeted auction first, shortest paths if it gives up: one core, for callers whose
        /// graphs are known to suit the auction (`suggest`: its race cost 0.08 s of wall time and
        /// 0.37 s of CPU on a 20 000 city, where the auction always wins).
        case auctionFirst
    }

    public static func solve(_ problem: AssignmentProblem) -> AssignmentSolution {
        solveReportingMethod(problem, slightlyRectangular: .race).solution
    }

    public static func solve(_ problem: AssignmentProblem, slightlyRectangular: SlightlyRectangular) -> AssignmentSolution {
        solveReportingMethod(problem, slightlyRectangular: slightlyRectangular).solution
    }

    public static func solveReportingMethod(_ problem: AssignmentProblem) -> (solution: AssignmentSolution, method: Method) {
        solveReportingMethod(problem, slightlyRectangular: .race)
    }

    public static func solveReportingMethod(
        _ problem: AssignmentProblem, slightlyRectangular: SlightlyRectangular
    ) -> (solution: AssignmentSolution, method: Method) {
        let rows = problem.rows, cols = problem.cols
        if rows == 0 || cols == 0 || problem.edgeCount == 0 {
            return (AssignmentSolution(problem: problem, rowToCol: [Int32](repeating: -1, count: rows)), .empty)
        }
        if let compact = CompactProblem(removingIsolatedFrom: problem) {
            // Rows or columns without edges stay unmatched; the rest may then be
            // square or nearly square, the fast cases.
            let (inner, method) = solveReportingMethod(compact.problem, slightlyRectangular: slightlyRectangular)
            return (AssignmentSolution(problem: problem, rowToCol: compact.originalRowToCol(inner.rowToCol)), method)
        }
        if rows == cols && problem.isComplete {
            let costs = problem.denseCostMatrix()
            if let rowToCol = DenseCandidateAuction.solve(n: rows, costs: costs) {
                return (AssignmentSolution(problem: problem, rowToCol: rowToCol), .denseCandidateAuction)
            }
            let rowToCol = DenseJonkerVolgenant.solve(n: rows, costs: costs)
            return (AssignmentSolution(problem: problem, rowToCol: rowToCol), .denseJonkerVolgenant)
        }
        if rows != cols && problem.isComplete && max(rows, cols) * max(rows, cols) <= 4 * rows * cols {
            return (AssignmentSolution(problem: problem, rowToCol: solvePaddedDense(problem)), .denseJonkerVolgenant)
        }
        var knownMaximumMatching: [Int32]? = nil
        if rows == cols {
            switch ScalingAuction.answer(problem) {
            case .optimal(let rowToCol):
                return (AssignmentSolution(problem: problem, rowToCol: rowToCol), .scalingAuction)
            case .uncoverable(let matching): knownMaximumMatching = matching
            case .gaveUp: break
            }
        }
        // Nearly square: shortest paths get long (2.7 s at 20000 × 19950, k = 30,
        // against 0.26 s by auction). Up to 10 % off square the auction is
        // tried with a bid budget: on the generator's k-nearest graphs
        // 20000 × 18000 it needs 5.4 bids per edge (0.83 s, shortest paths
        // 0.19 s), but on `suggest`'s graphs, where the columns left over are
        // the least urgent enterprises and every Dijkstra must reach one, it
        // needs 2.1 (9950 × 9341: 0.20 s, shortest paths 0.84 s).
        let difference = max(rows, cols) - min(rows, cols)
        if rows != cols && difference * 50 > max(rows, cols) && difference * 10 <= max(rows, cols)
            && problem.edgeCount >= raceFromEdges && slightlyRectangular == .race {
            return raceAuctionAndPaths(problem)
        }
        if rows != cols && difference * 10 <= max(rows, cols) {
            let nearlySquare = difference * 50 <= max(rows, cols)
            let budget = nearlySquare ? Int.max : rectangularBidsPerEdge * problem.edgeCount / 2 + 4 * max(rows, cols)
            switch RectangularAuction.answer(problem, bidBudget: budget) {
            case .optimal(let rowToCol):
                return (AssignmentSolution(problem: problem, rowToCol: rowToCol), .rectangularAuction)
            case .uncoverable(let matching): knownMaximumMatching = matching
            case .gaveUp: break
            }
        }
        // No matching covers the smaller side (the auctions above gave up, or
        // Hopcroft–Karp says so): two parts that have one. 7.7 s → 1.0 s at
        // 50k rows with 50 left unmatched.
        if let split = DeficiencySplit(problem, maximumMatching: knownMaximumMatching) {
            let deficient = solveReportingMethod(split.deficient.problem).solution
            let rest = solveReportingMethod(split.rest.problem).solution
            let rowToCol = split.combine(deficient: deficient.rowToCol, rest: rest.rowToCol)
            return (AssignmentSolution(problem: problem, rowToCol: rowToCol), .split)
        }
        return (AssignmentSolution(problem: problem, rowToCol: solveByShortestPaths(problem)), .shortestAugmentingPath)
    }

    /// From this many edges, 2–10 % off square, the budgeted auction and the
    /// path without it (split, shortest paths) run on two cores at once.
    static let raceFromEdges = 100_000

    /// The budgeted rectangular auction and, on the other core, what would
    /// follow if it gave up (a split when no matching covers the smaller side,
    /// shortest paths). The answer does not depend on timing: the auction's
    /// when it is optimal within its budget (counted in bids), otherwise the
    /// other's; a successful auction stops the shortest paths. Generator
    /// 20000 × 18000: 0.33 s (shortest paths alone 0.32 s, budgeted auction
    /// then shortest paths 0.9 s); `suggest` 9950 × 9341: the auction's 0.2 s.
    static func raceAuctionAndPaths(_ problem: AssignmentProblem) -> (solution: AssignmentSolution, method: Method) {
        let budget = rectangularBidsPerEdge * problem.edgeCount / 2 + 4 * max(problem.rows, problem.cols)
        final class Race: @unchecked Sendable {
            let stop = StopFlag()
            var auction: AuctionAnswer = .gaveUp
            var paths: (solution: AssignmentSolution, method: Method)? = nil
        }
        let race = Race()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                race.auction = RectangularAuction.answer(problem, bidBudget: budget)
                if case .optimal = race.auction { race.stop.raise() }
            } else {
                race.paths = solveWithoutAuction(problem, stop: race.stop)
            }
        }
        if case .optimal(let rowToCol) = race.auction {
            return (AssignmentSolution(problem: problem, rowToCol: rowToCol), .rectangularAuction)
        }
        return race.paths!
    }

    /// The split or shortest paths, as after an auction that gave up; nil when stopped.
    static func solveWithoutAuction(_ problem: AssignmentProblem, stop: StopFlag) -> (solution: AssignmentSolution, method: Method)? {
        if let split = DeficiencySplit(problem, maximumMatching: nil) {
            let deficient = solveReportingMethod(split.deficient.problem).solution
            let rest = solveReportingMethod(split.rest.problem).solution
            let rowToCol = split.combine(deficient: deficient.rowToCol, rest: rest.rowToCol)
            return (AssignmentSolution(problem: problem, rowToCol: rowToCol), .split)
        }
        guard let rowToCol = solveByShortestPaths(problem, stop: stop) else { return nil }
        return (AssignmentSolution(problem: problem, rowToCol: rowToCol), .shortestAugmentingPath)
    }

    /// A complete rectangular problem padded to a square one with zero-cost
    /// dummy rows, which take whatever columns the real rows leave (the
    /// problem is transposed first when it has more rows than columns:
    /// dummy rows measured 0.002 s at 300 × 500, dummy columns 0.012 s).
    static func solvePaddedDense(_ problem: AssignmentProblem) -> [Int32] {
        let rows = problem.rows, cols = problem.cols, n = max(rows, cols)
        let costs = problem.denseCostMatrix()
        let transposed = rows > cols
        var square = [Int32](repeating: 0, count: n * n)
        for i in 0..<rows {
            for j in 0..<cols {
                if transposed { square[j * n + i] = costs[i * cols + j] } else { square[i * n + j] = costs[i * cols + j] }
            }
        }
        // Not the candidate auction: zero-cost dummies would crowd every
        // column's candidate list.
        let squareRowToCol = DenseJonkerVolgenant.solve(n: n, costs: square)
        if !transposed { return Array(squareRowToCol[0..<rows]) }
        var rowToCol = [Int32](repeating: -1, count: rows)
        for r in 0..<cols { rowToCol[Int(squareRowToCol[r])] = Int32(r) }
        return rowToCol
    }

    /// Shortest augmenting paths on the smaller side; slack columns of a cost
    /// above any matching's total make "fewest unmatched" win over cost.
    static func solveByShortestPaths(_ problem: AssignmentProblem) -> [Int32] {
        solveByShortestPaths(problem, stop: nil)!
    }

    /// nil only when `stop` was raised.
    static func solveByShortestPaths(_ problem: AssignmentProblem, stop: StopFlag?) -> [Int32]? {
        var graph = SparseCostGraph(orienting: problem)
        let matching = MaximumMatching.solve(
            rows: graph.rows, cols: graph.cols, rowStart: graph.rowStart, edgeCol: graph.edgeCol)
        let realCols = graph.cols
        if matching.size < graph.rows {
            var total: Int64 = 1
            for i in 0..<graph.rows {
                var rowMaximum: Int64 = 0
                for e in Int(graph.rowStart[i])..<Int(graph.rowStart[i + 1]) {
                    rowMaximum = max(rowMaximum, graph.edgeCost[e])
                }
                total += rowMaximum
            }
            graph.addSlackColumns(penalty: total)
        }
        guard let oriented = ShortestAugmentingPath.solve(graph, stop: stop) else { return nil }
        let transposed = problem.rows > problem.cols
        var rowToCol = [Int32](repeating: -1, count: problem.rows)
        for (side, other) in oriented.enumerated() where other >= 0 && Int(other) < realCols {
            if transposed { rowToCol[Int(other)] = Int32(side) } else { rowToCol[side] = other }
        }
        return rowToCol
    }
}
