import Foundation
import GRDB
import TandemCore

/// The SQLite store's side of `RecordAudit` (the rule that finds records changed with no audit
/// event, in the core): this store's queries feed it, in one read transaction.
extension RecordAudit {
    static func verify(_ db: Database) throws -> [IntegrityProblem] {
        var audit = RecordAudit(baselines: try AuditBaseline.all(db))
        let events = try Row.fetchCursor(db, sql: """
            SELECT id, action, request_number, branch_number, enterprise_number, subject_login, before, after FROM audit_event ORDER BY id
            """)
        while let row = try events.next() {
            audit.read(Event(id: row[0], action: row[1], request: row[2], branch: row[3], enterprise: row[4], subjectLogin: row[5],
                             before: row[6], after: row[7]))
        }
        try readRecords(db, into: &audit)
        try db.forEachRaw("SELECT \(RowDecoding.operatorColumns) FROM operator ORDER BY login") { audit.read(try RowDecoding.operator($0)) }
        return audit.finish()
    }

    /// Feeds `reader` every delivery, request, pairing, branch and enterprise, each table in key
    /// order. A delivery's text for digests is its columns as SQLite prints them (what the
    /// baselines this store recorded hold), without `reverses`, which a v3 database lacks.
    /// `signedQuantity` is the SQL of a delivery's signed quantity: plain `quantity` before v4.
    static func readRecords(_ db: Database, into reader: inout some RecordReader,
                            signedQuantity: String = Schema.signedDeliveryQuantitySQL) throws {
        let deliveries = try Row.fetchCursor(db, sql: """
            SELECT id, request_number, quantity, note, operator_login, at, over_delivery, \(signedQuantity) FROM delivery ORDER BY id
            """)
        while let row = try deliveries.next() {
            try reader.read(delivery: row[0], request: row[1], signedQuantity: row[7]) {
                (0..<7).map { (row[$0] as DatabaseValue).description }.joined(separator: "\t")
            }
        }
        try db.forEachRaw("SELECT \(RowDecoding.requestColumns) FROM request ORDER BY number") { try reader.read(try RowDecoding.request($0)) }
        try db.forEachRaw("SELECT \(RowDecoding.pairingColumns) FROM pairing ORDER BY id") { try reader.read(try RowDecoding.pairing($0)) }
        let branch = RowDecoding.branchDecoder()
        try db.forEachRaw("SELECT \(RowDecoding.branchColumns) FROM branch ORDER BY number") { try reader.read(branch($0)) }
        try db.forEachRaw("SELECT \(RowDecoding.enterpriseColumns) FROM enterprise ORDER BY number") {
            try reader.read(try RowDecoding.enterprise($0))
        }
    }
}
