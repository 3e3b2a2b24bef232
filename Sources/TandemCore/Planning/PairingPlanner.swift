import AssignmentSolver
/// Which part of the city to plan for.
public struct PlanningScope: Sendable, Hashable {
    public var districtCode: String?
    public var group: Int?
    /// Also reconsider the active pairings in scope (otherwise they are kept as they are).
    public var replan: Bool

    public init(districtCode: String? = nil, group: Int? = nil, replan: Bool = false) {
        self.districtCode = districtCode
        self.group = group
        self.replan = replan
    }
}

/// Turns the campaign's state into an assignment problem, solves it exactly, and explains
/// the answer. Rows are enterprises that need help, columns free active branches; a pair's cost
/// is `CostModel.pairCost` minus the enterprise's urgency (so that when branches are scarce the
/// least urgent are left out) plus a constant that keeps every cost non-negative. A constant per
/// pair does not change which maximum matching is cheapest.
///
/// Measured (`bash bench/suggest/run.sh 20000 9`, release, 2 cores, load average 1.3–2.7,
/// medians): on a `tandem init --demo --scale 20000` city, 9950 enterprises needing help × 9341
/// free branches, 451 658 candidate edges, the whole `tandem suggest --format json` process takes
/// 0.84 s (user CPU 0.88 s): store snapshot 0.23 s, candidate graph 0.26 s (two cores), solve and
/// explanations 0.26 s (rectangular auction, 6 % off square), JSON and process start the rest.
/// Before: 2.1 s (shortest augmenting paths 0.84 s of a 1.05 s solve, graph 0.34–0.44 s, JSON
/// through `JSONEncoder` 0.2 s).
public enum PairingPlanner {
    /// Up to this many enterprise × branch pairs, every pair within reach is an edge.
    public static let completeGraphLimit = 4_000_000
    /// Beyond it, each enterprise keeps its cheapest branches plus a deterministic sample within
    /// reach: the sample keeps a large matching possible when many enterprises prefer the same branches.
    public static let cheapestPerEnterprise = 24
    public static let sampledPerEnterprise = 8
    /// …and each branch its cheapest enterprises, so that scarce branches reach the most urgent.
    public static let enterprisesPerBranch = 16
    /// Districts, nearest first, whose branches may take an enterprise as one of their cheapest.
    static let districtsOfferedTo = 6

    public static func plan(snapshot: CitySnapshot, geography: Geography, catalog: Catalog, weights: CostWeights,
                            today: Day, scope: PlanningScope = PlanningScope(),
                            completeGraphLimit: Int = completeGraphLimit) -> PairingPlan {
        func inScope(_ districtCode: String) -> Bool {
            if let code = scope.districtCode, districtCode != code { return false }
            if let group = scope.group, geography.district(code: districtCode)?.group != group { return false }
            return true
        }
        // Enterprises in scope that need help and have no branch (or all of them when re-planning).
        var kept = 0
        var enterprises: [Enterprise] = []
        for enterprise in snapshot.enterprises where inScope(enterprise.districtCode) && snapshot.needsHelp(enterprise.code) {
            if snapshot.pairingByEnterprise[enterprise.code] != nil {
                if !scope.replan { kept += 1; continue }
            }
            enterprises.append(enterprise)
        }
        // Free active branches anywhere (distance decides reach), plus, when re-planning, the
        // branches of the pairings being reconsidered.
        let replannedEnterprises = Set(enterprises.map(\.code))
        let branches = snapshot.branches.filter { branch in
            if snapshot.isFree(branch) { return true }
            guard branch.active, let pairing = snapshot.pairingByBranch[branch.code] else { return false }
            return scope.replan && replannedEnterprises.contains(pairing.enterpriseCode)
        }
        let clock = ContinuousClock()
        let graphStart = clock.now
        let model = CostModel(geography: geography, catalog: catalog, weights: weights, today: today)
        let needs = enterprises.map { model.needs(of: $0, requests: snapshot.requests(of: $0.code)) }
        let graph = CandidateGraph.build(needs: needs, branches: branches, model: model, completeGraphLimit: completeGraphLimit)

        let solveStart = clock.now
        var proposals: [Proposal] = []
        var unpaired: [UnpairedEnterprise] = []
        var totalCost: Int64 = 0
        var matched = [Bool](repeating: false, count: enterprises.count)
        if let problem = graph.problem(rows: enterprises.count, cols: branches.count) {
            // Its graphs suit the auction (the enterprises left over are the least urgent, far
            // from every Dijkstra's root): no race with shortest paths.
            let solution = AssignmentSolver.solve(problem, slightlyRectangular: .auctionFirst)
            for (row, col) in solution.pairs {
                let explanation = model.explain(needs[row], branches[col])
                totalCost += Int64(explanation.cost)
                matched[row] = true
                proposals.append(Proposal(branch: branches[col].code, enterprise: enterprises[row].code, explanation: explanation))
            }
        }
        for (row, need) in needs.enumerated() where !matched[row] {
            let inReach = graph.branchesInReach[row]
            let reason: UnpairedReason = inReach == 0
                ? .noBranchInReach(maxKm: weights.maxDistanceKm)
                : .outnumbered(branchesInReach: inReach, enterprisesNeedingHelp: enterprises.count, freeBranches: branches.count)
            unpaired.append(UnpairedEnterprise(enterprise: need.enterprise.code, reason: reason,
                                               missingEverywhere: graph.missingEverywhere[row], urgency: need.urgency))
        }
        let solveEnd = clock.now
        proposals.sort { ($0.explanation.urgency, -$0.enterprise.number) > ($1.explanation.urgency, -$1.enterprise.number) }
        unpaired.sort { ($0.urgency, -$0.enterprise.number) > ($1.urgency, -$1.enterprise.number) }
        return PairingPlan(proposals: proposals, unpaired: unpaired, keptPairings: kept, freeBranches: branches.count,
                           enterprisesNeedingHelp: enterprises.count, totalCost: totalCost, candidateGraph: graph.description,
                           candidateEdges: graph.edgeCount, graphSeconds: seconds(solveStart - graphStart),
                           solveSeconds: seconds(solveEnd - solveStart))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
