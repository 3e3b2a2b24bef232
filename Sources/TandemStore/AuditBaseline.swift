import Foundation
import GRDB
import TandemCore

/// The SQLite store's side of `AuditBaseline` (the core's record of rows written without
/// their own events): computing it from the rows, and reading back those the audit holds.
extension AuditBaseline {
    /// The database as it is now: every row so far counts as covered. Also run by the v3
    /// upgrade, before deliveries had `reverses`: the digests need only the rows' text.
    static func current(_ db: Database) throws -> AuditBaseline {
        func maximum(_ sql: String) throws -> Int64 { try Int64.fetchOne(db, sql: sql) ?? 0 }
        var baseline = AuditBaseline(
            request: try maximum("SELECT coalesce(max(number), 0) FROM request"),
            delivery: try maximum("SELECT coalesce(max(id), 0) FROM delivery"),
            pairing: try maximum("SELECT coalesce(max(id), 0) FROM pairing"),
            operators: try db.fetchRaw("SELECT \(RowDecoding.operatorColumns) FROM operator ORDER BY login", RowDecoding.operator),
            branch: try maximum("SELECT coalesce(max(number), 0) FROM branch"),
            enterprise: try maximum("SELECT coalesce(max(number), 0) FROM enterprise"))
        try baseline.digestRows { try RecordAudit.readRecords(db, into: &$0, signedQuantity: "quantity") }
        return baseline
    }

    /// The baselines in the audit, oldest first, with their events' ids.
    static func all(_ db: Database) throws -> [(baseline: AuditBaseline, event: Int64)] {
        try Row.fetchAll(db, sql: """
            SELECT id, after FROM audit_event WHERE action IN (?, ?) AND after LIKE '%"untracked"%' ORDER BY id
            """, arguments: [AuditAction.loadDemo.rawValue, AuditAction.migrateSchema.rawValue]).compactMap { row in
            guard let baseline = AuditBaseline.decode(fromAfter: row[1]) else { return nil }
            return (baseline, row[0])
        }
    }
}
