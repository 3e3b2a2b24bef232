import TandemCore

/// The queue's key table, and what its keys do.
extension QueueState {
    func bindings(_ s: ScreenContext) -> [KeyBinding] {
        let request = selectedRequest(s)
        let enterprise = request.map(\.enterpriseCode)
        var unpairDenial = s.context.denial(.unpair, in: s.snapshot)
        if unpairDenial == nil, let enterprise, s.snapshot?.pairedBranch(of: enterprise) == nil {
            unpairDenial = bi("\(enterprise) 没有结对", "\(enterprise) is not paired")
        }
        return s.movement(bi("需求", "requests")) + [s.detailRow(bi("需求", "request"), focused: request?.code)] + [
            KeyBinding(keys: [.char("/")], action: .search, label: bi("搜索", "search"),
                       help: bi("按名称或编号即时搜索", "search by name or code as you type"), command: "find"),
            KeyBinding(keys: [.escape], action: .clearSearch, label: bi("清除", "clear"),
                       help: bi("清除搜索和筛选", "clear search and filters"), command: "clear", footer: false),
            KeyBinding(keys: [.char("o")], action: .cycleSort, label: bi("排序", "sort"),
                       help: bi("排序：紧急程度 → 登记时间 → 区县", "sort by urgency → age → district"), command: "sort"),
            KeyBinding(keys: [.char("f")], action: .filter, label: bi("筛选", "filter"),
                       help: bi("按类别、状态、区县、督导组筛选", "filter by category, status, district, supervision group"), command: "filter"),
            KeyBinding(keys: [.char("F")], action: .cycleQuickFilter, label: bi("快速筛选", "quick filter"),
                       help: bi("快速筛选：" + quickFilterCycle(s).zh + " → 全部", "quick filter: " + quickFilterCycle(s).en + " → all"),
                       command: "only", footer: false),
        ] + s.workBindings(request) + [
            KeyBinding(keys: [.char("n")], action: .newRequest, label: bi("登记需求", "new request"),
                       help: bi("为所选单位登记新需求", "file a new request for the selected enterprise"), command: "file",
                       footer: false, disabled: enterprise == nil ? bi("没有选中的单位", "no enterprise selected")
                           : s.context.denial(.fileRequest(enterprise: enterprise!), in: s.snapshot)),
            KeyBinding(keys: [.char("u")], action: .unpair, label: bi("解除结对", "unpair"),
                       help: bi("解除所选单位的结对（需确认）", "end the selected enterprise's pairing (asks first)"), command: "unpair",
                       footer: false, disabled: unpairDenial, dangerous: true),
        ] + s.requestLifeBindings(request)
    }

    mutating func perform(_ action: ConsoleAction, _ s: ScreenContext) -> ScreenOutcome {
        if cursor.perform(action, count: rows.count, page: viewport(s)) { return .none }
        switch action {
        case .search:
            searching = true
        case .clearSearch:
            search = LineEditor()
            filter = QueueFilter()
            searching = false
            return ScreenOutcome(addedNotice: rebuild(s))
        case .cycleSort:
            let all = QueueSort.allCases
            sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
            _ = rebuild(s)
            return .info(bi("排序：\(sort.label.zh)", "sorted by \(sort.label.en)"))
        case .filter:
            return .form(s.filterForm(filter))
        case .cycleQuickFilter:
            return cycleQuickFilter(s)
        default:
            break
        }
        return .none
    }

    /// A key while the search box has the focus: typing narrows the list; Enter, ↑ and ↓ leave
    /// the box (↑ and ↓ then move in the list too); Esc clears the search. Nil when the key is
    /// not the search box's (the screen's key table then has it).
    mutating func searchKey(_ key: Key, _ s: ScreenContext) -> ScreenOutcome? {
        switch key {
        case .enter, .down, .up:
            searching = false
            return key == .enter ? ScreenOutcome.none : nil
        case .escape:
            searching = false
            search = LineEditor()
            return ScreenOutcome(addedNotice: rebuild(s))
        default:
            guard search.handle(key) else { return nil }
            return ScreenOutcome(addedNotice: rebuild(s))
        }
    }

    /// The requests the filter form chose.
    mutating func apply(_ filter: QueueFilter, _ s: ScreenContext) -> Bilingual? {
        self.filter = filter
        return rebuild(s)
    }

    /// `:find` and `:sort`: the search text typed with the command, and the sort order named.
    mutating func find(_ text: String, _ s: ScreenContext) -> ScreenOutcome {
        search = LineEditor(text)
        searching = false
        _ = rebuild(s)
        return .info(bi("找到 \(rows.count) 项需求", "\(rows.count) request(s) found"))
    }

    mutating func changeSort(to order: QueueSort, _ s: ScreenContext) -> Bilingual? {
        sort = order
        return rebuild(s)
    }
}
