import GRDB
import TandemCore

extension SQLiteRepository {
    public func snapshot() throws -> CitySnapshot {
        // Read the counter first: a change landing in between makes the next poll reload again.
        let version = try changeCounter()
        return try read { db in
            let branches = try Row.fetchCursor(db, sql: "SELECT \(RowDecoding.branchColumns) FROM branch ORDER BY number")
                .map(RowDecoding.branch)
            let enterprises = try Row.fetchCursor(db, sql: "SELECT \(RowDecoding.enterpriseColumns) FROM enterprise ORDER BY number")
                .map(RowDecoding.enterprise)
            let requests = try Row.fetchCursor(db, sql: "SELECT \(RowDecoding.requestColumns) FROM request ORDER BY number")
                .map(RowDecoding.request)
            let pairings = try Row.fetchCursor(db, sql: """
                SELECT \(RowDecoding.pairingColumns) FROM pairing WHERE ended_at IS NULL ORDER BY id
                """).map(RowDecoding.pairing)
            let lastChange = try String.fetchOne(db, sql: "SELECT at FROM audit_event ORDER BY id DESC LIMIT 1")
            return CitySnapshot(branches: try Array(branches), enterprises: try Array(enterprises),
                                requests: try Array(requests), activePairings: try Array(pairings),
                                version: version, lastChange: lastChange)
        }
    }

    public func operators() throws -> [Operator] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(RowDecoding.operatorColumns) FROM operator ORDER BY login").map(RowDecoding.operator)
        }
    }

    public func findOperator(login: String) throws -> Operator? {
        try read { db in try Self.fetchOperator(db, login: login) }
    }

    static func fetchOperator(_ db: Database, login: String) throws -> Operator? {
        try Row.fetchOne(db, sql: "SELECT \(RowDecoding.operatorColumns) FROM operator WHERE login = ?", arguments: [login])
            .map(RowDecoding.operator)
    }

    public func request(_ code: RecordCode) throws -> Request {
        try read { db in try Self.fetchRequest(db, code) }
    }

    public func deliveries(of request: RecordCode) throws -> [Delivery] {
        try read { db in
            _ = try Self.fetchRequest(db, request)
            return try Row.fetchAll(db, sql: """
                SELECT \(RowDecoding.deliveryColumns) FROM delivery WHERE request_number = ? ORDER BY id
                """, arguments: [request.number]).map(RowDecoding.delivery)
        }
    }

    public func history(of enterprise: RecordCode) throws -> EnterpriseHistory {
        try read { db in
            _ = try Self.fetchEnterprise(db, enterprise)
            let pairings = try Row.fetchAll(db, sql: """
                SELECT \(RowDecoding.pairingColumns) FROM pairing WHERE enterprise_number = ? ORDER BY id
                """, arguments: [enterprise.number]).map(RowDecoding.pairing)
            let deliveries = try Row.fetchAll(db, sql: """
                SELECT \(RowDecoding.deliveryColumns.split(separator: ",").map { "d." + $0.trimmingWhitespace() }.joined(separator: ", "))
                FROM delivery d JOIN request r ON r.number = d.request_number
                WHERE r.enterprise_number = ? ORDER BY d.id
                """, arguments: [enterprise.number]).map(RowDecoding.delivery)
            let requestCodes = try Int.fetchAll(db, sql: "SELECT number FROM request WHERE enterprise_number = ?",
                                                arguments: [enterprise.number]).map { RecordCode(.request, $0).description }
            let subjects = [enterprise.description] + requestCodes
            let events = try Row.fetchAll(db, sql: """
                SELECT \(RowDecoding.auditColumns) FROM audit_event
                WHERE subject IN (SELECT value FROM json_each(?)) OR subject LIKE ?
                ORDER BY id
                """, arguments: [jsonArray(subjects), "% \(enterprise)"]).map(RowDecoding.audit)
            return EnterpriseHistory(pairings: pairings, deliveries: deliveries, events: events)
        }
    }

    public func auditLog(limit: Int) throws -> [AuditEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(RowDecoding.auditColumns) FROM audit_event ORDER BY id DESC LIMIT ?",
                             arguments: [max(0, limit)]).map(RowDecoding.audit).reversed()
        }
    }

    // MARK: - Lookups inside a transaction

    static func fetchBranch(_ db: Database, _ code: RecordCode) throws -> Branch {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(RowDecoding.branchColumns) FROM branch WHERE number = ?",
                                         arguments: [code.number]) else {
            throw TandemError.unknownRecord(.branch, code.description)
        }
        return RowDecoding.branch(row)
    }

    static func fetchEnterprise(_ db: Database, _ code: RecordCode) throws -> Enterprise {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(RowDecoding.enterpriseColumns) FROM enterprise WHERE number = ?",
                                         arguments: [code.number]) else {
            throw TandemError.unknownRecord(.enterprise, code.description)
        }
        return RowDecoding.enterprise(row)
    }

    static func fetchRequest(_ db: Database, _ code: RecordCode) throws -> Request {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(RowDecoding.requestColumns) FROM request WHERE number = ?",
                                         arguments: [code.number]) else {
            throw TandemError.unknownRecord(.request, code.description)
        }
        return RowDecoding.request(row)
    }

    static func activePairing(_ db: Database, branch: RecordCode) throws -> Pairing? {
        try Row.fetchOne(db, sql: "SELECT \(RowDecoding.pairingColumns) FROM pairing WHERE branch_number = ? AND ended_at IS NULL",
                         arguments: [branch.number]).map(RowDecoding.pairing)
    }

    static func activePairing(_ db: Database, enterprise: RecordCode) throws -> Pairing? {
        try Row.fetchOne(db, sql: "SELECT \(RowDecoding.pairingColumns) FROM pairing WHERE enterprise_number = ? AND ended_at IS NULL",
                         arguments: [enterprise.number]).map(RowDecoding.pairing)
    }

    private func jsonArray(_ values: [String]) -> String {
        "[" + values.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }
}
