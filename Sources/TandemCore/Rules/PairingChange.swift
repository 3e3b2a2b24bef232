import Foundation

/// The latest change someone else made to a branch's pairing, as a branch lead must be told
/// it: which pairing was ended, by whom, when and why, and what the branch works for now.
/// Read from the branch's audit events, where each `unpair` event holds the ended pairing
/// (with its `end_reason`) as its `after`.
public struct PairingChange: Sendable, Hashable {
    /// The pairing that was ended, with `endedAt`, `endedBy` and `endReason` set.
    public var ended: Pairing
    /// The enterprise the branch is paired with now, when it was paired again since.
    public var nowPaired: RecordCode?

    public init(ended: Pairing, nowPaired: RecordCode?) {
        self.ended = ended
        self.nowPaired = nowPaired
    }

    /// True when the branch now works for another enterprise (the pairing was changed), false
    /// when it has none (the pairing was ended).
    public var isChange: Bool { nowPaired != nil && nowPaired != ended.enterpriseCode }

    /// The latest ended pairing of `branch` among `events` (oldest first), unless `viewer`
    /// ended it themselves or it ended before `since` (a lead is told of recent changes, not
    /// of last year's). `current` is the enterprise the branch is paired with now, if any.
    public static func latest(of branch: RecordCode, in events: [AuditEvent], current: RecordCode?,
                              viewer: String, since: Timestamp) -> PairingChange? {
        guard let event = events.last(where: { $0.action == .unpair && $0.subject.branch == branch }),
              let ended = event.endedPairing,
              let endedAt = ended.endedAt, endedAt >= since,
              ended.endedBy != viewer
        else { return nil }
        // Paired again with the same enterprise after the end: nothing changed for the lead.
        if current == ended.enterpriseCode { return nil }
        return PairingChange(ended: ended, nowPaired: current)
    }
}

extension AuditEvent {
    /// For an `unpair` event, the pairing it ended (with its end reason); nil for other events.
    public var endedPairing: Pairing? {
        guard action == .unpair else { return nil }
        return try? JSONDecoder().decode(Pairing.self, from: Data(after.utf8))
    }
}
