import ArgumentParser
import Foundation
import TandemConfig
import TandemCore
import TandemReports

/// `tandem bulletin`: the work bulletin (简报) for the federation's leaders.
struct BulletinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "The work bulletin (简报): pairings, requests, resumption, blind spots, notable completions. / 工作简报"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case txt, md, html, json }

    @OptionGroup var global: GlobalOptions
    @Option(help: "The bulletin's day, YYYY-MM-DD (default: today); the period ends on it.") var date: String?
    @Option(help: "The period: day, week, or a number of days (1 to 366).") var period: String = "week"
    @Option(help: "The issue number (第N期); default: periods counted from the series' start in config/bulletin.yaml, else from the first request filed.")
    var issue: Int?
    @Option(help: "txt (pastes into WeChat), md, html (prints on A4) or json (the figures).") var format: Format = .txt
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func run() throws {
        let context = try global.openContext()
        let settings = try ConfigLoader.loadBulletin(from: context.configSources)
        let today = context.today
        let field = Bilingual(zh: "简报日期", en: "bulletin date")
        let day = try date.map { text in
            // A bulletin reports what happened: a future day gets that reason rather than the window's.
            if let typed = Day(parsing: text), typed > today {
                throw TandemError.invalidValue(field: field, value: typed.description,
                                               expected: Bilingual(zh: "今天或以前的日期", en: "today or an earlier day"))
            }
            return try DayRules.parse(text, field: field, today: today)
        } ?? today
        let span = try Self.parsePeriod(period)
        let reportPeriod = ReportPeriod(ending: day, days: span)
        if let issue, !(1...100_000).contains(issue) {
            throw TandemError.invalidValue(field: Bilingual(zh: "期号", en: "issue number"), value: String(issue),
                                           expected: Bilingual(zh: "1 到 100000 的整数", en: "a whole number from 1 to 100000"))
        }
        // A group supervisor's bulletin covers their group; everyone else's the whole city.
        let scope = context.scope
        let snapshot = scope.filter(try context.repository.snapshot())
        let geography = scope.filter(context.geography)
        let requestsInScope = Set(snapshot.requests.map(\.code))
        let deliveries = try context.repository.allDeliveries().filter { requestsInScope.contains($0.requestCode) }
        // The bulletin is a Chinese document first: English only when asked for with --lang en.
        let lang = global.lang ?? .zh
        let bulletin = Bulletin(snapshot: snapshot, deliveries: deliveries, period: reportPeriod,
                                asOf: today, geography: geography, catalog: context.catalog,
                                notableLimit: settings.notableCompletions)
        guard let number = issue ?? settings.issueNumber(for: reportPeriod, start: bulletin.firstFiled) else {
            throw TandemError.invalidValue(field: Bilingual(zh: "简报日期", en: "bulletin date"), value: day.description,
                                           expected: Bilingual(zh: "不早于 config/bulletin.yaml 的 series_start，或用 --issue 指定期号",
                                                               en: "a day from series_start in config/bulletin.yaml on, or an --issue number"))
        }
        let chainHead = try context.repository.auditChainHead()
        let text: String
        if format == .json {
            text = try Printer.json(BulletinJSON(bulletin, issue: number, chainHead: chainHead)) + "\n"
        } else {
            let escape: (String) -> String = switch format {
            case .html: Escaping.html
            case .md: Escaping.markdown
            case .txt, .json: Escaping.plain
            }
            let document = BulletinDocument(bulletin: bulletin, settings: settings, issue: number, chainHead: chainHead,
                                            geography: geography, catalog: context.catalog, lang: lang, escape: escape)
            text = switch format {
            case .html: BulletinLayout.html(document)
            case .md: BulletinLayout.markdown(document)
            case .txt, .json: BulletinLayout.text(document)
            }
        }
        try ReportOutput.write(text, to: out, lang: context.lang)
    }

    static func parsePeriod(_ text: String) throws -> Int {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "day", "日", "天": return 1
        case "week", "周": return 7
        case let other:
            guard let days = Int(other), (1...366).contains(days) else {
                throw TandemError.invalidValue(field: Bilingual(zh: "周期", en: "period"), value: text,
                                               expected: Bilingual(zh: "day、week 或 1 到 366 的天数", en: "day, week or a number of days from 1 to 366"))
            }
            return days
        }
    }
}

