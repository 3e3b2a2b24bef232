import TandemCore

/// The leaders' page (`tandem report coverage --format html`): one self-contained HTML file, no
/// scripts and no external assets, that shows the city at a glance — headline figures, coverage per
/// supervision group, the district tile map with blind spots, open quantities and overdue requests.
/// Every chart is inline SVG with a table beside it that states the same facts for screen readers.
public struct CoveragePage {
    public let report: CoverageReport
    public let overdue: [OverdueRequest]
    public let geography: Geography
    public let catalog: Catalog
    public let lang: Lang
    /// How many overdue requests the table lists (all are counted).
    public var overdueListed = 20

    public init(report: CoverageReport, overdue: [OverdueRequest], geography: Geography, catalog: Catalog, lang: Lang) {
        self.report = report
        self.overdue = overdue
        self.geography = geography
        self.catalog = catalog
        self.lang = lang
    }

    private var w: Wording { Wording(lang: lang, catalog: catalog, geography: geography, escape: Escaping.html) }
    private func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    public func html() -> String {
        let title = t("“一对一”帮扶覆盖情况", "One-to-one relief: coverage")
        let date = w.longDay(report.today)
        return """
        <!DOCTYPE html>
        <html lang="\(t("zh-CN", "en"))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) \(date)</title>
        <style>\(Self.css)</style>
        </head>
        <body class="\(lang.rawValue)">
        <header><h1>\(title)</h1><p class="asof">\(t("截至", "As of ") + date)</p></header>
        <main>
        \(headline())
        \(groupsSection())
        \(mapSection())
        \(openSection())
        \(overdueSection())
        </main>
        </body>
        </html>

        """
    }

    // MARK: - Sections

    private func headline() -> String {
        let c = report.city
        let cards: [(String, String, Bool)] = [
            (t("需帮扶单位", "enterprises in need"), "\(c.needingHelp)", false),
            (t("已结对覆盖", "covered by a branch"), "\(c.covered)", false),
            (t("覆盖率", "coverage"), w.percent(c.coveragePercent), false),
            (t("盲区区县", "blind-spot districts"), "\(report.blindSpotDistricts.count)", !report.blindSpotDistricts.isEmpty),
            (t("未结对单位", "enterprises without a branch"), "\(c.blindSpots.count)", !c.blindSpots.isEmpty),
            (t("逾期需求", "overdue requests"), "\(c.overdue)", c.overdue > 0),
        ]
        let items = cards.map { label, value, alert in
            "<li class=\"card\(alert ? " alert" : "")\"><span class=\"big\">\(alert ? "! " : "")\(value)</span><span class=\"small\">\(label)</span></li>"
        }.joined(separator: "\n")
        return "<section aria-labelledby=\"h-summary\"><h2 id=\"h-summary\">\(t("全市概况", "The city at a glance"))</h2>\n<ul class=\"cards\">\n\(items)\n</ul></section>"
    }

