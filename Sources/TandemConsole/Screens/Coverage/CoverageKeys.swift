import TandemCore

/// The coverage drill-down's key table, and what its keys do.
extension CoverageState {
    func bindings(_ s: ScreenContext) -> [KeyBinding] {
        var rows = s.movement(bi("行", "rows"))
        let atEnterprise: Bool = { if case .enterprise = level { return true } else { return false } }()
        rows.append(KeyBinding(keys: [.enter, .right], action: .open, label: bi("展开", "open"),
                               help: bi("下钻：督导组 → 区县 → 单位 → 历史", "drill down: group → district → enterprise → history"),
                               command: "open", disabled: atEnterprise ? bi("已是最底层", "already at the bottom") : nil))
        let atTop = level == .city
        rows.append(KeyBinding(keys: [.char("v")], action: .toggleGrouping,
                               label: byDistrict ? bi("按督导组", "by group") : bi("按区县", "by district"),
                               help: bi("全市：按督导组或按区县列出", "city level: rows per supervision group or per district"), command: "by",
                               disabled: atTop ? nil : bi("仅在全市一层可用", "only at the city level")))
        rows.append(KeyBinding(keys: [.char("s")], action: .toggleWorstFirst,
                               label: worstFirst ? bi("按编号", "by code") : bi("最差优先", "worst first"),
                               help: bi("督导组、区县按覆盖率从低到高排列（再按一次恢复）", "list groups and districts by coverage, worst first (again to undo)"),
                               command: "worst", footer: false))
        let canGoBack = path.count > 1
        rows.append(KeyBinding(keys: [.backspace, .left, .escape], action: .back, label: bi("返回", "back"),
                               help: bi("返回上一层", "go up one level"), command: "back",
                               disabled: canGoBack ? nil : bi("已是最上层", "already at the top")))
        return rows
    }

    mutating func perform(_ action: ConsoleAction, _ s: ScreenContext) -> ScreenOutcome {
        var cursor = self.cursor
        // At an enterprise the lines of its history are read; above it, the rows of the level.
        let count = if case .enterprise(let code) = level { s.historyLines(code).count } else { rows(s).count }
        if cursor.perform(action, count: count, page: viewport(s)) {
            self.cursor = cursor
            return .none
        }
        switch action {
        case .open:
            return .effects(drillIn(s))
        case .back:
            drillOut()
        case .toggleGrouping:
            byDistrict.toggle()
            self.cursor = ListCursor()
        case .toggleWorstFirst:
            // Groups and districts by coverage, worst first, or back in order.
            worstFirst.toggle()
            self.cursor = ListCursor()
            return .info(worstFirst ? bi("按覆盖率排列，最差在前", "by coverage, worst first") : bi("按编号排列", "in code order"))
        default:
            break
        }
        return .none
    }

    /// The history to read again when the city changed while an enterprise is shown.
    var historyToReload: Effect? {
        if case .enterprise(let code) = level { return .loadHistory(code) }
        return nil
    }
}
