import GRDB
import TandemCore

/// Column lists and row decoders, kept beside each other so the two never drift apart.
/// Decoding by position keeps snapshot loading fast on large cities. A value that is not one
/// the code knows is an error naming the table, row and column (`CorruptRow`), never a default.
enum RowDecoding {
    static let branchColumns = "number, name, district_code, headcount, capabilities, active"
    /// A branch decoder for one read; it shares the capability sets of equal lists.
    static func branchDecoder() -> (RawRow) -> Branch {
        let lists = CapabilityLists()
        return { row in
            Branch(code: RecordCode(.branch, row.int(0)), name: row.text(1), districtCode: row.text(2), headcount: row.int(3),
                   capabilities: lists.decode(row, 4), active: row.bool(5))
        }
    }
    static func branchArguments(_ branch: Branch) -> StatementArguments {
        [branch.name, branch.districtCode, branch.headcount, branch.sortedCapabilities.map(\.code).joined(separator: ","),
         branch.active]
    }

    static let enterpriseColumns = """
        number, name, kind, district_code, address, lat, lon, contact_name, contact_phone, \
        disabled_employees, resumption_percent
        """
    static func enterprise(_ row: RawRow) throws -> Enterprise {
        let code = RecordCode(.enterprise, row.int(0))
        let lat = row.optionalDouble(5), lon = row.optionalDouble(6)
        return Enterprise(code: code, name: row.text(1),
                          kind: try known(EnterpriseKind(rawValue: row.text(2)), row, 2, "enterprise", code, "kind"),
                          districtCode: row.text(3), address: row.text(4),
                          location: lat.flatMap { lat in lon.map { GeoPoint(lat: lat, lon: $0) } },
                          contactName: row.text(7), contactPhone: row.text(8), disabledEmployees: row.int(9),
                          resumption: resumption(percent: row.int(10)))
    }
    static func enterpriseArguments(_ e: Enterprise) -> StatementArguments {
        [e.name, e.kind.rawValue, e.districtCode, e.address, e.location?.lat, e.location?.lon, e.contactName,
         e.contactPhone, e.disabledEmployees, e.resumption.percent]
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
    static func request(_ row: RawRow) throws -> Request {
        let code = RecordCode(.request, row.int(0))
        return Request(code: code, enterpriseCode: RecordCode(.enterprise, row.int(1)),
                       category: row.text(2), item: row.text(3), quantity: Quantity(thousandths: row.int64(4)), unit: row.text(5),
                       delivered: Quantity(thousandths: row.int64(6)),
                       priority: try known(Priority(rawValue: row.int(7)), row, 7, "request", code, "priority"),
                       due: try optionalDay(row, 8, "request", code, "due"),
                       status: try known(RequestStatus(rawValue: row.text(9)), row, 9, "request", code, "status"),
                       notes: row.text(10),
                       filed: try known(row.day(11), row, 11, "request", code, "filed", expected: "a day (YYYY-MM-DD)"),
                       completed: try optionalDay(row, 12, "request", code, "completed"))
    }
    static func requestArguments(_ r: Request) -> StatementArguments {
        [r.enterpriseCode.number, r.category, r.item, r.quantity.thousandths, r.unit, r.delivered.thousandths,
         r.priority.rawValue, r.due?.description, r.status.rawValue, r.notes, r.filed.description,
         r.completed?.description]
    }

    static let pairingColumns = "id, branch_number, enterprise_number, started_at, started_by, ended_at, ended_by, end_reason"
    static func pairing(_ row: RawRow) throws -> Pairing {
        let id = row.int64(0)
        return Pairing(id: id, branchCode: RecordCode(.branch, row.int(1)), enterpriseCode: RecordCode(.enterprise, row.int(2)),
                       startedAt: try timestamp(row, 3, "pairing", id, "started_at"), startedBy: row.text(4),
                       endedAt: row.isNull(5) ? nil : try timestamp(row, 5, "pairing", id, "ended_at"),
                       endedBy: row.optionalText(6), endReason: row.optionalText(7))
    }

    static let operatorColumns = "login, display_name, role, branch_number, group_number"
    static func `operator`(_ row: RawRow) throws -> Operator {
        let login = row.text(0)
        let role: Role
        switch row.text(2) {
        case "dispatcher": role = .dispatcher
        case "lead":
            let branch = try known(row.optionalInt(3), row, 3, "operator", login, "branch_number", expected: "a branch number")
            role = .branchLead(branch: RecordCode(.branch, branch))
        case "supervisor": role = .supervisor(group: row.optionalInt(4))
        case "admin": role = .admin
        default:
            throw CorruptRow(table: "operator", key: login, column: "role", value: row.optionalText(2),
                             expected: CorruptRow.oneOf(["dispatcher", "lead", "supervisor", "admin"]))
        }
        return Operator(login: login, displayName: row.text(1), role: role)
    }
    static func operatorArguments(_ op: Operator) -> StatementArguments {
        StatementArguments([op.login, op.displayName] + roleColumns(op.role).map(\.1))
    }

    /// The three columns that hold a role: its kind, a lead's branch, a supervisor's group.
    static func roleColumns(_ role: Role) -> [(String, (any DatabaseValueConvertible)?)] {
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
    static func delivery(_ row: RawRow) throws -> Delivery {
        Delivery(id: row.int64(0), reverses: row.isNull(7) ? nil : row.int64(7), requestCode: RecordCode(.request, row.int(1)), quantity: Quantity(thousandths: row.int64(2)), note: row.text(3),
                 operatorLogin: row.text(4), at: try timestamp(row, 5, "delivery", row.int64(0), "at"), overDelivery: row.bool(6))
    }

    /// An event's columns after its id (`AuditChain.append` writes them with the hash columns).
    static let auditWrittenColumns = """
        at, operator_login, action, enterprise_number, branch_number, request_number, subject_login, before, after
        """
    static let auditColumns = "id, " + auditWrittenColumns
    static func audit(_ row: RawRow) throws -> AuditEvent {
        let id = row.int64(0)
        let subject = AuditSubject(enterprise: row.optionalInt(4).map { RecordCode(.enterprise, $0) },
                                   branch: row.optionalInt(5).map { RecordCode(.branch, $0) },
                                   request: row.optionalInt(6).map { RecordCode(.request, $0) }, login: row.optionalText(7))
        return AuditEvent(id: id, at: try timestamp(row, 1, "audit_event", id, "at"), operatorLogin: row.text(2),
                          action: try known(AuditAction(rawValue: row.text(3)), row, 3, "audit_event", id, "action"),
                          subject: subject, before: row.text(8), after: row.text(9))
    }
    // MARK: - Checked values

    /// `value`, or an error naming the row when the stored value is not one the code knows.
    private static func known<T, Key: CustomStringConvertible>(_ value: T?, _ row: RawRow, _ column: Int32, _ table: String,
                                                               _ key: Key, _ name: String, expected: String? = nil) throws -> T {
        if let value { return value }
        throw CorruptRow(table: table, key: key.description, column: name, value: row.optionalText(column),
                         expected: expected ?? Self.expected(T.self))
    }

    private static func optionalDay(_ row: RawRow, _ column: Int32, _ table: String, _ key: RecordCode, _ name: String) throws -> Day? {
        if row.isNull(column) { return nil }
        return try known(row.day(column), row, column, table, key, name, expected: "a day (YYYY-MM-DD)")
    }

    /// Timestamps are stored in one canonical form (`2026-11-30T14:53:12.345Z`), which also sorts as text.
    private static func timestamp<Key: CustomStringConvertible>(_ row: RawRow, _ column: Int32, _ table: String, _ key: Key,
                                                                _ name: String) throws -> Timestamp {
        try known(row.timestamp(column), row, column, table, key, name, expected: "a timestamp (2026-11-30T14:53:12.345Z)")
    }

    private static func expected<T>(_ type: T.Type) -> String {
        switch type {
        case is EnterpriseKind.Type: CorruptRow.oneOf(EnterpriseKind.allCases.map(\.rawValue))
        case is RequestStatus.Type: CorruptRow.oneOf(RequestStatus.allCases.map(\.rawValue))
        case is Priority.Type: CorruptRow.oneOf(Priority.allCases.map { String($0.rawValue) })
        case is AuditAction.Type: "a known action"
        default: "a known value"
        }
    }
}