    private func groupsSection() -> String {
        let bars = report.groups.map { g -> SVGCharts.Bar in
            let f = g.figures
            let blind = g.blindSpotDistricts.count
            return SVGCharts.Bar(label: w.text(g.group.name), fraction: f.coverage ?? 0,
                                 valueText: "\(w.percent(f.coveragePercent)) (\(f.covered)/\(f.needingHelp))",
                                 fill: SVGCharts.coverageFill(f.coverage),
                                 warning: blind == 0 ? nil : t("! \(blind)个盲区", "! \(blind) blind"))
        }
        let description = report.groups.map { g in
            "\(w.text(g.group.name)) \(w.percent(g.figures.coveragePercent))"
        }.joined(separator: t("；", "; "))
        let chart = SVGCharts.bars(id: "groups", title: t("各督促指导小组覆盖率", "Coverage per supervision group"),
                                   description: description, bars: bars, labelWidth: lang == .zh ? 150 : 170)
        let rows = report.groups.map { g -> String in
            let f = g.figures
            let blind = g.blindSpotDistricts.map { w.district($0.district.code) }
            return "<tr><th scope=\"row\">\(w.text(g.group.name))</th><td>\(f.needingHelp)</td><td>\(f.covered)</td>"
                + "<td>\(w.percent(f.coveragePercent))</td><td>\(f.blindSpots.count)</td>"
                + "<td>\(blind.isEmpty ? "—" : "! " + blind.joined(separator: t("、", ", ")))</td><td>\(f.overdue)</td></tr>"
        }.joined(separator: "\n")
        let table = """
        <table><caption>\(t("各督促指导小组覆盖情况", "Coverage per supervision group"))</caption>
        <thead><tr><th scope="col">\(t("督导组", "group"))</th><th scope="col">\(t("需帮扶", "in need"))</th>\
        <th scope="col">\(t("已覆盖", "covered"))</th><th scope="col">\(t("覆盖率", "coverage"))</th>\
        <th scope="col">\(t("未结对单位", "without branch"))</th><th scope="col">\(t("盲区区县", "blind-spot districts"))</th>\
        <th scope="col">\(t("逾期", "overdue"))</th></tr></thead>
        <tbody>
        \(rows)
        </tbody></table>
        """
        return pair("h-groups", t("覆盖率：各督促指导小组", "Coverage per supervision group"), chart, table)
    }

