import TandemCore

/// The branch lead's "my enterprise": contact, resumption status and its requests with progress.
extension MineState {
    /// Rows of the request list; fewer while a change to the pairing is announced above it.
    func viewport(_ s: ScreenContext) -> Int { max(1, s.contentHeight - 11 - pairingChangeLines(s).count) }

    /// The notice of a change to the lead's pairing, wrapped to the screen (at most 3 lines),
    /// so that the reason is never cut off.
    func pairingChangeLines(_ s: ScreenContext) -> [String] {
        guard let change = pairingChange(s) else { return [] }
        return Array(Self.wrap(pairingChangeNotice(change, s), width: s.width - 1).prefix(3))
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
    func displayCount(_ s: ScreenContext) -> Int {
        let count = requests(s).count
        return count + (activeRequestCount(s) < count ? 1 : 0)
    }

    /// The list row drawn for request `position` of `requests` (one lower past the heading).
    func displayRow(of position: Int, _ s: ScreenContext) -> Int {
        let active = activeRequestCount(s)
        return position + (position >= active && active < requests(s).count ? 1 : 0)
    }

    /// The request drawn on list row `displayRow` of a list of `count` requests, `active` of
    /// them active; nil for the heading and past the end.
    static func requestPosition(displayRow: Int, active: Int, count: Int) -> Int? {
        if displayRow < active { return displayRow }
        if displayRow == active { return nil }
        return displayRow - 1 < count ? displayRow - 1 : nil
    }

    /// Keeps the focused request visible (and the heading above the first closed one when it fits).
    mutating func scroll(_ s: ScreenContext) {
        cursor.clamp(count: requests(s).count)
        var shown = ListCursor(index: displayRow(of: cursor.index, s), top: cursor.top)
        cursor.top = shown.scroll(rows: viewport(s), count: displayCount(s))
    }

    func render(_ grid: inout Grid, _ s: ScreenContext) {
        guard let snapshot = s.snapshot else { return }
        let top = s.contentTop
        guard let branchCode = s.context.leadBranch else { return }
        let branch = snapshot.branch(branchCode)
        grid.put(s.t("我的突击队：", "My branch: ") + "\(branchCode) \(TerminalText.sanitize(branch?.name ?? ""))", x: 0, y: top, style: .header)
        guard let enterprise = s.myEnterprise else {
            grid.putMessage(s.t("您的突击队还没有结对单位；请联系调度员结对。", "Your branch has no paired enterprise yet; ask a dispatcher to pair one."), x: 2, y: top + 2)
            grid.put(s.t("可按 2 查看需求队列（只读）。", "Press 2 to browse the request queue (read-only)."), x: 2, y: top + 3, style: .dim)
            for (i, line) in pairingChangeLines(s).enumerated() { grid.put(line, x: 0, y: top + 5 + i, style: .warn) }
            return
        }
        let district = s.context.geography.district(code: enterprise.districtCode)
        let info: [(Bilingual, String)] = [
            (bi("单位", "Enterprise"), "\(enterprise.code) \(TerminalText.sanitize(enterprise.name)) · \(s.t(enterprise.kind.name)) · \(district?.name.text(s.lang) ?? "")"),
            (bi("地址", "Address"), TerminalText.sanitize(enterprise.address)),
            (bi("联系人", "Contact"), "\(TerminalText.sanitize(enterprise.contactName)) \(TerminalText.sanitize(enterprise.contactPhone)) · " + s.t("残疾职工 \(enterprise.disabledEmployees) 人", "\(enterprise.disabledEmployees) disabled employees")),
            (bi("复工", "Resumption"), enterprise.resumption.label(s.lang)),
        ]
        for (i, (label, value)) in info.enumerated() {
            let w = grid.put(TerminalText.pad(s.t(label), to: s.lang == .zh ? 8 : 12), x: 2, y: top + 1 + i, style: .dim)
            grid.put(value, x: 2 + w, y: top + 1 + i)
        }
        if enterprise.resumption != .resumed {
            Widgets.drawBar(&grid, x: s.width - 22, y: top + 4, fraction: Double(enterprise.resumption.percent) / 100, width: 20, selected: false)
        }

        var listTop = top + 6
        for line in pairingChangeLines(s) {
            grid.put(line, x: 0, y: listTop - 1, style: .warn)
            listTop += 1
        }
        let requests = requests(s)
        let activeCount = activeRequestCount(s)
        let columns = [
            Column(title: bi("编号", "code"), width: 7),
            Column(title: bi("物品", "item"), width: 0),
            Column(title: bi("已送达/需求", "delivered/asked"), width: 18, right: true),
            Column(title: bi("进度", "progress"), width: 16),
            Column(title: bi("截止", "due"), width: 11),
            Column(title: bi("状态", "status"), width: s.lang == .zh ? 6 : 11),
        ]
        let widths = Column.layout(columns, total: s.width - 2)
        grid.tableRow(columns.map { s.t($0.title) }, widths: widths, columns: columns, x: 2, y: listTop - 1, style: .header)
        let rows = viewport(s)
        if requests.isEmpty { grid.putMessage(s.t("本单位没有需求", "no requests yet"), x: 2, y: listTop, style: .dim) }
        for row in 0..<rows {
            let displayRow = cursor.top + row
            let y = listTop + row
            guard let position = Self.requestPosition(displayRow: displayRow, active: activeCount, count: requests.count) else {
                if displayRow == activeCount, activeCount < requests.count {
                    // The done and cancelled requests, apart from those still to work on.
                    Widgets.rule(&grid, y: y, title: s.t("已完成、已取消（\(requests.count - activeCount)）", "Done and cancelled (\(requests.count - activeCount))"))
                    continue
                }
                break
            }
            let request = requests[position]
            let selected = position == cursor.index
            let fraction = request.quantity.thousandths == 0 ? 0 : min(1, request.delivered.doubleValue / request.quantity.doubleValue)
            let overdue = request.isOverdue(on: s.data?.today ?? request.filed)
            let texts = [
                request.code.description,
                s.itemName(request) + " · " + s.t(request.priority.name),
                "\(request.delivered)/\(request.quantity) \(s.unitName(request.unit))",
                Widgets.bar(fraction, width: 10) + " \(Percent.delivered(request.delivered, of: request.quantity))%",
                (request.due?.description ?? "—") + (overdue ? "!" : ""),
                s.t(request.status.name),
            ]
            grid.put(selected ? "▶" : " ", x: 0, y: y, style: selected ? .selected : .normal)
            grid.tableRow(texts, widths: widths, columns: columns, x: 2, y: y,
                          style: selected ? .selected : (request.status.isActive ? (overdue ? .warn : .normal) : .dim))
            if selected { grid.restyle(y: y, style: .selected); grid.cursor = (0, y) }
        }
        if let request = selectedRequest(s) {
            renderDetail(&grid, request, y: top + s.contentHeight - 4, s)
        }
    }

    /// The focused request under the list: what it is, its notes and its latest delivery notes.
    private func renderDetail(_ grid: inout Grid, _ request: Request, y: Int, _ s: ScreenContext) {
        Widgets.rule(&grid, y: y, title: s.t("所选需求", "selected request"))
        var line = "\(request.code) · \(s.categoryName(request.category)) · \(s.itemName(request)) · " + s.t("登记 ", "filed ") + request.filed.description
        if let completed = request.completed { line += s.t(" · 完成 ", " · done ") + completed.description }
        if request.isOverdue(on: s.data?.today ?? request.filed) { line += s.t(" · 已逾期", " · OVERDUE") }
        grid.put(line, x: 0, y: y + 1)
        grid.put(s.t("备注：", "Notes: ") + (request.notes.isEmpty ? s.t("无", "none") : TerminalText.sanitize(request.notes)), x: 0, y: y + 2, style: .dim)
        guard let enterprise = s.myEnterprise, let history = s.histories[enterprise.code] else { return }
        let deliveries = history.deliveries.filter { $0.requestCode == request.code }
        guard let last = deliveries.last else {
            grid.put(s.t("送达：尚无", "Deliveries: none yet"), x: 0, y: y + 3, style: .dim)
            return
        }
        let notes = deliveries.reversed().filter { !$0.note.isEmpty }.prefix(3)
            .map { "\(s.minute($0.at).suffix(11)) +\($0.quantity) " + TerminalText.sanitize($0.note) }
        let head = s.t("送达 \(deliveries.count) 笔，最近 \(s.minute(last.at))", (deliveries.count == 1 ? "1 delivery" : "\(deliveries.count) deliveries") + ", last \(s.minute(last.at))")
        grid.put(head + (notes.isEmpty ? "" : s.t("；送达备注：", "; notes: ") + notes.joined(separator: s.t("；", "; "))), x: 0, y: y + 3)
    }

    /// Says who ended or changed the lead's pairing, when and why.
    func pairingChangeNotice(_ change: PairingChange, _ s: ScreenContext) -> String {
        let ended = change.ended
        let who = TerminalText.sanitize(ended.endedBy ?? "")
        let when = ended.endedAt.map(s.minute) ?? ""
        let reason = TerminalText.sanitize((ended.endReason ?? ""))
        if let now = change.nowPaired {
            return s.t("⚠ 结对已变更：\(who) 于 \(when) 解除了与 \(ended.enterpriseCode) 的结对（原因：\(reason)），现负责 \(now)",
                     "⚠ Pairing changed: \(who) ended the pairing with \(ended.enterpriseCode) at \(when) (reason: \(reason)); now paired with \(now)")
        }
        return s.t("⚠ 结对已解除：\(who) 于 \(when) 解除了与 \(ended.enterpriseCode) 的结对（原因：\(reason)）",
                 "⚠ Pairing ended: \(who) ended the pairing with \(ended.enterpriseCode) at \(when) (reason: \(reason))")
    }
}
