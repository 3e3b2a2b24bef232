import TandemCore

/// The mutations, each the SQLite store's (`SQLiteRepository+Mutations.swift`) step for step:
/// the actor's permission checked against the operator table inside the transaction, the core
/// rule applied to the rows as the transaction reads them, the change and its audit event
/// written together. A serialization failure runs the whole body again on fresh rows.
extension PostgresRepository {
    typealias Columns = [(column: String, value: (any PostgresBindable)?)]

    // MARK: - Records

    @discardableResult
    public func addBranch(_ draft: BranchDraft, by actor: Operator) throws -> Branch {
        try write { c in
            try authorize(c, actor, .manageRecords) { _ in nil }
            var branch = Branch(code: RecordCode(.branch, 0), name: draft.name.trimmingWhitespace(), districtCode: draft.districtCode,
                                headcount: draft.headcount, capabilities: draft.capabilities, active: draft.active)
            try RecordRules.check(branch)
            try Self.checkDistrict(c, branch.districtCode)
            let number: Int = try c.one("""
                INSERT INTO branch (name, district_code, headcount, capabilities, active) VALUES ($1, $2, $3, $4, $5) RETURNING number
                """, PostgresRecords.branchParameters(branch))!.value("number")
            branch.code = RecordCode(.branch, number)
            try audit(c, actor, .addBranch, subject: AuditSubject(branch: branch.code), before: nil as Branch?, after: branch)
            return branch
        }
    }

    @discardableResult
    public func editBranch(_ code: RecordCode, _ changes: BranchChanges, by actor: Operator) throws -> Branch {
        try changes.check()
        return try write { c in
            try authorize(c, actor, .manageRecords) { _ in nil }
            let before = try Self.fetchBranch(c, code)
            let after = changes.applied(to: before)
            // Only what changes is checked, as in the SQLite store.
            if let district = changes.districtCode { try Self.checkDistrict(c, district) }
            if !after.active, before.active, let pairing = try Self.activePairing(c, branch: code) {
                throw TandemError.branchAlreadyPaired(branch: code, enterprise: pairing.enterpriseCode)
            }
            var columns: Columns = []
            if changes.name != nil { columns.append(("name", after.name)) }
            if changes.districtCode != nil { columns.append(("district_code", after.districtCode)) }
            if changes.headcount != nil { columns.append(("headcount", after.headcount)) }
            if changes.capabilities != nil { columns.append(("capabilities", after.sortedCapabilities.map(\.code).joined(separator: ","))) }
            if changes.active != nil { columns.append(("active", after.active)) }
            try Self.update(c, table: "branch", key: ("number", code.number), columns)
            try audit(c, actor, .editBranch, subject: AuditSubject(branch: code), before: before, after: after)
            return after
        }
    }

    @discardableResult
    public func addEnterprise(_ draft: EnterpriseDraft, by actor: Operator) throws -> Enterprise {
        try write { c in
            try authorize(c, actor, .manageRecords) { _ in nil }
            var enterprise = Enterprise(code: RecordCode(.enterprise, 0), name: draft.name.trimmingWhitespace(), kind: draft.kind,
                                        districtCode: draft.districtCode, address: draft.address, location: draft.location,
                                        contactName: draft.contactName, contactPhone: draft.contactPhone,
                                        disabledEmployees: draft.disabledEmployees, resumption: draft.resumption)
            try RecordRules.check(enterprise)
            try Self.checkDistrict(c, enterprise.districtCode)
            let number: Int = try c.one("""
                INSERT INTO enterprise (name, kind, district_code, address, lat, lon, contact_name, contact_phone, disabled_employees,
                                        resumption_percent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING number
                """, PostgresRecords.enterpriseParameters(enterprise))!.value("number")
            enterprise.code = RecordCode(.enterprise, number)
            try audit(c, actor, .addEnterprise, subject: AuditSubject(enterprise: enterprise.code), before: nil as Enterprise?, after: enterprise)
            return enterprise
        }
    }

