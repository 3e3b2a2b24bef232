import TandemCore

/// Turns the engine's `PairingPlan` into what the proposals screen shows: each pair's
/// explanation as separate lines (distance, capability gaps, urgency, cost), and why each
/// enterprise left unpaired stays so.
extension ProposalSet {
    init(plan: PairingPlan, version: Int64) {
        pairs = plan.proposals.map { proposal in
            let e = proposal.explanation
            let km = (e.distanceKm * 10).rounded() / 10
            var lines: [Bilingual] = []
            lines.append(Bilingual(zh: "距离 \(km) 公里" + (e.sameDistrict ? "（同区县）" : e.sameGroup ? "（同督导组）" : ""),
                                   en: "\(km) km" + (e.sameDistrict ? " (same district)" : e.sameGroup ? " (same group)" : "")))
            lines.append(e.gaps.isEmpty ? Bilingual(zh: "能力齐备", en: "has every capability needed")
                : Bilingual(zh: e.gaps.map { $0.text(.zh) }.joined(separator: "；"), en: e.gaps.map { $0.text(.en) }.joined(separator: "; ")))
            lines.append(Bilingual(zh: "紧急度 \(e.urgency)（\(e.openRequests) 项待办" + (e.overdueRequests > 0 ? "，\(e.overdueRequests) 项逾期）" : "）"),
                                   en: "urgency \(e.urgency) (\(e.openRequests) open" + (e.overdueRequests > 0 ? ", \(e.overdueRequests) overdue)" : ")")))
            lines.append(Bilingual(zh: "代价 \(e.cost)", en: "cost \(e.cost)"))
            return Pair(branch: proposal.branch, enterprise: proposal.enterprise, cost: e.cost, distanceKm: e.distanceKm, explanation: lines)
        }
        unpaired = plan.unpaired.map { Unpaired(enterprise: $0.enterprise, reason: Bilingual(zh: $0.text(.zh), en: $0.text(.en))) }
        self.version = version
    }
}

extension Console {
    /// The engine's planner over the console's data: free branches for the enterprises in need,
    /// limited to the group of a group supervisor.
    static func defaultProposer(_ context: ConsoleContext, today: @escaping @Sendable () -> Day) -> ProposalEngine {
        { snapshot in
            let scope = try context.scope.planningScope(district: nil, group: nil, replan: false)
            let plan = PairingPlanner.plan(snapshot: snapshot, geography: context.geography, catalog: context.catalog,
                                           weights: context.weights, today: today(), scope: scope)
            return ProposalSet(plan: plan, version: snapshot.version)
        }
    }
}
