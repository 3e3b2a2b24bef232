import TandemCore

/// Column lists, row decoders and statement parameters of the core records, beside each other
/// so they never drift apart (the SQLite store's `RowDecoding`, in PostgreSQL's types). A value
/// the code does not know is an error naming the table, row and column, never a default.
enum PostgresRecords {
    static let branchColumns = "number, name, district_code, headcount, capabilities, active"
    static func branch(_ row: PostgresRow) throws -> Branch {
        let capabilities: String = try row.value("capabilities")
        return Branch(code: RecordCode(.branch, try row.value("number")), name: try row.value("name"),
                      districtCode: try row.value("district_code"), headcount: try row.value("headcount"),
                      capabilities: Set(capabilities.split(separator: ",").map { Capability(code: String($0)) }),
                      active: try row.value("active"))
    }
    static func branchParameters(_ branch: Branch) -> [(any PostgresBindable)?] {
        [branch.name, branch.districtCode, branch.headcount, branch.sortedCapabilities.map(\.code).joined(separator: ","), branch.active]
    }

    static let enterpriseColumns = """
        number, name, kind, district_code, address, lat, lon, contact_name, contact_phone, disabled_employees, resumption_percent
        """
    static func enterprise(_ row: PostgresRow) throws -> Enterprise {
        let code = RecordCode(.enterprise, try row.value("number"))
        let lat: Double? = try row.optional("lat"), lon: Double? = try row.optional("lon")
        return Enterprise(code: code, name: try row.value("name"),
                          kind: try known(EnterpriseKind(rawValue: try row.value("kind")), row, "kind", "enterprise", code,
                                          expected: oneOf(EnterpriseKind.allCases.map(\.rawValue))),
                          districtCode: try row.value("district_code"), address: try row.value("address"),
                          location: lat.flatMap { lat in lon.map { GeoPoint(lat: lat, lon: $0) } },
                          contactName: try row.value("contact_name"), contactPhone: try row.value("contact_phone"),
                          disabledEmployees: try row.value("disabled_employees"),
                          resumption: resumption(percent: try row.value("resumption_percent")))
    }
    static func enterpriseParameters(_ e: Enterprise) -> [(any PostgresBindable)?] {
        [e.name, e.kind.rawValue, e.districtCode, e.address, e.location?.lat, e.location?.lon, e.contactName, e.contactPhone,
         e.disabledEmployees, e.resumption.percent]
    }
    static func resumption(percent: Int) -> Resumption {
        switch percent {
        case ...0: .closed
        case 100...: .resumed
        default: .partial(percent: percent)
        }
    }

    static let requestColumns = """
        number, enterprise_number, category, item, quantity, unit, delivered, priority, due, status, notes, filed, completed
        """
    static func request(_ row: PostgresRow) throws -> Request {
        let code = RecordCode(.request, try row.value("number"))
        return Request(code: code, enterpriseCode: RecordCode(.enterprise, try row.value("enterprise_number")),
                       category: try row.value("category"), item: try row.value("item"),
                       quantity: Quantity(thousandths: try row.value("quantity")), unit: try row.value("unit"),
                       delivered: Quantity(thousandths: try row.value("delivered")),
                       priority: try known(Priority(rawValue: try row.value("priority")), row, "priority", "request", code,
                                           expected: oneOf(Priority.allCases.map { String($0.rawValue) })),
                       due: try row.optional("due"),
                       status: try known(RequestStatus(rawValue: try row.value("status")), row, "status", "request", code,
                                         expected: oneOf(RequestStatus.allCases.map(\.rawValue))),
                       notes: try row.value("notes"), filed: try row.value("filed"), completed: try row.optional("completed"))
    }
    static func requestParameters(_ r: Request) -> [(any PostgresBindable)?] {
        [r.enterpriseCode.number, r.category, r.item, r.quantity.thousandths, r.unit, r.delivered.thousandths, r.priority.rawValue,
         r.due, r.status.rawValue, r.notes, r.filed, r.completed]
    }

