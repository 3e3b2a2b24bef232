import Foundation
import GRDB
import TandemCore

extension SQLiteRepository {
    public func pairingHistory() throws -> [Pairing] {
        try read { db in try db.fetchRaw("SELECT \(RowDecoding.pairingColumns) FROM pairing ORDER BY id", RowDecoding.pairing) }
    }

    public func applyImport(_ feed: ImportFeed, by actor: Operator) throws -> ImportResult {
        do {
            return try write { db in try applyImport(db, feed, by: actor) }
        } catch {
            feed.abandon()
            throw error
        }
    }

    /// Writes the feed's rows as they come, then refuses (rolling everything back) unless the
    /// complete plan is applicable. New records are numbered and the audit JSON of every row is
    /// written by an `ImportPreparer` on the planner's thread; this thread checks each row
    /// against the database, writes it and chains its audit event. (Hashing the chain here
    /// too shares the work of a large import about evenly between the two threads.)
    private func applyImport(_ db: Database, _ feed: ImportFeed, by actor: Operator) throws -> ImportResult {
        try authorize(db, actor, feed.table == .operators ? .manageOperators : .manageRecords) { _ in nil }
        // The indexes a large import inserts into at random places (the requests' urgency, the
        // audit's by enterprise) outgrow SQLite's default 2 MB page cache: pages would be
        // spilled and read back again and again. The connection keeps up to 64 MB for the import.
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -65536")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        // The urgency index takes each new request at a random place (priority, due day): kept up
        // row by row it tripled the cost of inserting 100 000 requests. An import at least as
        // large as the requests already there rebuilds it once, sorted, before it commits, in
        // the same transaction (other connections go on reading the old one meanwhile).
        let rebuildsUrgencyIndex = try feed.table == .requests && feed.fileRows >= 10_000
            && feed.fileRows >= (Int.fetchOne(db, sql: "SELECT count(*) FROM request") ?? 0)
        if rebuildsUrgencyIndex { try db.execute(sql: "DROP INDEX request_active_by_urgency") }
        let chain = try AuditChain.Appender(db)
        let (at, operatorName) = (timestamp(), session.auditName(for: actor))
        feed.prepare(with: try ImportPreparer(db).prepare)
        var writer = ImportWriter(districts: Set(try String.fetchAll(db, sql: "SELECT code FROM district")))
        if feed.table == .requests { writer.enterprises = Set(try Int.fetchAll(db, sql: "SELECT number FROM enterprise")) }
        var added: [String] = []
        var changed = 0
        while case let batch = feed.nextPreparedBatch(), !batch.isEmpty {
            for (row, prepared) in batch {
                // Unchanged, duplicate and refused rows have nothing to write.
                guard let prepared else { continue }
                if let failure = prepared as? ImportPreparer.Failure { throw failure.error }
                guard let prepared = prepared as? ImportPreparer.Row else { preconditionFailure("ImportFeed: a row prepared by another step") }
                switch row.outcome {
                case .new:
                    added.append(try writer.insert(db, prepared.record))
                case .changed(let before, let after, _):
                    try update(db, before: before, after: after)
                    changed += 1
                case .unchanged, .duplicate, .refused:
                    continue
                }
                try chain.append(at: at, operatorName: operatorName, action: prepared.action, subject: prepared.subject,
                                 before: prepared.before, after: prepared.after)
            }
        }
        try writer.flush()
        if rebuildsUrgencyIndex { try db.execute(sql: Schema.urgencyIndexSQL) }
        let plan = feed.completePlan()
        guard plan.isApplicable else {
            let count = plan.problems.count
            throw TandemError.notAllowed(action: Bilingual(zh: "导入", en: "import"), reason: Bilingual(
                zh: "有 \(count) 处错误", en: "\(count) problem\(count == 1 ? "" : "s") in the file"))
        }
        if !added.isEmpty || changed > 0 {
            try audit(db, actor, .importFile, subject: .database, before: nil as String?,
                      after: ["table": feed.table.rawValue, "added": String(added.count), "changed": String(changed)],
                      chain: chain)
        }
        try chain.flush()
        return ImportResult(added: added, changed: changed)
    }

    /// Numbers an import's new records and writes the audit JSON of every row to be written,
    /// in file order, on the planner's thread (`ImportFeed.prepare(with:)`): the numbers are
    /// those SQLite would give, read inside the write transaction that holds them.
    private final class ImportPreparer: @unchecked Sendable {
        /// A row ready to write: the record (a new one with its code) and its audit event's content.
        struct Row: Sendable {
            var record: ImportRecord
            var action: AuditAction
            var subject: AuditSubject
            var before = ""
            var after: String
        }

        /// A row that could not be prepared; the writer throws its error, rolling everything back.
        struct Failure: Sendable {
            var error: any Error
        }

