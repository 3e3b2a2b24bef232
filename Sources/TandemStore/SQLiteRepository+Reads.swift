import GRDB
import TandemCore

extension SQLiteRepository {
    public func snapshot() throws -> CitySnapshot {
        // Read the counter first: a change landing in between makes the next poll reload again.
        let version = try changeCounter()
        // The requests, most of a city, are read on a second connection while this one reads
        // the rest, so that the two reads can overlap on two cores (no gain could be measured
        // on the shared machine). Each read notes the audit's last event; every change writes
        // one, so equal heads mean both saw the same committed city. Otherwise (a write landed
        // in between) everything is read again in one transaction.
        let requestsRead = ConcurrentRead { [self] in
            try read { db in (try Self.lastEventID(db), try Self.allRequests(db)) }
        }
        let rest = try read { db in (try Self.lastEventID(db), try Self.cityWithoutRequests(db)) }
        let (requestsHead, requests) = try requestsRead.result()
        guard requestsHead == rest.0 else {
            return try read { db in try Self.cityWithoutRequests(db).with(requests: try Self.allRequests(db), version: version) }
        }
        return rest.1.with(requests: requests, version: version)
    }

    /// The city but its requests, read in one transaction.
    private struct CityWithoutRequests {
        var branches: [Branch]
        var enterprises: [Enterprise]
        var activePairings: [Pairing]
        var lastChange: Timestamp?

        func with(requests: [Request], version: Int64) -> CitySnapshot {
            CitySnapshot(branches: branches, enterprises: enterprises, requests: requests, activePairings: activePairings,
                         version: version, lastChange: lastChange)
        }
    }

    private static func cityWithoutRequests(_ db: Database) throws -> CityWithoutRequests {
        CityWithoutRequests(
            branches: try db.fetchRaw("SELECT \(RowDecoding.branchColumns) FROM branch ORDER BY number", RowDecoding.branchDecoder()),
            enterprises: try db.fetchRaw("SELECT \(RowDecoding.enterpriseColumns) FROM enterprise ORDER BY number", RowDecoding.enterprise),
            activePairings: try activePairings(db), lastChange: try lastChange(db))
    }

    private static func lastEventID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit_event") ?? 0
    }

    private static func allRequests(_ db: Database) throws -> [Request] {
        try db.fetchRaw("SELECT \(RowDecoding.requestColumns) FROM request ORDER BY number", RowDecoding.request)
    }

    private static func activePairings(_ db: Database) throws -> [Pairing] {
        try db.fetchRaw("SELECT \(RowDecoding.pairingColumns) FROM pairing WHERE ended_at IS NULL ORDER BY id", RowDecoding.pairing)
    }

    static func lastChange(_ db: Database) throws -> Timestamp? {
        try db.fetchRawOne("SELECT \(RowDecoding.auditColumns) FROM audit_event ORDER BY id DESC LIMIT 1", RowDecoding.audit)?.at
    }

    public func operators() throws -> [Operator] {
        try read { db in
            try db.fetchRaw("SELECT \(RowDecoding.operatorColumns) FROM operator ORDER BY login", RowDecoding.operator)
        }
    }

    public func findOperator(login: String) throws -> Operator? {
        try read { db in try Self.fetchOperator(db, login: login) }
    }

    static func fetchOperator(_ db: Database, login: String) throws -> Operator? {
        try db.fetchRawOne("SELECT \(RowDecoding.operatorColumns) FROM operator WHERE login = ?", arguments: [login], RowDecoding.operator)
    }

    public func request(_ code: RecordCode) throws -> Request {
        try read { db in try Self.fetchRequest(db, code) }
    }

    public func deliveries(of request: RecordCode) throws -> [Delivery] {
        try read { db in
            _ = try Self.fetchRequest(db, request)
            return try db.fetchRaw("""
                SELECT \(RowDecoding.deliveryColumns) FROM delivery WHERE request_number = ? ORDER BY id
                """, arguments: [request.number], RowDecoding.delivery)
        }
    }

    public func history(of enterprise: RecordCode) throws -> EnterpriseHistory {
        try read { db in
            _ = try Self.fetchEnterprise(db, enterprise)
            let pairings = try db.fetchRaw("""
                SELECT \(RowDecoding.pairingColumns) FROM pairing WHERE enterprise_number = ? ORDER BY id
                """, arguments: [enterprise.number], RowDecoding.pairing)
            let deliveries = try db.fetchRaw("""
                SELECT \(RowDecoding.deliveryColumns.split(separator: ",").map { "d." + $0.trimmingWhitespace() }.joined(separator: ", "))
                FROM delivery d JOIN request r ON r.number = d.request_number
                WHERE r.enterprise_number = ? ORDER BY d.id
                """, arguments: [enterprise.number], RowDecoding.delivery)
            // Events of its requests and pairings name the enterprise too (`AuditSubject`).
            let events = try db.fetchRaw(Self.enterpriseEventsSQL, arguments: [enterprise.number], RowDecoding.audit)
            return EnterpriseHistory(pairings: pairings, deliveries: deliveries, events: events)
        }
    }

    public func auditLog(limit: Int) throws -> [AuditEvent] {
        try read { db in
            try db.fetchRaw("SELECT \(RowDecoding.auditColumns) FROM audit_event ORDER BY id DESC LIMIT ?", arguments: [max(0, limit)], RowDecoding.audit).reversed()
        }
    }

    // MARK: - Lookups inside a transaction

    static func fetchBranch(_ db: Database, _ code: RecordCode) throws -> Branch {
        guard let branch = try db.fetchRawOne("SELECT \(RowDecoding.branchColumns) FROM branch WHERE number = ?",
                                              arguments: [code.number], RowDecoding.branchDecoder()) else {
            throw TandemError.unknownRecord(.branch, code.description)
        }
        return branch
    }

    static func fetchEnterprise(_ db: Database, _ code: RecordCode) throws -> Enterprise {
        guard let enterprise = try db.fetchRawOne("SELECT \(RowDecoding.enterpriseColumns) FROM enterprise WHERE number = ?",
                                                  arguments: [code.number], RowDecoding.enterprise) else {
            throw TandemError.unknownRecord(.enterprise, code.description)
        }
        return enterprise
    }

    static func fetchRequest(_ db: Database, _ code: RecordCode) throws -> Request {
        guard let request = try db.fetchRawOne("SELECT \(RowDecoding.requestColumns) FROM request WHERE number = ?",
                                               arguments: [code.number], RowDecoding.request) else {
            throw TandemError.unknownRecord(.request, code.description)
        }
        return request
    }

    static func activePairing(_ db: Database, branch: RecordCode) throws -> Pairing? {
        try db.fetchRawOne("SELECT \(RowDecoding.pairingColumns) FROM pairing WHERE branch_number = ? AND ended_at IS NULL",
                           arguments: [branch.number], RowDecoding.pairing)
    }

    static func activePairing(_ db: Database, enterprise: RecordCode) throws -> Pairing? {
        try db.fetchRawOne("SELECT \(RowDecoding.pairingColumns) FROM pairing WHERE enterprise_number = ? AND ended_at IS NULL",
                           arguments: [enterprise.number], RowDecoding.pairing)
    }

    /// An enterprise's audit events, through the `audit_by_enterprise` index.
    static let enterpriseEventsSQL = "SELECT \(RowDecoding.auditColumns) FROM audit_event WHERE enterprise_number = ? ORDER BY id"
}
