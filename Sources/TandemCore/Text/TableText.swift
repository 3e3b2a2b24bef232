/// What any exported cell must be: free of control characters (a tab, a carriage return or an
/// escape sequence in a name must not reach a spreadsheet or a terminal), and in CSV not read
/// as a formula by Excel or WPS. Applied when writing, so old data stored before the input
/// rules (`TextRules`) is safe too.
public enum TableText {
    /// The text with every control character (C0, DEL, C1) replaced by a space and every
    /// bidirectional formatting character (`TextRules.isBidiControl`) removed.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: TextRules.isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TextRules.isBidiControl(scalar) { continue }
            scalars.append(TextRules.isForbidden(scalar) ? " " : scalar)
        }
        return String(scalars)
    }

    /// A text cell for a CSV file: a leading `=`, `+`, `-` or `@` (or tab / CR) would start a
    /// formula in Excel, so such text gets a leading apostrophe, which spreadsheets show as text
    /// and `imported(_:)` removes again.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) || first == "'" && startsNeutralized(text)
        else { return text }
        return "'" + text
    }

    /// A cell as written to CSV: cleaned, then neutralised.
    public static func csvCell(_ text: String) -> String { neutralized(clean(text)) }

    /// A text cell as read back: an apostrophe put in front of a formula-like text by
    /// `neutralized(_:)` is removed.
    public static func imported(_ text: String) -> String {
        startsNeutralized(text) ? String(text.dropFirst()) : text
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func startsNeutralized(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(2))
        return scalars.count == 2 && scalars[0] == "'" && (formulaStarts.contains(scalars[1]) || scalars[1] == "'")
    }
}

/// JSON text that shows what it holds: `JSONEncoder` escapes C0 controls but writes DEL, C1
/// and bidirectional controls raw, which a terminal or viewer then obeys. Only string contents
/// can hold them, so each is replaced by its `\uXXXX` escape, which reads back as the same text.
public enum JSONText {
    public static func escapingInvisibles(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard needsEscape(scalar) else { result.append(scalar); continue }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return String(result)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x7F...0x9F).contains(v) || TextRules.isBidiControl(scalar) || v == 0x2028 || v == 0x2029
    }
}
