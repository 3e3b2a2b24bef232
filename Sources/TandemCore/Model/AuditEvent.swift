/// A record of one change: who did what to which record, and what it was before and after.
/// Written in the same transaction as the change itself.
public struct AuditEvent: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: String
    public var operatorLogin: String
    public var action: String
    public var subject: String
    public var before: String
    public var after: String

    public init(id: Int64 = 0, at: String, operatorLogin: String, action: String, subject: String, before: String, after: String) {
        self.id = id
        self.at = at
        self.operatorLogin = operatorLogin
        self.action = action
        self.subject = subject
        self.before = before
        self.after = after
    }
}
