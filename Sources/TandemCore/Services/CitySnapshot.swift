/// Everything a screen or report needs about the campaign at one moment, read in one
/// transaction, with lookups by code. Built by the store; used by coverage, engine and UI.
public struct CitySnapshot: Sendable {
    public let branches: [Branch]
    public let enterprises: [Enterprise]
    public let requests: [Request]
    public let activePairings: [Pairing]
    /// The store's change counter when the snapshot was read.
    public let version: Int64
    /// When the data last changed, if known.
    public let lastChange: Timestamp?

    public let branchIndex: CodeTable<Int>
    public let enterpriseIndex: CodeTable<Int>
    public let pairingByBranch: CodeTable<Pairing>
    public let pairingByEnterprise: CodeTable<Pairing>
    /// Request positions per enterprise, in code order.
    public let requestsByEnterprise: CodeTable<[Int]>

    public init(branches: [Branch], enterprises: [Enterprise], requests: [Request], activePairings: [Pairing],
                version: Int64 = 0, lastChange: Timestamp? = nil) {
        self.branches = branches
        self.enterprises = enterprises
        self.requests = requests
        self.activePairings = activePairings
        self.version = version
        self.lastChange = lastChange
        var branchIndex = CodeTable<Int>(kind: .branch, capacity: branches.last?.code.number ?? 0)
        for (i, b) in branches.enumerated() { branchIndex[b.code] = i }
        var enterpriseIndex = CodeTable<Int>(kind: .enterprise, capacity: enterprises.last?.code.number ?? 0)
        for (i, e) in enterprises.enumerated() { enterpriseIndex[e.code] = i }
        var byBranch = CodeTable<Pairing>(kind: .branch, capacity: branches.last?.code.number ?? 0)
        var byEnterprise = CodeTable<Pairing>(kind: .enterprise, capacity: enterprises.last?.code.number ?? 0)
        for p in activePairings {
            byBranch[p.branchCode] = p
            byEnterprise[p.enterpriseCode] = p
        }
        // Group request positions by enterprise number without hashing.
        let enterpriseCapacity = enterprises.last?.code.number ?? 0
        var grouped = [[Int]](repeating: [], count: enterpriseCapacity + 1)
        var requestsByEnterprise = CodeTable<[Int]>(kind: .enterprise, capacity: enterpriseCapacity)
        for (i, r) in requests.enumerated() where r.enterpriseCode.number <= enterpriseCapacity {
            grouped[r.enterpriseCode.number].append(i)
        }
        for (number, positions) in grouped.enumerated() where !positions.isEmpty {
            requestsByEnterprise[RecordCode(.enterprise, number)] = positions
        }
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

    /// The day each done request was finished, for "done in the last 7 days".
    public var completionDays: [RecordCode: Day] {
        var days: [RecordCode: Day] = [:]
        for request in requests { if let day = request.completed { days[request.code] = day } }
        return days
    }

    /// A free branch: active and not paired. Only free branches can be paired or proposed.
    public func isFree(_ branch: Branch) -> Bool {
        branch.active && pairingByBranch[branch.code] == nil
    }

    /// Enterprises that still need something: at least one open or in-progress request.
    public func needsHelp(_ enterprise: RecordCode) -> Bool {
        (requestsByEnterprise[enterprise] ?? []).contains { requests[$0].status.isActive }
    }
}