    /// Changing the resumption status alone is what a branch lead may do for their own
    /// enterprise; anything else needs `manageRecords`.
    @discardableResult
    public func editEnterprise(_ code: RecordCode, _ changes: EnterpriseChanges, by actor: Operator) throws -> Enterprise {
        try changes.check()
        return try write { c in
            let before = try Self.fetchEnterprise(c, code)
            if changes.isResumptionOnly {
                let paired = try Self.activePairing(c, enterprise: code)?.branchCode
                try authorize(c, actor, .updateResumption(enterprise: code)) { $0 == code ? paired : nil }
            } else {
                try authorize(c, actor, .manageRecords) { _ in nil }
            }
            let after = changes.applied(to: before)
            if let district = changes.districtCode { try Self.checkDistrict(c, district) }
            var columns: Columns = []
            if changes.name != nil { columns.append(("name", after.name)) }
            if changes.kind != nil { columns.append(("kind", after.kind.rawValue)) }
            if changes.districtCode != nil { columns.append(("district_code", after.districtCode)) }
            if changes.address != nil { columns.append(("address", after.address)) }
            if changes.location != nil {
                columns.append(("lat", after.location?.lat))
                columns.append(("lon", after.location?.lon))
            }
            if changes.contactName != nil { columns.append(("contact_name", after.contactName)) }
            if changes.contactPhone != nil { columns.append(("contact_phone", after.contactPhone)) }
            if changes.disabledEmployees != nil { columns.append(("disabled_employees", after.disabledEmployees)) }
            if changes.resumption != nil { columns.append(("resumption_percent", after.resumption.percent)) }
            try Self.update(c, table: "enterprise", key: ("number", code.number), columns)
            if changes.isResumptionOnly {
                try audit(c, actor, .updateResumption, subject: AuditSubject(enterprise: code), before: before.resumption, after: after.resumption)
            } else {
                try audit(c, actor, .editEnterprise, subject: AuditSubject(enterprise: code), before: before, after: after)
            }
            return after
        }
    }

    @discardableResult
    public func setResumption(_ code: RecordCode, _ resumption: Resumption, by actor: Operator) throws -> Enterprise {
        try editEnterprise(code, EnterpriseChanges(resumption: resumption), by: actor)
    }

    public func addOperator(_ newOperator: Operator, by actor: Operator) throws {
        try write { c in
            try authorize(c, actor, .manageOperators) { _ in nil }
            try OperatorRules.check(newOperator)
            if try Self.fetchOperator(c, login: newOperator.login) != nil { throw TandemError.duplicateOperator(newOperator.login) }
            try Self.checkRole(c, newOperator.role)
            try c.execute("INSERT INTO operator (\(PostgresRecords.operatorColumns)) VALUES ($1, $2, $3, $4, $5)",
                          PostgresRecords.operatorParameters(newOperator))
            try audit(c, actor, .addOperator, subject: Self.subject(of: newOperator), before: nil as Operator?, after: newOperator)
        }
    }

    @discardableResult
    public func editOperator(login: String, _ changes: OperatorChanges, by actor: Operator) throws -> Operator {
        try changes.check()
        return try write { c in
            try authorize(c, actor, .manageOperators) { _ in nil }
            guard let before = try Self.fetchOperator(c, login: login) else { throw TandemError.unknownOperator(login) }
            let after = changes.applied(to: before)
            var columns: Columns = []
            if changes.displayName != nil { columns.append(("display_name", after.displayName)) }
            if let role = changes.role {
                try Self.checkRole(c, role)
                let admins: Int = try c.one("SELECT count(*) AS n FROM operator WHERE role = 'admin'")!.value("n")
                try AdminSuccession.require(before: before, after: after, adminCount: admins)
                columns += PostgresRecords.roleColumns(role)
            }
            try Self.update(c, table: "operator", key: ("login", before.login), columns)
            try audit(c, actor, .editOperator, subject: Self.subject(of: after, before: before), before: before, after: after)
            return after
        }
    }

    // MARK: - Pairing

    @discardableResult
    public func pair(branch: RecordCode, enterprise: RecordCode, by actor: Operator) throws -> Pairing {
        try write { c in try insertPairing(c, branch: branch, enterprise: enterprise, actor: actor) }
    }

