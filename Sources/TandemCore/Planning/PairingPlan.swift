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
    public var graphSeconds = 0.0
    public var solveSeconds = 0.0

    private enum CodingKeys: String, CodingKey {
        case proposals, unpaired, keptPairings, freeBranches, enterprisesNeedingHelp, totalCost, candidateGraph, candidateEdges
    }
}

extension PairingPlan {
    /// The plan as pretty-printed JSON with sorted keys, the same text as `JSONEncoder` with
    /// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (PlannerTests compares them), written
    /// directly: 9 341 proposals of a 20 000 city took 0.2 s through the encoder.
    public func prettyJSON() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(600 * proposals.count + 300 * unpaired.count + 512)
        func raw(_ text: StaticString) {
            text.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        func int<T: BinaryInteger>(_ value: T) {
            if value < 0 { out.append(UInt8(ascii: "-")) }
            var magnitude = value.magnitude
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                         UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                    count += 1
                } while magnitude > 0
                for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
            }
        }
        func string(_ value: String) {
            out.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                case ..<0x20:
                    raw("\\u00")
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 15)])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
        func double(_ value: Double) {
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            out.append(contentsOf: text.utf8)
        }
        func indent(_ level: Int) {
            for _ in 0..<(2 * level) { out.append(UInt8(ascii: " ")) }
        }
        /// Writes `"key" : ` at `level`, preceded by a comma when not first.
        func key(_ name: StaticString, _ level: Int, first: Bool = false) {
            if first { raw("\n") } else { raw(",\n") }
            indent(level)
            out.append(UInt8(ascii: "\""))
            raw(name)
            raw("\" : ")
        }
        func array<T>(_ items: [T], _ level: Int, _ element: (T, Int) -> Void) {
            if items.isEmpty { raw("[\n\n"); indent(level); raw("]"); return }
            raw("[")
            for (index, item) in items.enumerated() {
                if index == 0 { raw("\n") } else { raw(",\n") }
                indent(level + 1)
                element(item, level + 1)
            }
            raw("\n")
            indent(level)
            raw("]")
        }
        func gap(_ gap: CapabilityGap, _ level: Int) {
            raw("{")
            switch gap {
            case .missing(let capability, let requests):
                key("capability", level + 1, first: true); string(capability.rawValue)
                key("kind", level + 1); string("missing")
                key("requests", level + 1); int(requests)
            case .heavyLoadWithoutTransport(let requests):
                key("kind", level + 1, first: true); string("heavy_load_without_transport")
                key("requests", level + 1); int(requests)
            case .shortOfPeople(let needed, let headcount):
                key("headcount", level + 1, first: true); int(headcount)
                key("kind", level + 1); string("short_of_people")
                key("needed", level + 1); int(needed)
            }
            raw("\n"); indent(level); raw("}")
        }
        func proposal(_ p: Proposal, _ level: Int) {
            let x = p.explanation
            raw("{")
            key("branch", level + 1, first: true); string(p.branch.description)
            key("enterprise", level + 1); string(p.enterprise.description)
            key("explanation", level + 1)
            raw("{")
            key("cost", level + 2, first: true); int(x.cost)
            key("distanceKm", level + 2); double(x.distanceKm)
            key("gaps", level + 2); array(x.gaps, level + 2, gap)
            key("openRequests", level + 2); int(x.openRequests)
            key("overdueRequests", level + 2); int(x.overdueRequests)
            key("sameDistrict", level + 2); if x.sameDistrict { raw("true") } else { raw("false") }
            key("sameGroup", level + 2); if x.sameGroup { raw("true") } else { raw("false") }
            key("urgency", level + 2); int(x.urgency)
            raw("\n"); indent(level + 1); raw("}")
            raw("\n"); indent(level); raw("}")
        }
        func unpairedEnterprise(_ u: UnpairedEnterprise, _ level: Int) {
            raw("{")
            key("enterprise", level + 1, first: true); string(u.enterprise.description)
            key("missingEverywhere", level + 1); array(u.missingEverywhere, level + 1) { capability, _ in string(capability.rawValue) }
            key("reason", level + 1)
            raw("{")
            switch u.reason {
            case .noBranchInReach(let km):
                key("kind", level + 2, first: true); string("no_branch_in_reach")
                key("maxKm", level + 2); int(km)
            case .outnumbered(let inReach, let needing, let free):
                key("branchesInReach", level + 2, first: true); int(inReach)
                key("enterprisesNeedingHelp", level + 2); int(needing)
                key("freeBranches", level + 2); int(free)
                key("kind", level + 2); string("outnumbered")
            }
            raw("\n"); indent(level + 1); raw("}")
            key("urgency", level + 1); int(u.urgency)
            raw("\n"); indent(level); raw("}")
        }
        raw("{")
        key("candidateEdges", 1, first: true); int(candidateEdges)
        key("candidateGraph", 1); string(candidateGraph)
        key("enterprisesNeedingHelp", 1); int(enterprisesNeedingHelp)
        key("freeBranches", 1); int(freeBranches)
        key("keptPairings", 1); int(keptPairings)
        key("proposals", 1); array(proposals, 1, proposal)
        key("totalCost", 1); int(totalCost)
        key("unpaired", 1); array(unpaired, 1, unpairedEnterprise)
        raw("\n}")
        return String(decoding: out, as: UTF8.self)
    }
}
