import TandemCore

/// Appends events to the audit's hash chain inside the caller's transaction. Ids follow the
/// last event with no gap (a sequence would leave one per rolled-back transaction, which the
/// chain's check reads as a deleted event); two transactions appending at once both read the
/// head, and SERIALIZABLE aborts one of them, which then runs again on the new head.
/// It reads the head once: every event of a transaction after it is made must go through it.
final class PostgresAuditChain {
    private var nextID: Int64
    private var previousHash: String
    private var content: [UInt8] = []

    init(_ c: PostgresConnection) throws {
        if let head = try c.one("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1") {
            nextID = try head.value("id") as Int64 + 1
            previousHash = try head.optional("hash") ?? ""
        } else {
            nextID = 1
            previousHash = AuditHash.genesis
        }
    }

    func append(_ c: PostgresConnection, at: Timestamp, operatorName: String, action: AuditAction, subject: AuditSubject,
                         before: String, after: String) throws {
        let fields = AuditHash.fields(time: at.description, operatorName: operatorName, action: action, subject: subject,
                                      before: before, after: after)
        let hash = AuditHash.hash(id: nextID, fields: fields, previousHash: previousHash, into: &content)
        try c.execute("""
            INSERT INTO audit_event (id, at, operator_login, action, enterprise_number, branch_number, request_number, subject_login,
                                     before, after, previous_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """, [nextID, at, operatorName, action.rawValue, subject.enterprise?.number, subject.branch?.number,
                  subject.request?.number, subject.login, before, after, previousHash, hash])
        previousHash = hash
        nextID += 1
    }
}
