import TandemCore

extension PostgresRepository {
    /// Loads a whole city (the demo city, a test fixture) into a database with no branches and
    /// no enterprises, in one serializable transaction (all or nothing), with the same
    /// `demo.load` event as the SQLite store: the rows it writes have no event each, the event
    /// records them (`AuditBaseline`). Rows go in batches of many rows per statement: a round
    /// trip per row would cost more than the rows.
    public func loadSeed(_ city: CitySeed, by actor: Operator) throws {
        try write { c in try insertSeed(c, city, by: actor) }
    }

    /// The body of `loadSeed`, inside a transaction the caller owns (`create` uses it).
    func insertSeed(_ c: PostgresConnection, _ city: CitySeed, by actor: Operator) throws {
        try authorize(c, actor, .manageOperators) { _ in nil }
        let existing: Int = try c.one("SELECT (SELECT count(*) FROM branch) + (SELECT count(*) FROM enterprise) AS n")?.value("n") ?? 0
        guard existing == 0 else {
            throw TandemError.conflict(detail: "a city can only be loaded into an empty database")
        }
        try Self.insertRows(c, into: "branch", columns: PostgresRecords.branchColumns,
                            city.branches.map { [$0.code.number] + PostgresRecords.branchParameters($0) })
        try Self.insertRows(c, into: "enterprise", columns: PostgresRecords.enterpriseColumns,
                            city.enterprises.map { [$0.code.number] + PostgresRecords.enterpriseParameters($0) })
        try Self.insertRows(c, into: "request", columns: PostgresRecords.requestColumns,
                            city.requests.map { [$0.request.code.number] + PostgresRecords.requestParameters($0.request) })
        let at = timestamp()
        try Self.insertRows(c, into: "delivery", columns: "request_number, quantity, note, operator_login, at, over_delivery",
                            city.requests.flatMap { demo in
                                demo.deliveries.map { [demo.request.code.number, $0.thousandths, "", actor.login, at, false] }
                            })
        try Self.insertRows(c, into: "pairing", columns: "branch_number, enterprise_number, started_at, started_by",
                            city.pairings.map { [$0.branch.number, $0.enterprise.number, at, actor.login] })
        // Operators already registered (the admin running init, say) keep their role.
        try Self.insertRows(c, into: "operator", columns: PostgresRecords.operatorColumns,
                            city.operators.map(PostgresRecords.operatorParameters), onConflict: "ON CONFLICT (login) DO NOTHING")
        // The seed numbers its rows itself: the identities must go on after them, or the next
        // branch added would collide with B1.
        for (table, column) in [("branch", "number"), ("enterprise", "number"), ("request", "number")] {
            try c.execute("""
                SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), coalesce(max(\(column)), 0) + 1, false) FROM \(table)
                """)
        }
        try audit(c, actor, .loadDemo, subject: .database, before: nil as String?,
                  after: SeedSummary(city, untracked: try PostgresAuditBaseline.current(c)))
    }

    /// Inserts `rows` in statements of many rows each (PostgreSQL takes at most 65 535
    /// parameters per statement).
    static func insertRows(_ c: PostgresConnection, into table: String, columns: String, _ rows: [[(any PostgresBindable)?]],
                           onConflict: String = "") throws {
        guard let width = rows.first?.count, width > 0 else { return }
        let perStatement = max(1, 30_000 / width)
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + perStatement)]
            var parameters: [(any PostgresBindable)?] = []
            parameters.reserveCapacity(chunk.count * width)
            var tuples: [String] = []
            for row in chunk {
                precondition(row.count == width, "every row of an insert has the same columns")
                let first = parameters.count + 1
                tuples.append("(" + (first..<first + width).map { "$\($0)" }.joined(separator: ", ") + ")")
                parameters += row
            }
            try c.execute("INSERT INTO \(table) (\(columns)) VALUES \(tuples.joined(separator: ", ")) \(onConflict)", parameters)
            start += perStatement
        }
    }
}

/// The PostgreSQL store's side of `AuditBaseline`: the rows as they are now, digested by the
/// core's `AuditBaseline.Digester` with this store's own text for deliveries.
enum PostgresAuditBaseline {
    static func current(_ c: PostgresConnection) throws -> AuditBaseline {
        func maximum(_ table: String, _ column: String) throws -> Int64 {
            try c.one("SELECT coalesce(max(\(column)), 0) AS m FROM \(table)")?.value("m") ?? 0
        }
        // Sorted in Swift: the database's collation need not order logins as SQLite's bytes do.
        let operators = try c.execute("SELECT \(PostgresRecords.operatorColumns) FROM operator").map(PostgresRecords.operator)
            .sorted { Array($0.login.utf8).lexicographicallyPrecedes(Array($1.login.utf8)) }
        var baseline = AuditBaseline(request: try maximum("request", "number"), delivery: try maximum("delivery", "id"),
                                     pairing: try maximum("pairing", "id"), operators: operators,
                                     branch: try maximum("branch", "number"), enterprise: try maximum("enterprise", "number"))
        try baseline.digestRows { try RecordAudit.readRecords(c, into: &$0) }
        return baseline
    }
}