    private func mapSection() -> String {
        let tiles = report.districts.map { d in
            SVGCharts.Tile(row: d.district.tile.row, col: d.district.tile.col,
                           name: w.data(lang == .zh ? d.district.shortNameZh : d.district.shortNameEn),
                           share: d.figures.coverage, percentText: w.percent(d.figures.coveragePercent), blindSpot: d.isBlindSpot)
        }
        let blind = report.blindSpotDistricts.map { w.district($0.district.code) }
        let description = blind.isEmpty
            ? t("\(report.districts.count)个区县按覆盖率着色，无盲区区县。", "\(report.districts.count) districts shaded by coverage; no blind-spot district.")
            : t("\(report.districts.count)个区县按覆盖率着色；盲区区县（有需求、无突击队结对）：\(blind.joined(separator: "、"))。",
                "\(report.districts.count) districts shaded by coverage; blind-spot districts (needs and no branch): \(blind.joined(separator: ", ")).")
        let map = SVGCharts.tileMap(id: "map", title: t("区县覆盖地图", "District coverage map"), description: description, tiles: tiles)
        let legend = SVGCharts.legend.map { entry in
            "<li><span class=\"swatch\" style=\"background:\(entry.fill)\"></span>\(t(entry.zh, entry.en))</li>"
        }.joined() + "<li><span class=\"swatch blind\">!</span>\(t("盲区：有需求、无突击队结对", "blind spot: needs and no branch"))</li>"
        let rows = report.districts.sorted { ($0.isBlindSpot ? 0 : 1, $0.figures.coverage ?? 2, $0.district.code) < ($1.isBlindSpot ? 0 : 1, $1.figures.coverage ?? 2, $1.district.code) }
            .map { d -> String in
                let f = d.figures
                let group = t("第\(d.district.group)组", "G\(d.district.group)")
                return "<tr\(d.isBlindSpot ? " class=\"blind\"" : "")><th scope=\"row\">\(w.district(d.district.code))</th><td>\(group)</td>"
                    + "<td>\(f.needingHelp)</td><td>\(f.covered)</td><td>\(w.percent(f.coveragePercent))</td>"
                    + "<td>\(d.isBlindSpot ? t("! 盲区", "! blind spot") : "—")</td></tr>"
            }.joined(separator: "\n")
        let table = """
        <table class="scroll"><caption>\(t("各区县覆盖情况（盲区在前，覆盖率由低到高）", "Coverage per district (blind spots first, then lowest coverage)"))</caption>
        <thead><tr><th scope="col">\(t("区县", "district"))</th><th scope="col">\(t("督导组", "group"))</th>\
        <th scope="col">\(t("需帮扶", "in need"))</th><th scope="col">\(t("已覆盖", "covered"))</th>\
        <th scope="col">\(t("覆盖率", "coverage"))</th><th scope="col">\(t("盲区", "blind spot"))</th></tr></thead>
        <tbody>
        \(rows)
        </tbody></table>
        """
        return pair("h-map", t("区县地图：覆盖率与盲区", "District map: coverage and blind spots"),
                    map + "\n<ul class=\"legend\" aria-hidden=\"true\">\(legend)</ul>", table)
    }

    private func openSection() -> String {
        let open = report.city.openQuantities
        var perCategory: [(code: String, requests: Int)] = []
        for category in catalog.categories {
            let n = open.filter { $0.category == category.code }.reduce(0) { $0 + $1.requests }
            if n > 0 { perCategory.append((category.code, n)) }
        }
        for q in open where !perCategory.contains(where: { $0.code == q.category }) {
            perCategory.append((q.category, open.filter { $0.category == q.category }.reduce(0) { $0 + $1.requests }))
        }
        let most = max(1, perCategory.map(\.requests).max() ?? 1)
        let bars = perCategory.map {
            SVGCharts.Bar(label: w.categoryName($0.code), fraction: Double($0.requests) / Double(most),
                          valueText: t("\($0.requests)条", "\($0.requests) open"), fill: "#d97f1e", warning: nil)
        }
        let chart = perCategory.isEmpty ? "<p>\(t("没有待办需求。", "No open requests."))</p>" :
            SVGCharts.bars(id: "open", title: t("各类待办需求条数", "Open requests per category"),
                           description: perCategory.map { "\(w.categoryName($0.code)) \($0.requests)" }.joined(separator: t("；", "; ")),
                           bars: bars, labelWidth: lang == .zh ? 150 : 230)
        let rows = open.map { q in
            "<tr><th scope=\"row\">\(w.categoryName(q.category))</th><td>\(w.unitName(q.unit))</td>"
                + "<td>\(q.remaining)</td><td>\(q.requests)</td></tr>"
        }.joined(separator: "\n")
        let table = """
        <table><caption>\(t("待送数量（按类别和单位）", "Still to deliver, per category and unit"))</caption>
        <thead><tr><th scope="col">\(t("类别", "category"))</th><th scope="col">\(t("单位", "unit"))</th>\
        <th scope="col">\(t("待送数量", "to deliver"))</th><th scope="col">\(t("在办需求", "open requests"))</th></tr></thead>
        <tbody>
        \(rows)
        </tbody></table>
        """
        return pair("h-open", t("待办需求", "Open requests"), chart, table)
    }

    private func overdueSection() -> String {
        let perGroup = report.groups.map { ($0, $0.figures.overdue) }
        let most = max(1, perGroup.map(\.1).max() ?? 1)
        let bars = perGroup.map { g, n in
            SVGCharts.Bar(label: w.text(g.group.name), fraction: Double(n) / Double(most), valueText: t("\(n)条", "\(n)"),
                          fill: "#b2182b", warning: nil)
        }
        let chart = SVGCharts.bars(id: "overdue", title: t("各督促指导小组逾期需求条数", "Overdue requests per supervision group"),
                                   description: perGroup.map { "\(w.text($0.0.group.name)) \($0.1)" }.joined(separator: t("；", "; ")),
                                   bars: bars, labelWidth: lang == .zh ? 150 : 170)
        let listed = overdue.prefix(max(0, overdueListed))
        let rows = listed.map { o in
            "<tr><th scope=\"row\">\(o.request)</th><td>\(w.data(o.enterpriseName))</td><td>\(w.district(o.districtCode))</td>"
                + "<td>\(w.itemName(o.item, category: o.category))</td><td>\(w.amount(o.remaining, o.unit))</td>"
                + "<td>\(o.due)</td><td>\(o.daysOverdue)</td><td>\(o.branch.map { "\($0)" } ?? t("! 未结对", "! none"))</td></tr>"
        }.joined(separator: "\n")
        let caption = listed.count < overdue.count
            ? t("逾期需求：共\(overdue.count)条，列出逾期最久的\(listed.count)条", "Overdue requests: \(overdue.count) in all, the \(listed.count) most overdue")
            : t("逾期需求：共\(overdue.count)条", "Overdue requests: \(overdue.count)")
        let table = """
        <table><caption>\(caption)</caption>
        <thead><tr><th scope="col">\(t("需求", "request"))</th><th scope="col">\(t("单位", "enterprise"))</th>\
        <th scope="col">\(t("区县", "district"))</th><th scope="col">\(t("物资", "item"))</th><th scope="col">\(t("尚差", "remaining"))</th>\
        <th scope="col">\(t("截止日期", "due"))</th><th scope="col">\(t("逾期天数", "days overdue"))</th>\
        <th scope="col">\(t("结对突击队", "branch"))</th></tr></thead>
        <tbody>
        \(rows)
        </tbody></table>
        """
        return pair("h-overdue", t("逾期需求", "Overdue requests"), chart, table)
    }

    /// A section with its chart and the table of the same facts side by side.
    private func pair(_ id: String, _ heading: String, _ chart: String, _ table: String) -> String {
        "<section aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">\(heading)</h2>\n<div class=\"pair\"><figure>\(chart)</figure>\n<div class=\"facts\">\(table)</div></div></section>"
    }

    static let css = """
    @page { size: A4 landscape; margin: 12mm; }
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
           margin: 0; color: #1a1a1a; background: #fafafa; font-size: 14px; }
    header { background: #8b0000; color: #fff; padding: 14px 24px; display: flex; align-items: baseline; gap: 24px; }
    h1 { margin: 0; font-size: 26px; }
    .asof { margin: 0; font-size: 16px; opacity: .9; }
    main { padding: 8px 24px 24px; }
    h2 { font-size: 19px; margin: 18px 0 8px; border-left: 5px solid #8b0000; padding-left: 8px; }
    .cards { list-style: none; display: flex; flex-wrap: wrap; gap: 12px; padding: 0; margin: 0; }
    .card { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 10px 18px; min-width: 120px; }
    .card.alert { border: 2px solid #c00; background: #fff4f2; }
    .big { display: block; font-size: 32px; font-weight: bold; color: #08306b; }
    .alert .big { color: #b00; }
    .small { display: block; color: #444; }
    .pair { display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-start; }
    figure { margin: 0; background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 8px; }
    .facts { flex: 1 1 380px; }
    svg text { font-family: inherit; font-size: 13px; }
    svg .track { fill: #eee; }
    svg .value { fill: #222; }
    svg .warn { fill: #b00; font-weight: bold; }
    svg .tile-name { font-size: 14px; font-weight: bold; }
    .en svg .tile-name { font-size: 11px; }
    svg .tile-figure { font-size: 13px; }
    .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 10px; padding: 0; margin: 8px 0 0; font-size: 12px; }
    .swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid #999; vertical-align: -2px; margin-right: 4px; }
    .swatch.blind { width: 14px; background: #fde0dc; border: 3px solid #c00; color: #8b0000; font-size: 11px; font-weight: bold;
                    text-align: center; line-height: 14px; }
    table { border-collapse: collapse; background: #fff; width: 100%; font-size: 13px; }
    caption { text-align: left; font-weight: bold; padding: 4px 0; }
    th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
    td { font-variant-numeric: tabular-nums; white-space: nowrap; }
    thead th { background: #f0f0f0; }
    tr.blind th, tr.blind td { background: #fff4f2; color: #8b0000; font-weight: bold; }
    @media print {
      body { background: #fff; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      section { break-inside: avoid; }
      figure, .card { border-color: #999; }
    }
    """
}
