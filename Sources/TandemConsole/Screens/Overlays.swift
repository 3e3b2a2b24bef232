import TandemCore

/// The `?` help (generated from the screen's key table) and modal forms.
extension ConsoleState {
    func helpLines() -> [(String, Style)] {
        var lines: [(String, Style)] = []
        lines.append((t("“\(t(tab.title))”屏的按键（✗ 当前不可用，! 需确认）", "Keys of the \(t(tab.title)) screen (✗ unavailable now, ! asks first)"), .header))
        let keyWidth = 16, commandWidth = 14
        for binding in bindings() {
            var line = TerminalText.pad(binding.keyLabel, to: keyWidth) + " "
            line += TerminalText.pad(binding.command.map { ":" + Self.typedName($0, lang) } ?? "", to: commandWidth) + " "
            line += (binding.dangerous ? "! " : "") + t(binding.help)
            lines.append((line, binding.disabled == nil ? .normal : .disabled))
            if let reason = binding.disabled {
                lines.append((String(repeating: " ", count: keyWidth + 1) + "✗ " + t(reason), .disabled))
            }
        }
        lines.append(("", .normal))
        lines.append((t("命令行（按 : 输入）", "Command line (press :)"), .header))
        for (syntax, help) in ConsoleState.typedCommands(lang) {
            // A long syntax gets a line of its own rather than being cut.
            if DisplayWidth.of(syntax) > 34 {
                lines.append((syntax, .normal))
                lines.append((String(repeating: " ", count: 35) + t(help), .normal))
            } else {
                lines.append((TerminalText.pad(syntax, to: 34) + " " + t(help), .normal))
            }
        }
        lines.append(("", .normal))
        lines.append((t("任意键关闭帮助；↑↓ 滚动", "any key closes the help; ↑↓ scroll"), .dim))
        return lines
    }

    /// Lines of help shown at once (below its title, above the footer).
    var helpPage: Int { max(1, height - 3) }

    /// The help line `delta` lines from `line`, kept within the help and stepping over blank
    /// lines (a screen reader would say nothing for them): what ↑↓ and PgUp/PgDn read next.
    func helpLine(from line: Int, by delta: Int) -> Int {
        let lines = helpLines()
        guard !lines.isEmpty else { return 0 }
        var next = min(lines.count - 1, max(0, line + delta))
        let step = delta < 0 ? -1 : 1
        while lines[next].0.trimmingWhitespace().isEmpty, lines.indices.contains(next + step) { next += step }
        return next
    }

    /// The first line of the help page `pages` pages from the one holding `line` (PgUp, PgDn):
    /// reading starts at the top of the page turned to.
    func helpPageLine(from line: Int, by pages: Int) -> Int {
        let count = helpLines().count
        let start = max(0, line / helpPage + pages) * helpPage
        return start < count ? start : line
    }

    /// The help with `line` being read, and the cursor on it, so a screen reader reads each
    /// line as ↑↓ reach it. The view turns a whole page when the line leaves it rather than
    /// scrolling a line at a time: a scroll changes every line, and a reader would read them all
    /// again at each key.
    func renderHelp(_ grid: inout Grid, scroll line: Int) {
        let lines = helpLines()
        let top = 1, bottom = height - 1
        let reading = min(max(0, line), max(0, lines.count - 1))
        let first = reading / helpPage * helpPage
        let pages = max(1, (lines.count + helpPage - 1) / helpPage)
        for y in top..<bottom { grid.fill(y: y) }
        let title = t("帮助", "Help") + " — " + t(tab.title)
            + (pages > 1 ? t("（第 \(first / helpPage + 1)/\(pages) 页）", " (page \(first / helpPage + 1) of \(pages))") : "")
        grid.fill(y: top, style: .title)
        grid.put(title, x: 0, y: top, style: .title)
        for row in 0..<helpPage {
            guard let (text, style) = lines[safe: first + row] else { break }
            grid.put(text, x: 1, y: top + 1 + row, style: style)
        }
        grid.cursor = (1, top + 1 + reading - first)
    }

    /// At most this many choices of a pick list show at once; the list scrolls.
    static let pickListRows = 8

