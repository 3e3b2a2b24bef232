import TandemCore

/// The queue's key table.
extension ConsoleState {
    func queueBindings() -> [KeyBinding] {
        let request = selectedQueueRequest
        let enterprise = request.map(\.enterpriseCode)
        var unpairDenial = context.denial(.unpair, in: snapshot)
        if unpairDenial == nil, let enterprise, snapshot?.pairedBranch(of: enterprise) == nil {
            unpairDenial = bi("\(enterprise) 没有结对", "\(enterprise) is not paired")
        }
        return screen.movement(bi("需求", "requests")) + [screen.detailRow(bi("需求", "request"), focused: focusedRecord)] + [
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
        ] + screen.workBindings(request) + [
            KeyBinding(keys: [.char("n")], action: .newRequest, label: bi("登记需求", "new request"),
                       help: bi("为所选单位登记新需求", "file a new request for the selected enterprise"), command: "file",
                       footer: false, disabled: enterprise == nil ? bi("没有选中的单位", "no enterprise selected")
                           : context.denial(.fileRequest(enterprise: enterprise!), in: snapshot)),
            KeyBinding(keys: [.char("u")], action: .unpair, label: bi("解除结对", "unpair"),
                       help: bi("解除所选单位的结对（需确认）", "end the selected enterprise's pairing (asks first)"), command: "unpair",
                       footer: false, disabled: unpairDenial, dangerous: true),
        ] + screen.requestLifeBindings(request)
    }
}
