import GRDB
import TandemCore

/// Column lists and row decoders, kept beside each other so the two never drift apart.
/// Decoding by position keeps snapshot loading fast on large cities.
enum RowDecoding {
    static let branchColumns = "number, name, district_code, lead_login, headcount, capabilities, active"
    static func branch(_ row: Row) -> Branch {
        let capabilities = (row[5] as String).split(separator: ",").compactMap { Capability(rawValue: String($0)) }
        return Branch(code: RecordCode(.branch, row[0]), name: row[1], districtCode: row[2], leadLogin: row[3],
                      headcount: row[4], capabilities: Set(capabilities), active: row[6])
    }
    static func branchArguments(_ branch: Branch) -> StatementArguments {
        [branch.name, branch.districtCode, branch.leadLogin, branch.headcount,
         branch.sortedCapabilities.map(\.rawValue).joined(separator: ","), branch.active]
    }

    static let enterpriseColumns = """
        number, name, kind, district_code, address, lat, lon, contact_name, contact_phone, \
        disabled_employees, resumption_percent
        """
    static func enterprise(_ row: Row) -> Enterprise {
        let lat: Double? = row[5]
        let lon: Double? = row[6]
        let percent: Int = row[10]
        return Enterprise(code: RecordCode(.enterprise, row[0]), name: row[1],
                          kind: EnterpriseKind(rawValue: row[2]) ?? .enterprise, districtCode: row[3], address: row[4],
                          location: lat.flatMap { lat in lon.map { GeoPoint(lat: lat, lon: $0) } },
                          contactName: row[7], contactPhone: row[8], disabledEmployees: row[9],
                          resumption: resumption(percent: percent))
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
    static func request(_ row: Row) -> Request {
        let due: String? = row[8]
        let filed: String = row[11]
        return Request(code: RecordCode(.request, row[0]), enterpriseCode: RecordCode(.enterprise, row[1]),
                       category: row[2], item: row[3], quantity: Quantity(thousandths: row[4]), unit: row[5],
                       delivered: Quantity(thousandths: row[6]), priority: Priority(rawValue: row[7]) ?? .normal,
                       due: due.flatMap(Day.init(parsing:)), status: RequestStatus(rawValue: row[9]) ?? .open,
                       notes: row[10], filed: Day(parsing: filed) ?? Day(year: 1970, month: 1, day: 1),
                       completed: (row[12] as String?).flatMap(Day.init(parsing:)))
    }
    static func requestArguments(_ r: Request) -> StatementArguments {
        [r.enterpriseCode.number, r.category, r.item, r.quantity.thousandths, r.unit, r.delivered.thousandths,
         r.priority.rawValue, r.due?.description, r.status.rawValue, r.notes, r.filed.description,
         r.completed?.description]
    }

    static let pairingColumns = "id, branch_number, enterprise_number, started_at, started_by, ended_at, ended_by, end_reason"
    static func pairing(_ row: Row) -> Pairing {
        Pairing(id: row[0], branchCode: RecordCode(.branch, row[1]), enterpriseCode: RecordCode(.enterprise, row[2]),
                startedAt: row[3], startedBy: row[4], endedAt: row[5], endedBy: row[6], endReason: row[7])
    }

    static let operatorColumns = "login, display_name, role, branch_number, group_number"
    static func `operator`(_ row: Row) -> Operator {
        let kind: String = row[2]
        let branch: Int? = row[3]
        let group: Int? = row[4]
        let role: Role = switch kind {
        case "lead": .branchLead(branch: RecordCode(.branch, branch ?? 0))
        case "supervisor": .supervisor(group: group)
        case "admin": .admin
        default: .dispatcher
        }
        return Operator(login: row[0], displayName: row[1], role: role)
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
    static func delivery(_ row: Row) -> Delivery {
        Delivery(requestCode: RecordCode(.request, row[0]), quantity: Quantity(thousandths: row[1]), note: row[2],
                 operatorLogin: row[3], at: row[4], overDelivery: row[5])
    }

    static let auditColumns = "id, at, operator_login, action, subject, before, after"
    static func audit(_ row: Row) -> AuditEvent {
        AuditEvent(id: row[0], at: row[1], operatorLogin: row[2], action: row[3], subject: row[4], before: row[5], after: row[6])
    }
}
