import TandemCore

extension PostgresRepository {
    /// Writes an import in one serializable transaction, an audit event per record: all or
    /// nothing. The feed's rows are taken in full first, because a serialization failure runs
    /// the transaction again and a feed can be read only once (the SQLite store, with one
    /// writer, writes them as they come). Refuses, writing nothing, a plan with refused rows and
    /// a record changed by someone else since the plan's snapshot.
    public func applyImport(_ feed: ImportFeed, by actor: Operator) throws -> ImportResult {
        var rows: [ImportRow] = []
        while case let batch = feed.nextBatch(), !batch.isEmpty { rows += batch }
        let plan = feed.completePlan()
        return try write { c in
            try authorize(c, actor, feed.table == .operators ? .manageOperators : .manageRecords) { _ in nil }
            let chain = try PostgresAuditChain(c)
            let at = timestamp()
            var added: [String] = []
            var changed = 0
            for row in rows {
                switch row.outcome {
                case .new(let record):
                    added.append(try insert(c, record, actor: actor, chain: chain, at: at))
                case .changed(let before, let after, _):
                    try update(c, before: before, after: after, actor: actor, chain: chain, at: at)
                    changed += 1
                case .unchanged, .duplicate, .refused:
                    continue
                }
            }
            guard plan.isApplicable else {
                let count = plan.problems.count
                throw TandemError.notAllowed(action: Bilingual(zh: "导入", en: "import"), reason: Bilingual(
                    zh: "有 \(count) 处错误", en: "\(count) problem\(count == 1 ? "" : "s") in the file"))
            }
            if !added.isEmpty || changed > 0 {
                try audit(c, actor, .importFile, subject: .database, before: nil as String?,
                          after: ["table": feed.table.rawValue, "added": String(added.count), "changed": String(changed)],
                          chain: chain, at: at)
            }
            return ImportResult(added: added, changed: changed)
        }
    }

    /// Inserts a new record with its audit event and returns its code (or login).
    private func insert(_ c: PostgresConnection, _ record: ImportRecord, actor: Operator, chain: PostgresAuditChain,
                        at: Timestamp) throws -> String {
        switch record {
        case .enterprise(var enterprise):
            try Self.checkDistrict(c, enterprise.districtCode)
            try RecordRules.check(enterprise)
            let number: Int = try c.one("""
                INSERT INTO enterprise (name, kind, district_code, address, lat, lon, contact_name, contact_phone, disabled_employees,
                                        resumption_percent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING number
                """, PostgresRecords.enterpriseParameters(enterprise))!.value("number")
            enterprise.code = RecordCode(.enterprise, number)
            try audit(c, actor, .addEnterprise, subject: AuditSubject(enterprise: enterprise.code), before: nil as Enterprise?,
                      after: enterprise, chain: chain, at: at)
            return enterprise.code.description
        case .branch(var branch):
            try RecordRules.check(branch)
            try Self.checkDistrict(c, branch.districtCode)
            let number: Int = try c.one("""
                INSERT INTO branch (name, district_code, headcount, capabilities, active) VALUES ($1, $2, $3, $4, $5) RETURNING number
                """, PostgresRecords.branchParameters(branch))!.value("number")
            branch.code = RecordCode(.branch, number)
            try audit(c, actor, .addBranch, subject: AuditSubject(branch: branch.code), before: nil as Branch?, after: branch,
                      chain: chain, at: at)
            return branch.code.description
        case .request(var request):
            _ = try Self.fetchEnterprise(c, request.enterpriseCode)
            let number: Int = try c.one("""
                INSERT INTO request (enterprise_number, category, item, quantity, unit, delivered, priority, due, status, notes, filed, completed)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING number
                """, PostgresRecords.requestParameters(request))!.value("number")
            request.code = RecordCode(.request, number)
            try audit(c, actor, .addRequest, subject: AuditSubject(enterprise: request.enterpriseCode, request: request.code),
                      before: nil as Request?, after: request, chain: chain, at: at)
            return request.code.description
        case .operator(let op):
            if try Self.fetchOperator(c, login: op.login) != nil { throw TandemError.duplicateOperator(op.login) }
            try Self.checkRole(c, op.role)
            try c.execute("INSERT INTO operator (\(PostgresRecords.operatorColumns)) VALUES ($1, $2, $3, $4, $5)",
                          PostgresRecords.operatorParameters(op))
            try audit(c, actor, .addOperator, subject: AuditSubject(login: op.login), before: nil as Operator?, after: op,
                      chain: chain, at: at)
            return op.login
        }
    }

