import TandemCore

/// The coverage drill-down's key table.
extension ConsoleState {
    func coverageBindings() -> [KeyBinding] {
        var rows = screen.movement(bi("行", "rows"))
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
}