    static let pairingColumns = "id, branch_number, enterprise_number, started_at, started_by, ended_at, ended_by, end_reason"
    static func pairing(_ row: PostgresRow) throws -> Pairing {
        Pairing(id: try row.value("id"), branchCode: RecordCode(.branch, try row.value("branch_number")),
                enterpriseCode: RecordCode(.enterprise, try row.value("enterprise_number")),
                startedAt: try row.value("started_at"), startedBy: try row.value("started_by"),
                endedAt: try row.optional("ended_at"), endedBy: try row.optional("ended_by"), endReason: try row.optional("end_reason"))
    }

    static let operatorColumns = "login, display_name, role, branch_number, group_number"
    static func `operator`(_ row: PostgresRow) throws -> Operator {
        let login: String = try row.value("login")
        let role: Role
        switch try row.value("role") as String {
        case "dispatcher": role = .dispatcher
        case "lead":
            let branch: Int = try known(try row.optional("branch_number"), row, "branch_number", "operator", login,
                                        expected: "a branch number")
            role = .branchLead(branch: RecordCode(.branch, branch))
        case "supervisor": role = .supervisor(group: try row.optional("group_number"))
        case "admin": role = .admin
        case let other:
            throw TandemError.databaseCorrupt(path: "", detail: "operator \(login): role '\(other)' is not "
                                              + oneOf(["dispatcher", "lead", "supervisor", "admin"]))
        }
        return Operator(login: login, displayName: try row.value("display_name"), role: role)
    }
    static func operatorParameters(_ op: Operator) -> [(any PostgresBindable)?] {
        [op.login, op.displayName] + roleColumns(op.role).map(\.value)
    }

    /// The three columns that hold a role: its kind, a lead's branch, a supervisor's group.
    static func roleColumns(_ role: Role) -> [(column: String, value: (any PostgresBindable)?)] {
        var branch: Int?
        var group: Int?
        switch role {
        case .branchLead(let code): branch = code.number
        case .supervisor(let number): group = number
        default: break
        }
        return [("role", role.kind), ("branch_number", branch), ("group_number", group)]
    }

    static let deliveryColumns = "id, request_number, quantity, note, operator_login, at, over_delivery, reverses"
    static func delivery(_ row: PostgresRow) throws -> Delivery {
        Delivery(id: try row.value("id"), reverses: try row.optional("reverses"),
                 requestCode: RecordCode(.request, try row.value("request_number")),
                 quantity: Quantity(thousandths: try row.value("quantity")), note: try row.value("note"),
                 operatorLogin: try row.value("operator_login"), at: try row.value("at"), overDelivery: try row.value("over_delivery"))
    }

    static let auditColumns = """
        id, at, operator_login, action, enterprise_number, branch_number, request_number, subject_login, before, after
        """
    static func audit(_ row: PostgresRow) throws -> AuditEvent {
        let id: Int64 = try row.value("id")
        let subject = AuditSubject(enterprise: try row.optional("enterprise_number").map { RecordCode(.enterprise, $0) },
                                   branch: try row.optional("branch_number").map { RecordCode(.branch, $0) },
                                   request: try row.optional("request_number").map { RecordCode(.request, $0) },
                                   login: try row.optional("subject_login"))
        return AuditEvent(id: id, at: try row.value("at"), operatorLogin: try row.value("operator_login"),
                          action: try known(AuditAction(rawValue: try row.value("action")), row, "action", "audit_event", id,
                                            expected: "a known action"),
                          subject: subject, before: try row.value("before"), after: try row.value("after"))
    }

    /// `value`, or an error naming the row when the stored value is not one the code knows.
    private static func known<T, Key: CustomStringConvertible>(_ value: T?, _ row: PostgresRow, _ column: String, _ table: String,
                                                               _ key: Key, expected: @autoclosure () -> String) throws -> T {
        if let value { return value }
        let stored: String? = try? row.optional(column)
        throw TandemError.databaseCorrupt(path: "", detail: "\(table) \(key): \(column) \(stored.map { "'\($0)'" } ?? "NULL") is not \(expected())")
    }

    private static func oneOf(_ values: [String]) -> String { "one of " + values.joined(separator: ", ") }
}
