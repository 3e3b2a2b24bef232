import TandemCore

/// The engine's proposals: each pair with its explanation, accepted one by one or all at
/// once, and the enterprises left unpaired with the reason.
extension ConsoleState {
    var proposalViewport: Int { max(1, contentHeight - 9) }

    func renderProposals(_ grid: inout Grid) {
        guard let snapshot else { return }
        let top = contentTop
        guard let set = proposals.set else {
            let text: String
            if proposals.computing { text = t("正在计算建议…", "Computing proposals…") }
            else if let error = proposals.error { text = t("无法计算建议：", "cannot compute proposals: ") + t(error) }
            else { text = t("按 r 计算引擎建议", "press r to compute the engine's proposals") }
            grid.putMessage(text, x: 2, y: top + 1, style: proposals.error == nil ? .normal : .error)
            return
        }
        var header = t("建议 \(set.pairs.count) 个结对", "\(set.pairs.count) proposed pairing(s)")
            + " │ " + t("\(set.unpaired.count) 家有需求的单位仍无突击队", "\(set.unpaired.count) enterprise(s) in need left unpaired")
        if proposals.stale { header += t(" │ 数据已变化，按 r 重新计算", " │ data changed: r recomputes") }
        if proposals.computing { header += t(" │ 计算中…", " │ computing…") }
        grid.put(header, x: 0, y: top, style: proposals.stale ? .warn : .accent)

        let columns = [
            Column(title: bi("#", "#"), width: 4, right: true),
            Column(title: bi("突击队", "branch"), width: 0),
            Column(title: bi("单位", "enterprise"), width: 0),
            Column(title: bi("距离", "km"), width: 6, right: true),
            Column(title: bi("代价", "cost"), width: 6, right: true),
        ]
        let widths = Column.layout(columns, total: width - 2)
        grid.tableRow(columns.map { t($0.title) }, widths: widths, columns: columns, x: 2, y: top + 1, style: .header)
        let rows = proposalViewport
        var cursor = proposals.cursor
        let first = cursor.scroll(rows: rows, count: set.pairs.count)
        if set.pairs.isEmpty {
            grid.putMessage(t("没有可建议的结对：没有既有需求又能配上空闲突击队的单位", "nothing to propose: no enterprise in need can be matched with a free branch"),
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
                "\(pair.enterprise) \(TerminalText.sanitize(enterprise?.name ?? ""))" + (stillFree ? "" : t("（已结对）", " (paired)")),
                pair.distanceKm.map { String(Int($0.rounded())) } ?? "—",
                "\(pair.cost)",
            ]
            grid.put(selected ? "▶" : " ", x: 0, y: y, style: selected ? .selected : .normal)
            grid.tableRow(texts, widths: widths, columns: columns, x: 2, y: y, style: selected ? .selected : (stillFree ? .normal : .dim))
            if selected { grid.restyle(y: y, style: .selected); grid.cursor = (0, y) }
        }
        // Explanation of the selected proposal, then the unpaired.
        var y = top + 2 + rows
        Widgets.rule(&grid, y: y, title: t("所选建议", "selected proposal"))
        y += 1
        if let pair = set.pairs[safe: cursor.index] {
            grid.put(t("理由：", "Why: ") + pair.explanation.prefix(2).map { t($0) }.joined(separator: " · "), x: 0, y: y)
            y += 1
            if pair.explanation.count > 2 {
                grid.put("  " + pair.explanation.dropFirst(2).map { t($0) }.joined(separator: " · "), x: 0, y: y, style: .dim)
            }
        }
        y = top + contentHeight - 3
        grid.put(t("仍无突击队：", "Left unpaired: ") + (set.unpaired.isEmpty ? t("无", "none") : ""), x: 0, y: y, style: .header)
        for (i, item) in set.unpaired.prefix(2).enumerated() {
            let name = snapshot.enterprise(item.enterprise).map { TerminalText.sanitize($0.name) } ?? ""
            grid.put("! \(item.enterprise) \(name)" + t("：", ": ") + t(item.reason), x: 2, y: y + 1 + i, style: .warn)
        }
        if set.unpaired.count > 2 {
            grid.put(t("… 另有 \(set.unpaired.count - 2) 家", "… and \(set.unpaired.count - 2) more"), x: width - 20, y: y, style: .dim)
        }
    }
}
