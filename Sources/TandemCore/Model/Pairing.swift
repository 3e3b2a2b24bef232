/// One branch working with one enterprise. At most one active pairing per branch and per
/// enterprise; an ended pairing stays in the history.
public struct Pairing: Sendable, Hashable, Codable {
    public var id: Int64
    public var branchCode: RecordCode
    public var enterpriseCode: RecordCode
    public var startedAt: Timestamp
    public var startedBy: String
    public var endedAt: Timestamp?
    public var endedBy: String?
    public var endReason: String?

    public init(id: Int64, branchCode: RecordCode, enterpriseCode: RecordCode, startedAt: Timestamp, startedBy: String,
                endedAt: Timestamp? = nil, endedBy: String? = nil, endReason: String? = nil) {
        self.id = id
        self.branchCode = branchCode
        self.enterpriseCode = enterpriseCode
        self.startedAt = startedAt
        self.startedBy = startedBy
        self.endedAt = endedAt
        self.endedBy = endedBy
        self.endReason = endReason
    }

    public var isActive: Bool { endedAt == nil }
}
