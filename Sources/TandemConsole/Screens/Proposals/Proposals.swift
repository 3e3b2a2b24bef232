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

extension ProposalsState {
    /// Why the proposals may not be accepted now, or nil: the role, none computed, or data
    /// changed since they were computed. The `a` and `A` keys and `:accept` all ask this.
    func acceptDenial(_ s: ScreenContext) -> Bilingual? {
        if let reason = s.context.denial(.pair, in: s.snapshot) { return reason }
        guard let set, !set.pairs.isEmpty else { return bi("没有建议", "no proposals") }
        if stale || set.version != s.snapshot?.version { return Self.outOfDate }
        return nil
    }

    static let outOfDate = bi("建议已过时（数据已变化），请按 r 重新计算", "the proposals are out of date, press r")

    /// Accepting proposal `index`: written only if the data is still what the proposals were computed from.
    func acceptEffect(_ index: Int, via origin: CommandOrigin) -> [Effect] {
        guard let set, let pair = set.pairs[safe: index] else { return [] }
        return [.mutateIfCurrent(.pair(branch: pair.branch, enterprise: pair.enterprise), via: origin, version: set.version)]
    }

    /// Accepting them all (confirmed in its form): written only if the data is still what they were computed from.
    func acceptAllEffect(_ application: PlanApplication) -> [Effect] {
        guard let version = self.set?.version else { return [] }
        return [.mutateIfCurrent(.applyPlan(application), via: .keys, version: version)]
    }

    /// The proposals to compute when the screen is shown: none yet, or out of date. Planned on
    /// the whole city only: on the start screen's records they wait for it.
    mutating func computeIfNeeded(_ s: ScreenContext) -> [Effect] {
        guard set == nil || stale, !computing, s.data?.isFirstScreen == false else { return [] }
        computing = true
        return [.computeProposals]
    }

    /// The engine's answer arrived.
    mutating func received(_ set: ProposalSet) {
        self.set = set
        computing = false
        stale = false
        error = nil
        cursor.clamp(count: set.pairs.count)
    }

    mutating func failed(_ message: Bilingual) {
        computing = false
        error = message
    }

    /// The city changed: proposals from another version are out of date.
    mutating func cityChanged(to version: Int64) {
        if let set, set.version != version { stale = true }
    }

    /// This console paired `branch` and `enterprise` at `step`. Accepting one of the proposals,
    /// with nobody else writing meanwhile, leaves the others as current as they were: the next
    /// one may be accepted too.
    mutating func paired(branch: RecordCode, enterprise: RecordCode, step: VersionStep?) {
        guard var set, !stale, let step, step.isOnlyThisWrite, set.version == step.before,
              set.pairs.contains(where: { $0.branch == branch && $0.enterprise == enterprise }) else { return }
        set.version = step.after
        self.set = set
    }
}

/// Computes proposals from a snapshot; provided by whoever wires the console (the engine's planner).
typealias ProposalEngine = @Sendable (CitySnapshot) throws -> ProposalSet
