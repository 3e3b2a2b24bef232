import TandemCore

/// The branch lead's "my enterprise": contact, resumption status and its requests with progress.
extension ConsoleState {
    var mineViewport: Int { max(1, contentHeight - 11) }

    func renderMine(_ grid: inout Grid) {
        guard let snapshot else { return }
        let top = contentTop
        guard let branchCode = context.leadBranch else { return }
        let branch = snapshot.branch(branchCode)
        grid.put(t("我的突击队：", "My branch: ") + "\(branchCode) \(TerminalText.sanitize(branch?.name ?? ""))", x: 0, y: top, style: .header)
        guard let enterprise = myEnterprise else {
            grid.putMessage(t("您的突击队还没有结对单位；请联系调度员结对。", "Your branch has no paired enterprise yet; ask a dispatcher to pair one."), x: 2, y: top + 2)
            grid.put(t("可按 2 查看需求队列（只读）。", "Press 2 to browse the request queue (read-only)."), x: 2, y: top + 3, style: .dim)
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

        let requests = myRequests
        let listTop = top + 6
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
        var cursor = mine.cursor
        let first = cursor.scroll(rows: rows, count: requests.count)
        if requests.isEmpty { grid.putMessage(t("本单位没有需求", "no requests yet"), x: 2, y: listTop, style: .dim) }
        for row in 0..<rows {
            let position = first + row
            guard let request = requests[safe: position] else { break }
            let y = listTop + row
            let selected = position == cursor.index
            let fraction = request.quantity.thousandths == 0 ? 0 : min(1, request.delivered.doubleValue / request.quantity.doubleValue)
            let overdue = request.isOverdue(on: data?.today ?? request.filed)
            let texts = [
                request.code.description,
                itemName(request) + " · " + t(request.priority.name),
                "\(request.delivered)/\(request.quantity) \(unitName(request.unit))",
                Widgets.bar(fraction, width: 10) + " \(Int(fraction * 100))%",
                (request.due?.description ?? "—") + (overdue ? "!" : ""),
                t(request.status.name),
            ]
            grid.put(selected ? "▶" : " ", x: 0, y: y, style: selected ? .selected : .normal)
            grid.tableRow(texts, widths: widths, columns: columns, x: 2, y: y,
                          style: selected ? .selected : (request.status.isActive ? (overdue ? .warn : .normal) : .dim))
            if selected { grid.restyle(y: y, style: .selected); grid.cursor = (0, y) }
        }
        if let request = requests[safe: cursor.index] {
            renderRequestDetail(&grid, request, y: top + contentHeight - 4)
        }
    }
}
