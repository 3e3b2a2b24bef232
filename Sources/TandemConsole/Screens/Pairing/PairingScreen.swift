import TandemCore

/// Pairing by picking both: free branches on the left, unpaired enterprises (those needing
/// help first) on the right, and what pairing the picked two would mean.
extension PairingState {
    func viewport(_ s: ScreenContext) -> Int { max(1, s.contentHeight - 6) }

    /// Keeps the highlighted row of each list visible.
    mutating func scroll(_ s: ScreenContext) {
        _ = branches.scroll(rows: viewport(s), count: branchRows.count)
        _ = enterprises.scroll(rows: viewport(s), count: enterpriseRows.count)
    }

    func render(_ grid: inout Grid, _ s: ScreenContext) {
        guard let snapshot = s.snapshot else { return }
        let top = s.contentTop
        let half = (s.width - 1) / 2
        let leftX = 0, rightX = half + 1
        // The divider runs as far as the longer list: a row holding nothing but it would be read
        // out as a lone line-drawing character.
        let listed = 1 + max(1, min(viewport(s), max(branchRows.count, enterpriseRows.count)))
        for y in top..<(top + min(s.contentHeight - 4, listed)) { grid.put("│", x: half, y: y, style: .dim) }

        let branchTitle = s.t("空闲突击队", "Free branches") + " (\(branchRows.count))"
        let enterpriseTitle = s.t("待结对单位", "Unpaired enterprises") + " (\(enterpriseRows.count))"
        let leftFocus = side == .branches
        grid.put((leftFocus ? "▶ " : "  ") + branchTitle, x: leftX, y: top, maxWidth: half, style: leftFocus ? Style(.header, bold: true, underline: true) : .header)
        grid.put((leftFocus ? "  " : "▶ ") + enterpriseTitle, x: rightX, y: top, maxWidth: s.width - rightX, style: leftFocus ? .header : Style(.header, bold: true, underline: true))

        let rows = viewport(s)
        // Branches.
        var bc = branches
        let bFirst = bc.scroll(rows: rows, count: branchRows.count)
        for row in 0..<rows {
            let position = bFirst + row
            guard let index = branchRows[safe: position] else { break }
            let branch = snapshot.branches[index]
            let y = top + 1 + row
            let picked = pickedBranch == branch.code
            let selected = position == bc.index
            let district = s.context.geography.district(code: branch.districtCode)?.label(s.lang) ?? branch.districtCode
            let caps = s.context.catalog.capabilities(of: branch.capabilities).map { s.t($0.name) }.joined(separator: ",")
            let text = "\(picked ? "[*]" : "[ ]") \(branch.code) \(TerminalText.sanitize(branch.name)) \(district) \(branch.headcount)\(s.t("人", "p")) \(caps)"
            let style: Style = selected && leftFocus ? .selected : (picked ? Style(.accent, bold: true) : .normal)
            grid.putPadded(text, x: leftX, y: y, width: half, style: style)
            if selected && leftFocus { grid.cursor = (leftX, y) }
        }
        if branchRows.isEmpty { grid.putMessage(s.t("没有空闲突击队", "no free branches"), x: leftX + 2, y: top + 1, style: .dim) }
        // Enterprises.
        var ec = enterprises
        let eFirst = ec.scroll(rows: rows, count: enterpriseRows.count)
        let rightWidth = s.width - rightX
        for row in 0..<rows {
            let position = eFirst + row
            guard let index = enterpriseRows[safe: position] else { break }
            let enterprise = snapshot.enterprises[index]
            let y = top + 1 + row
            let picked = pickedEnterprise == enterprise.code
            let selected = position == ec.index
            let district = s.context.geography.district(code: enterprise.districtCode)?.label(s.lang) ?? enterprise.districtCode
            let open = snapshot.requests(of: enterprise.code).filter { $0.status.isActive }.count
            let need = open > 0 ? s.t("!需求\(open)", "!\(open) open") : s.t("无需求", "no needs")
            let text = "\(picked ? "[*]" : "[ ]") \(enterprise.code) \(TerminalText.sanitize(enterprise.name)) \(district) \(need)"
            let style: Style = selected && !leftFocus ? .selected : (picked ? Style(.accent, bold: true) : (open > 0 ? .normal : .dim))
            grid.putPadded(text, x: rightX, y: y, width: rightWidth, style: style)
            if selected && !leftFocus { grid.cursor = (rightX, y) }
        }
        if enterpriseRows.isEmpty { grid.putMessage(s.t("所有单位均已结对", "every enterprise is paired"), x: rightX + 2, y: top + 1, style: .dim) }

        // What pairing would mean.
        let y = top + s.contentHeight - 4
        Widgets.rule(&grid, y: y, title: s.t("结对", "pairing"))
        if let candidate = pairCandidate, let branch = snapshot.branch(candidate.branch), let enterprise = snapshot.enterprise(candidate.enterprise) {
            grid.put(s.t("将结对：", "Would pair: ") + s.t(Self.names(candidate, s)), x: 0, y: y + 1, style: .header)
            grid.put(pairExplanation(branch, enterprise, s), x: 0, y: y + 2)
            let asks = Self.assessment(candidate, s)?.needsConfirmation == true
            grid.put(asks ? s.t("按 p 或 Enter 结对（会先确认）；空格 取消选定", "p or Enter pairs them (asks first); Space unpicks")
                          : s.t("按 p 或 Enter 结对；空格 取消选定", "p or Enter pairs them; Space unpicks"), x: 0, y: y + 3, style: .dim)
        } else if let picked = pickedBranch ?? pickedEnterprise {
            let name = picked.kind == .branch ? snapshot.branch(picked).map { TerminalText.sanitize($0.name) }
                : snapshot.enterprise(picked).map { TerminalText.sanitize($0.name) }
            grid.put(s.t("已选定：", "Picked: ") + "\(picked) \(name ?? "")", x: 0, y: y + 1, style: .header)
            grid.put(picked.kind == .branch ? s.t("再用空格选定一家单位，然后按 p 结对", "now pick an enterprise with Space, then p pairs them")
                                            : s.t("再用空格选定一支突击队，然后按 p 结对", "now pick a branch with Space, then p pairs them"),
                     x: 0, y: y + 2, style: .dim)
        } else {
            grid.put(s.t("空格 选定突击队，再选定单位，按 p 结对；←→ 切换列表", "Space picks a branch, then an enterprise; p pairs them; ←→ switch lists"),
                     x: 0, y: y + 1, style: .dim)
        }
    }

