import TandemCore

/// The proposals screen's key table.
extension ConsoleState {
    func proposalBindings() -> [KeyBinding] {
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
}
