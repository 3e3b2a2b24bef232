import TandemCore

/// The detail view of one request, enterprise or branch: everything about it and its whole
/// history (every pairing, delivery and change, counted), read line by line. Opened with
/// Enter on a focused row or `:show R88|E12|B3`; anyone whose read scope holds the record
/// may open it (`Permissions.readScope`).
struct DetailView: Sendable, Hashable {
    var code: RecordCode
    /// The line being read: the cursor is on it and the view shows its page.
    var scroll = 0
}

extension ConsoleState {
    /// Opens the detail view of `code` when the operator may read it; says why not otherwise.
    mutating func openDetail(_ code: RecordCode) -> [Effect] {
        guard let snapshot else { return [] }
        let enterprise: Enterprise?
        switch code.kind {
        case .request:
            guard let request = data?.request(code) else {
                notice = Notice(kind: .error, text: bi("找不到需求 \(code)", "no request \(code)"))
                return []
            }
            enterprise = snapshot.enterprise(request.enterpriseCode)
        case .enterprise:
            enterprise = snapshot.enterprise(code)
            if enterprise == nil { notice = Notice(kind: .error, text: bi("找不到单位 \(code)", "no enterprise \(code)")); return [] }
        case .branch:
            guard let branch = snapshot.branch(code) else {
                notice = Notice(kind: .error, text: bi("找不到突击队 \(code)", "no branch \(code)"))
                return []
            }
            if !context.scope.includes(branch) { return outsideScope(code) }
            overlay = .detail(DetailView(code: code))
            return [.loadBranchHistory(code)]
        }
        guard let enterprise else { return [] }
        if !context.scope.includes(enterprise) { return outsideScope(code) }
        overlay = .detail(DetailView(code: code))
        return [.loadHistory(enterprise.code)]
    }

    private mutating func outsideScope(_ code: RecordCode) -> [Effect] {
        let scope = context.scope.name
        notice = Notice(kind: .error, text: bi("\(code) 不在您可查看的范围（\(scope.zh)）", "\(code) is outside what you may see (\(scope.en))"))
        return []
    }

    /// The record the focused row of the current screen stands for, for Enter and `:show`.
    var focusedRecord: RecordCode? {
        switch tab {
        case .queue: selectedQueueRequest?.code
        case .mine: selectedMineRequest?.code
        case .pairing: pairing.side == .branches ? highlightedPairingRows.branch : highlightedPairingRows.enterprise
        case .proposals: proposals.set?.pairs[safe: proposals.cursor.index]?.enterprise
        case .coverage, .map: nil
        }
    }

    /// Rows of the detail view available for its lines (title and hint lines aside).
    var detailViewport: Int { max(1, height - 5) }

    func detailLines(_ code: RecordCode) -> [(String, Style)] {
        switch code.kind {
        case .enterprise: historyLines(code)
        case .request: requestLines(code)
        case .branch: branchLines(code)
        }
    }

    mutating func scrollDetail(_ action: ConsoleAction) {
        guard case .detail(var view) = overlay else { return }
        let count = detailLines(view.code).count
        // `scroll` is the line being read (the cursor's); the view pages to keep it shown.
        let page = detailViewport
        let last = max(0, count - 1)
        switch action {
        case .up: view.scroll -= 1
        case .down: view.scroll += 1
        // A page turned is read from its top.
        case .pageUp: view.scroll = max(0, view.scroll / page - 1) * page
        case .pageDown: view.scroll = view.scroll / page * page + page <= last ? view.scroll / page * page + page : view.scroll
        case .top: view.scroll = 0
        case .bottom: view.scroll = last
        default: break
        }
        view.scroll = min(max(0, view.scroll), last)
        overlay = .detail(view)
    }

    // MARK: Lines

