import TandemCore

/// The engine's proposals: each pair with its explanation, accepted one by one or all at
/// once, and the enterprises left unpaired with the reason.
extension ProposalsState {
    func viewport(_ s: ScreenContext) -> Int { max(1, s.contentHeight - 9) }

    /// Keeps the focused proposal visible.
    mutating func scroll(_ s: ScreenContext) {
        _ = cursor.scroll(rows: viewport(s), count: self.set?.pairs.count ?? 0)
    }

    func render(_ grid: inout Grid, _ s: ScreenContext) {
        guard let snapshot = s.snapshot else { return }
        let top = s.contentTop
        guard let set else {
            let text: String
            if computing { text = s.t("正在计算建议…", "Computing proposals…") }
            else if let error = error { text = s.t("无法计算建议：", "cannot compute proposals: ") + s.t(error) }
            else { text = s.t("按 r 计算引擎建议", "press r to compute the engine's proposals") }
            grid.putMessage(text, x: 2, y: top + 1, style: error == nil ? .normal : .error)
            return
        }
        var header = s.t("建议 \(set.pairs.count) 个结对", "\(set.pairs.count) proposed pairing(s)")
            + " │ " + s.t("\(set.unpaired.count) 家有需求的单位仍无突击队", "\(set.unpaired.count) enterprise(s) in need left unpaired")
        if stale { header += s.t(" │ 数据已变化，按 r 重新计算", " │ data changed: r recomputes") }
        if computing { header += s.t(" │ 计算中…", " │ computing…") }
        grid.put(header, x: 0, y: top, style: stale ? .warn : .accent)

        let columns = [
            Column(title: bi("#", "#"), width: 4, right: true),
            Column(title: bi("突击队", "branch"), width: 0),
            Column(title: bi("单位", "enterprise"), width: 0),
            Column(title: bi("距离", "km"), width: 6, right: true),
            Column(title: bi("代价", "cost"), width: 6, right: true),
        ]
        let widths = Column.layout(columns, total: s.width - 2)
        grid.tableRow(columns.map { s.t($0.title) }, widths: widths, columns: columns, x: 2, y: top + 1, style: .header)
        let rows = viewport(s)
        var cursor = self.cursor
        let first = cursor.scroll(rows: rows, count: set.pairs.count)
        if set.pairs.isEmpty {
            grid.putMessage(s.t("没有可建议的结对：没有既有需求又能配上空闲突击队的单位", "nothing to propose: no enterprise in need can be matched with a free branch"),
                            x: 2, y: top + 2, style: .dim)
        }
        for row in 0..<rows {
            let position = first + row
            guard let pair = set.pairs[safe: position] else { break }
            let y = top + 2 + row
            let selected = position == cursor.index
            let branch = snapshot.branch(pair.branch)
            let enterprise = snapshot.enterprise(pair.enterprise)
            let stillFree = snapshot.pairingByBranch[pair.branch] == nil && snapshot.pairingByEnterprise[pair.enterprise] == nil
            let texts = [
                "\(position + 1)",
                "\(pair.branch) \(TerminalText.sanitize(branch?.name ?? ""))",
                "\(pair.enterprise) \(TerminalText.sanitize(enterprise?.name ?? ""))" + (stillFree ? "" : s.t("（已结对）", " (paired)")),
                pair.distanceKm.map { String(Int($0.rounded())) } ?? "—",
                "\(pair.cost)",
            ]
            grid.put(selected ? "▶" : " ", x: 0, y: y, style: selected ? .selected : .normal)
            grid.tableRow(texts, widths: widths, columns: columns, x: 2, y: y, style: selected ? .selected : (stillFree ? .normal : .dim))
            if selected { grid.restyle(y: y, style: .selected); grid.cursor = (0, y) }
        }
        // Explanation of the selected proposal, then the unpaired.
        var y = top + 2 + rows
        Widgets.rule(&grid, y: y, title: s.t("所选建议", "selected proposal"))
        y += 1
        if let pair = set.pairs[safe: cursor.index] {
            grid.put(s.t("理由：", "Why: ") + pair.explanation.prefix(2).map { s.t($0) }.joined(separator: " · "), x: 0, y: y)
            y += 1
            if pair.explanation.count > 2 {
                grid.put("  " + pair.explanation.dropFirst(2).map { s.t($0) }.joined(separator: " · "), x: 0, y: y, style: .dim)
            }
        }
        y = top + s.contentHeight - 3
        grid.put(s.t("仍无突击队：", "Left unpaired: ") + (set.unpaired.isEmpty ? s.t("无", "none") : ""), x: 0, y: y, style: .header)
        for (i, item) in set.unpaired.prefix(2).enumerated() {
            let name = snapshot.enterprise(item.enterprise).map { TerminalText.sanitize($0.name) } ?? ""
            grid.put("! \(item.enterprise) \(name)" + s.t("：", ": ") + s.t(item.reason), x: 2, y: y + 1 + i, style: .warn)
        }
        if set.unpaired.count > 2 {
            grid.put(s.t("… 另有 \(set.unpaired.count - 2) 家", "… and \(set.unpaired.count - 2) more"), x: s.width - 20, y: y, style: .dim)
        }
    }
}
