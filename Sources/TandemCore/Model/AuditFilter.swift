/// Which audit events to show: every condition given must hold.
public struct AuditFilter: Sendable, Hashable {
    /// An operator: matches events made by them, for them (`root as wang`) and, for an OS
    /// account, everything it did as someone else.
    public var operatorLogin: String?
    public var enterprise: RecordCode?
    public var branch: RecordCode?
    public var request: RecordCode?
    /// From this moment, included.
    public var since: Timestamp?
    /// Before this moment.
    public var until: Timestamp?

    public init(operatorLogin: String? = nil, enterprise: RecordCode? = nil, branch: RecordCode? = nil, request: RecordCode? = nil,
                since: Timestamp? = nil, until: Timestamp? = nil) {
        self.operatorLogin = operatorLogin
        self.enterprise = enterprise
        self.branch = branch
        self.request = request
        self.since = since
        self.until = until
    }
}