    /// A request: what was asked, every delivery and every change, oldest first.
    func requestLines(_ code: RecordCode) -> [(String, Style)] {
        guard let snapshot, let request = data?.request(code) else { return [] }
        let enterprise = snapshot.enterprise(request.enterpriseCode)
        let unit = unitName(request.unit)
        var lines: [(String, Style)] = []
        lines.append(("\(request.code) · \(request.enterpriseCode) \(TerminalText.sanitize(enterprise?.name ?? "")) · \(categoryName(request.category)) · \(itemName(request))", .header))
        var state = t("已送达", "delivered") + " \(request.delivered)/\(request.quantity) \(unit) · \(t(request.priority.name)) · \(t(request.status.name))"
        if let due = request.due { state += t(" · 截止 ", " · due ") + due.description }
        if request.isOverdue(on: data?.today ?? request.filed) { state += t(" · 已逾期", " · OVERDUE") }
        lines.append((state, .normal))
        lines.append((t("登记：", "Filed: ") + request.filed.description + (request.completed.map { t(" · 完成：", " · done: ") + $0.description } ?? ""), .normal))
        if let branch = snapshot.pairedBranch(of: request.enterpriseCode) {
            lines.append((t("突击队：", "Branch: ") + "\(branch) \(TerminalText.sanitize(snapshot.branch(branch)?.name ?? ""))", .good))
        }
        for note in request.notes.split(separator: "\n") {
            lines.append((t("备注：", "Notes: ") + TerminalText.sanitize(String(note)), .dim))
        }
        guard let history = histories[request.enterpriseCode] else {
            lines.append((t("正在读取历史…", "Loading history…"), .dim))
            return lines
        }
        let deliveries = history.deliveries.filter { $0.requestCode == code }
        lines.append((t("送达记录（共 \(deliveries.count) 笔）：", "Deliveries (\(deliveries.count)):"), .header))
        lines += deliveries.map { (deliveryLine($0, unit: unit), .normal) }
        let events = history.events.filter { $0.subject.request == code }
        lines.append((t("操作记录（共 \(events.count) 条）：", "Changes (\(events.count)):"), .header))
        lines += events.map { (eventLine($0), .dim) }
        return lines
    }

    /// A branch: who it is, what it works for now, and every change naming it.
    func branchLines(_ code: RecordCode) -> [(String, Style)] {
        guard let snapshot, let branch = snapshot.branch(code) else { return [] }
        let district = context.geography.district(code: branch.districtCode)?.name.text(lang) ?? branch.districtCode
        let caps = context.catalog.capabilities(of: branch.capabilities).map { t($0.name) }.joined(separator: t("、", ", "))
        var lines: [(String, Style)] = []
        lines.append(("\(branch.code) \(TerminalText.sanitize(branch.name)) · \(district) · \(branch.headcount) \(t("人", "people"))", .header))
        lines.append((t("能力：", "Capabilities: ") + (caps.isEmpty ? t("无", "none") : caps) + (branch.active ? "" : t(" · 已停用", " · inactive")), .normal))
        if let enterprise = snapshot.pairedEnterprise(of: code) {
            lines.append((t("当前结对：", "Paired with: ") + "\(enterprise) \(TerminalText.sanitize(snapshot.enterprise(enterprise)?.name ?? ""))", .good))
        } else {
            lines.append((t("当前空闲（未结对）", "Free (not paired)"), .normal))
        }
        guard let events = branchHistories[code] else {
            lines.append((t("正在读取历史…", "Loading history…"), .dim))
            return lines
        }
        lines.append((t("操作记录（共 \(events.count) 条）：", "Changes (\(events.count)):"), .header))
        lines += events.map { (eventLine($0), .dim) }
        return lines
    }

    func deliveryLine(_ d: Delivery, unit: String) -> String {
        let over = d.overDelivery ? t("（超额）", " (over)") : ""
        let note = d.note.isEmpty ? "" : " " + TerminalText.sanitize(d.note)
        return "  \(minute(d.at)) \(d.requestCode) +\(d.quantity) \(unit)\(over)\(note) · \(TerminalText.sanitize(d.operatorLogin))"
    }

    func eventLine(_ e: AuditEvent) -> String {
        let reason = e.endedPairing?.endReason.map { t("（原因：", " (reason: ") + TerminalText.sanitize($0) + t("）", ")") } ?? ""
        return "  \(minute(e.at)) \(TerminalText.sanitize(e.operatorLogin)) \(t(e.action.name)) \(TerminalText.sanitize(e.subject.description))\(reason)"
    }

    /// `2020-03-10 09:00`, local time.
    func minute(_ at: Timestamp) -> String {
        String(at.description.replacingOccurrences(of: "T", with: " ").prefix(16))
    }
}
