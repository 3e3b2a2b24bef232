import TandemCore

extension PostgresRepository {
    /// The whole city in one snapshot: every table read at the same instant, and the change
    /// counter with it, so a change committed meanwhile moves the counter past this version.
    public func snapshot() throws -> CitySnapshot {
        try read { c in
            let version: Int64 = try c.one("SELECT value FROM change_counter")?.value("value") ?? 0
            return CitySnapshot(
                branches: try c.execute("SELECT \(PostgresRecords.branchColumns) FROM branch ORDER BY number").map(PostgresRecords.branch),
                enterprises: try c.execute("SELECT \(PostgresRecords.enterpriseColumns) FROM enterprise ORDER BY number")
                    .map(PostgresRecords.enterprise),
                requests: try c.execute("SELECT \(PostgresRecords.requestColumns) FROM request ORDER BY number").map(PostgresRecords.request),
                activePairings: try c.execute("SELECT \(PostgresRecords.pairingColumns) FROM pairing WHERE ended_at IS NULL ORDER BY id")
                    .map(PostgresRecords.pairing),
                version: version,
                lastChange: try c.one("SELECT \(PostgresRecords.auditColumns) FROM audit_event ORDER BY id DESC LIMIT 1")
                    .map(PostgresRecords.audit)?.at)
        }
    }

    public func operators() throws -> [Operator] {
        try read { c in try c.execute("SELECT \(PostgresRecords.operatorColumns) FROM operator ORDER BY login").map(PostgresRecords.operator) }
    }

    public func findOperator(login: String) throws -> Operator? {
        try read { c in try Self.fetchOperator(c, login: login) }
    }

    public func request(_ code: RecordCode) throws -> Request {
        try read { c in try Self.fetchRequest(c, code) }
    }

    public func deliveries(of request: RecordCode) throws -> [Delivery] {
        try read { c in
            _ = try Self.fetchRequest(c, request)
            return try c.execute("SELECT \(PostgresRecords.deliveryColumns) FROM delivery WHERE request_number = $1 ORDER BY id",
                                 [request.number]).map(PostgresRecords.delivery)
        }
    }

    public func history(of enterprise: RecordCode) throws -> EnterpriseHistory {
        try read { c in
            _ = try Self.fetchEnterprise(c, enterprise)
            let pairings = try c.execute("SELECT \(PostgresRecords.pairingColumns) FROM pairing WHERE enterprise_number = $1 ORDER BY id",
                                         [enterprise.number]).map(PostgresRecords.pairing)
            let deliveryColumns = PostgresRecords.deliveryColumns.split(separator: ",").map { "d." + $0.trimmingWhitespace() }
            let deliveries = try c.execute("""
                SELECT \(deliveryColumns.joined(separator: ", "))
                FROM delivery d JOIN request r ON r.number = d.request_number
                WHERE r.enterprise_number = $1 ORDER BY d.id
                """, [enterprise.number]).map(PostgresRecords.delivery)
            // Events of its requests and pairings name the enterprise too (`AuditSubject`).
            let events = try c.execute("SELECT \(PostgresRecords.auditColumns) FROM audit_event WHERE enterprise_number = $1 ORDER BY id",
                                       [enterprise.number]).map(PostgresRecords.audit)
            return EnterpriseHistory(pairings: pairings, deliveries: deliveries, events: events)
        }
    }

    public func auditLog(limit: Int) throws -> [AuditEvent] {
        try auditLog(AuditFilter(), limit: limit)
    }

