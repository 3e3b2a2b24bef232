import TandemCore

/// A form or a question over the current screen: its lines, its fields with their hints or
/// errors, the focused field's pick list, and what Enter and Esc do.
extension FormState {
    /// At most this many choices of a pick list show at once; the list scrolls.
    static let pickListRows = 8

    func render(_ grid: inout Grid, _ s: ScreenContext) {
        let boxWidth = min(s.width - 2, 96)
        let labelWidth = s.lang == .zh ? 10 : 12
        let fieldRows = fields.count * 2
        // Top border with the title, the lines, the fields, and the bottom border with what Enter
        // and Esc do: no row is only a border, which a screen reader would read out as such.
        // The focused field's open list may reach below the last field: the box grows downwards
        // by exactly the rows the list fills (no empty row inside the box), its top staying put.
        let baseHeight = min(s.height - 2, 2 + lines.count + fieldRows)
        let y0 = max(1, (s.height - baseHeight) / 2)
        let openList = fields[safe: focus].map { min(FormState.pickListRows, $0.visibleChoices.count) } ?? 0
        let listReach = openList == 0 ? 0 : lines.count + 2 * focus + openList + 4
        let boxHeight = min(s.height - 1 - y0, max(baseHeight, listReach))
        let x0 = (s.width - boxWidth) / 2
        for y in y0..<(y0 + boxHeight) {
            // The whole row: a character of the screen below left beside the box would be read
            // with each of its lines.
            grid.fill(y: y)
            grid.put("│", x: x0, y: y, style: .accent)
            grid.put("│", x: x0 + boxWidth - 1, y: y, style: .accent)
        }
        grid.put("┌" + String(repeating: "─", count: boxWidth - 2) + "┐", x: x0, y: y0, style: .accent)
        grid.put("└" + String(repeating: "─", count: boxWidth - 2) + "┘", x: x0, y: y0 + boxHeight - 1, style: .accent)
        let heading = (dangerous ? s.t("［需确认］", "[confirm] ") : "") + s.t(self.title)
        grid.put(" " + heading + " ", x: x0 + 2, y: y0, maxWidth: boxWidth - 4, style: dangerous ? .warn : .header)
        var y = y0 + 1
        let inner = boxWidth - 4
        // A question without fields puts the cursor on its first warning, else on its first line.
        var firstWarningY: Int? = nil
        for line in lines {
            let text = s.t(line)
            let warning = text.hasPrefix("警告") || text.hasPrefix("WARNING") || text.hasPrefix("注意") || text.hasPrefix("warning")
            if warning, firstWarningY == nil { firstWarningY = y }
            grid.put(text, x: x0 + 2, y: y, maxWidth: inner, style: warning ? .bad : .normal)
            y += 1
        }
        var cursor: (Int, Int)? = nil
        var focusedFieldY: Int?
        for (i, field) in fields.enumerated() where y + 1 < y0 + boxHeight - 1 {
            if i == focus { focusedFieldY = y }
            let focused = i == focus
            grid.putPadded((focused ? "▶" : " ") + s.t(field.label), x: x0 + 2, y: y, width: labelWidth, style: focused ? .header : .normal)
            let valueX = x0 + 2 + labelWidth + 1
            let valueWidth = max(10, inner - labelWidth - 1)
            grid.putPadded(field.editor.text, x: valueX, y: y, width: valueWidth, style: .input)
            if focused { cursor = (min(valueX + field.editor.caretColumn, x0 + boxWidth - 2), y) }
            if let error = field.error, !field.editor.text.isEmpty || focused {
                grid.put("✗ " + s.t(error), x: valueX, y: y + 1, maxWidth: valueWidth, style: .error)
            } else if field.error == nil, !field.editor.text.isEmpty {
                grid.put("✓ " + s.t(field.hint), x: valueX, y: y + 1, maxWidth: valueWidth, style: .dim)
            } else {
                grid.put(s.t(field.hint), x: valueX, y: y + 1, maxWidth: valueWidth, style: .dim)
            }
            y += 2
        }
        // The focused field's pick list, drawn over the rows below it.
        let focused = fields[safe: focus]
        let choices = focused?.visibleChoices ?? []
        if let focused, let fieldY = focusedFieldY, !choices.isEmpty {
            let top = fieldY + 2, last = y0 + boxHeight - 2
            let rows = min(FormState.pickListRows, choices.count, max(0, last - top + 1))
            let highlighted = min(max(0, focused.choiceIndex), choices.count - 1)
            let first = min(max(0, highlighted - rows + 1), choices.count - rows)
            let listX = x0 + 2 + labelWidth + 1
            let listWidth = max(10, inner - labelWidth - 1)
            for row in 0..<rows {
                let index = first + row
                var text = (index == highlighted ? "▸ " : "  ") + choices[index].label
                if row == rows - 1, index < choices.count - 1 { text += s.t("  …还有 \(choices.count - 1 - index) 项", "  …\(choices.count - 1 - index) more") }
                if row == 0, first > 0 { text += s.t("  …上面还有 \(first) 项", "  …\(first) above") }
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
            status = s.t("↑↓ 选择 · Enter 选定 · Tab 下一项 · Esc 取消", "↑↓: choose · Enter: pick · Tab: next field · Esc: cancel")
        } else {
            status = (isValid ? s.t("Enter \(s.t(submitLabel)) · Esc 取消", "Enter: \(s.t(submitLabel)) · Esc: cancel")
                : s.t("有待改正的字段 · Tab 下一项 · Esc 取消", "fields to fix · Tab: next field · Esc: cancel"))
                + (!choices.isEmpty ? s.t(" · ↑↓ 改选", " · ↑↓: other choices") : fields.count > 1 ? s.t(" · Tab/↑↓ 切换字段", " · Tab/↑↓ fields") : "")
        }
        grid.put(" " + status + " ", x: x0 + 2, y: y0 + boxHeight - 1, maxWidth: inner, style: isValid || inList ? .good : .warn)
        let firstLineY = lines.isEmpty ? y0 + boxHeight - 1 : y0 + 1
        grid.cursor = cursor ?? (x0 + 2, firstWarningY ?? firstLineY)
    }
}
