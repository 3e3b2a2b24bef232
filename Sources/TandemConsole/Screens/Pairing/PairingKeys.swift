import TandemCore

/// The pairing screen's key table.
extension ConsoleState {
    func pairingBindings() -> [KeyBinding] {
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
}
