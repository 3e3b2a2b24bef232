import TandemCore

/// `tandem check` and `tandem log --verify` on PostgreSQL: the same chain walk as the SQLite
/// store (`AuditChainWalk`, in the core), the same invariants (worded in the core) and the same
/// comparison of records with their events (`RecordAudit`, in the core), found with this
/// store's queries, in one REPEATABLE READ snapshot while other hosts go on writing.
extension PostgresRepository: IntegrityChecking {
    /// The chain walk, then the records compared with their events (`RecordAudit`, the rule the
    /// SQLite store applies). A role the policies limit to part of the city gets the walk alone:
    /// the records it cannot read would look deleted.
    public func verifyAudit(expecting: (event: Int64, hash: String)? = nil) throws -> AuditVerification {
        try read { c in
            var verification = try Self.verifyAudit(c, expecting: expecting)
            if try Self.readsEverything(c) { verification.problems += try RecordAudit.verify(c) }
            return verification
        }
    }

    public func check() throws -> (problems: [IntegrityProblem], audit: AuditVerification) {
        try read { c in
            // A role the policies limit to part of the city would see pairings whose branch it
            // cannot read, and report them as broken: the invariants need the whole database.
            guard try Self.readsEverything(c) else {
                throw TandemError.notAllowed(action: Bilingual(zh: "检查数据库", en: "check the database"), reason: Bilingual(
                    zh: "这个数据库角色只能读取部分数据（行级安全），请以管理员或调度员身份检查",
                    en: "this database role reads only part of the data (row-level security): check as an admin or a dispatcher"))
            }
            let invariants = try Self.invariantProblems(c)
            var audit = try Self.verifyAudit(c, expecting: nil)
            audit.problems += try RecordAudit.verify(c)
            return (invariants + audit.problems, audit)
        }
    }

    /// Whether row-level security lets this connection's role read every row.
    private static func readsEverything(_ c: PostgresConnection) throws -> Bool {
        let limited: Bool = try c.one("""
            SELECT row_security_active('branch') AND NOT coalesce(tandem_actor_sees_all(), false) AS limited
            """)?.value("limited") ?? false
        return !limited
    }

    /// How many events the walk reads at a time: a province's audit does not fit in memory at once.
    private static let chainPage = 5_000

    static func verifyAudit(_ c: PostgresConnection, expecting: (event: Int64, hash: String)?) throws -> AuditVerification {
        var walk = AuditChainWalk()
        var after: Int64 = 0
        while true {
            let rows = try c.execute("""
                SELECT id, at, operator_login, action, enterprise_number, branch_number, request_number, subject_login, before, after,
                       previous_hash, hash FROM audit_event WHERE id > $1 ORDER BY id LIMIT $2
                """, [after, chainPage])
            for row in rows {
                let id: Int64 = try row.value("id")
                func number(_ column: String) throws -> String? { (try row.optional(column) as Int64?).map { String($0) } }
                // The text the hash covers, as the appender wrote it (`AuditHash.fields`).
                let fields: [String?] = [(try row.value("at") as Timestamp).description, try row.value("operator_login"),
                                         try row.value("action"), try number("enterprise_number"), try number("branch_number"),
                                         try number("request_number"), try row.optional("subject_login"), try row.value("before"),
                                         try row.value("after")]
                walk.visit(id: id, fields: fields, previousHash: try row.optional("previous_hash"), hash: try row.optional("hash"))
                after = id
            }
            if rows.count < chainPage { break }
        }
        let highWater: Int64 = try c.one("SELECT last_id FROM audit_high_water")?.value("last_id") ?? 0
        let (head, headEvent) = walk.finish(highestIssued: highWater)
        var problems = walk.problems
        // Dropped, or disabled (`ALTER TABLE … DISABLE TRIGGER`, as a superuser editing the audit would).
        var triggers: [String: String] = [:]
        for row in try c.execute("""
            SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass AND NOT tgisinternal
            """) {
            triggers[try row.value("tgname")] = try row.value("tgenabled")
        }
        for trigger in PostgresSchema.auditTriggers {
            switch triggers[trigger] {
            case nil: problems.append(.auditTriggerMissing(trigger))
            case "D": problems.append(.auditTriggerDisabled(trigger))
            default: break
            }
        }
        if let expecting {
            let found: String? = try c.one("SELECT hash FROM audit_event WHERE id = $1", [expecting.event])?.optional("hash")
            if found?.lowercased() != expecting.hash.lowercased() {
                problems.append(.headMismatch(id: expecting.event, expected: expecting.hash, found: found))
            }
        }
        return AuditVerification(problems: problems, head: head, headEvent: headEvent)
    }

