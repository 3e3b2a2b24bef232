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
    /// complete plan is applicable.
    private func applyImport(_ db: Database, _ feed: ImportFeed, by actor: Operator) throws -> ImportResult {
        try authorize(db, actor, feed.table == .operators ? .manageOperators : .manageRecords) { _ in nil }
        var added: [String] = []
        var changed = 0
        var checked = CheckedRecords(districts: Set(try String.fetchAll(db, sql: "SELECT code FROM district")), at: timestamp(),
                                     chain: try AuditChain.Appender(db))
        if feed.table == .requests { checked.enterprises = Set(try Int.fetchAll(db, sql: "SELECT number FROM enterprise")) }
        while case let batch = feed.nextBatch(), !batch.isEmpty {
            for row in batch {
                switch row.outcome {
                case .new(let record):
                    added.append(try insert(db, record, actor: actor, checked: &checked))
                case .changed(let before, let after, _):
                    try update(db, before: before, after: after, actor: actor, chain: checked.chain)
                    changed += 1
                case .unchanged, .duplicate, .refused:
                    continue
                }
            }
        }
        try checked.flush()
        let plan = feed.completePlan()
        guard plan.isApplicable else {
            let count = plan.problems.count
            throw TandemError.notAllowed(action: Bilingual(zh: "导入", en: "import"), reason: Bilingual(
                zh: "有 \(count) 处错误", en: "\(count) problem\(count == 1 ? "" : "s") in the file"))
        }
        if !added.isEmpty || changed > 0 {
            try audit(db, actor, .importFile, subject: .database, before: nil as String?,
                      after: ["table": feed.table.rawValue, "added": String(added.count), "changed": String(changed)],
                      chain: checked.chain)
            try checked.chain.flush()
        }
        return ImportResult(added: added, changed: changed)
    }

    /// What one import has already checked against the database, so that 100 000 rows do not
    /// repeat the same look-ups.
    private struct CheckedRecords {
        var districts: Set<String>
        /// The import's time, one for all its events.
        var at: Timestamp
        /// The audit chain, through which every event of the import goes.
        let chain: AuditChain.Appender
        /// Enterprise numbers that exist (read once for a requests import).
        var enterprises: Set<Int> = []
        /// The inserts of new records, prepared at first use, with the number the next one takes.
        var enterpriseInsert: (insert: BatchedInsert, next: Int64)?
        var requestInsert: (insert: BatchedInsert, next: Int64)?
        /// The audit JSON of new records, written into one reused buffer.
        var json = ImportAuditJSON()

        /// Writes the rows and events still held in batches.
        func flush() throws {
            try enterpriseInsert?.insert.flush()
            try requestInsert?.insert.flush()
            try chain.flush()
        }

        func requireDistrict(_ code: String) throws {
            guard districts.contains(code) else { throw TandemError.unknownDistrict(code) }
        }
    }

    /// The audit event of one imported record, as `audit` writes it, chained like every event;
    /// its JSON written directly by `ImportAuditJSON`.
    private func importAudit(_ checked: CheckedRecords, _ db: Database, _ actor: Operator, _ action: AuditAction,
                             subject: AuditSubject, after: String) throws {
        try checked.chain.append(at: checked.at, operatorName: session.auditName(for: actor), action: action, subject: subject,
                                 before: "", after: after)
    }

    /// Inserts a new record with its audit event and returns its code (or login).
    private func insert(_ db: Database, _ record: ImportRecord, actor: Operator, checked: inout CheckedRecords) throws -> String {
        switch record {
        case .enterprise(var enterprise):
            try checked.requireDistrict(enterprise.districtCode)
            try RecordRules.check(enterprise)
            // The columns and values of `RowDecoding.enterpriseArguments`, after the number.
            var (insert, number) = try checked.enterpriseInsert ?? (
                BatchedInsert(db, table: "enterprise", columns: ["number", "name", "kind", "district_code", "address", "lat", "lon",
                                                                 "contact_name", "contact_phone", "disabled_employees",
                                                                 "resumption_percent"]),
                AuditChain.nextNumber(db, table: "enterprise", column: "number"))
            enterprise.code = RecordCode(.enterprise, Int(number))
            insert.int(number)
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
            number += 1
            checked.enterpriseInsert = (insert, number)
            let json = checked.json.enterprise(enterprise)
            try importAudit(checked, db, actor, .addEnterprise, subject: AuditSubject(enterprise: enterprise.code), after: json)
            return enterprise.code.description
        case .branch(var branch):
            try Self.check(db, branch)
            try db.cachedStatement(sql: """
                INSERT INTO branch (name, district_code, headcount, capabilities, active) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: RowDecoding.branchArguments(branch))
            branch.code = RecordCode(.branch, Int(db.lastInsertedRowID))
            try audit(db, actor, .addBranch, subject: AuditSubject(branch: branch.code), before: nil as Branch?, after: branch,
                          chain: checked.chain)
            return branch.code.description
        case .request(var request):
            guard checked.enterprises.contains(request.enterpriseCode.number) else {
                throw TandemError.unknownRecord(.enterprise, request.enterpriseCode.description)
            }
            // The columns and values of `RowDecoding.requestArguments`, after the number.
            var (insert, number) = try checked.requestInsert ?? (
                BatchedInsert(db, table: "request", columns: ["number", "enterprise_number", "category", "item", "quantity", "unit",
                                                              "delivered", "priority", "due", "status", "notes", "filed", "completed"]),
                AuditChain.nextNumber(db, table: "request", column: "number"))
            request.code = RecordCode(.request, Int(number))
            insert.int(number)
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
            number += 1
            checked.requestInsert = (insert, number)
            let json = checked.json.request(request)
            try importAudit(checked, db, actor, .addRequest, subject: AuditSubject(enterprise: request.enterpriseCode, request: request.code),
                            after: json)
            return request.code.description
        case .operator(let op):
            if try Self.fetchOperator(db, login: op.login) != nil { throw TandemError.duplicateOperator(op.login) }
            try Self.checkRole(db, op.role)
            try db.execute(sql: "INSERT INTO operator (\(RowDecoding.operatorColumns)) VALUES (?, ?, ?, ?, ?)",
                           arguments: RowDecoding.operatorArguments(op))
            try audit(db, actor, .addOperator, subject: AuditSubject(login: op.login), before: nil as Operator?, after: op,
                          chain: checked.chain)
            return op.login
        }
    }

    /// Writes a changed record, first checking that nobody changed it since the plan was made.
    private func update(_ db: Database, before: ImportRecord, after: ImportRecord, actor: Operator,
                        chain: AuditChain.Appender) throws {
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
            try audit(db, actor, .editEnterprise, subject: AuditSubject(enterprise: new.code), before: old, after: new, chain: chain)
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
            try audit(db, actor, .editBranch, subject: AuditSubject(branch: new.code), before: old, after: new, chain: chain)
        case (.request(let old), .request(let new)):
            guard try Self.fetchRequest(db, old.code) == old else { throw conflict(old.code.description) }
            try db.execute(sql: "UPDATE request SET quantity = ?, unit = ?, priority = ?, due = ?, notes = ? WHERE number = ?",
                           arguments: [new.quantity.thousandths, new.unit, new.priority.rawValue, new.due?.description, new.notes,
                                       new.code.number])
            try audit(db, actor, .editRequest, subject: AuditSubject(enterprise: new.enterpriseCode, request: new.code), before: old, after: new, chain: chain)
        case (.operator(let old), .operator(let new)):
            guard try Self.fetchOperator(db, login: old.login) == old else { throw conflict(old.login) }
            try Self.checkRole(db, new.role)
            try db.execute(sql: "UPDATE operator SET (\(RowDecoding.operatorColumns)) = (?, ?, ?, ?, ?) WHERE login = ?",
                           arguments: RowDecoding.operatorArguments(new) + [new.login])
            try audit(db, actor, .editOperator, subject: AuditSubject(login: new.login), before: old, after: new, chain: chain)
        default:
            throw TandemError.conflict(detail: "an import row changes one kind of record into another")
        }
    }
}
