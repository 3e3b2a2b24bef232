import TandemCore

/// The branch lead's "my enterprise": contact, resumption status and its requests with progress.
extension ConsoleState {
    /// Rows of the request list; fewer while a change to the pairing is announced above it.
    var mineViewport: Int { max(1, contentHeight - 11 - pairingChangeLines.count) }

    /// The notice of a change to the lead's pairing, wrapped to the screen (at most 3 lines),
    /// so that the reason is never cut off.
    var pairingChangeLines: [String] {
        guard let change = myPairingChange else { return [] }
        return Array(Self.wrap(pairingChangeNotice(change), width: width - 1).prefix(3))
    }

    /// `text` cut into lines of at most `width` display columns (CJK counts two).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = "", used = 0
        for character in text {
            let w = DisplayWidth.of(String(character))
            if used + w > width, !line.isEmpty { lines.append(line); line = "  "; used = 2 }
            line.append(character)
            used += w
        }
        if !line.trimmingWhitespace().isEmpty { lines.append(line) }
        return lines
    }

    /// Rows of the list as drawn: the active requests, a heading, then the done and cancelled ones.
    var mineDisplayCount: Int {
        let count = myRequests.count
        return count + (myActiveRequestCount < count ? 1 : 0)
    }

    /// The list row drawn for request `position` of `myRequests` (one lower past the heading).
    func mineDisplayRow(of position: Int) -> Int {
        position + (position >= myActiveRequestCount && myActiveRequestCount < myRequests.count ? 1 : 0)
    }

    /// The request drawn on list row `displayRow` of a list of `count` requests, `active` of
    /// them active; nil for the heading and past the end.
    static func mineRequestPosition(displayRow: Int, active: Int, count: Int) -> Int? {
        if displayRow < active { return displayRow }
        if displayRow == active { return nil }
        return displayRow - 1 < count ? displayRow - 1 : nil
    }

    /// Keeps the focused request visible (and the heading above the first closed one when it fits).
    mutating func scrollMine() {
        mine.cursor.clamp(count: myRequests.count)
        var shown = ListCursor(index: mineDisplayRow(of: mine.cursor.index), top: mine.cursor.top)
        mine.cursor.top = shown.scroll(rows: mineViewport, count: mineDisplayCount)
    }

    func renderMine(_ grid: inout Grid) {
        guard let snapshot else { return }
        let top = contentTop
        guard let branchCode = context.leadBranch else { return }
        let branch = snapshot.branch(branchCode)
        grid.put(t("我的突击队：", "My branch: ") + "\(branchCode) \(TerminalText.sanitize(branch?.name ?? ""))", x: 0, y: top, style: .header)
        guard let enterprise = myEnterprise else {
            grid.putMessage(t("您的突击队还没有结对单位；请联系调度员结对。", "Your branch has no paired enterprise yet; ask a dispatcher to pair one."), x: 2, y: top + 2)
            grid.put(t("可按 2 查看需求队列（只读）。", "Press 2 to browse the request queue (read-only)."), x: 2, y: top + 3, style: .dim)
            for (i, line) in pairingChangeLines.enumerated() { grid.put(line, x: 0, y: top + 5 + i, style: .warn) }
            return
        }
        let district = context.geography.district(code: enterprise.districtCode)
        let info: [(Bilingual, String)] = [
            (bi("单位", "Enterprise"), "\(enterprise.code) \(TerminalText.sanitize(enterprise.name)) · \(t(enterprise.kind.name)) · \(district?.name.text(lang) ?? "")"),
            (bi("地址", "Address"), TerminalText.sanitize(enterprise.address)),
            (bi("联系人", "Contact"), "\(TerminalText.sanitize(enterprise.contactName)) \(TerminalText.sanitize(enterprise.contactPhone)) · " + t("残疾职工 \(enterprise.disabledEmployees) 人", "\(enterprise.disabledEmployees) disabled employees")),
            (bi("复工", "Resumption"), enterprise.resumption.label(lang)),
        ]
        for (i, (label, value)) in info.enumerated() {
            let w = grid.put(TerminalText.pad(t(label), to: lang == .zh ? 8 : 12), x: 2, y: top + 1 + i, style: .dim)
            grid.put(value, x: 2 + w, y: top + 1 + i)
        }
        if enterprise.resumption != .resumed {
            Widgets.drawBar(&grid, x: width - 22, y: top + 4, fraction: Double(enterprise.resumption.percent) / 100, width: 20, selected: false)
        }

        var listTop = top + 6
        for line in pairingChangeLines {
            grid.put(line, x: 0, y: listTop - 1, style: .warn)
            listTop += 1
        }
        let requests = myRequests
        let activeCount = myActiveRequestCount
        let columns = [
            Column(title: bi("编号", "code"), width: 7),
            Column(title: bi("物品", "item"), width: 0),
            Column(title: bi("已送达/需求", "delivered/asked"), width: 18, right: true),
            Column(title: bi("进度", "progress"), width: 16),
            Column(title: bi("截止", "due"), width: 11),
            Column(title: bi("状态", "status"), width: lang == .zh ? 6 : 11),
        ]
        let widths = Column.layout(columns, total: width - 2)
        grid.tableRow(columns.map { t($0.title) }, widths: widths, columns: columns, x: 2, y: listTop - 1, style: .header)
        let rows = mineViewport
        if requests.isEmpty { grid.putMessage(t("本单位没有需求", "no requests yet"), x: 2, y: listTop, style: .dim) }
        for row in 0..<rows {
            let displayRow = mine.cursor.top + row
            let y = listTop + row
            guard let position = Self.mineRequestPosition(displayRow: displayRow, active: activeCount, count: requests.count) else {
                if displayRow == activeCount, activeCount < requests.count {
                    // The done and cancelled requests, apart from those still to work on.
                    Widgets.rule(&grid, y: y, title: t("已完成、已取消（\(requests.count - activeCount)）", "Done and cancelled (\(requests.count - activeCount))"))
                    continue
                }
                break
            }
            let request = requests[position]
            let selected = position == mine.cursor.index
            let fraction = request.quantity.thousandths == 0 ? 0 : min(1, request.delivered.doubleValue / request.quantity.doubleValue)
            let overdue = request.isOverdue(on: data?.today ?? request.filed)
            let texts = [
                request.code.description,
                itemName(request) + " · " + t(request.priority.name),
                "\(request.delivered)/\(request.quantity) \(unitName(request.unit))",
                Widgets.bar(fraction, width: 10) + " \(Percent.delivered(request.delivered, of: request.quantity))%",
                (request.due?.description ?? "—") + (overdue ? "!" : ""),
                t(request.status.name),
            ]
            grid.put(selected ? "▶" : " ", x: 0, y: y, style: selected ? .selected : .normal)
            grid.tableRow(texts, widths: widths, columns: columns, x: 2, y: y,
                          style: selected ? .selected : (request.status.isActive ? (overdue ? .warn : .normal) : .dim))
            if selected { grid.restyle(y: y, style: .selected); grid.cursor = (0, y) }
        }
        if let request = selectedMineRequest {
            renderMineDetail(&grid, request, y: top + contentHeight - 4)
        }
    }

    /// The focused request under the list: what it is, its notes and its latest delivery notes.
    private func renderMineDetail(_ grid: inout Grid, _ request: Request, y: Int) {
        Widgets.rule(&grid, y: y, title: t("所选需求", "selected request"))
        var line = "\(request.code) · \(categoryName(request.category)) · \(itemName(request)) · " + t("登记 ", "filed ") + request.filed.description
        if let completed = request.completed { line += t(" · 完成 ", " · done ") + completed.description }
        if request.isOverdue(on: data?.today ?? request.filed) { line += t(" · 已逾期", " · OVERDUE") }
        grid.put(line, x: 0, y: y + 1)
        grid.put(t("备注：", "Notes: ") + (request.notes.isEmpty ? t("无", "none") : TerminalText.sanitize(request.notes)), x: 0, y: y + 2, style: .dim)
        guard let enterprise = myEnterprise, let history = histories[enterprise.code] else { return }
        let deliveries = history.deliveries.filter { $0.requestCode == request.code }
        guard let last = deliveries.last else {
            grid.put(t("送达：尚无", "Deliveries: none yet"), x: 0, y: y + 3, style: .dim)
            return
        }
        let notes = deliveries.reversed().filter { !$0.note.isEmpty }.prefix(3)
            .map { "\(minute($0.at).suffix(11)) +\($0.quantity) " + TerminalText.sanitize($0.note) }
        let head = t("送达 \(deliveries.count) 笔，最近 \(minute(last.at))", (deliveries.count == 1 ? "1 delivery" : "\(deliveries.count) deliveries") + ", last \(minute(last.at))")
        grid.put(head + (notes.isEmpty ? "" : t("；送达备注：", "; notes: ") + notes.joined(separator: t("；", "; "))), x: 0, y: y + 3)
    }

    /// Says who ended or changed the lead's pairing, when and why.
    func pairingChangeNotice(_ change: PairingChange) -> String {
        let ended = change.ended
        let who = TerminalText.sanitize(ended.endedBy ?? "")
        let when = ended.endedAt.map(minute) ?? ""
        let reason = TerminalText.sanitize((ended.endReason ?? ""))
        if let now = change.nowPaired {
            return t("⚠ 结对已变更：\(who) 于 \(when) 解除了与 \(ended.enterpriseCode) 的结对（原因：\(reason)），现负责 \(now)",
                     "⚠ Pairing changed: \(who) ended the pairing with \(ended.enterpriseCode) at \(when) (reason: \(reason)); now paired with \(now)")
        }
        return t("⚠ 结对已解除：\(who) 于 \(when) 解除了与 \(ended.enterpriseCode) 的结对（原因：\(reason)）",
                 "⚠ Pairing ended: \(who) ended the pairing with \(ended.enterpriseCode) at \(when) (reason: \(reason))")
    }
}