        private var nextEnterprise: Int64
        private var nextBranch: Int64
        private var nextRequest: Int64
        /// The audit JSON of new enterprises and requests, written into one reused buffer.
        private var json = ImportAuditJSON()

        init(_ db: Database) throws {
            nextEnterprise = try Schema.nextNumber(db, table: "enterprise", column: "number")
            nextBranch = try Schema.nextNumber(db, table: "branch", column: "number")
            nextRequest = try Schema.nextNumber(db, table: "request", column: "number")
        }

        func prepare(_ row: ImportRow) -> (any Sendable)? {
            do {
                switch row.outcome {
                case .new(let record): return try prepareNew(record)
                case .changed(let before, let after, _): return try prepareChange(before, after)
                case .unchanged, .duplicate, .refused: return nil
                }
            } catch {
                return Failure(error: error)
            }
        }

        private func prepareNew(_ record: ImportRecord) throws -> Row {
            switch record {
            case .enterprise(var enterprise):
                enterprise.code = RecordCode(.enterprise, Int(nextEnterprise))
                nextEnterprise += 1
                return Row(record: .enterprise(enterprise), action: .addEnterprise, subject: AuditSubject(enterprise: enterprise.code),
                           after: json.enterprise(enterprise))
            case .branch(var branch):
                branch.code = RecordCode(.branch, Int(nextBranch))
                nextBranch += 1
                return Row(record: .branch(branch), action: .addBranch, subject: AuditSubject(branch: branch.code),
                           after: try SQLiteRepository.auditJSON(branch))
            case .request(var request):
                request.code = RecordCode(.request, Int(nextRequest))
                nextRequest += 1
                return Row(record: .request(request), action: .addRequest,
                           subject: AuditSubject(enterprise: request.enterpriseCode, request: request.code), after: json.request(request))
            case .operator(let op):
                return Row(record: record, action: .addOperator, subject: AuditSubject(login: op.login),
                           after: try SQLiteRepository.auditJSON(op))
            }
        }

        private func prepareChange(_ before: ImportRecord, _ after: ImportRecord) throws -> Row {
            let action: AuditAction, subject: AuditSubject, old: String, new: String
            switch (before, after) {
            case (.enterprise(let o), .enterprise(let n)):
                (action, subject) = (.editEnterprise, AuditSubject(enterprise: n.code))
                (old, new) = (try SQLiteRepository.auditJSON(o), try SQLiteRepository.auditJSON(n))
            case (.branch(let o), .branch(let n)):
                (action, subject) = (.editBranch, AuditSubject(branch: n.code))
                (old, new) = (try SQLiteRepository.auditJSON(o), try SQLiteRepository.auditJSON(n))
            case (.request(let o), .request(let n)):
                (action, subject) = (.editRequest, AuditSubject(enterprise: n.enterpriseCode, request: n.code))
                (old, new) = (try SQLiteRepository.auditJSON(o), try SQLiteRepository.auditJSON(n))
            case (.operator(let o), .operator(let n)):
                (action, subject) = (.editOperator, AuditSubject(login: n.login))
                (old, new) = (try SQLiteRepository.auditJSON(o), try SQLiteRepository.auditJSON(n))
            default:
                throw TandemError.conflict(detail: "an import row changes one kind of record into another")
            }
            return Row(record: after, action: action, subject: subject, before: old, after: new)
        }
    }

    /// Inserts an import's new records, numbered by the preparer, checking each against what
    /// the database holds (read once, so that 100 000 rows do not repeat the same look-ups).
    private struct ImportWriter {
        var districts: Set<String>
        /// Enterprise numbers that exist (read once for a requests import).
        var enterprises: Set<Int> = []
        /// The inserts of new enterprises and requests, prepared at first use.
        var enterpriseInsert: BatchedInsert?
        var requestInsert: BatchedInsert?

        /// Writes the rows still held in batches.
        func flush() throws {
            try enterpriseInsert?.flush()
            try requestInsert?.flush()
        }

        func requireDistrict(_ code: String) throws {
            guard districts.contains(code) else { throw TandemError.unknownDistrict(code) }
        }