    /// The rows breaking each rule, at most 10 per rule. The schema holds most of these itself;
    /// they catch rows written with its constraints dropped or bypassed (a superuser's
    /// `session_replication_role = replica` skips foreign keys and triggers), and the rules no
    /// constraint can hold (sums across tables).
    static func invariantProblems(_ c: PostgresConnection) throws -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        for (table, column, key, parent, parentKey) in foreignKeys {
            for row in try c.execute("""
                SELECT c.\(key)::text AS key FROM \(table) c LEFT JOIN \(parent) p ON p.\(parentKey) = c.\(column)
                WHERE c.\(column) IS NOT NULL AND p.\(parentKey) IS NULL ORDER BY c.\(key) LIMIT 10
                """) {
                problems.append(.danglingReference(table, row: try row.value("key"), parent: parent))
            }
        }
        for (sql, problem) in rules {
            for row in try c.execute(sql + " LIMIT 10") { problems.append(try problem(row)) }
        }
        return problems
    }

    /// Each reference: table, column, the table's key (named in the message), parent, parent key.
    private static let foreignKeys: [(String, String, String, String, String)] = [
        ("district", "group_number", "code", "supervision_group", "number"),
        ("branch", "district_code", "number", "district", "code"),
        ("enterprise", "district_code", "number", "district", "code"),
        ("operator", "branch_number", "login", "branch", "number"),
        ("operator", "group_number", "login", "supervision_group", "number"),
        ("pairing", "branch_number", "id", "branch", "number"),
        ("pairing", "enterprise_number", "id", "enterprise", "number"),
        ("request", "enterprise_number", "number", "enterprise", "number"),
        ("delivery", "request_number", "id", "request", "number"),
        ("delivery", "reverses", "id", "delivery", "id"),
    ]

    /// Each query returns the rows that break one rule (the SQLite store's `Invariants`).
    private static let rules: [(String, @Sendable (PostgresRow) throws -> IntegrityProblem)] = [
        ("SELECT branch_number AS n, count(*) AS c FROM pairing WHERE ended_at IS NULL GROUP BY branch_number HAVING count(*) > 1",
         { .branchPairedTwice(try $0.value("n"), count: try $0.value("c")) }),
        ("SELECT enterprise_number AS n, count(*) AS c FROM pairing WHERE ended_at IS NULL GROUP BY enterprise_number HAVING count(*) > 1",
         { .enterprisePairedTwice(try $0.value("n"), count: try $0.value("c")) }),
        ("""
         SELECT p.id, p.branch_number FROM pairing p JOIN branch b ON b.number = p.branch_number
         WHERE p.ended_at IS NULL AND NOT b.active ORDER BY p.id
         """, { .pairedInactiveBranch(pairing: try $0.value("id"), branch: try $0.value("branch_number")) }),
        ("SELECT id FROM pairing WHERE ended_at IS NOT NULL AND ended_at < started_at ORDER BY id",
         { .pairingEndsBeforeStart(try $0.value("id")) }),
        ("""
         SELECT r.number FROM request r
         WHERE r.delivered <> coalesce((SELECT sum(\(PostgresSchema.signedDeliveryQuantitySQL)) FROM delivery d
                                        WHERE d.request_number = r.number), 0)
         ORDER BY r.number
         """, { .deliveredDiffersFromDeliveries(try $0.value("number")) }),
        ("""
         SELECT number, status FROM request WHERE (status = 'open' AND delivered <> 0) OR (status = 'in_progress' AND delivered = 0)
         ORDER BY number
         """, { .statusDiffersFromDelivered(try $0.value("number"), status: try $0.value("status")) }),
        ("""
         SELECT c.id, c.reverses FROM delivery c LEFT JOIN delivery o ON o.id = c.reverses
         WHERE c.reverses IS NOT NULL AND (o.id IS NULL OR o.request_number <> c.request_number OR o.quantity <> c.quantity
                                          OR o.reverses IS NOT NULL)
         ORDER BY c.id
         """, { .badReversal(try $0.value("id"), reverses: try $0.value("reverses")) }),
        ("SELECT number FROM request WHERE (status = 'done') <> (completed IS NOT NULL) ORDER BY number",
         { .statusDiffersFromCompletion(try $0.value("number")) }),
        ("SELECT login FROM operator WHERE role = 'lead' AND branch_number IS NULL ORDER BY login",
         { .leadWithoutBranch(try $0.value("login")) }),
        ("SELECT 1 AS one WHERE NOT EXISTS (SELECT 1 FROM operator WHERE role = 'admin')", { _ in .noAdmin }),
    ]
}
