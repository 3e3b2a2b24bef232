import ArgumentParser
import TandemCore

/// `tandem coverage`: who is paired, what is still open, where the blind spots are.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Coverage per supervision group or district: needs, pairings, blind spots, open quantities. / 覆盖情况"
    )

    enum Grouping: String, ExpressibleByArgument, CaseIterable { case group, district }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Rows per supervision group or per district.") var by: Grouping = .group
    @Option(help: "With --by district: only the districts of this group.") var group: String?

    /// The JSON shape of one row.
    struct Row: Encodable {
        var scope: String
        var code: String
        var name: String
        var group: Int?
        var enterprises: Int
        var pairedEnterprises: Int
        var needingHelp: Int
        var covered: Int
        var coveragePercent: Int?
        var blindSpots: [RecordCode]
        var blindSpotDistrict: Bool?
        var activeRequests: Int
        var overdue: Int
        var doneLast7Days: Int
        var openQuantities: [String: [String: Quantity]]
    }

    func run() throws {
        let context = try global.openContext()
        let scope = context.scope
        let snapshot = scope.filter(try context.repository.snapshot())
        let report = CoverageReport(snapshot: snapshot, geography: context.geography, today: context.today,
                                    completions: snapshot.completionDays)
        let lang = context.lang
        let groupFilter = try group.map { text in
            let number = try context.group(text).number
            try scope.require(group: number)
            return number
        }
        var rows: [Row] = []
        switch by {
        case .group:
            for g in report.groups where scope.includes(group: g.group.number) && (groupFilter == nil || g.group.number == groupFilter) {
                rows.append(row("group", "G\(g.group.number)", g.group.name.text(lang), g.group.number, g.figures, blindDistrict: nil))
            }
        case .district:
            for d in report.districts where scope.includes(district: d.district.code)
                && (groupFilter == nil || d.district.group == groupFilter) {
                rows.append(row("district", d.district.code, d.district.name.text(lang), d.district.group, d.figures,
                                blindDistrict: d.isBlindSpot))
            }
        }
        // The city row only for those who see the whole city: a group's total is its own row.
        if groupFilter == nil, scope.isWholeCity {
            rows.append(row("city", "city", lang == .zh ? "全市" : "whole city", nil, report.city, blindDistrict: nil))
        }
        let tabular = Tabular(
            headers: [Bilingual(zh: by == .group ? "督导组" : "区县", en: by == .group ? "group" : "district"),
                      Bilingual(zh: "单位", en: "units"), Bilingual(zh: "需帮扶", en: "need"), Bilingual(zh: "已覆盖", en: "covered"),
                      Bilingual(zh: "覆盖率", en: "cover%"), Bilingual(zh: "盲区单位", en: "blind"),
                      Bilingual(zh: "逾期", en: "overdue"), Bilingual(zh: "7日完成", en: "done 7d")]
                // One open-quantity column per category, in catalog order (names are unique in the catalog).
                + context.catalog.categories.map { Bilingual(zh: "待送达" + $0.name.zh, en: "open " + $0.name.en) },
            rows: rows.map { r in
                let blindMark = r.blindSpotDistrict == true ? (lang == .zh ? " ⚠盲区" : " ⚠BLIND") : ""
                return [r.name + blindMark, String(r.enterprises), String(r.needingHelp), String(r.covered),
                        r.coveragePercent.map { "\($0)%" } ?? "—", String(r.blindSpots.count), String(r.overdue),
                        String(r.doneLast7Days)] + context.catalog.categories.map { openText(r, $0.code, context) }
            },
            numericColumns: [1, 2, 3, 4, 5, 6, 7])
        try Printer.emit(rows, tabular, format: output.format, lang: lang)
    }

    private func row(_ scope: String, _ code: String, _ name: String, _ group: Int?, _ f: CoverageFigures, blindDistrict: Bool?) -> Row {
        var open: [String: [String: Quantity]] = [:]
        for q in f.openQuantities { open[q.category, default: [:]][q.unit] = q.remaining }
        return Row(scope: scope, code: code, name: name, group: group, enterprises: f.enterprises, pairedEnterprises: f.pairedEnterprises,
                   needingHelp: f.needingHelp, covered: f.covered, coveragePercent: f.coveragePercent, blindSpots: f.blindSpots,
                   blindSpotDistrict: blindDistrict, activeRequests: f.activeRequests, overdue: f.overdue,
                   doneLast7Days: f.doneLast7Days, openQuantities: open)
    }

    private func openText(_ row: Row, _ category: String, _ context: AppContext) -> String {
        guard let units = row.openQuantities[category], !units.isEmpty else { return "—" }
        return units.sorted { $0.key < $1.key }.map { unit, quantity in
            "\(quantity)\(context.lang == .zh ? "" : " ")\(context.catalog.unit(code: unit)?.name.text(context.lang) ?? unit)"
        }.joined(separator: " + ")
    }
}
