import Foundation
import TandemCore

/// The PostgreSQL store's side of `RecordAudit` (the rule that finds records changed with no
/// audit event, in the core, the same as on SQLite): this store's queries feed it, inside the
/// caller's REPEATABLE READ snapshot, a page of rows at a time, so a province's tables are
/// never in memory at once.
extension RecordAudit {
    /// How many rows a query reads at a time.
    static let page = 5_000

    static func verify(_ c: PostgresConnection) throws -> [IntegrityProblem] {
        var baselines: [(baseline: AuditBaseline, event: Int64)] = []
        for row in try c.execute("""
            SELECT id, after FROM audit_event WHERE action IN ($1, $2) AND after LIKE '%"untracked"%' ORDER BY id
            """, [AuditAction.loadDemo.rawValue, AuditAction.migrateSchema.rawValue]) {
            if let baseline = AuditBaseline.decode(fromAfter: try row.value("after")) { baselines.append((baseline, try row.value("id"))) }
        }
        var audit = RecordAudit(baselines: baselines)
        try forEachRow(c, "SELECT id, action, request_number, branch_number, enterprise_number, subject_login, before, after FROM audit_event",
                       key: "id") { row in
            func number(_ column: String) throws -> Int? { (try row.optional(column) as Int64?).map { Int($0) } }
            audit.read(Event(id: try row.value("id"), action: try row.value("action"), request: try number("request_number"),
                             branch: try number("branch_number"), enterprise: try number("enterprise_number"),
                             subjectLogin: try row.optional("subject_login"), before: try row.value("before"), after: try row.value("after")))
        }
        try readRecords(c, into: &audit)
        for row in try c.execute("SELECT \(PostgresRecords.operatorColumns) FROM operator") { audit.read(try PostgresRecords.operator(row)) }
        return audit.finish()
    }

    /// Feeds `reader` every delivery, request, pairing, branch and enterprise, each table in key
    /// order. A delivery's text for digests is its columns as PostgreSQL prints them, tab
    /// separated, NULL for a null (what the baselines this store recorded hold).
    static func readRecords(_ c: PostgresConnection, into reader: inout some RecordReader) throws {
        let deliveryColumns = PostgresRecords.deliveryColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        try forEachRow(c, """
            SELECT \(PostgresRecords.deliveryColumns), \(PostgresSchema.signedDeliveryQuantitySQL) AS signed_quantity FROM delivery
            """, key: "id") { row in
            try reader.read(delivery: try row.value("id"), request: Int(try row.value("request_number") as Int64),
                            signedQuantity: try row.value("signed_quantity")) {
                try deliveryColumns.map { (try row.optional($0) as String?) ?? "NULL" }.joined(separator: "\t")
            }
        }
        try forEachRow(c, "SELECT \(PostgresRecords.requestColumns) FROM request", key: "number") { try reader.read(try PostgresRecords.request($0)) }
        try forEachRow(c, "SELECT \(PostgresRecords.pairingColumns) FROM pairing", key: "id") { try reader.read(try PostgresRecords.pairing($0)) }
        try forEachRow(c, "SELECT \(PostgresRecords.branchColumns) FROM branch", key: "number") { try reader.read(try PostgresRecords.branch($0)) }
        try forEachRow(c, "SELECT \(PostgresRecords.enterpriseColumns) FROM enterprise", key: "number") {
            try reader.read(try PostgresRecords.enterprise($0))
        }
    }

    /// Runs `select` (a `SELECT … FROM table` selecting the integer `key`) a page at a time in
    /// the key's order, handing each row to `body`.
    private static func forEachRow(_ c: PostgresConnection, _ select: String, key: String,
                                   _ body: (PostgresRow) throws -> Void) throws {
        var after = Int64.min
        while true {
            let rows = try c.execute("\(select) WHERE \(key) > $1 ORDER BY \(key) LIMIT \(page)", [after])
            for row in rows {
                try body(row)
                after = try row.value(key)
            }
            if rows.count < page { return }
        }
    }
}