    @discardableResult
    public func pairAll(_ pairs: [(branch: RecordCode, enterprise: RecordCode)], ending: [RecordCode], reason: String,
                        by actor: Operator) throws -> [Pairing] {
        try TextRules.check(.reason, reason)
        return try write { c in
            for enterprise in ending { _ = try endPairing(c, enterprise, reason: reason, actor: actor) }
            let written = try pairs.map { try insertPairing(c, branch: $0.branch, enterprise: $0.enterprise, actor: actor) }
            try audit(c, actor, .applyPlan, subject: .database, before: nil as String?,
                      after: PlanSummary(pairs: written.count, ended: ending.count, reason: reason))
            return written
        }
    }

    private func insertPairing(_ c: PostgresConnection, branch branchCode: RecordCode, enterprise enterpriseCode: RecordCode,
                               actor: Operator) throws -> Pairing {
        try authorize(c, actor, .pair) { _ in nil }
        let branch = try Self.fetchBranch(c, branchCode)
        let enterprise = try Self.fetchEnterprise(c, enterpriseCode)
        try PairingRules.checkCanPair(branch: branch, enterprise: enterprise,
                                      branchPairing: try Self.activePairing(c, branch: branchCode),
                                      enterprisePairing: try Self.activePairing(c, enterprise: enterpriseCode))
        let at = timestamp()
        let id: Int64 = try c.one("""
            INSERT INTO pairing (branch_number, enterprise_number, started_at, started_by) VALUES ($1, $2, $3, $4) RETURNING id
            """, [branchCode.number, enterpriseCode.number, at, actor.login])!.value("id")
        let pairing = Pairing(id: id, branchCode: branchCode, enterpriseCode: enterpriseCode, startedAt: at, startedBy: actor.login)
        try audit(c, actor, .pair, subject: AuditSubject(enterprise: enterpriseCode, branch: branchCode), before: nil as Pairing?, after: pairing)
        return pairing
    }

    @discardableResult
    public func unpair(_ code: RecordCode, reason: String, by actor: Operator) throws -> Pairing {
        try TextRules.check(.reason, reason)
        return try write { c in try endPairing(c, code, reason: reason, actor: actor) }
    }

    /// Ends the active pairing of a branch or enterprise, keeping it in history.
    private func endPairing(_ c: PostgresConnection, _ code: RecordCode, reason: String, actor: Operator) throws -> Pairing {
        try authorize(c, actor, .unpair) { _ in nil }
        let existing: Pairing?
        switch code.kind {
        case .branch:
            _ = try Self.fetchBranch(c, code)
            existing = try Self.activePairing(c, branch: code)
        case .enterprise:
            _ = try Self.fetchEnterprise(c, code)
            existing = try Self.activePairing(c, enterprise: code)
        case .request:
            throw TandemError.malformedCode(.branch, code.description)
        }
        guard let before = existing else { throw TandemError.notPaired(code) }
        var after = before
        after.endedAt = timestamp()
        after.endedBy = actor.login
        after.endReason = reason.trimmingWhitespace()
        try c.execute("UPDATE pairing SET ended_at = $1, ended_by = $2, end_reason = $3 WHERE id = $4",
                      [after.endedAt, after.endedBy, after.endReason, after.id])
        try audit(c, actor, .unpair, subject: AuditSubject(enterprise: before.enterpriseCode, branch: before.branchCode), before: before, after: after)
        return after
    }

    // MARK: - Requests

    @discardableResult
    public func addRequest(_ draft: RequestDraft, catalog: Catalog, by actor: Operator) throws -> Request {
        try write { c in
            _ = try Self.fetchEnterprise(c, draft.enterpriseCode)
            let paired = try Self.activePairing(c, enterprise: draft.enterpriseCode)?.branchCode
            try authorize(c, actor, .fileRequest(enterprise: draft.enterpriseCode)) { $0 == draft.enterpriseCode ? paired : nil }
            let valid = try RequestRules.validate(draft, catalog: catalog, today: today())
            var request = Request(code: RecordCode(.request, 0), enterpriseCode: draft.enterpriseCode, category: valid.category.code,
                                  item: valid.item.code, quantity: valid.quantity, unit: valid.unit.code,
                                  priority: draft.priority, due: draft.due, notes: draft.notes, filed: today())
            let number: Int = try c.one("""
                INSERT INTO request (enterprise_number, category, item, quantity, unit, delivered, priority, due, status, notes, filed, completed)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING number
                """, PostgresRecords.requestParameters(request))!.value("number")
            request.code = RecordCode(.request, number)
            try audit(c, actor, .addRequest, subject: AuditSubject(enterprise: request.enterpriseCode, request: request.code),
                      before: nil as Request?, after: request)
            return request
        }
    }

