import TandemCore

/// The key table of each screen, computed from the state so that disabled rows carry the
/// reason that applies to the current selection.
extension ConsoleState {
    func bindings() -> [KeyBinding] {
        var rows = screenBindings()
        if data?.isFirstScreen == true {
            // Only the start screen's records are here: what needs the whole city says so.
            for i in rows.indices where !rows[i].action.worksOnFirstScreen && rows[i].disabled == nil {
                rows[i].disabled = ConsoleState.waitingForCity
            }
        }
        return rows
    }

    /// Said by every key that needs the whole city while only the start screen's records are loaded.
    static let waitingForCity = bi("正在读取全市数据，稍候即可使用", "still loading the whole city, available in a moment")

    private func screenBindings() -> [KeyBinding] {
        if case .detail = overlay { return DetailView.bindings + globalBindings().filter { [.help, .commandLine, .quit].contains($0.action) } }
        var rows: [KeyBinding]
        switch tab {
        case .queue: rows = queue.bindings(screen)
        case .pairing: rows = pairing.bindings(screen)
        case .proposals: rows = proposals.bindings(screen)
        case .mine: rows = mine.bindings(screen)
        case .coverage: rows = coverage.bindings(screen)
        case .map: rows = map.bindings(screen)
        }
        return rows + globalBindings()
    }

    func globalBindings() -> [KeyBinding] {
        var rows = [
            KeyBinding(keys: [.char("?"), .function(1)], action: .help, label: bi("帮助", "help"),
                       help: bi("显示本屏全部按键及命令", "show every key and command of this screen"), command: "help"),
            KeyBinding(keys: [.char(":")], action: .commandLine, label: bi("命令", "command"),
                       help: bi("输入命令（如 pair B12 E345、deliver R88 40、done R88、find 永川）", "type a command (e.g. pair B12 E345, deliver R88 40, done R88, find 永川)")),
            KeyBinding(keys: [.tab], action: .nextTab, label: bi("下一屏", "next screen"),
                       help: bi("切换到下一屏", "go to the next screen"), command: "next", footer: false),
            KeyBinding(keys: [.backTab], action: .previousTab, label: bi("上一屏", "previous screen"),
                       help: bi("切换到上一屏", "go to the previous screen"), command: "prev", footer: false),
        ]
        for (number, tab) in tabs.enumerated() {
            rows.append(KeyBinding(keys: [.char(Character(String(number + 1)))], action: .goTo(tab), label: tab.title,
                                   help: bi("切换到“\(tab.title.zh)”", "go to \(tab.title.en)"), command: tab.rawValue, footer: false))
        }
        rows += [
            KeyBinding(keys: [.ctrl("r")], action: .refresh, label: bi("刷新", "reload"),
                       help: bi("立即重新读取数据（平时每 0.5 秒自动检查）", "reload the data now (checked every 0.5 s anyway)"), command: "reload", footer: false),
            KeyBinding(keys: [.ctrl("l")], action: .redraw, label: bi("重绘", "redraw"),
                       help: bi("重绘整个屏幕", "redraw the whole screen"), command: "redraw", footer: false),
            KeyBinding(keys: [.char("T")], action: .cycleTheme, label: bi("主题", "theme"),
                       help: bi("切换主题：标准 → 高对比度 → 单色", "switch theme: standard → high contrast → monochrome"), command: "theme", footer: false),
            KeyBinding(keys: [.char("L")], action: .toggleLanguage, label: bi("语言", "language"),
                       help: bi("切换中文 / English", "switch between Chinese and English"), command: "lang", footer: false),
            KeyBinding(keys: [.char("q")], action: .quit, label: bi("退出", "quit"),
                       help: bi("退出 Tandem", "quit Tandem"), command: "quit"),
        ]
        return rows
    }
}

