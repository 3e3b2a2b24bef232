import TandemCore

/// The lines of a record's detail view (also the coverage drill-down's enterprise level):
/// what the record is, and its whole history, read from the histories loaded so far.
extension ScreenContext {
    func detailLines(_ code: RecordCode) -> [(String, Style)] {
        switch code.kind {
        case .enterprise: historyLines(code)
        case .request: requestLines(code)
        case .branch: branchLines(code)
        }
    }

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


    func historyLines(_ code: RecordCode) -> [(String, Style)] {
        guard let snapshot, let enterprise = snapshot.enterprise(code) else { return [] }
        var lines: [(String, Style)] = []
        let district = context.geography.district(code: enterprise.districtCode)
        lines.append(("\(enterprise.code) \(TerminalText.sanitize(enterprise.name)) · \(t(enterprise.kind.name)) · \(district?.name.text(lang) ?? "") · \(enterprise.resumption.label(lang))", .header))
        lines.append((t("联系人：", "Contact: ") + "\(TerminalText.sanitize(enterprise.contactName)) \(TerminalText.sanitize(enterprise.contactPhone)) · \(TerminalText.sanitize(enterprise.address))", .normal))
        if let branch = snapshot.pairedBranch(of: code) {
            lines.append((t("当前突击队：", "Branch now: ") + "\(branch) \(TerminalText.sanitize(snapshot.branch(branch)?.name ?? ""))", .good))
        } else if snapshot.needsHelp(code) {
            lines.append((t("!盲区：有需求但无突击队", "!BLIND SPOT: needs help and has no branch"), .bad))
        }
        lines.append((t("需求：", "Requests:"), .header))
        for request in snapshot.requests(of: code).reversed() {
            var line = "  \(request.code) \(itemName(request)) \(request.delivered)/\(request.quantity) \(unitName(request.unit)) · \(t(request.status.name)) · \(t(request.priority.name))"
            if let due = request.due { line += t(" · 截止 ", " · due ") + due.description }
            if request.isOverdue(on: data?.today ?? request.filed) { line += t(" · 已逾期", " · OVERDUE") }
            lines.append((line, request.status.isActive ? .normal : .dim))
        }
        if let history = histories[code] {
            lines.append((t("结对历史（共 \(history.pairings.count) 次）：", "Pairings (\(history.pairings.count)):"), .header))
            for p in history.pairings {
                let end = p.endedAt.map { t(" 至 ", " to ") + $0.day(in: .current).description + (p.endReason.map { "（\(TerminalText.sanitize($0))）" } ?? "") } ?? t(" 至今", " to now")
                lines.append(("  \(p.branchCode) " + t("自 ", "from ") + p.startedAt.day(in: .current).description + end, .normal))
            }
            lines.append((t("送达记录（共 \(history.deliveries.count) 笔）：", "Deliveries (\(history.deliveries.count)):"), .header))
            for d in history.deliveries {
                let unit = data?.request(d.requestCode).map { unitName($0.unit) } ?? ""
                lines.append((deliveryLine(d, unit: unit), .normal))
            }
            lines.append((t("操作记录（共 \(history.events.count) 条）：", "Changes (\(history.events.count)):"), .header))
            lines += history.events.map { (eventLine($0), .dim) }
        } else {
            lines.append((t("正在读取历史…", "Loading history…"), .dim))
        }
        return lines
    }
}