    @discardableResult
    public func deliver(_ code: RecordCode, quantity: Quantity, note: String, allowOver: Bool, by actor: Operator) throws -> Request {
        try TextRules.check(.note, note)
        return try changeRequest(code, action: .deliver, actor: actor, permission: { .workRequest(enterprise: $0) }) { c, request in
            let after = try RequestRules.deliver(request, quantity: quantity, allowOver: allowOver, on: today())
            try c.execute("""
                INSERT INTO delivery (request_number, quantity, note, operator_login, at, over_delivery) VALUES ($1, $2, $3, $4, $5, $6)
                """, [code.number, quantity.thousandths, note, actor.login, timestamp(), quantity > request.remaining])
            return after
        }
    }

    @discardableResult
    public func correctDelivery(_ code: RecordCode, delivery id: Int64, quantity: Quantity, reason: String, allowOver: Bool,
                                by actor: Operator) throws -> Request {
        guard !reason.trimmingWhitespace().isEmpty else { throw TandemError.reasonRequired }
        try TextRules.check(.reason, reason)
        return try write { c in
            let request = try Self.fetchRequest(c, code)
            guard let delivery = try c.one("SELECT \(PostgresRecords.deliveryColumns) FROM delivery WHERE id = $1 AND request_number = $2",
                                           [id, code.number]).map(PostgresRecords.delivery) else {
                throw TandemError.cannotCorrect(request: code, delivery: id,
                                                reason: Bilingual(zh: "\(code) 没有这笔送达", en: "\(code) has no such delivery"))
            }
            let enterprise = request.enterpriseCode
            let paired = try Self.activePairing(c, enterprise: enterprise)?.branchCode
            try authorize(c, actor, .correctDelivery(enterprise: enterprise, recordedBy: delivery.operatorLogin)) { $0 == enterprise ? paired : nil }
            let reversedBefore = try c.one("SELECT 1 AS found FROM delivery WHERE reverses = $1", [id]) != nil
            let correction = try RequestRules.correct(request, delivery: delivery, alreadyReversed: reversedBefore, to: quantity,
                                                      allowOver: allowOver, on: today())
            let subject = AuditSubject(enterprise: enterprise, request: code)
            let at = timestamp()
            try c.execute("""
                INSERT INTO delivery (request_number, quantity, note, operator_login, at, over_delivery, reverses)
                VALUES ($1, $2, $3, $4, $5, FALSE, $6)
                """, [code.number, delivery.quantity.thousandths, reason, actor.login, at, id])
            try Self.saveRequestState(c, correction.reversed)
            try audit(c, actor, .correctDelivery, subject: subject, before: request, after: correction.reversed)
            if let corrected = correction.corrected {
                try c.execute("""
                    INSERT INTO delivery (request_number, quantity, note, operator_login, at, over_delivery) VALUES ($1, $2, $3, $4, $5, $6)
                    """, [code.number, quantity.thousandths, reason, actor.login, at, corrected.delivered > corrected.quantity])
                try Self.saveRequestState(c, corrected)
                try audit(c, actor, .deliver, subject: subject, before: correction.reversed, after: corrected)
            }
            return correction.result
        }
    }

    private static func saveRequestState(_ c: PostgresConnection, _ request: Request) throws {
        try c.execute("UPDATE request SET delivered = $1, status = $2, notes = $3, completed = $4 WHERE number = $5",
                      [request.delivered.thousandths, request.status.rawValue, request.notes, request.completed, request.code.number])
    }

    @discardableResult
    public func markDone(_ code: RecordCode, by actor: Operator) throws -> Request {
        try changeRequest(code, action: .markDone, actor: actor, permission: { .workRequest(enterprise: $0) }) { _, request in
            try RequestRules.markDone(request, on: today())
        }
    }

