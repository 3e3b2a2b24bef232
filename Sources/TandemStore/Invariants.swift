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
            problems.append(.invariant(Bilingual(zh: "\(table) 第 \(rowid.map(String.init) ?? "?") 行指向不存在的 \(parent)",
                                                 en: "\(table) row \(rowid.map(String.init) ?? "?") points to a missing \(parent)")))
        }
        for (sql, message) in rules {
            for row in try Row.fetchAll(db, sql: sql + " LIMIT 10") {
                problems.append(.invariant(message(row)))
            }
        }
        return problems
    }

    /// Each query returns the rows that break one rule.
    private static let rules: [(String, @Sendable (Row) -> Bilingual)] = [
        ("SELECT branch_number, count(*) FROM pairing WHERE ended_at IS NULL GROUP BY branch_number HAVING count(*) > 1", { row in
            Bilingual(zh: "突击队 B\(row[0] as Int) 同时有 \(row[1] as Int) 个结对", en: "branch B\(row[0] as Int) has \(row[1] as Int) active pairings")
        }),
        ("SELECT enterprise_number, count(*) FROM pairing WHERE ended_at IS NULL GROUP BY enterprise_number HAVING count(*) > 1", { row in
            Bilingual(zh: "帮扶单位 E\(row[0] as Int) 同时有 \(row[1] as Int) 个结对",
                      en: "enterprise E\(row[0] as Int) has \(row[1] as Int) active pairings")
        }),
        ("""
         SELECT p.id, p.branch_number FROM pairing p JOIN branch b ON b.number = p.branch_number
         WHERE p.ended_at IS NULL AND b.active = 0
         """, { row in
            Bilingual(zh: "结对 #\(row[0] as Int64) 的突击队 B\(row[1] as Int) 已停用", en: "pairing #\(row[0] as Int64) has inactive branch B\(row[1] as Int)")
        }),
        ("SELECT id FROM pairing WHERE ended_at IS NOT NULL AND ended_at < started_at", { row in
            Bilingual(zh: "结对 #\(row[0] as Int64) 结束早于开始", en: "pairing #\(row[0] as Int64) ends before it starts")
        }),
        ("""
         SELECT r.number, r.delivered,
                coalesce((SELECT sum(\(Schema.signedDeliveryQuantitySQL)) FROM delivery d WHERE d.request_number = r.number), 0) AS total
         FROM request r WHERE r.delivered <> total
         """, { row in
            Bilingual(zh: "需求 R\(row[0] as Int) 的已送达量与送达记录之和不符", en: "request R\(row[0] as Int): delivered does not equal the sum of its deliveries")
        }),
        ("SELECT number, status FROM request WHERE (status = 'open' AND delivered <> 0) OR (status = 'in_progress' AND delivered = 0)", { row in
            Bilingual(zh: "需求 R\(row[0] as Int) 的状态 \(row[1] as String) 与已送达量不符",
                      en: "request R\(row[0] as Int): status \(row[1] as String) does not fit what was delivered")
        }),
        ("""
         SELECT c.id, c.reverses FROM delivery c LEFT JOIN delivery o ON o.id = c.reverses
         WHERE c.reverses IS NOT NULL AND (o.id IS NULL OR o.request_number <> c.request_number OR o.quantity <> c.quantity
                                          OR o.reverses IS NOT NULL)
         """, { row in
            Bilingual(zh: "送达 #\(row[0] as Int64) 冲销的 #\(row[1] as Int64) 不是同一需求、同一数量的送达",
                      en: "delivery #\(row[0] as Int64) reverses #\(row[1] as Int64), which is not a delivery of the same request and quantity")
        }),
        ("SELECT number FROM request WHERE (status = 'done') <> (completed IS NOT NULL)", { row in
            Bilingual(zh: "需求 R\(row[0] as Int) 的状态与完成日期不符", en: "request R\(row[0] as Int): status does not fit its completion day")
        }),
        ("""
         SELECT login, branch_number FROM operator
         WHERE role = 'lead' AND (branch_number IS NULL OR branch_number NOT IN (SELECT number FROM branch))
         """, { row in
            Bilingual(zh: "队长 \(row[0] as String) 所带的突击队不存在", en: "lead \(row[0] as String) leads a branch that does not exist")
        }),
        ("""
         SELECT login FROM operator WHERE group_number IS NOT NULL AND group_number NOT IN (SELECT number FROM supervision_group)
         """, { row in
            Bilingual(zh: "督导员 \(row[0] as String) 的督导组不存在", en: "supervisor \(row[0] as String) has a group that does not exist")
        }),
        ("SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM operator WHERE role = 'admin')", { _ in
            Bilingual(zh: "没有管理员", en: "there is no admin")
        }),
    ]
}
