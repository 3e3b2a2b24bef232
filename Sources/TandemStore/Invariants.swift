import GRDB
import TandemCore

/// The rules the data must obey whatever wrote it, checked by queries. The schema enforces
/// most of them as it writes; these catch a database whose constraints were dropped or whose
/// file was edited outside SQLite, and the rules no constraint can hold (sums across tables).
enum Invariants {
    static func check(_ db: Database) throws -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if integrity != ["ok"] {
            for line in integrity.prefix(10) {
                problems.append(.invariant(Bilingual(zh: "SQLite 完整性检查：\(line)", en: "SQLite integrity check: \(line)")))
            }
        }
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").prefix(10) {
            let table: String = row[0], rowid: Int64? = row[1], parent: String = row[2]
            problems.append(.danglingReference(table, row: rowid.map(String.init) ?? "?", parent: parent))
        }
        for (sql, message) in rules {
            for row in try Row.fetchAll(db, sql: sql + " LIMIT 10") {
                problems.append(message(row))
            }
        }
        return problems
    }

    /// Each query returns the rows that break one rule (worded in the core, for both stores).
    private static let rules: [(String, @Sendable (Row) -> IntegrityProblem)] = [
        ("SELECT branch_number, count(*) FROM pairing WHERE ended_at IS NULL GROUP BY branch_number HAVING count(*) > 1",
         { .branchPairedTwice($0[0], count: $0[1]) }),
        ("SELECT enterprise_number, count(*) FROM pairing WHERE ended_at IS NULL GROUP BY enterprise_number HAVING count(*) > 1",
         { .enterprisePairedTwice($0[0], count: $0[1]) }),
        ("""
         SELECT p.id, p.branch_number FROM pairing p JOIN branch b ON b.number = p.branch_number
         WHERE p.ended_at IS NULL AND b.active = 0
         """, { .pairedInactiveBranch(pairing: $0[0], branch: $0[1]) }),
        ("SELECT id FROM pairing WHERE ended_at IS NOT NULL AND ended_at < started_at", { .pairingEndsBeforeStart($0[0]) }),
        ("""
         SELECT r.number, r.delivered,
                coalesce((SELECT sum(\(Schema.signedDeliveryQuantitySQL)) FROM delivery d WHERE d.request_number = r.number), 0) AS total
         FROM request r WHERE r.delivered <> total
         """, { .deliveredDiffersFromDeliveries($0[0]) }),
        ("SELECT number, status FROM request WHERE (status = 'open' AND delivered <> 0) OR (status = 'in_progress' AND delivered = 0)",
         { .statusDiffersFromDelivered($0[0], status: $0[1]) }),
        ("""
         SELECT c.id, c.reverses FROM delivery c LEFT JOIN delivery o ON o.id = c.reverses
         WHERE c.reverses IS NOT NULL AND (o.id IS NULL OR o.request_number <> c.request_number OR o.quantity <> c.quantity
                                          OR o.reverses IS NOT NULL)
         """, { .badReversal($0[0], reverses: $0[1]) }),
        ("SELECT number FROM request WHERE (status = 'done') <> (completed IS NOT NULL)", { .statusDiffersFromCompletion($0[0]) }),
        ("""
         SELECT login, branch_number FROM operator
         WHERE role = 'lead' AND (branch_number IS NULL OR branch_number NOT IN (SELECT number FROM branch))
         """, { .leadWithoutBranch($0[0]) }),
        ("""
         SELECT login FROM operator WHERE group_number IS NOT NULL AND group_number NOT IN (SELECT number FROM supervision_group)
         """, { .supervisorWithoutGroup($0[0]) }),
        ("SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM operator WHERE role = 'admin')", { _ in .noAdmin }),
    ]
}