    @discardableResult
    public func cancel(_ code: RecordCode, reason: String, by actor: Operator) throws -> Request {
        try changeRequest(code, action: .cancelRequest, actor: actor, permission: { .cancelOrReopenRequest(enterprise: $0) },
                          note: reason) { _, request in
            try RequestRules.cancel(request, reason: reason)
        }
    }

    @discardableResult
    public func reopen(_ code: RecordCode, reason: String, by actor: Operator) throws -> Request {
        try changeRequest(code, action: .reopenRequest, actor: actor, permission: { .cancelOrReopenRequest(enterprise: $0) },
                          note: reason) { _, request in
            try RequestRules.reopen(request, reason: reason)
        }
    }

    /// Loads a request, checks the actor may act on its enterprise, applies a core rule and
    /// saves the result with its audit event, all in one transaction.
    private func changeRequest(_ code: RecordCode, action: AuditAction, actor: Operator, permission: (RecordCode) -> Action,
                               note: String? = nil, _ change: (PostgresConnection, Request) throws -> Request) throws -> Request {
        if let note { try TextRules.check(.reason, note) }
        return try write { c in
            let before = try Self.fetchRequest(c, code)
            let enterprise = before.enterpriseCode
            let paired = try Self.activePairing(c, enterprise: enterprise)?.branchCode
            try authorize(c, actor, permission(enterprise)) { $0 == enterprise ? paired : nil }
            var after = try change(c, before)
            if let note, !note.isEmpty {
                after.notes = before.notes.isEmpty ? note : before.notes + "\n" + note
            }
            try Self.saveRequestState(c, after)
            try audit(c, actor, action, subject: AuditSubject(enterprise: enterprise, request: code), before: before, after: after)
            return after
        }
    }

    /// What `pairAll` records beside each pairing's own event.
    private struct PlanSummary: Encodable {
        var pairs: Int
        var ended: Int
        var reason: String
    }

    /// An operator event names the operator and, for a lead, the branch it leads (or led).
    static func subject(of changed: Operator, before: Operator? = nil) -> AuditSubject {
        func ledBranch(_ op: Operator?) -> RecordCode? {
            if case .branchLead(let branch)? = op?.role { return branch }
            return nil
        }
        return AuditSubject(branch: ledBranch(changed) ?? ledBranch(before), login: changed.login)
    }

    // MARK: - Checks

    /// Writes only `columns` of one row: an edit never writes back fields it did not change.
    static func update(_ c: PostgresConnection, table: String, key: (column: String, value: any PostgresBindable), _ columns: Columns) throws {
        guard !columns.isEmpty else { return }
        let assignments = columns.enumerated().map { "\($0.element.column) = $\($0.offset + 1)" }.joined(separator: ", ")
        try c.execute("UPDATE \(table) SET \(assignments) WHERE \(key.column) = $\(columns.count + 1)", columns.map(\.value) + [key.value])
    }

    /// The actor as the operator table says now, inside the transaction: a removed operator is
    /// refused, a demoted one judged by their new role.
    func authorize(_ c: PostgresConnection, _ actor: Operator, _ action: Action, pairedBranch: (RecordCode) -> RecordCode?) throws {
        guard let current = try Self.fetchOperator(c, login: actor.login) else { throw TandemError.operatorRemoved(login: actor.login) }
        guard let reason = Permissions.denial(current, action, pairedBranch: pairedBranch) else { return }
        if current.role != actor.role {
            throw TandemError.notAllowed(action: action.name, reason: Bilingual(
                zh: "您的角色已改为\(current.role.label(.zh))；\(reason.zh)",
                en: "your role is now \(current.role.label(.en)); \(reason.en)"))
        }
        throw TandemError.notAllowed(action: action.name, reason: reason)
    }

    static func checkDistrict(_ c: PostgresConnection, _ code: String) throws {
        guard try c.one("SELECT 1 AS found FROM district WHERE code = $1", [code]) != nil else { throw TandemError.unknownDistrict(code) }
    }

    static func checkRole(_ c: PostgresConnection, _ role: Role) throws {
        switch role {
        case .branchLead(let branch): _ = try fetchBranch(c, branch)
        case .supervisor(let group?):
            guard try c.one("SELECT 1 AS found FROM supervision_group WHERE number = $1", [group]) != nil else {
                throw TandemError.unknownGroup(String(group))
            }
        default: break
        }
    }
}
