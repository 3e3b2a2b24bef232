import TandemCore

/// The proposals screen's key table, and what its keys do.
extension ProposalsState {
    func bindings(_ s: ScreenContext) -> [KeyBinding] {
        let denial = acceptDenial(s)
        // Enter reads the proposed enterprise, as on every screen; only `a` accepts.
        return s.movement(bi("建议", "proposals")) + [s.detailRow(bi("建议中的单位", "proposed enterprise"), focused: focusedRecord)] + [
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

    /// The enterprise of the focused proposal, for Enter.
    var focusedRecord: RecordCode? { self.set?.pairs[safe: cursor.index]?.enterprise }

    mutating func perform(_ action: ConsoleAction, _ s: ScreenContext) -> ScreenOutcome {
        if cursor.perform(action, count: self.set?.pairs.count ?? 0, page: viewport(s)) { return .none }
        switch action {
        case .computeProposals:
            computing = true
            return .effects([.computeProposals])
        case .accept:
            return .effects(acceptEffect(cursor.index, via: .keys))
        case .acceptAll:
            // Only the proposals whose branch and enterprise are both still free (the core's rule).
            guard let set, let snapshot = s.snapshot else { return .none }
            let application = PlanApplication(proposals: set.pairs.map { PlanApplication.Pair(branch: $0.branch, enterprise: $0.enterprise) },
                                              leftUnpaired: set.unpaired.map(\.enterprise), replan: false, snapshot: snapshot)
            guard !application.isEmpty else {
                return .error(bi("这些建议都已结对；按 r 重新计算", "every proposal is already paired; r recomputes"))
            }
            return .form(s.acceptAllForm(application))
        default:
            return .none
        }
    }
}
