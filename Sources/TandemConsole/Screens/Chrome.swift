import TandemCore

/// The frame around every screen: status bar, tabs, message line and footer, plus the
/// "too small" notice.
extension ConsoleState {
    func render() -> Grid {
        var grid = Grid(width: width, height: height)
        guard !tooSmall else { renderTooSmall(&grid); return grid }
        renderStatusBar(&grid)
        renderTabs(&grid)
        let s = screen
        if data == nil {
            let text = loadError.map { t($0) } ?? t("正在读取数据…", "Loading…")
            grid.putMessage(text, x: 2, y: s.contentTop + 1, style: loadError == nil ? .normal : .error)
        } else if data?.isFirstScreen == true, tab != .queue, tab != .mine {
            // Only the queue and the lead's own screen can be drawn from the start screen's records.
            grid.putMessage(t("正在读取全市数据…", "Loading the whole city…"), x: 2, y: s.contentTop + 1, style: .normal)
        } else {
            switch tab {
            case .queue: queue.render(&grid, s)
            case .pairing: pairing.render(&grid, s)
            case .proposals: proposals.render(&grid, s)
            case .mine: mine.render(&grid, s)
            case .coverage: coverage.render(&grid, s)
            case .map: map.render(&grid, s)
            }
        }
        renderMessageLine(&grid)
        renderFooter(&grid)
        switch overlay {
        case .help(let scroll): renderHelp(&grid, scroll: scroll)
        case .form(let form): form.render(&grid, s)
        case .detail(let view): view.render(&grid, s)
        case .command, nil: break
        }
        return grid
    }

    private func renderTooSmall(_ grid: inout Grid) {
        let lines = [
            t("终端太小", "Terminal too small"),
            t("至少需要 \(ConsoleState.minimumWidth)×\(ConsoleState.minimumHeight)，当前 \(width)×\(height)",
              "need at least \(ConsoleState.minimumWidth)×\(ConsoleState.minimumHeight), now \(width)×\(height)"),
            t("请放大窗口；q 退出", "enlarge the window; q quits"),
        ]
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < height {
            let w = DisplayWidth.of(line)
            grid.put(line, x: max(0, (width - w) / 2), y: top + i, style: i == 0 ? .bad : .normal)
        }
        // On the first letter of "Terminal too small", where a screen reader starts the line.
        if height > 0, let first = lines.first {
            grid.cursor = (min(max(0, width - 1), max(0, (width - DisplayWidth.of(first)) / 2)), min(height - 1, top))
        }
    }

    private func renderStatusBar(_ grid: inout Grid) {
        grid.fill(y: 0, style: .title)
        let actor = context.actor
        // Role first: when the bar is short, the name gives way, not the role.
        let who = "\(actor.role.label(lang)) · \(TerminalText.sanitize(actor.displayName)) (\(TerminalText.sanitize(actor.login)))"
        let readOnly = context.isReadOnly ? t("只读 │ ", "read-only │ ") : ""
        // Below 100 columns: no product name, the change time without its year, the database by
        // its file name (the part that tells databases apart), so that role and time stay whole.
        let narrow = width < 100
        var change = snapshot?.lastChange.map { String($0.description.replacingOccurrences(of: "T", with: " ").prefix(19)) } ?? "—"
        if narrow, change.count == 19 { change = String(change.dropFirst(5)) }
        let database = TerminalText.sanitize(context.databasePath)
        let shownDatabase = narrow ? String(database.split(separator: "/").last ?? Substring(database)) : database
        let left = (narrow ? "" : "Tandem │ ") + "\(readOnly)\(who)"
        // While only the start screen's records are read, the bar says so: keys that need the whole
        // city wait for it, and a screen reader user hears why.
        let freshness = data?.isFirstScreen == true
            ? t("正在读取全市数据…", "loading the whole city…")
            : t("数据更新 \(change)", "data changed \(change)")
        let right = freshness + t(" │ 库 ", " │ db ") + shownDatabase
        // The time of the last change always shows: the left part gives way first.
        let rightWidth = min(DisplayWidth.of(right), max(30, width - 36))
        let used = grid.put(left, x: 0, y: 0, maxWidth: max(10, width - rightWidth - 2), style: .title)
        let room = width - used - 2
        if room > 10 {
            let text = TerminalText.truncate(right, to: room)
            grid.put(text, x: width - DisplayWidth.of(text), y: 0, style: .title)
        }
    }

    private func renderTabs(_ grid: inout Grid) {
        var x = 0
        for (i, item) in tabs.enumerated() {
            let current = item == tab
            let label = current ? "[\(i + 1) \(t(item.title))]" : " \(i + 1) \(t(item.title)) "
            x += grid.put(label, x: x, y: 1, style: current ? Style(.header, bold: true, underline: true) : .dim)
            x += grid.put(" ", x: x, y: 1)
        }
    }

    private func renderMessageLine(_ grid: inout Grid) {
        let y = height - 2
        if case .command(let line) = overlay {
            grid.put(":" + line.editor.text, x: 0, y: y, style: .input)
            grid.cursor = (min(width - 1, 1 + line.editor.caretColumn), y)
            return
        }
        guard let notice else { return }
        let (prefix, style): (Bilingual, Style) = switch notice.kind {
        case .error: (bi("错误：", "Error: "), .error)
        case .success: (bi("完成：", "Done: "), .good)
        case .info: (bi("", ""), .accent)
        }
        grid.put(t(prefix) + t(notice.text), x: 0, y: y, style: style)
    }

    private func renderFooter(_ grid: inout Grid) {
        let y = height - 1
        if case .command(let line) = overlay {
            // While typing a command: its usage, or what Tab can complete.
            grid.put(t(commandLineHint(line)), x: 0, y: y, maxWidth: width, style: .dim)
            return
        }
        let all = bindings().filter(\.footer)
        let globals = all.filter { [.help, .commandLine, .quit].contains($0.action) }
        let screen = all.filter { ![.help, .commandLine, .quit].contains($0.action) }
        func label(_ b: KeyBinding) -> String {
            let key = b.keys.first.map(\.description) ?? ""
            return "\(key) \(t(b.label))" + (b.disabled != nil ? "✗" : "")
        }
        let right = globals.map(label).joined(separator: "  ")
        let rightWidth = DisplayWidth.of(right)
        var x = 0
        for binding in screen {
            let text = label(binding)
            let w = DisplayWidth.of(text)
            if x + w + 2 > width - rightWidth - 2 { break }
            let keyText = binding.keys.first.map(\.description) ?? ""
            if binding.disabled != nil {
                grid.put(text, x: x, y: y, style: .disabled)
            } else {
                let k = grid.put(keyText, x: x, y: y, style: .key)
                grid.put(" " + t(binding.label), x: x + k, y: y)
            }
            x += w + 2
        }
        // The last column stays empty: writing the bottom-right cell can scroll some terminals.
        var rx = max(x, width - rightWidth - 1)
        for binding in globals {
            let keyText = binding.keys.first.map(\.description) ?? ""
            let k = grid.put(keyText, x: rx, y: y, style: .key)
            let l = grid.put(" " + t(binding.label), x: rx + k, y: y)
            rx += k + l + 2
        }
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
}