/// The bulletin's figures as JSON, with the same names as `tandem coverage --format json`
/// where they mean the same thing.
struct BulletinJSON: Encodable {
    struct Coverage: Encodable {
        var enterprises: Int
        var pairedEnterprises: Int
        var needingHelp: Int
        var covered: Int
        var coveragePercent: Int?
        var blindSpots: [RecordCode]
        var activeRequests: Int
        var overdue: Int
        var doneLast7Days: Int
        var openQuantities: [String: [String: Quantity]]
    }
    struct Group: Encodable {
        var code: String
        var needingHelp: Int
        var covered: Int
        var coveragePercent: Int?
        var blindSpots: Int
    }
    var issue: Int
    var period: ReportPeriod
    var asOf: Day
    var city: Coverage
    var groups: [Group]
    var blindSpotDistricts: [String]
    var activeBranches: Int
    var pairedBranches: Int
    var newPairings: Int
    var filedRequests: Int
    var deliveries: Int
    var completedRequests: Int
    var items: [ItemFlow]
    var resumption: ResumptionJSON
    var overdue: [OverdueRequest]
    var notable: [NotableCompletion]
    var auditChainHead: AuditChainHead?

    struct ResumptionJSON: Encodable {
        var enterprises, resumed, partial, closed: Int
        var ratePercent: Int?
        var averageCapacityPercent: Int?
    }

    init(_ b: Bulletin, issue: Int, chainHead: AuditChainHead?) {
        let f = b.coverage.city
        var open: [String: [String: Quantity]] = [:]
        for q in f.openQuantities { open[q.category, default: [:]][q.unit] = q.remaining }
        self.issue = issue
        period = b.period
        asOf = b.asOf
        city = Coverage(enterprises: f.enterprises, pairedEnterprises: f.pairedEnterprises, needingHelp: f.needingHelp, covered: f.covered,
                        coveragePercent: f.coveragePercent, blindSpots: f.blindSpots, activeRequests: f.activeRequests,
                        overdue: f.overdue, doneLast7Days: f.doneLast7Days, openQuantities: open)
        groups = b.coverage.groups.map {
            Group(code: "G\($0.group.number)", needingHelp: $0.figures.needingHelp, covered: $0.figures.covered,
                  coveragePercent: $0.figures.coveragePercent, blindSpots: $0.figures.blindSpots.count)
        }
        blindSpotDistricts = b.blindSpotDistricts.map(\.district.code)
        activeBranches = b.activeBranches
        pairedBranches = b.pairedBranches
        newPairings = b.newPairings
        filedRequests = b.filedRequests
        deliveries = b.deliveries
        completedRequests = b.completedRequests
        items = b.items
        let r = b.resumption
        resumption = ResumptionJSON(enterprises: r.enterprises, resumed: r.resumed, partial: r.partial, closed: r.closed,
                                    ratePercent: r.ratePercent, averageCapacityPercent: r.averageCapacityPercent)
        overdue = b.overdue
        notable = b.notable
        auditChainHead = chainHead
    }
}

/// Writes a report to standard output or, with `--out`, to a file (then says where).
enum ReportOutput {
    static func write(_ text: String, to path: String?, lang: Lang) throws {
        guard let path, !path.isEmpty else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw TandemError.invalidValue(field: Bilingual(zh: "输出文件", en: "output file"), value: path,
                                           expected: Bilingual(zh: "可写入的文件路径", en: "a file path that can be written"))
        }
        Printer.say(lang == .zh ? "已写入 \(path)" : "written to \(path)")
    }
}
