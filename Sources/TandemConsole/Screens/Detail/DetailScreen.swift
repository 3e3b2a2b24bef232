import TandemCore

/// The detail view over the current screen: a title with the record and where in its lines
/// the view is ("lines 1–19 of 42"), the lines, and the message line and footer below.
extension DetailView {
    func render(_ grid: inout Grid, _ s: ScreenContext) {
        let lines = s.detailLines(code)
        let top = 1, rows = Self.viewport(s)
        for y in top..<(s.height - 2) { grid.fill(y: y) }
        // The cursor is on the line being read (`scroll`); the view turns a whole page when
        // that line leaves it, so that a screen reader hears one new line per ↑↓, not a
        // screenful of shifted lines.
        let reading = min(max(0, scroll), max(0, lines.count - 1))
        let first = reading / rows * rows
        let last = min(lines.count, first + rows)
        let kind: Bilingual = switch code.kind {
        case .request: bi("需求", "Request")
        case .enterprise: bi("单位", "Enterprise")
        case .branch: bi("突击队", "Branch")
        }
        let position = lines.isEmpty ? "" : s.t("（第 \(first + 1)–\(last) 行，共 \(lines.count) 行）", " (lines \(first + 1)–\(last) of \(lines.count))")
        let title = s.t("详情", "Details") + " — " + s.t(kind) + " \(code)" + position
        grid.fill(y: top, style: .title)
        grid.put(title, x: 0, y: top, style: .title)
        for row in 0..<rows {
            guard let (text, style) = lines[safe: first + row] else { break }
            grid.put(text, x: 0, y: top + 1 + row, style: style)
        }
        let more = last < lines.count ? s.t("↓ 还有 \(lines.count - last) 行 · ", "↓ \(lines.count - last) more · ") : ""
        grid.put(more + s.t("↑↓ PgUp PgDn 滚动 · Esc 关闭", "↑↓ PgUp PgDn scroll · Esc closes"), x: 0, y: s.height - 3, style: .dim)
        grid.cursor = (0, lines.isEmpty ? top : top + 1 + reading - first)
    }
}
