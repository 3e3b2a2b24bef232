import TandemCore

/// The supervisor's coverage: groups, then a group's districts, then a district's
/// enterprises, then one enterprise's history, with terminal bar charts.
extension CoverageState {
    func viewport(_ s: ScreenContext) -> Int { max(1, s.contentHeight - 7) }

    /// Keeps the focused row (or history line) visible.
    mutating func scroll(_ s: ScreenContext) {
        var cursor = self.cursor
        if case .enterprise(let code) = level {
            _ = cursor.scroll(rows: s.contentHeight - 1, count: s.historyLines(code).count)
        } else {
            _ = cursor.scroll(rows: viewport(s), count: rows(s).count)
        }
        self.cursor = cursor
    }

    func render(_ grid: inout Grid, _ s: ScreenContext) {
        guard let data = s.data else { return }
        let top = s.contentTop
        grid.put(breadcrumb(s), x: 0, y: top, style: .accent)
        switch level {
        case .enterprise(let code):
            renderHistory(&grid, code, top: top + 1, s)
        case .district:
            renderEnterpriseRows(&grid, top: top + 1, s)
        case .city, .group:
            renderFigureRows(&grid, top: top + 1, s)
        }
        _ = data
    }

    func breadcrumb(_ s: ScreenContext) -> String {
        var parts: [String] = []
        for level in path {
            switch level {
            case .city: parts.append(s.t("全市", "City") + (byDistrict ? s.t("（按区县）", " (by district)") : ""))
            case .group(let n): parts.append(s.context.geography.group(number: n)?.name.text(s.lang) ?? "G\(n)")
            case .district(let code): parts.append(s.context.geography.district(code: code)?.name.text(s.lang) ?? code)
            case .enterprise(let code): parts.append(code.description)
            }
        }
        let order: String
        switch level {
        case .city, .group: order = worstFirst ? s.t("（覆盖率最差在前）", " (worst coverage first)") : ""
        default: order = ""
        }
        return parts.joined(separator: " › ") + order
    }

    private func renderFigureRows(_ grid: inout Grid, top: Int, _ s: ScreenContext) {
        guard let data = s.data else { return }
        let rows = self.rows(s)
        let zh = s.lang == .zh
        let columns = [
            Column(title: bi("名称", "name"), width: 0),
            Column(title: bi("需帮扶", "need"), width: 6, right: true),
            Column(title: bi("已结对", "paired"), width: 6, right: true),
            Column(title: bi("覆盖率", "coverage"), width: 18),
            Column(title: bi("盲区", "blind"), width: zh ? 10 : 11),
            Column(title: bi("逾期", "overdue"), width: 7, right: true),
            Column(title: bi("7日完成", "done 7d"), width: 7, right: true),
        ]
        let widths = Column.layout(columns, total: s.width - 2)
        grid.tableRow(columns.map { s.t($0.title) }, widths: widths, columns: columns, x: 2, y: top, style: .header)
        let viewport = viewport(s)
        var cursor = self.cursor
        let first = cursor.scroll(rows: viewport, count: rows.count)
        for row in 0..<viewport {
            let position = first + row
            guard let item = rows[safe: position] else { break }
            let y = top + 1 + row
            let selected = position == cursor.index
            let (name, f, blindDistrict): (String, CoverageFigures, Bool) = switch item {
            case .group(let g): (shortGroupName(g.group, s), g.figures, false)
            case .district(let d): (d.district.name.text(s.lang) + (level == .city ? s.t(" 第\(d.district.group)组", " G\(d.district.group)") : ""), d.figures, d.isBlindSpot)
            case .enterprise: ("", CoverageFigures(), false)
            }
            var blind = f.blindSpots.isEmpty ? "0" : "!\(f.blindSpots.count)"
            if blindDistrict { blind = s.t("!盲区", "!NONE") }
            else if case .group(let g) = item, !g.blindSpotDistricts.isEmpty { blind += s.t(" 盲区\(g.blindSpotDistricts.count)", " +\(g.blindSpotDistricts.count)dist") }
            let style: Style = selected ? .selected : (blindDistrict ? .bad : .normal)
            grid.put(selected ? "▶" : " ", x: 0, y: y, style: style)
            var x = 2
            let texts = [name, "\(f.needingHelp)", "\(f.covered)"]
            for (i, text) in texts.enumerated() {
                grid.putPadded(text, x: x, y: y, width: widths[i], style: style, alignRight: columns[i].right)
                x += widths[i] + 1
            }
            // Coverage bar with the percentage in words, so it is never colour alone.
            let barWidth = widths[3] - 5
            Widgets.drawBar(&grid, x: x, y: y, fraction: f.coverage, width: barWidth, selected: selected)
            grid.putPadded(Widgets.percent(f.coveragePercent), x: x + barWidth, y: y, width: 5, style: style, alignRight: true)
            x += widths[3] + 1
            for (i, text) in [blind, "\(f.overdue)", "\(f.doneLast7Days)"].enumerated() {
                grid.putPadded(text, x: x, y: y, width: widths[4 + i], style: style, alignRight: columns[4 + i].right)
                x += widths[4 + i] + 1
            }
            if selected { grid.cursor = (0, y) }
        }
        // Details of the selected row: open quantities per category, blind spots.
        let y = top + 1 + viewport
        Widgets.rule(&grid, y: y, title: s.t("所选一行的明细", "details of the selected row"))
        let figures: CoverageFigures?
        switch rows[safe: cursor.index] {
        case .group(let g): figures = g.figures
        case .district(let d): figures = d.figures
        default: figures = nil
        }
        let total = level == .city ? data.coverage.city : nil
        if let f = figures {
            grid.put(s.t("待送达：", "Still to deliver: ") + s.openSummary(f), x: 0, y: y + 1)
            let names = f.blindSpots.prefix(6).map { code in
                "\(code) " + (data.snapshot.enterprise(code).map { TerminalText.sanitize($0.name) } ?? "")
            }
            if names.isEmpty {
                grid.put(s.t("盲区单位：无", "Blind spots: none"), x: 0, y: y + 2, style: .good)
            } else {
                grid.put(s.t("盲区单位（有需求无突击队）：", "Blind spots (needs, no branch): ") + names.joined(separator: s.t("，", ", ")) + (f.blindSpots.count > 6 ? " …" : ""),
                         x: 0, y: y + 2, style: .bad)
            }
        }
        if let total {
            grid.put(s.t("全市：需帮扶 \(total.needingHelp)，已结对 \(total.covered)，覆盖率 \(Widgets.percent(total.coveragePercent))，盲区单位 \(total.blindSpots.count)，盲区区县 \(data.coverage.blindSpotDistricts.count)，逾期 \(total.overdue)，7日完成 \(total.doneLast7Days)",
                       "City: \(total.needingHelp) in need, \(total.covered) paired, coverage \(Widgets.percent(total.coveragePercent)), \(total.blindSpots.count) blind spots, \(data.coverage.blindSpotDistricts.count) blind-spot districts, \(total.overdue) overdue, \(total.doneLast7Days) done in 7 days"),
                     x: 0, y: y + 3, style: .accent)
        }
    }