    func renderForm(_ grid: inout Grid, _ form: FormState) {
        let boxWidth = min(width - 2, 96)
        let labelWidth = lang == .zh ? 10 : 12
        let fieldRows = form.fields.count * 2
        // Top border with the title, the lines, the fields, and the bottom border with what Enter
        // and Esc do: no row is only a border, which a screen reader would read out as such.
        // The focused field's open list may reach below the last field: the box grows downwards
        // by exactly the rows the list fills (no empty row inside the box), its top staying put.
        let baseHeight = min(height - 2, 2 + form.lines.count + fieldRows)
        let y0 = max(1, (height - baseHeight) / 2)
        let openList = form.fields[safe: form.focus].map { min(Self.pickListRows, $0.visibleChoices.count) } ?? 0
        let listReach = openList == 0 ? 0 : form.lines.count + 2 * form.focus + openList + 4
        let boxHeight = min(height - 1 - y0, max(baseHeight, listReach))
        let x0 = (width - boxWidth) / 2
        for y in y0..<(y0 + boxHeight) {
            // The whole row: a character of the screen below left beside the box would be read
            // with each of its lines.
            grid.fill(y: y)
            grid.put("│", x: x0, y: y, style: .accent)
            grid.put("│", x: x0 + boxWidth - 1, y: y, style: .accent)
        }
        grid.put("┌" + String(repeating: "─", count: boxWidth - 2) + "┐", x: x0, y: y0, style: .accent)
        grid.put("└" + String(repeating: "─", count: boxWidth - 2) + "┘", x: x0, y: y0 + boxHeight - 1, style: .accent)
        let title = (form.dangerous ? t("［需确认］", "[confirm] ") : "") + t(form.title)
        grid.put(" " + title + " ", x: x0 + 2, y: y0, maxWidth: boxWidth - 4, style: form.dangerous ? .warn : .header)
        var y = y0 + 1
        let inner = boxWidth - 4
        // A question without fields puts the cursor on its first warning, else on its first line.
        var firstWarningY: Int? = nil
        for line in form.lines {
            let text = t(line)
            let warning = text.hasPrefix("警告") || text.hasPrefix("WARNING") || text.hasPrefix("注意") || text.hasPrefix("warning")
            if warning, firstWarningY == nil { firstWarningY = y }
            grid.put(text, x: x0 + 2, y: y, maxWidth: inner, style: warning ? .bad : .normal)
            y += 1
        }
        var cursor: (Int, Int)? = nil
        var focusedFieldY: Int?
        for (i, field) in form.fields.enumerated() where y + 1 < y0 + boxHeight - 1 {
            if i == form.focus { focusedFieldY = y }
            let focused = i == form.focus
            grid.putPadded((focused ? "▶" : " ") + t(field.label), x: x0 + 2, y: y, width: labelWidth, style: focused ? .header : .normal)
            let valueX = x0 + 2 + labelWidth + 1
            let valueWidth = max(10, inner - labelWidth - 1)
            grid.putPadded(field.editor.text, x: valueX, y: y, width: valueWidth, style: .input)
            if focused { cursor = (min(valueX + field.editor.caretColumn, x0 + boxWidth - 2), y) }
            if let error = field.error, !field.editor.text.isEmpty || focused {
                grid.put("✗ " + t(error), x: valueX, y: y + 1, maxWidth: valueWidth, style: .error)
            } else if field.error == nil, !field.editor.text.isEmpty {
                grid.put("✓ " + t(field.hint), x: valueX, y: y + 1, maxWidth: valueWidth, style: .dim)
            } else {
                grid.put(t(field.hint), x: valueX, y: y + 1, maxWidth: valueWidth, style: .dim)
            }
            y += 2
        }
        // The focused field's pick list, drawn over the rows below it.
        let focused = form.fields[safe: form.focus]
        let choices = focused?.visibleChoices ?? []
        if let focused, let fieldY = focusedFieldY, !choices.isEmpty {
            let top = fieldY + 2, last = y0 + boxHeight - 2
            let rows = min(Self.pickListRows, choices.count, max(0, last - top + 1))
            let highlighted = min(max(0, focused.choiceIndex), choices.count - 1)
            let first = min(max(0, highlighted - rows + 1), choices.count - rows)
            let listX = x0 + 2 + labelWidth + 1
            let listWidth = max(10, inner - labelWidth - 1)
            for row in 0..<rows {
                let index = first + row
                var text = (index == highlighted ? "▸ " : "  ") + choices[index].label
                if row == rows - 1, index < choices.count - 1 { text += t("  …还有 \(choices.count - 1 - index) 项", "  …\(choices.count - 1 - index) more") }
                if row == 0, first > 0 { text += t("  …上面还有 \(first) 项", "  …\(first) above") }
                // The rows under the list are covered whole, so no other field's label seems to name a choice.
                grid.fill(x: x0 + 1, y: top + row, count: boxWidth - 2)
                grid.putPadded(text, x: listX, y: top + row, width: listWidth, style: index == highlighted ? .selected : .normal)
                if index == highlighted, focused.browsingChoices { cursor = (listX, top + row) }
            }
        }
        // In a list, Enter picks, unless the field already holds a choice the operator has not moved from.
        let inList = !choices.isEmpty && (focused?.browsingChoices == true || !choices.contains { $0.isNamed(by: focused?.value ?? "") })
        let status: String
        if inList {
            status = t("↑↓ 选择 · Enter 选定 · Tab 下一项 · Esc 取消", "↑↓: choose · Enter: pick · Tab: next field · Esc: cancel")
        } else {
            status = (form.isValid ? t("Enter \(t(form.submitLabel)) · Esc 取消", "Enter: \(t(form.submitLabel)) · Esc: cancel")
                : t("有待改正的字段 · Tab 下一项 · Esc 取消", "fields to fix · Tab: next field · Esc: cancel"))
                + (!choices.isEmpty ? t(" · ↑↓ 改选", " · ↑↓: other choices") : form.fields.count > 1 ? t(" · Tab/↑↓ 切换字段", " · Tab/↑↓ fields") : "")
        }
        grid.put(" " + status + " ", x: x0 + 2, y: y0 + boxHeight - 1, maxWidth: inner, style: form.isValid || inList ? .good : .warn)
        let firstLineY = form.lines.isEmpty ? y0 + boxHeight - 1 : y0 + 1
        grid.cursor = cursor ?? (x0 + 2, firstWarningY ?? firstLineY)
    }
}
