/// One cell of a sheet read from or written to a file: text, a number as written (`300`,
/// `0.5`, an Excel date serial `43895`), or nothing.
public enum TableCell: Sendable, Hashable {
    case empty
    case text(String)
    /// A number in its canonical decimal text, so that quantities stay exact.
    case number(String)

    /// The cell as text: numbers as written, empty as "".
    public var text: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let digits): digits
        }
    }

    /// Asked of every cell of every imported row: a cell whose first scalar is not whitespace
    /// starts with a character that is not, so only a cell starting with whitespace is trimmed
    /// (by character, which copied every cell) to find out.
    public var isBlank: Bool {
        let text = text
        guard let first = text.unicodeScalars.first else { return true }
        return isWhitespace(first) && text.trimmingWhitespace().isEmpty
    }

    public static func number(_ value: Int) -> TableCell { .number(String(value)) }
    public static func number(_ value: Quantity) -> TableCell { .number(value.description) }
    public static func optionalText(_ value: String?) -> TableCell { value.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
}

/// A sheet: a header row and the data rows below it. Rows are numbered as Excel numbers
/// them, from 1; a title above the header (a merged "2020年南川区残疾人企业名单" line) is skipped.
public struct Table: Sendable, Hashable {
    public var headers: [String]
    public var rows: [[TableCell]]
    /// The file row of the header.
    public var headerRow: Int

    public init(headers: [String], rows: [[TableCell]], headerRow: Int = 1) {
        self.headers = headers
        self.rows = rows
        self.headerRow = headerRow
    }

    /// A table from a file's rows (row 1 first): the header is the first of the first ten rows
    /// with two or more filled cells (else row 1), the data rows follow it.
    public init(fileRows: [[TableCell]]) {
        let headerIndex = fileRows.prefix(10).firstIndex { $0.filter { !$0.isBlank }.count >= 2 } ?? 0
        let header = headerIndex < fileRows.count ? fileRows[headerIndex] : []
        self.init(headers: header.map { $0.text.trimmingWhitespace() }, rows: Array(fileRows.dropFirst(headerIndex + 1)),
                  headerRow: headerIndex + 1)
    }

    /// The file row number of data row `index`.
    public func fileRow(ofDataRow index: Int) -> Int { headerRow + 1 + index }
}

/// What any exported cell must be: free of control characters (a tab, a carriage return or an
/// escape sequence in a name must not reach a spreadsheet or a terminal), and in CSV not read
/// as a formula by Excel or WPS.
public enum TableText {
    /// The text with every control character (C0, DEL, C1) replaced by a space and every
    /// bidirectional formatting character (`TextRules.isBidiControl`) removed.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: TextRules.isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !TextRules.isBidiControl(scalar) {
            scalars.append(isControl(scalar) ? " " : scalar)
        }
        return String(scalars)
    }

    /// A cell as written to any CSV (lists, exports): cleaned, then neutralised.
    public static func csvCell(_ text: String) -> String { neutralized(clean(text)) }

    /// A text cell for a CSV file: a leading `=`, `+`, `-` or `@` (or tab / CR) would start a
    /// formula in Excel, so such text gets a leading apostrophe, which spreadsheets show as text
    /// and `imported(_:)` removes again.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) || first == "'" && startsNeutralized(text)
        else { return text }
        return "'" + text
    }

    /// A text cell as read back: an apostrophe put in front of a formula-like text by
    /// `neutralized(_:)` is removed.
    public static func imported(_ text: String) -> String {
        startsNeutralized(text) ? String(text.dropFirst()) : text
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func startsNeutralized(_ text: String) -> Bool {
        // Read on every imported cell: look at the first byte before anything else.
        guard text.utf8.first == UInt8(ascii: "'") else { return false }
        let scalars = Array(text.unicodeScalars.prefix(2))
        return scalars.count == 2 && scalars[0] == "'" && (formulaStarts.contains(scalars[1]) || scalars[1] == "'")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
