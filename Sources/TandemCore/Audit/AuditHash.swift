/// The audit hash chain's content rule, one for both stores: every event stores the hash of
/// the event before it and its own, a SHA-256 over its canonical content, so changing,
/// deleting, reordering or inserting an event anywhere but at the end breaks the chain there.
public enum AuditHash {
    /// The previous hash of the first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 of an event's canonical content: a version tag, then every field as its UTF-8 byte
    /// count and bytes (`~` for NULL), so no two different events have the same content.
    public static func hash(id: Int64, fields: [String?], previousHash: String) -> String {
        var content: [UInt8] = []
        return hash(id: id, fields: fields, previousHash: previousHash, into: &content)
    }

    /// `hash(id:fields:previousHash:)`, writing the content into `content` (reused by a caller
    /// hashing many events) and hashing it in one pass.
    public static func hash(id: Int64, fields: [String?], previousHash: String, into content: inout [UInt8]) -> String {
        content.removeAll(keepingCapacity: true)
        content.append(contentsOf: "tandem-audit-1\n".utf8)
        func add(_ field: String?) {
            if let field {
                appendDecimal(field.utf8.count, to: &content)
                content.append(UInt8(ascii: ":"))
                content.append(contentsOf: field.utf8)
            } else {
                content.append(UInt8(ascii: "~"))
            }
            content.append(UInt8(ascii: "\n"))
        }
        add(String(id))
        for field in fields { add(field) }
        add(previousHash)
        var hasher = SHA256()
        hasher.update(content)
        return SHA256.hex(hasher.finish())
    }

    /// An event's hashed fields after its id, as text, in hashing order: time (`Timestamp`'s
    /// canonical form), operator, action, subject numbers, subject login, before, after.
    public static func fields(time: String, operatorName: String, action: AuditAction, subject: AuditSubject,
                              before: String, after: String) -> [String?] {
        [time, operatorName, action.rawValue, subject.enterprise.map { String($0.number) },
         subject.branch.map { String($0.number) }, subject.request.map { String($0.number) }, subject.login, before, after]
    }

    /// Appends `value`'s decimal digits (no String made: this runs for every field of every event).
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}
