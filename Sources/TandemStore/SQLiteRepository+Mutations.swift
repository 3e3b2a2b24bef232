import GRDB
import TandemCore

extension SQLiteRepository {
    // MARK: - Records

    @discardableResult
    public func addBranch(_ draft: BranchDraft, by actor: Operator) throws -> Branch {
        try write { db in
            try authorize(db, actor, .manageRecords) { _ in nil }
            var branch = Branch(code: RecordCode(.branch, 0), name: draft.name.trimmingWhitespace(), districtCode: draft.districtCode,
                                headcount: draft.headcount, capabilities: draft.capabilities, active: draft.active)
            try Self.check(db, branch)
            try db.execute(sql: """
                INSERT INTO branch (name, district_code, headcount, capabilities, active) VALUES (?, ?, ?, ?, ?)
                """, arguments: RowDecoding.branchArguments(branch))
            branch.code = RecordCode(.branch, Int(db.lastInsertedRowID))
            try audit(db, actor, .addBranch, subject: AuditSubject(branch: branch.code), before: nil as Branch?, after: branch)
            return branch
        }
    }

    @discardableResult
    public func editBranch(_ code: RecordCode, _ changes: BranchChanges, by actor: Operator) throws -> Branch {
        try changes.check()
        return try write { db in
            try authorize(db, actor, .manageRecords) { _ in nil }
            // Read inside the write transaction: another edit committed a moment ago is the base.
            let before = try Self.fetchBranch(db, code)
            let after = changes.applied(to: before)
            // Only what changes is checked: text stored before the input rules does not block
            // an edit of another field (and the edit that fixes it is checked like any other).
            if let district = changes.districtCode { try Self.checkDistrict(db, district) }
            if !after.active, before.active, let pairing = try Self.activePairing(db, branch: code) {
                throw TandemError.branchAlreadyPaired(branch: code, enterprise: pairing.enterpriseCode)
            }
            var columns: [(String, (any DatabaseValueConvertible)?)] = []
            if changes.name != nil { columns.append(("name", after.name)) }
            if changes.districtCode != nil { columns.append(("district_code", after.districtCode)) }
            if changes.headcount != nil { columns.append(("headcount", after.headcount)) }
            if changes.capabilities != nil {
                columns.append(("capabilities", after.sortedCapabilities.map(\.code).joined(separator: ",")))
            }
            if changes.active != nil { columns.append(("active", after.active)) }
            try Self.update(db, table: "branch", number: code.number, columns)
            try audit(db, actor, .editBranch, subject: AuditSubject(branch: code), before: before, after: after)
            return after
        }
    }

