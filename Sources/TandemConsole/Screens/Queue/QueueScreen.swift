import TandemCore

/// The open-requests queue: sort, filter and incremental search over every request, with
/// the selected request's details and what the operator may do with it.
extension QueueState {
    func viewport(_ s: ScreenContext) -> Int { max(1, s.contentHeight - 2 - 4) }

    /// Keeps the focused request visible.
    mutating func scroll(_ s: ScreenContext) {
        _ = cursor.scroll(rows: viewport(s), count: rows.count)
    }

    func render(_ grid: inout Grid, _ s: ScreenContext) {
        guard let data = s.data else { return }
        let snapshot = data.snapshot
        let top = s.contentTop
        // Summary line: sort, filters, search, count.
        var summary = s.t("排序：", "sort: ") + s.t(sort.label)
        let f = filter
        var filters: [String] = []
        if let c = f.category { filters.append(s.categoryName(c)) }
        if f.allStatuses { filters.append(s.t("全部状态", "all statuses")) } else if let status = f.status { filters.append(s.t(status.name)) }
        if let d = f.district { filters.append(s.context.geography.district(code: d)?.name.text(s.lang) ?? d) }
        if let g = f.group { filters.append(s.t("第\(g)组", "group \(g)")) }
        if let quick = f.quick { filters.append(s.t(quick.label)) }
        summary += " │ " + s.t("筛选：", "filter: ") + (filters.isEmpty ? s.t("未完成的需求", "unfinished requests") : filters.joined(separator: "、"))
        if data.isFirstScreen {
            // Not a count: only the most urgent requests are read yet.
            summary += " │ " + s.t("最紧急的 \(rows.count) 项，正在读取全部…", "\(rows.count) most urgent, loading the rest…")
        } else {
            summary += " │ " + s.t("共 \(rows.count) 项", "\(rows.count) shown")
        }
        let used = grid.put(summary, x: 0, y: top, style: .accent)
        // Search box.
        let searchLabel = s.t("搜索：", "search: ")
        let searchX = min(s.width - 20, used + 2)
        if searching || !search.text.isEmpty {
            let w = grid.put(searchLabel, x: searchX, y: top, style: .header)
            grid.put(search.text, x: searchX + w, y: top, maxWidth: s.width - searchX - w, style: .input)
            if searching, !s.overlayOpen {
                grid.cursor = (min(s.width - 1, searchX + w + search.caretColumn), top)
            }
        }

        let zh = s.lang == .zh
        // English words are wider: below 100 columns the status column goes (open or in
        // progress shows in the progress figures; done and cancelled take the due column), so
        // that the enterprise's name keeps room.
        let compact = !zh && s.width < 100
        var columns = [
            Column(title: bi("编号", "code"), width: compact ? 6 : 7),
            Column(title: bi("优先", "prio"), width: zh ? 4 : 6),
            Column(title: bi("单位", "enterprise"), width: 0),
            Column(title: bi("区县", "district"), width: zh ? 6 : 9),
            Column(title: bi("物品", "item"), width: zh ? 8 : (compact ? 10 : 13)),
            Column(title: bi("进度", "progress"), width: 15),
            Column(title: bi("截止", "due"), width: compact ? 7 : 6),
            Column(title: bi("状态", "status"), width: zh ? 6 : 11),
            Column(title: bi("突击队", "branch"), width: compact ? 6 : 7),
        ]
        if compact { columns.remove(at: 7) }
        let widths = Column.layout(columns, total: s.width - 2)
        grid.tableRow(columns.map { s.t($0.title) }, widths: widths, columns: columns, x: 2, y: top + 1, style: .header)

        let detailHeight = 4
        let listTop = top + 2
        let shown = viewport(s)
        var cursor = self.cursor
        let first = cursor.scroll(rows: shown, count: self.rows.count)
        if let hidden = hiddenSearchedRecord(s) {
            // The searched record exists: say what hides it rather than "no match".
            if self.rows.isEmpty {
                grid.putMessage("ⓘ " + s.t(hidden), x: 2, y: listTop, style: .warn)
            } else if self.rows.count < shown {
                grid.put("ⓘ " + s.t(hidden), x: 2, y: listTop + self.rows.count, style: .warn)
            }
        } else if self.rows.isEmpty {
            grid.putMessage(search.text.isEmpty ? s.t("没有符合条件的需求", "no requests match") : s.t("没有匹配“\(search.text)”的需求", "nothing matches \"\(search.text)\""),
                     x: 2, y: listTop, style: .dim)
        }
        for row in 0..<shown {
            let position = first + row
            guard position < self.rows.count else { break }
            let request = snapshot.requests[Int(self.rows[position])]
            let y = listTop + row
            let selected = position == cursor.index
            let enterprise = snapshot.enterprise(request.enterpriseCode)
            let district = enterprise.flatMap { s.context.geography.district(code: $0.districtCode) }
            let overdue = request.isOverdue(on: data.today)
            let due = request.due.map { String($0.description.dropFirst(5)) + (overdue ? "!" : "") } ?? "—"
            let branch = snapshot.pairedBranch(of: request.enterpriseCode).map(\.description) ?? s.t("无!", "none!")
            var texts = [
                request.code.description,
                s.t(request.priority.name),
                TerminalText.sanitize(enterprise?.name ?? request.enterpriseCode.description),
                district?.label(s.lang) ?? "",
                s.itemName(request),
                "\(request.delivered)/\(request.quantity) \(s.unitName(request.unit))",
                due,
                s.t(request.status.name),
                branch,
            ]
            if compact {
                texts.remove(at: 7)
                if !request.status.isActive { texts[6] = s.t(request.status.name) }
            }
            grid.put(selected ? "▶" : " ", x: 0, y: y, style: selected ? .selected : .normal)
            grid.tableRow(texts, widths: widths, columns: columns, x: 2, y: y,
                          style: selected ? .selected : (overdue || request.priority == .urgent ? .warn : .normal))
            if selected {
                grid.restyle(y: y, style: .selected)
                if !searching { grid.cursor = (0, y) }
            }
        }
        if let request = selectedRequest(s) { renderRequestDetail(&grid, request, y: top + s.contentHeight - detailHeight, s) }
    }

