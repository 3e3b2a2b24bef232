/// Everything a screen or report needs about the campaign at one moment, read in one
/// transaction, with lookups by code. Built by the store; used by coverage, engine and UI.
public struct CitySnapshot: Sendable {
    public let branches: [Branch]
    public let enterprises: [Enterprise]
    public let requests: [Request]
    public let activePairings: [Pairing]
    /// The store's change counter when the snapshot was read.
    public let version: Int64
    /// When the data last changed (ISO 8601), if known.
    public let lastChange: String?

    public let branchIndex: [RecordCode: Int]
    public let enterpriseIndex: [RecordCode: Int]
    public let pairingByBranch: [RecordCode: Pairing]
    public let pairingByEnterprise: [RecordCode: Pairing]
    /// Request positions per enterprise, in code order.
    public let requestsByEnterprise: [RecordCode: [Int]]

    public init(branches: [Branch], enterprises: [Enterprise], requests: [Request], activePairings: [Pairing],
                version: Int64 = 0, lastChange: String? = nil) {
        self.branches = branches
        self.enterprises = enterprises
        self.requests = requests
        self.activePairings = activePairings
        self.version = version
        self.lastChange = lastChange
        var branchIndex = [RecordCode: Int](minimumCapacity: branches.count)
        for (i, b) in branches.enumerated() { branchIndex[b.code] = i }
        var enterpriseIndex = [RecordCode: Int](minimumCapacity: enterprises.count)
        for (i, e) in enterprises.enumerated() { enterpriseIndex[e.code] = i }
        var byBranch = [RecordCode: Pairing](minimumCapacity: activePairings.count)
        var byEnterprise = [RecordCode: Pairing](minimumCapacity: activePairings.count)
        for p in activePairings {
            byBranch[p.branchCode] = p
            byEnterprise[p.enterpriseCode] = p
        }
        var requestsByEnterprise = [RecordCode: [Int]](minimumCapacity: enterprises.count)
        for (i, r) in requests.enumerated() { requestsByEnterprise[r.enterpriseCode, default: []].append(i) }
        self.branchIndex = branchIndex
        self.enterpriseIndex = enterpriseIndex
        self.pairingByBranch = byBranch
        self.pairingByEnterprise = byEnterprise
        self.requestsByEnterprise = requestsByEnterprise
    }

    public func branch(_ code: RecordCode) -> Branch? { branchIndex[code].map { branches[$0] } }
    public func enterprise(_ code: RecordCode) -> Enterprise? { enterpriseIndex[code].map { enterprises[$0] } }
    public func requests(of enterprise: RecordCode) -> [Request] {
        (requestsByEnterprise[enterprise] ?? []).map { requests[$0] }
    }
    public func pairedBranch(of enterprise: RecordCode) -> RecordCode? { pairingByEnterprise[enterprise]?.branchCode }
    public func pairedEnterprise(of branch: RecordCode) -> RecordCode? { pairingByBranch[branch]?.enterpriseCode }

    /// Active branches with no active pairing.
    public var freeBranches: [Branch] { branches.filter { $0.active && pairingByBranch[$0.code] == nil } }
    /// Enterprises with no active pairing.
    public var unpairedEnterprises: [Enterprise] { enterprises.filter { pairingByEnterprise[$0.code] == nil } }

    /// The day each done request was finished, for "done in the last 7 days".
    public var completionDays: [RecordCode: Day] {
        var days: [RecordCode: Day] = [:]
        for request in requests { if let day = request.completed { days[request.code] = day } }
        return days
    }

    /// Enterprises that still need something: at least one open or in-progress request.
    public func needsHelp(_ enterprise: RecordCode) -> Bool {
        (requestsByEnterprise[enterprise] ?? []).contains { requests[$0].status.isActive }
    }
}