    @discardableResult
    public func addEnterprise(_ draft: EnterpriseDraft, by actor: Operator) throws -> Enterprise {
        try write { db in
            try authorize(db, actor, .manageRecords) { _ in nil }
            var enterprise = Enterprise(code: RecordCode(.enterprise, 0), name: draft.name.trimmingWhitespace(), kind: draft.kind,
                                        districtCode: draft.districtCode, address: draft.address, location: draft.location,
                                        contactName: draft.contactName, contactPhone: draft.contactPhone,
                                        disabledEmployees: draft.disabledEmployees, resumption: draft.resumption)
            try Self.check(db, enterprise)
            try db.execute(sql: """
                INSERT INTO enterprise (name, kind, district_code, address, lat, lon, contact_name, contact_phone,
                                        disabled_employees, resumption_percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: RowDecoding.enterpriseArguments(enterprise))
            enterprise.code = RecordCode(.enterprise, Int(db.lastInsertedRowID))
            try audit(db, actor, .addEnterprise, subject: AuditSubject(enterprise: enterprise.code), before: nil as Enterprise?, after: enterprise)
            return enterprise
        }
    }

    /// Changes only the fields in `changes`, applied to the row as it is inside the write
    /// transaction. Changing the resumption status alone is what a branch lead may do for their
    /// own enterprise; anything else needs `manageRecords`.
    @discardableResult
    public func editEnterprise(_ code: RecordCode, _ changes: EnterpriseChanges, by actor: Operator) throws -> Enterprise {
        try changes.check()
        return try write { db in
            let before = try Self.fetchEnterprise(db, code)
            if changes.isResumptionOnly {
                let paired = try Self.activePairing(db, enterprise: code)?.branchCode
                try authorize(db, actor, .updateResumption(enterprise: code)) { $0 == code ? paired : nil }
            } else {
                try authorize(db, actor, .manageRecords) { _ in nil }
            }
            let after = changes.applied(to: before)
            // Only what changes is checked: text stored before the input rules does not block
            // an edit of another field (and the edit that fixes it is checked like any other).
            if let district = changes.districtCode { try Self.checkDistrict(db, district) }
            var columns: [(String, (any DatabaseValueConvertible)?)] = []
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
            try Self.update(db, table: "enterprise", number: code.number, columns)
            if changes.isResumptionOnly {
                try audit(db, actor, .updateResumption, subject: AuditSubject(enterprise: code),
                          before: before.resumption, after: after.resumption)
            } else {
                try audit(db, actor, .editEnterprise, subject: AuditSubject(enterprise: code), before: before, after: after)
            }
            return after
        }
    }

    @discardableResult
    public func setResumption(_ code: RecordCode, _ resumption: Resumption, by actor: Operator) throws -> Enterprise {
        try editEnterprise(code, EnterpriseChanges(resumption: resumption), by: actor)
    }

    public func addOperator(_ newOperator: Operator, by actor: Operator) throws {
        try write { db in
            try authorize(db, actor, .manageOperators) { _ in nil }
            try OperatorRules.check(newOperator)
            if try Self.fetchOperator(db, login: newOperator.login) != nil {
                throw TandemError.duplicateOperator(newOperator.login)
            }
            try Self.checkRole(db, newOperator.role)
            try db.execute(sql: "INSERT INTO operator (\(RowDecoding.operatorColumns)) VALUES (?, ?, ?, ?, ?)",
                           arguments: RowDecoding.operatorArguments(newOperator))
            try audit(db, actor, .addOperator, subject: Self.subject(of: newOperator), before: nil as Operator?, after: newOperator)
        }
    }

    /// Changes only the fields in `changes`, applied to the operator as the table holds them
    /// inside the write transaction (two admins changing the name and the role both take effect).
    @discardableResult
    public func editOperator(login: String, _ changes: OperatorChanges, by actor: Operator) throws -> Operator {
        try changes.check()
        return try write { db in
            try authorize(db, actor, .manageOperators) { _ in nil }
            guard let before = try Self.fetchOperator(db, login: login) else { throw TandemError.unknownOperator(login) }
            let after = changes.applied(to: before)
            var columns: [(String, (any DatabaseValueConvertible)?)] = []
            if changes.displayName != nil { columns.append(("display_name", after.displayName)) }
            if let role = changes.role {
                try Self.checkRole(db, role)
                let admins = try Int.fetchOne(db, sql: "SELECT count(*) FROM operator WHERE role = 'admin'") ?? 0
                try AdminSuccession.require(before: before, after: after, adminCount: admins)
                columns += RowDecoding.roleColumns(role)
            }
            try Self.update(db, table: "operator", key: ("login", before.login), columns)
            try audit(db, actor, .editOperator, subject: Self.subject(of: after, before: before), before: before, after: after)
            return after
        }
    }

    // MARK: - Pairing

    @discardableResult
    public func pair(branch: RecordCode, enterprise: RecordCode, by actor: Operator) throws -> Pairing {
        try write { db in try insertPairing(db, branch: branch, enterprise: enterprise, actor: actor) }
    }

    @discardableResult
    public func pairAll(_ pairs: [(branch: RecordCode, enterprise: RecordCode)], ending: [RecordCode], reason: String,
                        by actor: Operator) throws -> [Pairing] {
        try TextRules.check(.reason, reason)
        return try write { db in
            for enterprise in ending { _ = try endPairing(db, enterprise, reason: reason, actor: actor) }
            let written = try pairs.map { try insertPairing(db, branch: $0.branch, enterprise: $0.enterprise, actor: actor) }
            try audit(db, actor, .applyPlan, subject: .database, before: nil as String?,
                      after: PlanSummary(pairs: written.count, ended: ending.count, reason: reason))
            return written
        }
    }

    private func insertPairing(_ db: Database, branch branchCode: RecordCode, enterprise enterpriseCode: RecordCode,
                               actor: Operator) throws -> Pairing {
        try authorize(db, actor, .pair) { _ in nil }
        let branch = try Self.fetchBranch(db, branchCode)
        let enterprise = try Self.fetchEnterprise(db, enterpriseCode)
        try PairingRules.checkCanPair(branch: branch, enterprise: enterprise,
                                      branchPairing: try Self.activePairing(db, branch: branchCode),
                                      enterprisePairing: try Self.activePairing(db, enterprise: enterpriseCode))
        let at = timestamp()
        try db.execute(sql: """
            INSERT INTO pairing (branch_number, enterprise_number, started_at, started_by) VALUES (?, ?, ?, ?)
            """, arguments: [branchCode.number, enterpriseCode.number, at.description, actor.login])
        let pairing = Pairing(id: db.lastInsertedRowID, branchCode: branchCode, enterpriseCode: enterpriseCode,
                              startedAt: at, startedBy: actor.login)
        try audit(db, actor, .pair, subject: AuditSubject(enterprise: enterpriseCode, branch: branchCode), before: nil as Pairing?, after: pairing)
        return pairing
    }

    @discardableResult
    public func unpair(_ code: RecordCode, reason: String, by actor: Operator) throws -> Pairing {
        try TextRules.check(.reason, reason)
        return try write { db in try endPairing(db, code, reason: reason, actor: actor) }
    }

    /// Ends the active pairing of a branch or enterprise, keeping it in history.
    private func endPairing(_ db: Database, _ code: RecordCode, reason: String, actor: Operator) throws -> Pairing {
        try authorize(db, actor, .unpair) { _ in nil }
        let existing: Pairing?
        switch code.kind {
        case .branch:
            _ = try Self.fetchBranch(db, code)
            existing = try Self.activePairing(db, branch: code)
        case .enterprise:
            _ = try Self.fetchEnterprise(db, code)
            existing = try Self.activePairing(db, enterprise: code)
        case .request:
            throw TandemError.malformedCode(.branch, code.description)
        }
        guard let before = existing else { throw TandemError.notPaired(code) }
        var after = before
        after.endedAt = timestamp()
        after.endedBy = actor.login
        after.endReason = reason.trimmingWhitespace()
        try db.execute(sql: "UPDATE pairing SET ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ?",
                       arguments: [after.endedAt?.description, after.endedBy, after.endReason, after.id])
        try audit(db, actor, .unpair, subject: AuditSubject(enterprise: before.enterpriseCode, branch: before.branchCode), before: before, after: after)
        return after
    }

    // MARK: - Requests

    @discardableResult
    public func addRequest(_ draft: RequestDraft, catalog: Catalog, by actor: Operator) throws -> Request {
        try write { db in
            _ = try Self.fetchEnterprise(db, draft.enterpriseCode)
            let paired = try Self.activePairing(db, enterprise: draft.enterpriseCode)?.branchCode
            try authorize(db, actor, .fileRequest(enterprise: draft.enterpriseCode)) { $0 == draft.enterpriseCode ? paired : nil }
            let valid = try RequestRules.validate(draft, catalog: catalog, today: today())
            var request = Request(code: RecordCode(.request, 0), enterpriseCode: draft.enterpriseCode, category: valid.category.code,
                                  item: valid.item.code, quantity: valid.quantity, unit: valid.unit.code,
                                  priority: draft.priority, due: draft.due, notes: draft.notes, filed: today())
            try db.execute(sql: """
                INSERT INTO request (enterprise_number, category, item, quantity, unit, delivered, priority, due, status, notes, filed,
                                     completed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: RowDecoding.requestArguments(request))
            request.code = RecordCode(.request, Int(db.lastInsertedRowID))
            try audit(db, actor, .addRequest, subject: AuditSubject(enterprise: request.enterpriseCode, request: request.code), before: nil as Request?, after: request)
            return request
        }
    }

    @discardableResult
    public func deliver(_ code: RecordCode, quantity: Quantity, note: String, allowOver: Bool, by actor: Operator) throws -> Request {
        try TextRules.check(.note, note)
        return try changeRequest(code, action: .deliver, actor: actor, permission: { .workRequest(enterprise: $0) }) { db, request in
            let after = try RequestRules.deliver(request, quantity: quantity, allowOver: allowOver, on: today())
            try db.execute(sql: """
                INSERT INTO delivery (request_number, quantity, note, operator_login, at, over_delivery) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [code.number, quantity.thousandths, note, actor.login, timestamp().description,
                                 quantity > request.remaining])
            return after
        }
    }

    @discardableResult
    public func correctDelivery(_ code: RecordCode, delivery id: Int64, quantity: Quantity, reason: String, allowOver: Bool,
                                by actor: Operator) throws -> Request {
        guard !reason.trimmingWhitespace().isEmpty else { throw TandemError.reasonRequired }
        try TextRules.check(.reason, reason)
        return try write { db in
            let request = try Self.fetchRequest(db, code)
            guard let delivery = try db.fetchRawOne("SELECT \(RowDecoding.deliveryColumns) FROM delivery WHERE id = ? AND request_number = ?",
                                                    arguments: [id, code.number], RowDecoding.delivery) else {
                throw TandemError.cannotCorrect(request: code, delivery: id,
                                                reason: Bilingual(zh: "\(code) 没有这笔送达", en: "\(code) has no such delivery"))
            }
            let enterprise = request.enterpriseCode
            let paired = try Self.activePairing(db, enterprise: enterprise)?.branchCode
            try authorize(db, actor, .correctDelivery(enterprise: enterprise, recordedBy: delivery.operatorLogin)) { $0 == enterprise ? paired : nil }
            let reversedBefore = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM delivery WHERE reverses = ?)", arguments: [id]) ?? false
            let correction = try RequestRules.correct(request, delivery: delivery, alreadyReversed: reversedBefore, to: quantity,
                                                      allowOver: allowOver, on: today())
            let subject = AuditSubject(enterprise: enterprise, request: code)
            let at = timestamp().description
            try db.execute(sql: """
                INSERT INTO delivery (request_number, quantity, note, operator_login, at, over_delivery, reverses) VALUES (?, ?, ?, ?, ?, 0, ?)
                """, arguments: [code.number, delivery.quantity.thousandths, reason, actor.login, at, id])
            try saveRequestState(db, correction.reversed)
            try audit(db, actor, .correctDelivery, subject: subject, before: request, after: correction.reversed)
            if let corrected = correction.corrected {
                try db.execute(sql: """
                    INSERT INTO delivery (request_number, quantity, note, operator_login, at, over_delivery) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [code.number, quantity.thousandths, reason, actor.login, at, corrected.delivered > corrected.quantity])
                try saveRequestState(db, corrected)
                try audit(db, actor, .deliver, subject: subject, before: correction.reversed, after: corrected)
            }
            return correction.result
        }
    }

