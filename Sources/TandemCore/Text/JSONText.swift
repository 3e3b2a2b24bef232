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
