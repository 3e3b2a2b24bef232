import Foundation
import GRDB
import TandemCore

extension Schema {
    /// Version 2:
    /// - audit events name their subjects in columns (enterprise, branch, request, operator login),
    ///   indexed, instead of free text: an enterprise's history is an indexed lookup. Old subjects
    ///   are parsed into the columns, and a request's events also name the request's enterprise;
    /// - every timestamp is rewritten in the one canonical form, `2026-11-30T14:53:12.345Z`,
    ///   whose text order is its time order;
    /// - `branch.lead_login` goes: an operator's role is the one record of who leads a branch.
    ///   A name there that the operator table does not confirm is kept in a `schema.migrate` event.
    static func migrateToV2(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE audit_event ADD COLUMN enterprise_number INTEGER;
            ALTER TABLE audit_event ADD COLUMN branch_number INTEGER;
            ALTER TABLE audit_event ADD COLUMN request_number INTEGER;
            ALTER TABLE audit_event ADD COLUMN subject_login TEXT;
            """)
        try backfillAuditSubjects(db)
        try db.execute(sql: """
            UPDATE audit_event SET enterprise_number = (SELECT enterprise_number FROM request WHERE number = request_number)
            WHERE request_number IS NOT NULL;
            DROP INDEX audit_by_subject;
            ALTER TABLE audit_event DROP COLUMN subject;
            CREATE INDEX audit_by_enterprise ON audit_event(enterprise_number) WHERE enterprise_number IS NOT NULL;
            CREATE INDEX audit_by_branch ON audit_event(branch_number) WHERE branch_number IS NOT NULL;
            CREATE INDEX audit_by_request ON audit_event(request_number) WHERE request_number IS NOT NULL;
            """)
        for (table, columns) in [("pairing", ["started_at", "ended_at"]), ("delivery", ["at"]), ("audit_event", ["at"])] {
            for column in columns { try canonicalizeTimestamps(db, table: table, column: column) }
        }
        let now = Timestamp(Date.now).description
        try db.execute(sql: """
            INSERT INTO audit_event (at, operator_login, action, branch_number, subject_login, before, after)
            SELECT ?, 'tandem', ?, b.number, b.lead_login, json_object('leadLogin', b.lead_login), ''
            FROM branch b
            WHERE b.lead_login IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM operator o WHERE o.login = b.lead_login AND o.role = 'lead' AND o.branch_number = b.number);
            ALTER TABLE branch DROP COLUMN lead_login;
            """, arguments: [now, AuditAction.migrateSchema.rawValue])
    }

    /// Parses the version 1 subject text: `E12`, `R7`, `B3 E12` (a pairing), a login (operator
    /// events) or `database`. Text that is none of these stops the upgrade, naming the event.
    private static func backfillAuditSubjects(_ db: Database) throws {
        let update = try db.makeStatement(sql: """
            UPDATE audit_event SET enterprise_number = ?, branch_number = ?, request_number = ?, subject_login = ? WHERE id = ?
            """)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, action, subject FROM audit_event")
        while let row = try rows.next() {
            let id: Int64 = row[0], actionText: String = row[1], text: String = row[2]
            guard let action = AuditAction(rawValue: actionText) else {
                throw CorruptRow(table: "audit_event", key: String(id), column: "action", value: actionText, expected: "a known action")
            }
            var subject = AuditSubject()
            switch action {
            case .addOperator, .editOperator: subject.login = text
            case .initialize, .loadDemo: break
            default:
                for token in text.split(separator: " ") {
                    switch RecordCode(parsing: String(token)) {
                    case let code? where code.kind == .enterprise: subject.enterprise = code
                    case let code? where code.kind == .branch: subject.branch = code
                    case let code? where code.kind == .request: subject.request = code
                    default:
                        throw CorruptRow(table: "audit_event", key: String(id), column: "subject", value: text,
                                         expected: "record codes such as E12, R7 or B3 E12")
                    }
                }
            }
            if subject == .database { continue }
            try update.execute(arguments: [subject.enterprise?.number, subject.branch?.number, subject.request?.number,
                                           subject.login, id])
        }
    }

    /// Rewrites one timestamp column in the canonical form, converting offsets to UTC. A value
    /// SQLite cannot read as a time stops the upgrade, naming the row.
    private static func canonicalizeTimestamps(_ db: Database, table: String, column: String) throws {
        let canonical = "strftime('%Y-%m-%dT%H:%M:%fZ', \(column))"
        if let bad = try Row.fetchOne(db, sql: """
            SELECT id, \(column) FROM \(table) WHERE \(column) IS NOT NULL AND \(canonical) IS NULL LIMIT 1
            """) {
            throw CorruptRow(table: table, key: String(bad[0] as Int64), column: column, value: bad[1],
                             expected: "a timestamp (2026-11-30T14:53:12.345Z)")
        }
        try db.execute(sql: "UPDATE \(table) SET \(column) = \(canonical) WHERE \(column) IS NOT NULL AND \(column) <> \(canonical)")
    }
}