    private func saveRequestState(_ db: Database, _ request: Request) throws {
        try db.execute(sql: "UPDATE request SET delivered = ?, status = ?, notes = ?, completed = ? WHERE number = ?",
                       arguments: [request.delivered.thousandths, request.status.rawValue, request.notes,
                                   request.completed?.description, request.code.number])
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
                               note: String? = nil, _ change: (Database, Request) throws -> Request) throws -> Request {
        if let note { try TextRules.check(.reason, note) }
        return try write { db in
            let before = try Self.fetchRequest(db, code)
            let enterprise = before.enterpriseCode
            let paired = try Self.activePairing(db, enterprise: enterprise)?.branchCode
            try authorize(db, actor, permission(enterprise)) { $0 == enterprise ? paired : nil }
            var after = try change(db, before)
            if let note, !note.isEmpty {
                after.notes = before.notes.isEmpty ? note : before.notes + "\n" + note
            }
            try db.execute(sql: "UPDATE request SET delivered = ?, status = ?, notes = ?, completed = ? WHERE number = ?",
                           arguments: [after.delivered.thousandths, after.status.rawValue, after.notes,
                                       after.completed?.description, code.number])
            try audit(db, actor, action, subject: AuditSubject(enterprise: enterprise, request: code), before: before, after: after)
            return after
        }
    }

