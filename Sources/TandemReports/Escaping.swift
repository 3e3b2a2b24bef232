import TandemCore

/// Makes data text safe for each output format.
public enum Escaping {
    /// Plain text for a chat message: control characters and escape sequences removed.
    public static func plain(_ text: String) -> String { TerminalText.sanitize(text) }

    /// Markdown: characters that would start emphasis, code, links, headings, tables or HTML are
    /// backslashed. Data never starts a line in the bulletin's markdown, so `-`, `+`, `.` need nothing.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for character in TerminalText.sanitize(text) {
            if "\\`*_[]<>#|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// HTML text and attribute values: `& < > " '` as entities, control characters removed.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in TerminalText.sanitize(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
