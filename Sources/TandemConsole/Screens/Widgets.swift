import TandemCore

/// Small drawing helpers shared by the screens.
enum Widgets {
    /// A horizontal bar of `width` cells for `fraction` (0…1): filled `█`, empty `░`.
    static func bar(_ fraction: Double?, width: Int) -> String {
        guard width > 0 else { return "" }
        guard let fraction else { return String(repeating: "·", count: width) }
        let filled = Int((min(1, max(0, fraction)) * Double(width)).rounded(.down))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// Draws a bar with filled and empty parts in their tones, followed by nothing else.
    static func drawBar(_ grid: inout Grid, x: Int, y: Int, fraction: Double?, width: Int, selected: Bool) {
        let text = bar(fraction, width: width)
        let filled = text.prefix { $0 == "█" }.count
        grid.put(String(text.prefix(filled)), x: x, y: y, style: selected ? .selected : Style(.barFill))
        grid.put(String(text.dropFirst(filled)), x: x + filled, y: y, style: selected ? .selected : Style(.barEmpty))
    }

    /// A horizontal rule across the screen that names the part below it ("── Selected request
    /// ──…"): a screen reader reads a bare rule as a row of line characters.
    static func rule(_ grid: inout Grid, y: Int, title: String) {
        let head = "── " + title + " "
        grid.put(head + String(repeating: "─", count: max(0, grid.width - DisplayWidth.of(head))), x: 0, y: y, style: .dim)
    }

    static func percent(_ value: Int?) -> String { value.map { "\($0)%" } ?? "—" }
}

/// A table column: a title, a width (0 = takes what is left) and alignment.
struct Column {
    var title: Bilingual
    var width: Int
    var right = false

    /// Resolves flexible widths so that the columns (with one space between) fill `total`.
    static func layout(_ columns: [Column], total: Int) -> [Int] {
        let fixed = columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1)
        let flexible = columns.filter { $0.width == 0 }.count
        let spare = max(4, total - fixed)
        return columns.map { $0.width == 0 ? spare / max(1, flexible) : $0.width }
    }
}

extension Grid {
    /// Draws cells of one table row at `y`; returns nothing. Texts are sanitized and padded.
    mutating func tableRow(_ texts: [String], widths: [Int], columns: [Column], x: Int, y: Int, style: Style) {
        var column = x
        for (i, text) in texts.enumerated() where i < widths.count {
            putPadded(text, x: column, y: y, width: widths[i], style: style, alignRight: columns[i].right)
            column += widths[i] + 1
        }
    }
}
