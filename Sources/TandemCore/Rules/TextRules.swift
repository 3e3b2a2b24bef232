/// The free-text fields a user types, each with its longest accepted length in characters.
/// The limits are stated in `--help` (`TextField.helpLimit`) and enforced by `TextRules.check`,
/// the one rule that the command line, the console's forms, importers and the store all ask.
public enum TextField: Sendable, Hashable, CaseIterable {
    case name, address, contactName, contactPhone, login, note, reason

    public var limit: Int {
        switch self {
        case .name: 100
        case .address: 200
        case .contactName: 50
        case .contactPhone: 40
        case .login: 32
        case .note, .reason: 500
        }
    }

    public var label: Bilingual {
        switch self {
        case .name: Bilingual(zh: "名称", en: "name")
        case .address: Bilingual(zh: "地址", en: "address")
        case .contactName: Bilingual(zh: "联系人", en: "contact")
        case .contactPhone: Bilingual(zh: "联系电话", en: "phone")
        case .login: Bilingual(zh: "登录名", en: "login")
        case .note: Bilingual(zh: "备注", en: "note")
        case .reason: Bilingual(zh: "原因", en: "reason")
        }
    }

    /// "At most N characters, no control characters.", for an option's help text.
    public var helpLimit: String { "At most \(limit) characters; no control characters." }
}

public enum TextRules {
    /// Why `value` may not be stored in `field`, or nil: it must hold no control character
    /// (C0 including tab and newline, DEL, C1), no bidirectional override, embedding, isolate or
    /// mark (they reorder what a reader sees), and no more than `field.limit` characters.
    public static func problem(_ field: TextField, _ value: String) -> TandemError? {
        if let bad = value.unicodeScalars.first(where: isForbidden) {
            return .unsafeText(field: field.label, character: bad.value)
        }
        let length = value.count
        if length > field.limit { return .textTooLong(field: field.label, length: length, limit: field.limit) }
        return nil
    }

    /// Throws `problem(field, value)` when there is one.
    public static func check(_ field: TextField, _ value: String) throws {
        if let problem = problem(field, value) { throw problem }
    }

    /// Checks several fields at once, reporting every problem (`TandemError.several`).
    public static func check(_ fields: [(TextField, String)]) throws {
        try TandemError.raise(fields.compactMap { problem($0.0, $0.1) })
    }

    /// Control characters and bidirectional formatting characters.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || isBidiControl(scalar)
    }

    /// LRM, RLM, ALM, the embeddings and overrides (U+202A–202E) and isolates (U+2066–2069).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x200E || v == 0x200F || v == 0x061C || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}

extension TandemError {
    /// Throws nothing for no problem, the problem itself for one, and `several` for more: how a
    /// check that reports every problem at once ends.
    public static func raise(_ problems: [TandemError]) throws {
        if problems.count == 1 { throw problems[0] }
        if problems.count > 1 { throw TandemError.several(problems) }
    }
}
