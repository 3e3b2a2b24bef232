import TandemCore

/// The pairing screen's key table, and what its keys do.
extension PairingState {
    func bindings(_ s: ScreenContext) -> [KeyBinding] {
        var pairDenial = s.context.denial(.pair, in: s.snapshot)
        if pairDenial == nil, pairCandidate == nil {
            pairDenial = pickedBranch == nil
                ? bi("先用空格选定一支突击队", "pick a branch first (Space)")
                : bi("再用空格选定一家单位", "now pick an enterprise (Space)")
        }
        // Enter reads the highlighted record, as on every screen; only `p` pairs (the picked two).
        return s.movement(bi("列表", "list")) + [s.detailRow(side == .branches ? bi("突击队", "branch") : bi("单位", "enterprise"), focused: focusedRecord(s))] + [
            KeyBinding(keys: [.left, .right, .char("h"), .char("l")], action: .switchSide, label: bi("左右切换", "switch list"),
                       help: bi("在空闲突击队和待结对单位之间切换", "switch between free branches and unpaired enterprises"), command: "side"),
            KeyBinding(keys: [.char(" ")], action: .pick, label: bi("选定", "pick"),
                       help: bi("选定当前突击队或单位", "pick the highlighted branch or enterprise"), command: "pick"),
            KeyBinding(keys: [.char("p")], action: .pair, label: bi("结对", "pair"),
                       help: bi("将选定的突击队与单位结对", "pair the picked branch with the picked enterprise"), command: "pair",
                       disabled: pairDenial),
        ]
    }

    mutating func perform(_ action: ConsoleAction, _ s: ScreenContext) -> ScreenOutcome {
        let moved = side == .branches ? branches.perform(action, count: branchRows.count, page: viewport(s))
                                      : enterprises.perform(action, count: enterpriseRows.count, page: viewport(s))
        if moved { return .none }
        switch action {
        case .switchSide:
            side = side == .branches ? .enterprises : .branches
        case .pick:
            pick(s)
        case .pair:
            guard let candidate = pairCandidate else { return .none }
            return Self.request(candidate, via: .keys, s)
        default:
            break
        }
        return .none
    }

    /// Space: picks the highlighted record (or unpicks it), then moves to the other list when
    /// its pick is still to make.
    private mutating func pick(_ s: ScreenContext) {
        guard let snapshot = s.snapshot else { return }
        switch side {
        case .branches:
            guard let index = branchRows[safe: branches.index] else { return }
            let code = snapshot.branches[index].code
            pickedBranch = pickedBranch == code ? nil : code
            if pickedBranch != nil { side = .enterprises }
        case .enterprises:
            guard let index = enterpriseRows[safe: enterprises.index] else { return }
            let code = snapshot.enterprises[index].code
            pickedEnterprise = pickedEnterprise == code ? nil : code
            if pickedEnterprise != nil, pickedBranch == nil { side = .branches }
        }
    }
}
