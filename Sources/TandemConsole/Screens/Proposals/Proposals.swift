import TandemCore

/// The engine's proposals as the console shows them: pairs with their explanation, and the
/// enterprises left unpaired with the reason.
struct ProposalSet: Sendable {
    struct Pair: Sendable {
        var branch: RecordCode
        var enterprise: RecordCode
        var cost: Int
        var distanceKm: Double?
        /// Why this pair: distance, capability gaps, urgency, cost; one line each.
        var explanation: [Bilingual]
    }
    struct Unpaired: Sendable {
        var enterprise: RecordCode
        var reason: Bilingual
    }
    var pairs: [Pair]
    var unpaired: [Unpaired]
    /// The data version the proposals were computed from.
    var version: Int64
}

struct ProposalsState: Sendable {
    var set: ProposalSet?
    var cursor = ListCursor()
    var computing = false
    var error: Bilingual?
    /// True when the data changed since the proposals were computed.
    var stale = false
}

extension ConsoleState {
    /// Why the proposals may not be accepted now, or nil: the role, none computed, or data
    /// changed since they were computed. The `a` and `A` keys and `:accept` all ask this.
    var acceptDenial: Bilingual? {
        if let reason = context.denial(.pair, in: snapshot) { return reason }
        guard let set = proposals.set, !set.pairs.isEmpty else { return bi("没有建议", "no proposals") }
        if proposals.stale || set.version != snapshot?.version { return ConsoleState.proposalsOutOfDate }
        return nil
    }

    static let proposalsOutOfDate = bi("建议已过时（数据已变化），请按 r 重新计算", "the proposals are out of date, press r")

    /// Accepting proposal `index`: written only if the data is still what the proposals were computed from.
    func acceptEffect(_ index: Int, via origin: CommandOrigin) -> [Effect] {
        guard let set = proposals.set, let pair = set.pairs[safe: index] else { return [] }
        return [.mutateIfCurrent(.pair(branch: pair.branch, enterprise: pair.enterprise), via: origin, version: set.version)]
    }
}

/// Computes proposals from a snapshot; provided by whoever wires the console (the engine's planner).
typealias ProposalEngine = @Sendable (CitySnapshot) throws -> ProposalSet