    /// The latest `limit` events matching `filter`, oldest first; each condition has its index.
    public func auditLog(_ filter: AuditFilter, limit: Int) throws -> [AuditEvent] {
        var conditions: [String] = []
        var parameters: [(any PostgresBindable)?] = []
        func parameter(_ value: any PostgresBindable) -> String {
            parameters.append(value)
            return "$\(parameters.count)"
        }
        if let login = filter.operatorLogin {
            // `wang` matches `wang`, `root as wang` and, for an account, `root as anyone`.
            let exact = parameter(login), prefix = parameter(login + " as "), end = parameter(login + " as!")
            conditions.append("""
                (operator_login = \(exact) OR \(PostgresSchema.actingOperatorSQL) = \(exact) \
                OR (operator_login >= \(prefix) COLLATE "C" AND operator_login < \(end) COLLATE "C"))
                """)
        }
        if let enterprise = filter.enterprise { conditions.append("enterprise_number = \(parameter(enterprise.number))") }
        if let branch = filter.branch { conditions.append("branch_number = \(parameter(branch.number))") }
        if let request = filter.request { conditions.append("request_number = \(parameter(request.number))") }
        if let since = filter.since { conditions.append("at >= \(parameter(since))") }
        if let until = filter.until { conditions.append("at < \(parameter(until))") }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limitParameter = parameter(max(0, limit))
        return try read { c in
            try c.execute("SELECT \(PostgresRecords.auditColumns) FROM audit_event \(whereClause) ORDER BY id DESC LIMIT \(limitParameter)",
                          parameters).map(PostgresRecords.audit).reversed()
        }
    }

    public func allDeliveries() throws -> [Delivery] {
        try read { c in try c.execute("SELECT \(PostgresRecords.deliveryColumns) FROM delivery ORDER BY id").map(PostgresRecords.delivery) }
    }

    public func auditChainHead() throws -> AuditChainHead? {
        try read { c in
            guard let head = try c.one("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1") else { return nil }
            let count: Int = try c.one("SELECT count(*) AS n FROM audit_event")?.value("n") ?? 0
            return AuditChainHead(events: count, hash: try head.optional("hash") ?? "")
        }
    }

    public func pairingHistory() throws -> [Pairing] {
        try read { c in try c.execute("SELECT \(PostgresRecords.pairingColumns) FROM pairing ORDER BY id").map(PostgresRecords.pairing) }
    }

    // MARK: - Lookups inside a transaction

    static func fetchOperator(_ c: PostgresConnection, login: String) throws -> Operator? {
        try c.one("SELECT \(PostgresRecords.operatorColumns) FROM operator WHERE login = $1", [login]).map(PostgresRecords.operator)
    }

    static func fetchBranch(_ c: PostgresConnection, _ code: RecordCode) throws -> Branch {
        guard let row = try c.one("SELECT \(PostgresRecords.branchColumns) FROM branch WHERE number = $1", [code.number]) else {
            throw TandemError.unknownRecord(.branch, code.description)
        }
        return try PostgresRecords.branch(row)
    }

    static func fetchEnterprise(_ c: PostgresConnection, _ code: RecordCode) throws -> Enterprise {
        guard let row = try c.one("SELECT \(PostgresRecords.enterpriseColumns) FROM enterprise WHERE number = $1", [code.number]) else {
            throw TandemError.unknownRecord(.enterprise, code.description)
        }
        return try PostgresRecords.enterprise(row)
    }

    static func fetchRequest(_ c: PostgresConnection, _ code: RecordCode) throws -> Request {
        guard let row = try c.one("SELECT \(PostgresRecords.requestColumns) FROM request WHERE number = $1", [code.number]) else {
            throw TandemError.unknownRecord(.request, code.description)
        }
        return try PostgresRecords.request(row)
    }

    static func activePairing(_ c: PostgresConnection, branch: RecordCode) throws -> Pairing? {
        try c.one("SELECT \(PostgresRecords.pairingColumns) FROM pairing WHERE branch_number = $1 AND ended_at IS NULL",
                  [branch.number]).map(PostgresRecords.pairing)
    }

    static func activePairing(_ c: PostgresConnection, enterprise: RecordCode) throws -> Pairing? {
        try c.one("SELECT \(PostgresRecords.pairingColumns) FROM pairing WHERE enterprise_number = $1 AND ended_at IS NULL",
                  [enterprise.number]).map(PostgresRecords.pairing)
    }
}