    /// What `pairAll` records beside each pairing's own event.
    private struct PlanSummary: Encodable {
        var pairs: Int
        var ended: Int
        var reason: String
    }

    /// An operator event names the operator and, for a lead, the branch it leads (or led, when the
    /// change takes the role away), so a branch's history shows who came to lead it and who stopped.
    static func subject(of changed: Operator, before: Operator? = nil) -> AuditSubject {
        func ledBranch(_ op: Operator?) -> RecordCode? {
            if case .branchLead(let branch)? = op?.role { return branch }
            return nil
        }
        return AuditSubject(branch: ledBranch(changed) ?? ledBranch(before), login: changed.login)
    }

    // MARK: - Checks

    /// Writes only `columns` of one row: an edit never writes back fields it did not change.
    static func update(_ db: Database, table: String, number: Int, _ columns: [(String, (any DatabaseValueConvertible)?)]) throws {
        try update(db, table: table, key: ("number", number), columns)
    }

    /// The same for a row found by another key column (an operator by login).
    static func update(_ db: Database, table: String, key: (column: String, value: any DatabaseValueConvertible),
                       _ columns: [(String, (any DatabaseValueConvertible)?)]) throws {
        guard !columns.isEmpty else { return }
        let assignments = columns.map { "\($0.0) = ?" }.joined(separator: ", ")
        try db.execute(sql: "UPDATE \(table) SET \(assignments) WHERE \(key.column) = ?",
                       arguments: StatementArguments(columns.map(\.1) + [key.value]))
    }