        /// Inserts a new record and returns its code (or login).
        mutating func insert(_ db: Database, _ record: ImportRecord) throws -> String {
            switch record {
            case .enterprise(let enterprise):
                try requireDistrict(enterprise.districtCode)
                try RecordRules.check(enterprise)
                // The columns and values of `RowDecoding.enterpriseArguments`, after the number.
                let insert = try enterpriseInsert ?? BatchedInsert(db, table: "enterprise", columns: [
                    "number", "name", "kind", "district_code", "address", "lat", "lon", "contact_name", "contact_phone",
                    "disabled_employees", "resumption_percent"])
                enterpriseInsert = insert
                insert.int(enterprise.code.number)
                insert.text(enterprise.name)
                insert.text(enterprise.kind.rawValue)
                insert.text(enterprise.districtCode)
                insert.text(enterprise.address)
                insert.double(enterprise.location?.lat)
                insert.double(enterprise.location?.lon)
                insert.text(enterprise.contactName)
                insert.text(enterprise.contactPhone)
                insert.int(enterprise.disabledEmployees)
                insert.int(enterprise.resumption.percent)
                try insert.endRow()
                return enterprise.code.description
            case .branch(let branch):
                try SQLiteRepository.check(db, branch)
                try db.cachedStatement(sql: """
                    INSERT INTO branch (number, name, district_code, headcount, capabilities, active) VALUES (?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [branch.code.number] + RowDecoding.branchArguments(branch))
                return branch.code.description
            case .request(let request):
                guard enterprises.contains(request.enterpriseCode.number) else {
                    throw TandemError.unknownRecord(.enterprise, request.enterpriseCode.description)
                }
                // The columns and values of `RowDecoding.requestArguments`, after the number.
                let insert = try requestInsert ?? BatchedInsert(db, table: "request", columns: [
                    "number", "enterprise_number", "category", "item", "quantity", "unit", "delivered", "priority", "due", "status",
                    "notes", "filed", "completed"])
                requestInsert = insert
                insert.int(request.code.number)
                insert.int(request.enterpriseCode.number)
                insert.text(request.category)
                insert.text(request.item)
                insert.int(request.quantity.thousandths)
                insert.text(request.unit)
                insert.int(request.delivered.thousandths)
                insert.int(request.priority.rawValue)
                insert.text(request.due?.description)
                insert.text(request.status.rawValue)
                insert.text(request.notes)
                insert.text(request.filed.description)
                insert.text(request.completed?.description)
                try insert.endRow()
                return request.code.description
            case .operator(let op):
                if try SQLiteRepository.fetchOperator(db, login: op.login) != nil { throw TandemError.duplicateOperator(op.login) }
                try SQLiteRepository.checkRole(db, op.role)
                try db.execute(sql: "INSERT INTO operator (\(RowDecoding.operatorColumns)) VALUES (?, ?, ?, ?, ?)",
                               arguments: RowDecoding.operatorArguments(op))
                return op.login
            }
        }
    }

    /// Writes a changed record, first checking that nobody changed it since the plan was made.
    /// Its audit event was linked by the preparer; the caller inserts it.
    private func update(_ db: Database, before: ImportRecord, after: ImportRecord) throws {
        func conflict(_ subject: String) -> TandemError {
            .conflict(detail: "\(subject) changed since the import was checked; import again")
        }
        switch (before, after) {
        case (.enterprise(let old), .enterprise(let new)):
            guard try Self.fetchEnterprise(db, old.code) == old else { throw conflict(old.code.description) }
            try Self.check(db, new)
            // The whole row is written: it was compared with the plan's `old` just above, in this transaction.
            try db.execute(sql: """
                UPDATE enterprise SET name = ?, kind = ?, district_code = ?, address = ?, lat = ?, lon = ?, contact_name = ?,
                    contact_phone = ?, disabled_employees = ?, resumption_percent = ? WHERE number = ?
                """, arguments: RowDecoding.enterpriseArguments(new) + [new.code.number])
        case (.branch(let old), .branch(let new)):
            guard try Self.fetchBranch(db, old.code) == old else { throw conflict(old.code.description) }
            try Self.check(db, new)
            if !new.active, old.active, let pairing = try Self.activePairing(db, branch: new.code) {
                throw TandemError.branchAlreadyPaired(branch: new.code, enterprise: pairing.enterpriseCode)
            }
            try db.execute(sql: """
                UPDATE branch SET name = ?, district_code = ?, headcount = ?, capabilities = ?, active = ?
                WHERE number = ?
                """, arguments: RowDecoding.branchArguments(new) + [new.code.number])
        case (.request(let old), .request(let new)):
            guard try Self.fetchRequest(db, old.code) == old else { throw conflict(old.code.description) }
            try db.execute(sql: "UPDATE request SET quantity = ?, unit = ?, priority = ?, due = ?, notes = ? WHERE number = ?",
                           arguments: [new.quantity.thousandths, new.unit, new.priority.rawValue, new.due?.description, new.notes,
                                       new.code.number])
        case (.operator(let old), .operator(let new)):
            guard try Self.fetchOperator(db, login: old.login) == old else { throw conflict(old.login) }
            try Self.checkRole(db, new.role)
            try db.execute(sql: "UPDATE operator SET (\(RowDecoding.operatorColumns)) = (?, ?, ?, ?, ?) WHERE login = ?",
                           arguments: RowDecoding.operatorArguments(new) + [new.login])
        default:
            throw TandemError.conflict(detail: "an import row changes one kind of record into another")
        }
    }
}