    func shortGroupName(_ group: SupervisionGroup, _ s: ScreenContext) -> String {
        s.lang == .zh ? "第\(group.number)组 " + s.context.geography.districts(inGroup: group.number).map(\.shortNameZh).joined(separator: "、")
            : "G\(group.number) " + s.context.geography.districts(inGroup: group.number).map(\.shortNameEn).joined(separator: ", ")
    }

    private func renderEnterpriseRows(_ grid: inout Grid, top: Int, _ s: ScreenContext) {
        guard let data = s.data else { return }
        let rows = self.rows(s)
        if case .district(let code) = level, let d = data.coverage.district(code) {
            let f = d.figures
            var line = s.t("需帮扶 \(f.needingHelp)，已结对 \(f.covered)，覆盖率 \(Widgets.percent(f.coveragePercent))，本区突击队 \(d.homeBranches) 支", "\(f.needingHelp) in need, \(f.covered) paired, coverage \(Widgets.percent(f.coveragePercent)), \(d.homeBranches) branches based here")
            if d.isBlindSpot { line += s.t(" · 盲区：有需求但无突击队", " · BLIND SPOT: needs and no branch") }
            grid.put(line, x: 0, y: top, style: d.isBlindSpot ? .bad : .normal)
        }
        let viewport = viewport(s)
        var cursor = self.cursor
        let first = cursor.scroll(rows: viewport, count: rows.count)
        if rows.isEmpty { grid.putMessage(s.t("本区县没有登记单位", "no enterprises registered here"), x: 2, y: top + 1, style: .dim) }
        for row in 0..<viewport {
            let position = first + row
            guard case .enterprise(let e, let needs, let branch)? = rows[safe: position] else { break }
            let y = top + 1 + row
            let selected = position == cursor.index
            let open = data.snapshot.requests(of: e.code).filter { $0.status.isActive }.count
            let state: String
            if needs, branch == nil { state = s.t("!盲区 无突击队", "!BLIND SPOT: no branch") }
            else if let branch { state = s.t("突击队 ", "branch ") + branch.description }
            else { state = s.t("无需求", "no needs") }
            let text = "\(e.code) \(TerminalText.sanitize(e.name))"
            let style: Style = selected ? .selected : (needs && branch == nil ? .bad : (needs ? .normal : .dim))
            grid.put(selected ? "▶" : " ", x: 0, y: y, style: style)
            let nameWidth = s.width - 40
            grid.putPadded(text, x: 2, y: y, width: nameWidth, style: style)
            grid.putPadded(s.t("需求 \(open)", "\(open) open"), x: 3 + nameWidth, y: y, width: 10, style: style)
            grid.putPadded(state, x: 14 + nameWidth, y: y, width: s.width - 14 - nameWidth, style: style)
            if selected { grid.cursor = (0, y) }
        }
    }

    /// One enterprise: details, pairings past and present, requests and the audit trail.
    private func renderHistory(_ grid: inout Grid, _ code: RecordCode, top: Int, _ s: ScreenContext) {
        let lines = s.historyLines(code)
        var cursor = self.cursor
        let viewport = s.contentHeight - 1
        let first = cursor.scroll(rows: viewport, count: lines.count)
        for row in 0..<viewport {
            guard let (text, style) = lines[safe: first + row] else { break }
            grid.put(text, x: 0, y: top + row, style: first + row == cursor.index ? Style(style.tone, bold: true, underline: true) : style)
        }
        grid.cursor = (0, top + cursor.index - first)
    }
}
