import Foundation
import GRDB
import TandemCore

extension SQLiteRepository: IntegrityChecking {
    public func auditChainHead() throws -> AuditChainHead? {
        try read { db in
            guard let head = try AuditChain.head(db) else { return nil }
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event") ?? 0
            return AuditChainHead(events: count, hash: head.hash)
        }
    }

    /// Walks the hash chain and compares every request, delivery, pairing and operator with the
    /// events that made it, in one read transaction (a consistent view while others write).
    /// `expecting` is a head written down earlier (`event id`, `hash`): the chain must still
    /// hold that event with that hash, which catches a history rewritten with recomputed hashes.
    public func verifyAudit(expecting: (event: Int64, hash: String)? = nil) throws -> AuditVerification {
        try read { db in
            var (problems, head, headEvent) = try AuditChain.verify(db)
            if let expecting {
                let found = try String.fetchOne(db, sql: "SELECT hash FROM audit_event WHERE id = ?", arguments: [expecting.event])
                if found?.lowercased() != expecting.hash.lowercased() {
                    problems.append(.headMismatch(id: expecting.event, expected: expecting.hash, found: found))
                }
            }
            problems += try RecordAudit.verify(db)
            return AuditVerification(problems: problems, head: head, headEvent: headEvent)
        }
    }

    /// Everything `tandem check` checks: SQLite's integrity and foreign keys, the invariants,
    /// then the audit as `verifyAudit` does. Empty when all holds.
    public func check() throws -> (problems: [IntegrityProblem], audit: AuditVerification) {
        let invariants = try read { db in try Invariants.check(db) }
        let audit = try verifyAudit()
        return (invariants + audit.problems, audit)
    }

    /// The events matching `filter`, the latest `limit` of them, oldest first. Each condition
    /// uses its own index: subjects, operator (full name and the operator acted for), time.
    public func auditLog(_ filter: AuditFilter, limit: Int) throws -> [AuditEvent] {
        var conditions: [String] = []
        var arguments: [DatabaseValueConvertible?] = []
        if let login = filter.operatorLogin {
            // `wang` matches `wang`, `root as wang` and, for an account, `root as anyone`.
            conditions.append("(operator_login = ? OR \(Schema.actingOperatorSQL) = ? OR (operator_login >= ? AND operator_login < ?))")
            arguments += [login, login, login + " as ", login + " as!"]
        }
        if let enterprise = filter.enterprise { conditions.append("enterprise_number = ?"); arguments.append(enterprise.number) }
        if let branch = filter.branch { conditions.append("branch_number = ?"); arguments.append(branch.number) }
        if let request = filter.request { conditions.append("request_number = ?"); arguments.append(request.number) }
        if let since = filter.since { conditions.append("at >= ?"); arguments.append(since.description) }
        if let until = filter.until { conditions.append("at < ?"); arguments.append(until.description) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(max(0, limit))
        return try read { db in
            try db.fetchRaw("SELECT \(RowDecoding.auditColumns) FROM audit_event \(whereClause) ORDER BY id DESC LIMIT ?",
                            arguments: StatementArguments(arguments), RowDecoding.audit).reversed()
        }
    }

    /// Copies the database to `target` with SQLite's online backup API: a consistent snapshot
    /// taken in one read transaction while consoles and writers go on. The copy is built beside
    /// the target, 0600, synced and renamed into place, so a crash leaves no half copy; an
    /// existing target is replaced only with `replace`. Returns the copy's audit chain head.
    @discardableResult
    public func backup(to target: String, replace: Bool = false) throws -> AuditChainHead? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw TandemError.databaseUnreadable(path: target, detail: "it is a directory") }
            if !replace { throw TandemError.databaseExists(path: target) }
        }
        let temporary = DatabaseCreation.temporaryPath(beside: target)
        do {
            try DatabaseCreation.createPrivateFile(temporary)
            let copy = try DatabaseQueue(path: temporary)
            try pool.backup(to: copy)
            // The copy is a single file: no -wal beside it to lose when it is moved or mailed.
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            let head = try copy.read { db in try AuditChain.head(db) }
            let count = try copy.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event") ?? 0 }
            try copy.close()
            DatabaseCreation.sync(temporary)
            try DatabaseCreation.install(temporary, at: target)
            return head.map { AuditChainHead(events: count, hash: $0.hash) }
        } catch {
            DatabaseCreation.discard(temporary)
            if let error = error as? DatabaseError { throw DatabaseOpener.translate(error, path: target) }
            throw error
        }
    }
}
