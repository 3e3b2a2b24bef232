/// What a work bulletin (简报) prints around its figures, from `config/bulletin.yaml`: its title,
/// document number, issuing bodies, distribution (报送 / 抄送) and who prints it.
public struct BulletinSettings: Sendable, Hashable {
    public var title: Bilingual
    /// Printed before the issue number ("渝残简"), as the seeds' "鲁简 030 号"; may be empty.
    public var documentPrefix: Bilingual
    /// The issuing bodies under the title, one a line.
    public var issuers: [Bilingual]
    /// 报送: the leaders and offices the bulletin is reported to.
    public var reportTo: [Bilingual]
    /// 抄送: those who receive a copy.
    public var copyTo: [Bilingual]
    /// The office that prints it (…办公室 印发).
    public var printedBy: Bilingual
    /// The day the series began; issue numbers count periods from it. Without it they count from the
    /// first request filed in the data.
    public var seriesStart: Day?
    /// How many notable completions 【典型事例】 names.
    public var notableCompletions: Int
    /// How many overdue requests 【盲区预警】 names (all of them are counted).
    public var overdueListed: Int

    public init(title: Bilingual, documentPrefix: Bilingual = Bilingual(zh: "", en: ""), issuers: [Bilingual],
                reportTo: [Bilingual], copyTo: [Bilingual] = [], printedBy: Bilingual, seriesStart: Day? = nil,
                notableCompletions: Int = 3, overdueListed: Int = 5) {
        self.title = title
        self.documentPrefix = documentPrefix
        self.issuers = issuers
        self.reportTo = reportTo
        self.copyTo = copyTo
        self.printedBy = printedBy
        self.seriesStart = seriesStart
        self.notableCompletions = notableCompletions
        self.overdueListed = overdueListed
    }

    /// The issue number of the bulletin for `period`: 1 for the period that contains the series' start,
    /// counting whole periods of the same length; nil when the period ends before the series began.
    public func issueNumber(for period: ReportPeriod, start: Day?) -> Int? {
        guard let start = seriesStart ?? start else { return 1 }
        let elapsed = period.last.ordinal - start.ordinal
        guard elapsed >= 0 else { return nil }
        return elapsed / period.days + 1
    }
}
