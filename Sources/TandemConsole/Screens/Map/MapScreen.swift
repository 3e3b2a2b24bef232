import TandemCore

/// The coverage map: the districts as tiles in their rough geographic places, each shaded by
/// coverage and labelled with its percentage and a `!` where there is a blind spot, so the
/// meaning never rests on colour alone.
extension MapState {
    func render(_ grid: inout Grid, _ s: ScreenContext) {
        guard let data = s.data else { return }
        let districts = s.mapDistricts
        guard !districts.isEmpty else { return }
        let top = s.contentTop
        let minRow = districts.map(\.tile.row).min()!, maxRow = districts.map(\.tile.row).max()!
        let minCol = districts.map(\.tile.col).min()!, maxCol = districts.map(\.tile.col).max()!
        let rows = maxRow - minRow + 1, cols = maxCol - minCol + 1
        // Tile size: as large as fits, at least 6×2, leaving 4 lines for legend and details.
        let tileWidth = max(6, min(12, (s.width - 1) / cols - 1))
        let available = s.contentHeight - 5
        let tileHeight = max(2, min(3, available / rows - (available / rows > 2 ? 1 : 0)))
        let gapY = (rows * (tileHeight + 1) <= available) ? 1 : 0
        let gapX = ((tileWidth + 1) * cols <= s.width) ? 1 : 0
        let selectedCode = selected ?? districts.first!.code
        let inner = gapX == 0 ? tileWidth - 1 : tileWidth
        let labels = Self.tileLabels(districts.map { $0.shortName(s.lang).count < 2 ? $0.name.text(s.lang) : $0.shortName(s.lang) },
                                             columns: inner)

        for (index, district) in districts.enumerated() {
            guard let coverage = data.coverage.district(district.code) else { continue }
            let x = (district.tile.col - minCol) * (tileWidth + gapX)
            let y = top + 1 + (district.tile.row - minRow) * (tileHeight + gapY)
            let f = coverage.figures
            let selected = district.code == selectedCode
            let style = tileStyle(coverage, selected: selected)
            for line in 0..<tileHeight { grid.fill(x: x, y: y + line, count: inner, style: style) }
            grid.put(labels[index], x: x, y: y, maxWidth: inner, style: style)
            var mark = f.needingHelp == 0 ? "·" : Widgets.percent(f.coveragePercent)
            if coverage.isBlindSpot { mark = "!" + mark } else if !f.blindSpots.isEmpty { mark += "!" }
            // The percentage, then the shading character filling the rest of the tile.
            let fillCount = max(0, inner - DisplayWidth.of(mark) - (inner > 6 ? 1 : 0))
            grid.put(mark + (inner > 6 ? " " : "") + String(repeating: shade(f), count: fillCount), x: x, y: y + 1, maxWidth: inner, style: style)
            // Until the details are drawn, the cursor marks the tile itself.
            if selected { grid.cursor = (x, y) }
        }
        let legendY = top + s.contentHeight - 3
        grid.put(s.t("图例：■ ≥80%  ▓ 50–79%  ▒ 1–49%  ░ 0%  · 无需求  ! 有盲区单位（!0% 盲区区县）  方向键移动，Enter 查看",
                   "key: ■ ≥80%  ▓ 50–79%  ▒ 1–49%  ░ 0%  · no needs  ! blind spot (!0% blind-spot district)  arrows move, Enter opens"),
                 x: 0, y: legendY, style: .dim)
        if let district = s.context.geography.district(code: selectedCode), let coverage = data.coverage.district(selectedCode) {
            let f = coverage.figures
            var line = "\(district.name.text(s.lang)) · " + s.t("第\(district.group)组", "group \(district.group)")
                + s.t(" · 需帮扶 \(f.needingHelp)，已结对 \(f.covered)，覆盖率 \(Widgets.percent(f.coveragePercent))，盲区单位 \(f.blindSpots.count)，逾期 \(f.overdue)",
                    " · \(f.needingHelp) in need, \(f.covered) paired, coverage \(Widgets.percent(f.coveragePercent)), \(f.blindSpots.count) blind spots, \(f.overdue) overdue")
            if coverage.isBlindSpot { line += s.t(" · 盲区区县", " · BLIND-SPOT DISTRICT") }
            grid.put(line, x: 0, y: legendY + 1, style: coverage.isBlindSpot ? .bad : .header)
            // A row of tiles reads as a string of cut names and shading; the focused district's
            // details say what the tile means, so a screen reader reads them as arrows move.
            grid.cursor = (0, legendY + 1)
            grid.put(s.t("待送达：", "Still to deliver: ") + s.openSummary(f), x: 0, y: legendY + 2)
        }
    }

    /// The longest prefix of `text` that fits in `columns`, without an ellipsis (tile labels).
    /// Tile labels cut to `columns` (one column between tiles stays blank so neighbours never
    /// run together). Names whose cut would read the same (Jiangbei and Jiangjin as "Jiang")
    /// keep their first letter and their end instead ("J'bei", "J'jin").
    static func tileLabels(_ names: [String], columns: Int) -> [String] {
        var labels = names.map { prefix($0, columns: columns) }
        var seen: [String: Int] = [:]
        for label in labels { seen[label, default: 0] += 1 }
        for (i, name) in names.enumerated() where seen[labels[i], default: 0] > 1 && labels[i] != name {
            guard let first = name.first else { continue }
            var tail = "", used = DisplayWidth.of(first) + 1
            for character in name.reversed() {
                let w = DisplayWidth.of(character)
                if used + w > columns { break }
                tail.insert(character, at: tail.startIndex)
                used += w
            }
            labels[i] = String(first) + "'" + tail
        }
        return labels
    }

    private static func prefix(_ text: String, columns: Int) -> String {
        var result = "", used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > columns { break }
            result.append(character)
            used += w
        }
        return result
    }

    /// The shading character row for monochrome terminals (also drawn in colour).
    private func shade(_ f: CoverageFigures) -> String {
        guard let p = f.coveragePercent else { return " " }
        return p >= 80 ? "■" : p >= 50 ? "▓" : p > 0 ? "▒" : "░"
    }

    private func tileStyle(_ coverage: DistrictCoverage, selected: Bool) -> Style {
        if selected { return Style(.selected, bold: true, reverse: true, underline: true) }
        guard let p = coverage.figures.coveragePercent else { return Style(.dim, reverse: false) }
        if coverage.isBlindSpot || p == 0 { return Style(.bad, bold: true, reverse: true) }
        if p < 50 { return Style(.warn, reverse: true) }
        if p < 80 { return Style(.accent, reverse: true) }
        return Style(.good, reverse: true)
    }
}
