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
        if case .detail = overlay { return detailBindings() + globalBindings().filter { [.help, .commandLine, .quit].contains($0.action) } }
        var rows: [KeyBinding]
        switch tab {
        case .queue: rows = queueBindings()
        case .pairing: rows = pairingBindings()
        case .proposals: rows = proposalBindings()
        case .mine: rows = mineBindings()
        case .coverage: rows = coverageBindings()
        case .map: rows = mapBindings()
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

    private func movement(_ what: Bilingual) -> [KeyBinding] {
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

    /// Keys of the detail view: scrolling its lines and closing it.
    private func detailBindings() -> [KeyBinding] {
        [
            KeyBinding(keys: [.up, .char("k")], action: .up, label: bi("上", "up"), help: bi("上滚一行", "scroll up a line"), footer: false),
            KeyBinding(keys: [.down, .char("j")], action: .down, label: bi("滚动", "scroll"), help: bi("下滚一行", "scroll down a line")),
            KeyBinding(keys: [.pageUp], action: .pageUp, label: bi("上页", "page up"), help: bi("上翻一页", "page up"), footer: false),
            KeyBinding(keys: [.pageDown], action: .pageDown, label: bi("下页", "page down"), help: bi("下翻一页", "page down"), footer: false),
            KeyBinding(keys: [.home, .char("g")], action: .top, label: bi("开头", "top"), help: bi("到第一行", "go to the first line"), footer: false),
            KeyBinding(keys: [.end, .char("G")], action: .bottom, label: bi("末尾", "end"), help: bi("到最后一行", "go to the last line")),
            KeyBinding(keys: [.escape, .enter, .backspace], action: .closeDetail, label: bi("关闭", "close"),
                       help: bi("关闭详情", "close the details"), command: "close"),
        ]
    }

    private func detailRow(_ what: Bilingual) -> KeyBinding {
        KeyBinding(keys: [.enter], action: .openDetail, label: bi("详情", "details"),
                   help: bi("查看所选\(what.zh)的详情和完整历史", "show the selected \(what.en)'s details and whole history"), command: "show",
                   footer: false, disabled: focusedRecord == nil ? bi("没有选中的记录", "nothing selected") : nil)
    }

    /// Cancel, reopen and correct a delivery: the same rows on the queue and on "my enterprise".
    private func requestLifeBindings(_ request: Request?) -> [KeyBinding] {
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

    private func queueBindings() -> [KeyBinding] {
        let request = selectedQueueRequest
        let enterprise = request.map(\.enterpriseCode)
        let work = requestDenial(request) { .workRequest(enterprise: $0) }
        var unpairDenial = context.denial(.unpair, in: snapshot)
        if unpairDenial == nil, let enterprise, snapshot?.pairedBranch(of: enterprise) == nil {
            unpairDenial = bi("\(enterprise) 没有结对", "\(enterprise) is not paired")
        }
        return movement(bi("需求", "requests")) + [detailRow(bi("需求", "request"))] + [
            KeyBinding(keys: [.char("/")], action: .search, label: bi("搜索", "search"),
                       help: bi("按名称或编号即时搜索", "search by name or code as you type"), command: "find"),
            KeyBinding(keys: [.escape], action: .clearSearch, label: bi("清除", "clear"),
                       help: bi("清除搜索和筛选", "clear search and filters"), command: "clear", footer: false),
            KeyBinding(keys: [.char("o")], action: .cycleSort, label: bi("排序", "sort"),
                       help: bi("排序：紧急程度 → 登记时间 → 区县", "sort by urgency → age → district"), command: "sort"),
            KeyBinding(keys: [.char("f")], action: .filter, label: bi("筛选", "filter"),
                       help: bi("按类别、状态、区县、督导组筛选", "filter by category, status, district, supervision group"), command: "filter"),
            KeyBinding(keys: [.char("F")], action: .cycleQuickFilter, label: bi("快速筛选", "quick filter"),
                       help: bi("快速筛选：" + quickFilterCycle.zh + " → 全部", "quick filter: " + quickFilterCycle.en + " → all"),
                       command: "only", footer: false),
            KeyBinding(keys: [.char("d")], action: .deliver, label: bi("送达", "deliver"),
                       help: bi("登记一次送达（数量、备注）", "record a delivery (quantity, note)"), command: "deliver",
                       disabled: work ?? closedDenial(request)),
            KeyBinding(keys: [.char("x")], action: .done, label: bi("完成", "done"),
                       help: bi("将需求标记为完成", "mark the request done"), command: "done",
                       disabled: work ?? closedDenial(request), dangerous: true),
            KeyBinding(keys: [.char("n")], action: .newRequest, label: bi("登记需求", "new request"),
                       help: bi("为所选单位登记新需求", "file a new request for the selected enterprise"), command: "file",
                       footer: false, disabled: enterprise == nil ? bi("没有选中的单位", "no enterprise selected")
                           : context.denial(.fileRequest(enterprise: enterprise!), in: snapshot)),
            KeyBinding(keys: [.char("u")], action: .unpair, label: bi("解除结对", "unpair"),
                       help: bi("解除所选单位的结对（需确认）", "end the selected enterprise's pairing (asks first)"), command: "unpair",
                       footer: false, disabled: unpairDenial, dangerous: true),
        ] + requestLifeBindings(request)
    }

    private func pairingBindings() -> [KeyBinding] {
        var pairDenial = context.denial(.pair, in: snapshot)
        if pairDenial == nil, pairCandidate == nil {
            pairDenial = pairing.pickedBranch == nil
                ? bi("先用空格选定一支突击队", "pick a branch first (Space)")
                : bi("再用空格选定一家单位", "now pick an enterprise (Space)")
        }
        // Enter reads the highlighted record, as on every screen; only `p` pairs (the picked two).
        return movement(bi("列表", "list")) + [detailRow(pairing.side == .branches ? bi("突击队", "branch") : bi("单位", "enterprise"))] + [
            KeyBinding(keys: [.left, .right, .char("h"), .char("l")], action: .switchSide, label: bi("左右切换", "switch list"),
                       help: bi("在空闲突击队和待结对单位之间切换", "switch between free branches and unpaired enterprises"), command: "side"),
            KeyBinding(keys: [.char(" ")], action: .pick, label: bi("选定", "pick"),
                       help: bi("选定当前突击队或单位", "pick the highlighted branch or enterprise"), command: "pick"),
            KeyBinding(keys: [.char("p")], action: .pair, label: bi("结对", "pair"),
                       help: bi("将选定的突击队与单位结对", "pair the picked branch with the picked enterprise"), command: "pair",
                       disabled: pairDenial),
        ]
    }

    private func proposalBindings() -> [KeyBinding] {
        let denial = acceptDenial
        // Enter reads the proposed enterprise, as on every screen; only `a` accepts.
        return movement(bi("建议", "proposals")) + [detailRow(bi("建议中的单位", "proposed enterprise"))] + [
            KeyBinding(keys: [.char("r")], action: .computeProposals, label: bi("重新计算", "recompute"),
                       help: bi("用当前数据重新计算引擎建议", "run the engine again on the current data"), command: "propose"),
            KeyBinding(keys: [.char("a")], action: .accept, label: bi("接受", "accept"),
                       help: bi("接受所选建议（结对）", "accept the selected proposal (pairs them)"), command: "accept",
                       disabled: denial),
            KeyBinding(keys: [.char("A")], action: .acceptAll, label: bi("全部接受", "accept all"),
                       help: bi("一次接受全部建议（需确认）", "accept every proposal at once (asks first)"), command: "accept-all",
                       disabled: denial, dangerous: true),
        ]
    }

    private func mineBindings() -> [KeyBinding] {
        let request = selectedMineRequest
        let enterprise = myEnterprise?.code
        let noEnterprise = bi("您的突击队还没有结对单位", "your branch has no paired enterprise yet")
        let work = requestDenial(request) { .workRequest(enterprise: $0) }
        return movement(bi("需求", "requests")) + [detailRow(bi("需求", "request"))] + [
            KeyBinding(keys: [.char("d")], action: .deliver, label: bi("送达", "deliver"),
                       help: bi("登记一次送达（数量、备注）", "record a delivery (quantity, note)"), command: "deliver",
                       disabled: work ?? closedDenial(request)),
            KeyBinding(keys: [.char("x")], action: .done, label: bi("完成", "done"),
                       help: bi("将需求标记为完成", "mark the request done"), command: "done",
                       disabled: work ?? closedDenial(request), dangerous: true),
            KeyBinding(keys: [.char("r")], action: .resumption, label: bi("复工状态", "resumption"),
                       help: bi("更新单位复工复产状态", "update the enterprise's resumption status"), command: "resume",
                       disabled: enterprise.map { context.denial(.updateResumption(enterprise: $0), in: snapshot) } ?? noEnterprise),
            KeyBinding(keys: [.char("n")], action: .newRequest, label: bi("登记需求", "new request"),
                       help: bi("为本单位登记新需求", "file a new request for this enterprise"), command: "file",
                       disabled: enterprise.map { context.denial(.fileRequest(enterprise: $0), in: snapshot) } ?? noEnterprise),
        ] + requestLifeBindings(request)
    }

    private func coverageBindings() -> [KeyBinding] {
        var rows = movement(bi("行", "rows"))
        let atEnterprise: Bool = { if case .enterprise = coverage.level { return true } else { return false } }()
        rows.append(KeyBinding(keys: [.enter, .right], action: .open, label: bi("展开", "open"),
                               help: bi("下钻：督导组 → 区县 → 单位 → 历史", "drill down: group → district → enterprise → history"),
                               command: "open", disabled: atEnterprise ? bi("已是最底层", "already at the bottom") : nil))
        let atTop = coverage.level == .city
        rows.append(KeyBinding(keys: [.char("v")], action: .toggleGrouping,
                               label: coverage.byDistrict ? bi("按督导组", "by group") : bi("按区县", "by district"),
                               help: bi("全市：按督导组或按区县列出", "city level: rows per supervision group or per district"), command: "by",
                               disabled: atTop ? nil : bi("仅在全市一层可用", "only at the city level")))
        rows.append(KeyBinding(keys: [.char("s")], action: .toggleWorstFirst,
                               label: coverage.worstFirst ? bi("按编号", "by code") : bi("最差优先", "worst first"),
                               help: bi("督导组、区县按覆盖率从低到高排列（再按一次恢复）", "list groups and districts by coverage, worst first (again to undo)"),
                               command: "worst", footer: false))
        let canGoBack = coverage.path.count > 1
        rows.append(KeyBinding(keys: [.backspace, .left, .escape], action: .back, label: bi("返回", "back"),
                               help: bi("返回上一层", "go up one level"), command: "back",
                               disabled: canGoBack ? nil : bi("已是最上层", "already at the top")))
        return rows
    }

    private func mapBindings() -> [KeyBinding] {
        [
            KeyBinding(keys: [.up, .char("k")], action: .up, label: bi("移动", "move"),
                       help: bi("在地图上向北移动", "move north on the map"), command: "up"),
            KeyBinding(keys: [.down, .char("j")], action: .down, label: bi("下", "down"),
                       help: bi("在地图上向南移动", "move south on the map"), command: "down", footer: false),
            KeyBinding(keys: [.left, .char("h")], action: .left, label: bi("左", "left"),
                       help: bi("在地图上向西移动", "move west on the map"), command: "left", footer: false),
            KeyBinding(keys: [.right, .char("l")], action: .right, label: bi("右", "right"),
                       help: bi("在地图上向东移动", "move east on the map"), command: "right", footer: false),
            KeyBinding(keys: [.enter], action: .open, label: bi("查看区县", "open district"),
                       help: bi("查看所选区县的单位", "show the selected district's enterprises"), command: "open"),
        ]
    }
}