    /// The actor as the operator table says now, inside the write transaction: a removed
    /// operator is refused, and a demoted one is judged by their new role, even in a console
    /// opened before the change.
    func authorize(_ db: Database, _ actor: Operator, _ action: Action, pairedBranch: (RecordCode) -> RecordCode?) throws {
        guard let current = try Self.fetchOperator(db, login: actor.login) else {
            throw TandemError.operatorRemoved(login: actor.login)
        }
        guard let reason = Permissions.denial(current, action, pairedBranch: pairedBranch) else { return }
        if current.role != actor.role {
            throw TandemError.notAllowed(action: action.name, reason: Bilingual(
                zh: "您的角色已改为\(current.role.label(.zh))；\(reason.zh)",
                en: "your role is now \(current.role.label(.en)); \(reason.en)"))
        }
        throw TandemError.notAllowed(action: action.name, reason: reason)
    }

    /// What the schema cannot say in a way a user understands: a known district, a name, a sane count.
    static func check(_ db: Database, _ branch: Branch) throws {
        try RecordRules.check(branch)
        try checkDistrict(db, branch.districtCode)
    }

    static func check(_ db: Database, _ enterprise: Enterprise) throws {
        try RecordRules.check(enterprise)
        try checkDistrict(db, enterprise.districtCode)
    }

    static func checkDistrict(_ db: Database, _ code: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM district WHERE code = ?", arguments: [code]) == true else {
            throw TandemError.unknownDistrict(code)
        }
    }

    static func checkRole(_ db: Database, _ role: Role) throws {
        switch role {
        case .branchLead(let branch): _ = try fetchBranch(db, branch)
        case .supervisor(let group?):
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM supervision_group WHERE number = ?", arguments: [group]) == true else {
                throw TandemError.unknownGroup(String(group))
            }
        default: break
        }
    }
}