/// The `?` help, generated from the screen's key table and the typed commands.
extension ConsoleState {
    func helpLines() -> [(String, Style)] {
        var lines: [(String, Style)] = []
        lines.append((t("“\(t(tab.title))”屏的按键（✗ 当前不可用，! 需确认）", "Keys of the \(t(tab.title)) screen (✗ unavailable now, ! asks first)"), .header))
        let keyWidth = 16, commandWidth = 14
        for binding in bindings() {
            var line = TerminalText.pad(binding.keyLabel, to: keyWidth) + " "
            line += TerminalText.pad(binding.command.map { ":" + CommandWord.typedName($0, lang) } ?? "", to: commandWidth) + " "
            line += (binding.dangerous ? "! " : "") + t(binding.help)
            lines.append((line, binding.disabled == nil ? .normal : .disabled))
            if let reason = binding.disabled {
                lines.append((String(repeating: " ", count: keyWidth + 1) + "✗ " + t(reason), .disabled))
            }
        }
        lines.append(("", .normal))
        lines.append((t("命令行（按 : 输入）", "Command line (press :)"), .header))
        for (syntax, help) in CommandWord.typedCommands(lang) {
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
}

/// Rows that several screens' key tables share.
extension ScreenContext {
    func movement(_ what: Bilingual) -> [KeyBinding] {
        [
            KeyBinding(keys: [.up, .char("k")], action: .up, label: bi("上", "up"), help: bi("上移一行", "move up") , command: "up", footer: false),
            KeyBinding(keys: [.down, .char("j")], action: .down, label: bi("移动", "move"),
                       help: bi("下移一行（\(what.zh)）", "move down (\(what.en))"), command: "down", footer: false),
            KeyBinding(keys: [.pageUp], action: .pageUp, label: bi("上页", "page up"), help: bi("上翻一页", "page up"), command: "pgup", footer: false),
            KeyBinding(keys: [.pageDown], action: .pageDown, label: bi("下页", "page down"), help: bi("下翻一页", "page down"), command: "pgdn", footer: false),
            KeyBinding(keys: [.home, .char("g")], action: .top, label: bi("首行", "first"), help: bi("到第一行", "go to the first row"), command: "top", footer: false),
            KeyBinding(keys: [.end, .char("G")], action: .bottom, label: bi("末行", "last"), help: bi("到最后一行", "go to the last row"), command: "bottom", footer: false),
        ]
    }

    /// The reason a request action is refused for the selected request, or nil.
    func requestDenial(_ request: Request?, _ action: (RecordCode) -> Action) -> Bilingual? {
        guard let request else { return bi("没有选中的需求", "no request selected") }
        if let reason = context.denial(action(request.enterpriseCode), in: snapshot) { return reason }
        return nil
    }

    func closedDenial(_ request: Request?) -> Bilingual? {
        guard let request, !request.status.isActive else { return nil }
        return bi("需求 \(request.code) \(request.status.name.zh)", "request \(request.code) is \(request.status.name.en)")
    }

    /// Enter: the detail view of `focused`, the record the screen's focused row stands for.
    func detailRow(_ what: Bilingual, focused: RecordCode?) -> KeyBinding {
        KeyBinding(keys: [.enter], action: .openDetail, label: bi("详情", "details"),
                   help: bi("查看所选\(what.zh)的详情和完整历史", "show the selected \(what.en)'s details and whole history"), command: "show",
                   footer: false, disabled: focused == nil ? bi("没有选中的记录", "nothing selected") : nil)
    }

    /// Record a delivery and mark done: the same rows on the queue and on "my enterprise".
    func workBindings(_ request: Request?) -> [KeyBinding] {
        let work = requestDenial(request) { .workRequest(enterprise: $0) }
        return [
            KeyBinding(keys: [.char("d")], action: .deliver, label: bi("送达", "deliver"),
                       help: bi("登记一次送达（数量、备注）", "record a delivery (quantity, note)"), command: "deliver",
                       disabled: work ?? closedDenial(request)),
            KeyBinding(keys: [.char("x")], action: .done, label: bi("完成", "done"),
                       help: bi("将需求标记为完成", "mark the request done"), command: "done",
                       disabled: work ?? closedDenial(request), dangerous: true),
        ]
    }

    /// Cancel, reopen and correct a delivery: the same rows on the queue and on "my enterprise".
    func requestLifeBindings(_ request: Request?) -> [KeyBinding] {
        let lifeDenial = requestDenial(request) { .cancelOrReopenRequest(enterprise: $0) }
        var reopenDenial = lifeDenial
        if reopenDenial == nil, let request, request.status.isActive {
            reopenDenial = bi("需求 \(request.code) 尚未结束", "request \(request.code) is still \(request.status.name.en)")
        }
        var correctDenial: Bilingual? = request == nil ? bi("没有选中的需求", "no request selected") : nil
        if correctDenial == nil, context.isReadOnly { correctDenial = bi("督导角色只读", "supervisors have read-only access") }
        if correctDenial == nil, let request, request.delivered.isZero, request.status != .done {
            correctDenial = bi("\(request.code) 还没有送达记录", "\(request.code) has no deliveries yet")
        }
        return [
            KeyBinding(keys: [.char("C")], action: .cancelRequest, label: bi("取消需求", "cancel"),
                       help: bi("取消所选需求（需填写原因，会先确认）", "cancel the selected request (with a reason; asks first)"), command: "cancel",
                       footer: false, disabled: lifeDenial ?? closedDenial(request), dangerous: true),
            KeyBinding(keys: [.char("O")], action: .reopenRequest, label: bi("重新打开", "reopen"),
                       help: bi("重新打开已完成或已取消的需求（需填写原因）", "reopen a done or cancelled request (with a reason)"), command: "reopen",
                       footer: false, disabled: reopenDenial, dangerous: true),
            KeyBinding(keys: [.char("e")], action: .correctDelivery, label: bi("更正送达", "correct"),
                       help: bi("更正登错的送达：冲销原记录并登记正确数量（登记人和调度员可用）",
                                "correct a mistaken delivery: reverse it and record the right quantity (whoever recorded it, and dispatchers)"),
                       command: "correct", footer: false, disabled: correctDenial, dangerous: true),
        ]
    }

}