    /// The pair as the engine judges it (`PairingPlanner.assess`): distance, reach and gaps.
    func pairExplanation(_ branch: Branch, _ enterprise: Enterprise, _ s: ScreenContext) -> String {
        guard let snapshot = s.snapshot else { return "" }
        let assessment = PairingPlanner.assess(branch: branch, enterprise: enterprise, snapshot: snapshot,
                                               geography: s.context.geography, catalog: s.context.catalog,
                                               weights: s.context.weights, today: s.data?.today ?? Day.local())
        let e = assessment.explanation
        let km = Int(e.distanceKm.rounded())
        var parts = [s.t("距离约 \(km) 公里", "about \(km) km apart")]
        if !assessment.withinReach {
            parts.append(s.t("超出引擎范围（\(assessment.maxDistanceKm) 公里）", "beyond the engine's reach (\(assessment.maxDistanceKm) km)"))
        }
        if e.openRequests == 0 {
            parts.append(s.t("该单位暂无需求", "no open requests"))
        } else if e.gaps.isEmpty {
            parts.append(s.t("能力满足全部 \(e.openRequests) 项需求", "has what all \(e.openRequests) open request(s) need"))
        } else {
            parts.append(e.gaps.map { $0.text(s.lang) }.joined(separator: s.t("；", "; ")))
        }
        return parts.joined(separator: " · ")
    }
}
