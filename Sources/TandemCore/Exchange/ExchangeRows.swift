/// Records as table rows of raw values: codes, numbers as numbers, ISO dates, empty for none.
/// Export writes these; import compares against them, so that an exported file imports as
/// "unchanged" and an edited cell shows as exactly one change.
public enum ExchangeRows {
    public static func enterprise(_ e: Enterprise, field: String) -> TableCell {
        switch field {
        case "code": .text(e.code.description)
        case "name": .text(e.name)
        case "kind": .text(e.kind.rawValue)
        case "district": .text(e.districtCode)
        case "address": .optionalText(e.address)
        case "lat": e.location.map { .number(decimal($0.lat)) } ?? .empty
        case "lon": e.location.map { .number(decimal($0.lon)) } ?? .empty
        case "contact": .optionalText(e.contactName)
        case "phone": .optionalText(e.contactPhone)
        case "disabled_employees": .number(e.disabledEmployees)
        case "resumption": .number(e.resumption.percent)
        default: .empty
        }
    }

    public static func branch(_ b: Branch, field: String) -> TableCell {
        switch field {
        case "code": .text(b.code.description)
        case "name": .text(b.name)
        case "district": .text(b.districtCode)
        case "headcount": .number(b.headcount)
        case "capabilities": .optionalText(b.sortedCapabilities.map(\.code).joined(separator: ","))
        case "active": .number(b.active ? 1 : 0)
        default: .empty
        }
    }

    public static func request(_ r: Request, field: String, snapshot: CitySnapshot) -> TableCell {
        switch field {
        case "code": .text(r.code.description)
        case "enterprise": .text(r.enterpriseCode.description)
        case "enterprise_name": .optionalText(snapshot.enterprise(r.enterpriseCode)?.name)
        case "district": .optionalText(snapshot.enterprise(r.enterpriseCode)?.districtCode)
        case "category": .text(r.category)
        case "item": .text(r.item)
        case "quantity": .number(r.quantity)
        case "unit": .text(r.unit)
        case "delivered": .number(r.delivered)
        case "priority": .text(r.priority.name.en)
        case "due": .optionalText(r.due?.description)
        case "status": .text(r.status.rawValue)
        case "filed": .text(r.filed.description)
        case "completed": .optionalText(r.completed?.description)
        case "notes": .optionalText(r.notes)
        default: .empty
        }
    }

    public static func `operator`(_ o: Operator, field: String) -> TableCell {
        switch field {
        case "login": .text(o.login)
        case "name": .text(o.displayName)
        case "role": .text(o.role.description)
        default: .empty
        }
    }

    public static func cell(_ record: ImportRecord, field: String, snapshot: CitySnapshot) -> TableCell {
        switch record {
        case .enterprise(let e): enterprise(e, field: field)
        case .branch(let b): branch(b, field: field)
        case .request(let r): request(r, field: field, snapshot: snapshot)
        case .operator(let o): self.operator(o, field: field)
        }
    }

    /// A coordinate without a trailing `.0` and without binary noise beyond 7 decimals.
    static func decimal(_ value: Double) -> String {
        let scaled = (value * 10_000_000).rounded()
        let whole = Int64(abs(scaled)) / 10_000_000
        var fraction = String(Int64(abs(scaled)) % 10_000_000)
        fraction = String(repeating: "0", count: 7 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (scaled < 0 ? "-" : "") + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
