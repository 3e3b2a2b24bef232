import Foundation
import GRDB
import TandemCore

extension Schema {
    /// The triggers that refuse changing or deleting audit events. Root can drop them, as root
    /// can do anything to the file; `tandem check` and `tandem log --verify` then say so, and
    /// the hash chain names the events changed.
    static let auditTriggers = ["audit_event_no_update", "audit_event_no_delete"]

    /// Version 3:
    /// - the audit becomes a hash chain (`AuditChain`): every existing event gets its previous
    ///   hash and its own, in id order;
    /// - triggers refuse UPDATE and DELETE on the audit table;
    /// - the log's filters by operator and by time are indexed;
    /// - an existing database gets a `schema.migrate` event naming what was there before the
    ///   chain (`AuditBaseline`), as rows loaded or written without an event of their own then
    ///   cannot be told from rows changed behind Tandem's back later.
    static func migrateToV3(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE audit_event ADD COLUMN previous_hash TEXT;
            ALTER TABLE audit_event ADD COLUMN hash TEXT;
            """)
        let update = try db.makeStatement(sql: "UPDATE audit_event SET previous_hash = ?, hash = ? WHERE id = ?")
        var previous = AuditChain.genesis
        let rows = try Row.fetchCursor(db, sql: "SELECT \(AuditChain.hashedColumns), NULL FROM audit_event ORDER BY id")
        while let row = try rows.next() {
            var event = AuditChain.StoredEvent(row)
            event.previousHash = previous
            let hash = event.computedHash
            try update.execute(arguments: [previous, hash, event.id])
            previous = hash
        }
        try db.execute(sql: """
            CREATE INDEX audit_by_operator ON audit_event(operator_login);
            CREATE INDEX audit_by_acting_operator ON audit_event(\(actingOperatorSQL));
            CREATE INDEX audit_by_time ON audit_event(at);
            CREATE INDEX pairing_by_enterprise ON pairing(enterprise_number);
            CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END;
            CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END;
            """)
        let baseline = try AuditBaseline.current(db)
        if !baseline.isEmpty {
            try AuditChain.append(db, at: Timestamp(Date.now), operatorName: "tandem", action: .migrateSchema, subject: .database,
                                  before: "", after: try baseline.json())
        }
    }

    /// The operator an event was made for: `wang` in both `wang` and `root as wang`.
    static let actingOperatorSQL = """
        CASE WHEN instr(operator_login, ' as ') > 0 THEN substr(operator_login, instr(operator_login, ' as ') + 4) \
        ELSE operator_login END
        """
}
