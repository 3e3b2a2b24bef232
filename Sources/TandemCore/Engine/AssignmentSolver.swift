/// The pairing engine's exact solver: a matching of maximum cardinality and,
/// among those, of minimum total cost. Deterministic for the same input.
///
/// Choice of algorithm (figures to be filled from bench/engine/run.sh):
/// - complete square graphs: dense Jonker–Volgenant (`DenseJonkerVolgenant`);
/// - square graphs with a perfect matching: ε-scaling auction with costs scaled by n + 1, exact at ε = 1
///   (`ScalingAuction`);
/// - everything else (rectangular, no perfect matching): successive shortest
///   augmenting paths with potentials on the smaller side, with a slack
///   column per row when no matching covers that side (`ShortestAugmentingPath`).
public enum AssignmentSolver {
    /// Which algorithm `solve` used; reported by the benchmark.
    public enum Method: String, Sendable {
        case empty, denseCandidateAuction, denseJonkerVolgenant, scalingAuction, shortestAugmentingPath
    }

    public static func solve(_ problem: AssignmentProblem) -> AssignmentSolution {
        solveReportingMethod(problem).solution
    }

    public static func solveReportingMethod(_ problem: AssignmentProblem) -> (solution: AssignmentSolution, method: Method) {
        let rows = problem.rows, cols = problem.cols
        if rows == 0 || cols == 0 || problem.edgeCount == 0 {
            return (AssignmentSolution(problem: problem, rowToCol: [Int32](repeating: -1, count: rows)), .empty)
        }
        if rows == cols && problem.isComplete {
            let costs = problem.denseCostMatrix()
            if let rowToCol = DenseCandidateAuction.solve(n: rows, costs: costs) {
                return (AssignmentSolution(problem: problem, rowToCol: rowToCol), .denseCandidateAuction)
            }
            let rowToCol = DenseJonkerVolgenant.solve(n: rows, costs: costs)
            return (AssignmentSolution(problem: problem, rowToCol: rowToCol), .denseJonkerVolgenant)
        }
        if rows == cols {
            if let rowToCol = ScalingAuction.solve(problem) {
                return (AssignmentSolution(problem: problem, rowToCol: rowToCol), .scalingAuction)
            }
        }
        return (AssignmentSolution(problem: problem, rowToCol: solveByShortestPaths(problem)), .shortestAugmentingPath)
    }

    /// Shortest augmenting paths on the smaller side; slack columns of a cost
    /// above any matching's total make "fewest unmatched" win over cost.
    static func solveByShortestPaths(_ problem: AssignmentProblem) -> [Int32] {
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
        let oriented = ShortestAugmentingPath.solve(graph)
        let transposed = problem.rows > problem.cols
        var rowToCol = [Int32](repeating: -1, count: problem.rows)
        for (side, other) in oriented.enumerated() where other >= 0 && Int(other) < realCols {
            if transposed { rowToCol[Int(other)] = Int32(side) } else { rowToCol[side] = other }
        }
        return rowToCol
    }
}
