import GRDB
import TandemCore

/// Column lists and row decoders, kept beside each other so the two never drift apart.
/// Decoding by position keeps snapshot loading fast on large cities.
enum RowDecoding {
    static let branchColumns = "number, name, district_code, lead_login, headcount, capabilities, active"
    /// A branch decoder for one read; it shares the capability sets of equal lists.
    static func branchDecoder() -> (RawRow) -> Branch {
        let lists = CapabilityLists()
        return { row in
            Branch(code: RecordCode(.branch, row.int(0)), name: row.text(1), districtCode: row.text(2), leadLogin: row.optionalText(3),
                   headcount: row.int(4), capabilities: lists.decode(row, 5), active: row.bool(6))
        }
    }
    static func branchArguments(_ branch: Branch) -> StatementArguments {
        [branch.name, branch.districtCode, branch.leadLogin, branch.headcount,
         branch.sortedCapabilities.map(\.code).joined(separator: ","), branch.active]
    }

    static let enterpriseColumns = """
        number, name, kind, district_code, address, lat, lon, contact_name, contact_phone, \
        disabled_employees, resumption_percent
        """
    static func enterprise(_ row: RawRow) -> Enterprise {
        let lat = row.optionalDouble(5), lon = row.optionalDouble(6)
        return Enterprise(code: RecordCode(.enterprise, row.int(0)), name: row.text(1),
                          kind: EnterpriseKind(rawValue: row.text(2)) ?? .enterprise, districtCode: row.text(3), address: row.text(4),
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
    static func request(_ row: RawRow) -> Request {
        Request(code: RecordCode(.request, row.int(0)), enterpriseCode: RecordCode(.enterprise, row.int(1)),
                category: row.text(2), item: row.text(3), quantity: Quantity(thousandths: row.int64(4)), unit: row.text(5),
                delivered: Quantity(thousandths: row.int64(6)), priority: Priority(rawValue: row.int(7)) ?? .normal,
                due: row.day(8), status: RequestStatus(rawValue: row.text(9)) ?? .open, notes: row.text(10),
                filed: row.day(11) ?? Day(year: 1970, month: 1, day: 1), completed: row.day(12))
    }
    static func requestArguments(_ r: Request) -> StatementArguments {
        [r.enterpriseCode.number, r.category, r.item, r.quantity.thousandths, r.unit, r.delivered.thousandths,
         r.priority.rawValue, r.due?.description, r.status.rawValue, r.notes, r.filed.description,
         r.completed?.description]
    }

    static let pairingColumns = "id, branch_number, enterprise_number, started_at, started_by, ended_at, ended_by, end_reason"
    static func pairing(_ row: RawRow) -> Pairing {
        Pairing(id: row.int64(0), branchCode: RecordCode(.branch, row.int(1)), enterpriseCode: RecordCode(.enterprise, row.int(2)),
                startedAt: row.text(3), startedBy: row.text(4), endedAt: row.optionalText(5), endedBy: row.optionalText(6),
                endReason: row.optionalText(7))
    }

    static let operatorColumns = "login, display_name, role, branch_number, group_number"
    static func `operator`(_ row: RawRow) -> Operator {
        let role: Role = switch row.text(2) {
        case "lead": .branchLead(branch: RecordCode(.branch, row.optionalInt(3) ?? 0))
        case "supervisor": .supervisor(group: row.optionalInt(4))
        case "admin": .admin
        default: .dispatcher
        }
        return Operator(login: row.text(0), displayName: row.text(1), role: role)
    }
    static func operatorArguments(_ op: Operator) -> StatementArguments {
        var branch: Int?
        var group: Int?
        switch op.role {
        case .branchLead(let code): branch = code.number
        case .supervisor(let number): group = number
        default: break
        }
        return [op.login, op.displayName, op.role.kind, branch, group]
    }

    static let deliveryColumns = "request_number, quantity, note, operator_login, at, over_delivery"
    static func delivery(_ row: RawRow) -> Delivery {
        Delivery(requestCode: RecordCode(.request, row.int(0)), quantity: Quantity(thousandths: row.int64(1)), note: row.text(2),
                 operatorLogin: row.text(3), at: row.text(4), overDelivery: row.bool(5))
    }

    static let auditColumns = "id, at, operator_login, action, subject, before, after"
    static func audit(_ row: RawRow) -> AuditEvent {
        AuditEvent(id: row.int64(0), at: row.text(1), operatorLogin: row.text(2), action: row.text(3), subject: row.text(4),
                   before: row.text(5), after: row.text(6))
    }
}
