import GRDB
import TandemCore

extension SQLiteRepository {
    /// Loads a whole city (the demo city, a test fixture) into an empty database in one
    /// transaction (all or nothing). Statements are prepared once: a 20 000-enterprise city
    /// loads in seconds.
    public func loadSeed(_ city: CitySeed, by actor: Operator) throws {
        try write { db in try insertSeed(db, city, by: actor) }
    }

    /// The body of `loadSeed`, inside a transaction the caller owns (`create` uses it to
    /// build a new database before moving it into place).
    func insertSeed(_ db: Database, _ city: CitySeed, by actor: Operator) throws {
        try Permissions.require(actor, .manageOperators) { _ in nil }
        let existing = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM branch) + (SELECT count(*) FROM enterprise)") ?? 0
        guard existing == 0 else {
            throw TandemError.conflict(detail: "a city can only be loaded into an empty database")
        }
        let insertBranch = try db.makeStatement(sql: """
            INSERT INTO branch (number, name, district_code, headcount, capabilities, active) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for branch in city.branches {
            try insertBranch.execute(arguments: [branch.code.number] + RowDecoding.branchArguments(branch))
        }
        let insertEnterprise = try db.makeStatement(sql: """
            INSERT INTO enterprise (number, name, kind, district_code, address, lat, lon, contact_name, contact_phone,
                                    disabled_employees, resumption_percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for enterprise in city.enterprises {
            try insertEnterprise.execute(arguments: [enterprise.code.number] + RowDecoding.enterpriseArguments(enterprise))
        }
        let at = timestamp().description
        let insertRequest = try db.makeStatement(sql: """
            INSERT INTO request (number, enterprise_number, category, item, quantity, unit, delivered, priority, due, status,
                                 notes, filed, completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertDelivery = try db.makeStatement(sql: """
            INSERT INTO delivery (request_number, quantity, note, operator_login, at, over_delivery) VALUES (?, ?, '', ?, ?, 0)
            """)
        for demo in city.requests {
            try insertRequest.execute(arguments: [demo.request.code.number] + RowDecoding.requestArguments(demo.request))
            for quantity in demo.deliveries {
                try insertDelivery.execute(arguments: [demo.request.code.number, quantity.thousandths, actor.login, at])
            }
        }
        let insertPairing = try db.makeStatement(sql: """
            INSERT INTO pairing (branch_number, enterprise_number, started_at, started_by) VALUES (?, ?, ?, ?)
            """)
        for pair in city.pairings {
            try insertPairing.execute(arguments: [pair.branch.number, pair.enterprise.number, at, actor.login])
        }
        // Operators already registered (the admin running init, say) keep their role.
        for demoOperator in city.operators {
            try db.execute(sql: """
                INSERT INTO operator (\(RowDecoding.operatorColumns)) VALUES (?, ?, ?, ?, ?) ON CONFLICT(login) DO NOTHING
                """,
                           arguments: RowDecoding.operatorArguments(demoOperator))
        }
        // The rows loaded here have no event each: the event names them all (`AuditBaseline`).
        try audit(db, actor, .loadDemo, subject: .database, before: nil as String?,
                  after: SeedSummary(city, untracked: try AuditBaseline.current(db)))
    }
}