    /// Writes a changed record, first checking that nobody changed it since the plan was made.
    private func update(_ c: PostgresConnection, before: ImportRecord, after: ImportRecord, actor: Operator,
                        chain: PostgresAuditChain, at: Timestamp) throws {
        func conflict(_ subject: String) -> TandemError {
            .conflict(detail: "\(subject) changed since the import was checked; import again")
        }
        switch (before, after) {
        case (.enterprise(let old), .enterprise(let new)):
            guard try Self.fetchEnterprise(c, old.code) == old else { throw conflict(old.code.description) }
            try RecordRules.check(new)
            try Self.checkDistrict(c, new.districtCode)
            // The whole row is written: it was compared with the plan's `old` just above, in this transaction.
            try c.execute("""
                UPDATE enterprise SET name = $1, kind = $2, district_code = $3, address = $4, lat = $5, lon = $6, contact_name = $7,
                    contact_phone = $8, disabled_employees = $9, resumption_percent = $10 WHERE number = $11
                """, PostgresRecords.enterpriseParameters(new) + [new.code.number])
            try audit(c, actor, .editEnterprise, subject: AuditSubject(enterprise: new.code), before: old, after: new, chain: chain, at: at)
        case (.branch(let old), .branch(let new)):
            guard try Self.fetchBranch(c, old.code) == old else { throw conflict(old.code.description) }
            try RecordRules.check(new)
            try Self.checkDistrict(c, new.districtCode)
            if !new.active, old.active, let pairing = try Self.activePairing(c, branch: new.code) {
                throw TandemError.branchAlreadyPaired(branch: new.code, enterprise: pairing.enterpriseCode)
            }
            try c.execute("""
                UPDATE branch SET name = $1, district_code = $2, headcount = $3, capabilities = $4, active = $5 WHERE number = $6
                """, PostgresRecords.branchParameters(new) + [new.code.number])
            try audit(c, actor, .editBranch, subject: AuditSubject(branch: new.code), before: old, after: new, chain: chain, at: at)
        case (.request(let old), .request(let new)):
            guard try Self.fetchRequest(c, old.code) == old else { throw conflict(old.code.description) }
            try c.execute("UPDATE request SET quantity = $1, unit = $2, priority = $3, due = $4, notes = $5 WHERE number = $6",
                          [new.quantity.thousandths, new.unit, new.priority.rawValue, new.due, new.notes, new.code.number])
            try audit(c, actor, .editRequest, subject: AuditSubject(enterprise: new.enterpriseCode, request: new.code), before: old,
                      after: new, chain: chain, at: at)
        case (.operator(let old), .operator(let new)):
            guard try Self.fetchOperator(c, login: old.login) == old else { throw conflict(old.login) }
            try Self.checkRole(c, new.role)
            try c.execute("UPDATE operator SET (\(PostgresRecords.operatorColumns)) = ($1, $2, $3, $4, $5) WHERE login = $6",
                          PostgresRecords.operatorParameters(new) + [new.login])
            try audit(c, actor, .editOperator, subject: AuditSubject(login: new.login), before: old, after: new, chain: chain, at: at)
        default:
            throw TandemError.conflict(detail: "an import row changes one kind of record into another")
        }
    }
}
