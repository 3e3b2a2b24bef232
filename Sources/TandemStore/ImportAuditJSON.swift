import TandemCore

/// The audit JSON of records added by an import, written directly into one reused buffer: the
/// same text as the audit's `JSONEncoder` (`[.sortedKeys, .withoutEscapingSlashes]`), which
/// ImportExportAuditJSONTests compares byte for byte. Through the encoder, 100 000 imported
/// requests spent about a third of their write time encoding.
struct ImportAuditJSON {
    private var out: [UInt8] = []

    init() { out.reserveCapacity(512) }

    /// An enterprise as `Enterprise`'s synthesized `Encodable` writes it (no `location` key when
    /// it has none), keys in byte order.
    mutating func enterprise(_ e: Enterprise) -> String {
        out.removeAll(keepingCapacity: true)
        raw("{\"address\":"); string(e.address)
        raw(",\"code\":"); string(e.code.description)
        raw(",\"contactName\":"); string(e.contactName)
        raw(",\"contactPhone\":"); string(e.contactPhone)
        raw(",\"disabledEmployees\":"); int(e.disabledEmployees)
        raw(",\"districtCode\":"); string(e.districtCode)
        raw(",\"kind\":"); string(e.kind.rawValue)
        if let location = e.location {
            raw(",\"location\":{\"lat\":"); double(location.lat)
            raw(",\"lon\":"); double(location.lon)
            raw("}")
        }
        raw(",\"name\":"); string(e.name)
        raw(",\"resumption\":"); string(e.resumption.description)
        raw("}")
        return String(decoding: out, as: UTF8.self)
    }

    /// A request as `Request`'s synthesized `Encodable` writes it (no `due` or `completed` key
    /// when empty), keys in byte order.
    mutating func request(_ r: Request) -> String {
        out.removeAll(keepingCapacity: true)
        raw("{\"category\":"); string(r.category)
        raw(",\"code\":"); string(r.code.description)
        if let completed = r.completed { raw(",\"completed\":"); string(completed.description) }
        raw(",\"delivered\":"); quantity(r.delivered)
        if let due = r.due { raw(",\"due\":"); string(due.description) }
        raw(",\"enterpriseCode\":"); string(r.enterpriseCode.description)
        raw(",\"filed\":"); string(r.filed.description)
        raw(",\"item\":"); string(r.item)
        raw(",\"notes\":"); string(r.notes)
        raw(",\"priority\":"); int(r.priority.rawValue)
        raw(",\"quantity\":"); quantity(r.quantity)
        raw(",\"status\":"); string(r.status.rawValue)
        raw(",\"unit\":"); string(r.unit)
        raw("}")
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private mutating func int<T: BinaryInteger>(_ value: T) {
        out.append(contentsOf: String(value).utf8)
    }

    /// As `Quantity.encode(to:)`: a whole number as an integer, else its `Double`.
    private mutating func quantity(_ value: Quantity) {
        if value.thousandths % Quantity.scale == 0 { int(value.thousandths / Quantity.scale) } else { double(value.doubleValue) }
    }

    /// As the encoder writes a finite `Double`: its description without a trailing `.0`.
    private mutating func double(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }

    private mutating func string(_ value: String) { JSONText.appendString(value, to: &out) }

}