    /// Four lines about one request: enterprise and branch, quantities, notes, and whether the
    /// operator may work on it (with the reason when not).
    func renderRequestDetail(_ grid: inout Grid, _ request: Request, y: Int, _ s: ScreenContext) {
        guard let data = s.data else { return }
        let snapshot = data.snapshot
        Widgets.rule(&grid, y: y, title: s.t("所选需求", "selected request"))
        let enterprise = snapshot.enterprise(request.enterpriseCode)
        let district = enterprise.flatMap { s.context.geography.district(code: $0.districtCode) }
        var line1 = "\(request.code) · \(request.enterpriseCode) \(TerminalText.sanitize(enterprise?.name ?? "")) · \(district?.name.text(s.lang) ?? "")"
        if let branchCode = snapshot.pairedBranch(of: request.enterpriseCode) {
            let branch = snapshot.branch(branchCode)
            line1 += s.t(" · 突击队 ", " · branch ") + "\(branchCode) \(TerminalText.sanitize(branch?.name ?? ""))"
            grid.put(line1, x: 0, y: y + 1)
        } else {
            let w = grid.put(line1 + " · ", x: 0, y: y + 1)
            grid.put(s.t("盲区：无突击队负责", "BLIND SPOT: no branch"), x: w, y: y + 1, style: .bad)
        }
        let fraction = request.quantity.thousandths == 0 ? 0 : min(1, request.delivered.doubleValue / request.quantity.doubleValue)
        let unit = s.unitName(request.unit)
        let progress = "\(s.categoryName(request.category)) · \(s.itemName(request)) · " + s.t("已送达", "delivered") + " \(request.delivered)/\(request.quantity) \(unit) "
        var x = grid.put(progress, x: 0, y: y + 2)
        Widgets.drawBar(&grid, x: x, y: y + 2, fraction: fraction, width: 10, selected: false)
        x += 10
        var tail = " \(Percent.delivered(request.delivered, of: request.quantity))% · \(s.t(request.priority.name)) · \(s.t(request.status.name))"
        if let due = request.due { tail += s.t(" · 截止 ", " · due ") + due.description }
        x += grid.put(tail, x: x, y: y + 2)
        if request.isOverdue(on: data.today) { grid.put(s.t(" · 已逾期", " · OVERDUE"), x: x, y: y + 2, style: .bad) }
        // Permission line: the reason when the operator may not work on this request.
        if let reason = s.context.denial(.workRequest(enterprise: request.enterpriseCode), in: snapshot) {
            grid.put(s.t("✗ 不能办理此需求：", "✗ cannot work on this request: ") + s.t(reason), x: 0, y: y + 3, style: .disabled)
        } else if !request.notes.isEmpty {
            grid.put(s.t("备注：", "notes: ") + TerminalText.sanitize(request.notes), x: 0, y: y + 3, style: .dim)
        } else {
            grid.put(s.t("提交：", "filed: ") + request.filed.description, x: 0, y: y + 3, style: .dim)
        }
    }
}
