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

/// Computes proposals from a snapshot; provided by whoever wires the console (the engine's planner).
typealias ProposalEngine = @Sendable (CitySnapshot) throws -> ProposalSet
