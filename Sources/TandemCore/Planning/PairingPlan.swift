/// What keeps a branch from fully meeting an enterprise's open requests.
public enum CapabilityGap: Sendable, Hashable, Encodable {
    /// Requests need a capability the branch lacks (e.g. PPE procurement for masks).
    case missing(Capability, requests: Int)
    /// Loads of a tonne or more with no vehicle in the branch.
    case heavyLoadWithoutTransport(requests: Int)
    /// Labour requests ask for more people than the branch has.
    case shortOfPeople(needed: Int, headcount: Int)

    private enum Key: String, CodingKey { case kind, capability, requests, needed, headcount }

    /// Encodes flat: `{"kind": "missing", "capability": "labour", "requests": 1}`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .missing(let capability, let requests):
            try container.encode("missing", forKey: .kind)
            try container.encode(capability, forKey: .capability)
            try container.encode(requests, forKey: .requests)
        case .heavyLoadWithoutTransport(let requests):
            try container.encode("heavy_load_without_transport", forKey: .kind)
            try container.encode(requests, forKey: .requests)
        case .shortOfPeople(let needed, let headcount):
            try container.encode("short_of_people", forKey: .kind)
            try container.encode(needed, forKey: .needed)
            try container.encode(headcount, forKey: .headcount)
        }
    }

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.missing(let c, let n), .zh): "缺\(c.name.zh)（\(n)项需求）"
        case (.missing(let c, let n), .en): "no \(c.name.en) (\(n) request\(n == 1 ? "" : "s"))"
        case (.heavyLoadWithoutTransport(let n), .zh): "无车辆运送吨级物资（\(n)项）"
        case (.heavyLoadWithoutTransport(let n), .en): "no vehicle for \(n) load\(n == 1 ? "" : "s") of a tonne or more"
        case (.shortOfPeople(let needed, let headcount), .zh): "需 \(needed) 人，仅有 \(headcount) 人"
        case (.shortOfPeople(let needed, let headcount), .en): "needs \(needed) people, has \(headcount)"
        }
    }
}

/// Why the engine proposes a pair: every term of its cost.
public struct ProposalExplanation: Sendable, Hashable, Encodable {
    public var distanceKm: Double
    public var sameDistrict: Bool
    public var sameGroup: Bool
    public var gaps: [CapabilityGap]
    /// The enterprise's urgency: priorities, days waiting and overdue requests of its open requests.
    public var urgency: Int
    public var openRequests: Int
    public var overdueRequests: Int
    /// The pair's cost in the model (distance + gaps − locality bonus); lower is better.
    public var cost: Int

    public func text(_ lang: Lang) -> String {
        let distance = (distanceKm * 10).rounded() / 10
        var parts: [String] = []
        if lang == .zh {
            parts.append("距离 \(distance) km" + (sameDistrict ? "（同区县）" : sameGroup ? "（同督导组）" : ""))
            parts.append(gaps.isEmpty ? "能力齐备" : gaps.map { $0.text(.zh) }.joined(separator: "；"))
            parts.append("紧急度 \(urgency)（\(openRequests) 项待办" + (overdueRequests > 0 ? "，\(overdueRequests) 项逾期）" : "）"))
            parts.append("代价 \(cost)")
        } else {
            parts.append("\(distance) km" + (sameDistrict ? " (same district)" : sameGroup ? " (same group)" : ""))
            parts.append(gaps.isEmpty ? "all capabilities" : gaps.map { $0.text(.en) }.joined(separator: "; "))
            parts.append("urgency \(urgency) (\(openRequests) open" + (overdueRequests > 0 ? ", \(overdueRequests) overdue)" : ")"))
            parts.append("cost \(cost)")
        }
        return parts.joined(separator: lang == .zh ? "，" : ", ")
    }
}

/// One proposed pairing.
public struct Proposal: Sendable, Hashable, Encodable {
    public var branch: RecordCode
    public var enterprise: RecordCode
    public var explanation: ProposalExplanation
}

/// Why an enterprise that needs help gets no branch in the plan.
public enum UnpairedReason: Sendable, Hashable, Encodable {
    /// No free, active branch lives within the maximum distance.
    case noBranchInReach(maxKm: Int)
    /// Branches within reach exist but were all given to more urgent or closer enterprises.
    case outnumbered(branchesInReach: Int, enterprisesNeedingHelp: Int, freeBranches: Int)

    private enum Key: String, CodingKey { case kind, maxKm, branchesInReach, enterprisesNeedingHelp, freeBranches }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .noBranchInReach(let km):
            try container.encode("no_branch_in_reach", forKey: .kind)
            try container.encode(km, forKey: .maxKm)
        case .outnumbered(let inReach, let needing, let free):
            try container.encode("outnumbered", forKey: .kind)
            try container.encode(inReach, forKey: .branchesInReach)
            try container.encode(needing, forKey: .enterprisesNeedingHelp)
            try container.encode(free, forKey: .freeBranches)
        }
    }

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.noBranchInReach(let km), .zh): "\(km) km 内没有空闲的突击队"
        case (.noBranchInReach(let km), .en): "no free branch within \(km) km"
        case (.outnumbered(let inReach, let needing, let free), .zh):
            "可及的 \(inReach) 支突击队已分给更紧急或更近的单位（\(free) 支空闲突击队对 \(needing) 个需帮扶单位）"
        case (.outnumbered(let inReach, let needing, let free), .en):
            "the \(inReach) branches within reach went to more urgent or closer enterprises (\(free) free branches for \(needing) enterprises)"
        }
    }
}

public struct UnpairedEnterprise: Sendable, Hashable, Encodable {
    public var enterprise: RecordCode
    public var reason: UnpairedReason
    /// Capabilities its open requests need that no branch within reach has.
    public var missingEverywhere: [Capability]
    public var urgency: Int

    public func text(_ lang: Lang) -> String {
        var text = reason.text(lang)
        if !missingEverywhere.isEmpty {
            let names = missingEverywhere.map { $0.name.text(lang) }
            text += lang == .zh ? "；可及范围内无人具备：\(names.joined(separator: "、"))"
                : "; no branch within reach has: \(names.joined(separator: ", "))"
        }
        return text
    }
}

/// The engine's answer: a one-to-one pairing of minimum total cost among those of maximum size,
/// on the candidate graph it states, with each proposal explained.
public struct PairingPlan: Sendable, Encodable {
    public var proposals: [Proposal]
    public var unpaired: [UnpairedEnterprise]
    /// Active pairings in scope that the plan keeps (all of them unless re-planning).
    public var keptPairings: Int
    public var freeBranches: Int
    public var enterprisesNeedingHelp: Int
    public var totalCost: Int64
    /// `complete` when every pair within reach was considered; otherwise how edges were chosen.
    public var candidateGraph: String
    public var candidateEdges: Int
    /// Seconds spent building the candidate graph and solving it (for benchmarks; not encoded).
    package var graphSeconds = 0.0
    package var solveSeconds = 0.0

    private enum CodingKeys: String, CodingKey {
        case proposals, unpaired, keptPairings, freeBranches, enterprisesNeedingHelp, totalCost, candidateGraph, candidateEdges
    }
}
