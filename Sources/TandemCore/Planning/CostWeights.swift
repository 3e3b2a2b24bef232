/// The weights of the pairing engine's cost model (from `config/engine.yaml`). All costs are
/// integers; a lower total is a better pairing.
public struct CostWeights: Sendable, Hashable, Codable {
    /// Cost per kilometre between the branch's home and the enterprise.
    public var perKm: Int = 10
    /// Pairs farther apart than this are not proposed at all.
    public var maxDistanceKm: Int = 150
    /// Per open request whose item needs a capability the branch lacks.
    public var missingCapability: Int = 400
    /// A load weighing at least this many tonnes (units with a `tonnes` role) needs a branch with a
    /// capability that carries heavy loads.
    public var heavyLoadTonnes: Int = 1
    /// Per heavy request when the branch has no transport.
    public var heavyLoadWithoutTransport: Int = 300
    /// Per person a labour request asks for beyond the branch's headcount.
    public var perMissingPerson: Int = 5
    /// Subtracted when the branch is in the enterprise's district.
    public var sameDistrictBonus: Int = 150
    /// Subtracted when the branch is in the same supervision group (another district).
    public var sameGroupBonus: Int = 60
    /// Urgency per open request by priority; subtracted so that, when branches are scarce,
    /// urgent enterprises are the last to be left without one.
    public var urgencyUrgent: Int = 400
    public var urgencyHigh: Int = 200
    public var urgencyNormal: Int = 80
    public var urgencyLow: Int = 20
    /// Urgency per day a request has been open (capped at 30 days) and per overdue request.
    public var urgencyPerDayOpen: Int = 5
    public var urgencyOverdue: Int = 300

    public init() {}

    public func urgency(of priority: Priority) -> Int {
        switch priority {
        case .urgent: urgencyUrgent
        case .high: urgencyHigh
        case .normal: urgencyNormal
        case .low: urgencyLow
        }
    }
}
