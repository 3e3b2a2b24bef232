import ArgumentParser
import TandemCore
import TandemReports

/// `tandem report`: pages for leaders who will not open a terminal.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for leaders as files: report coverage --format html. / 报表",
        subcommands: [CoverageReportCommand.self]
    )
}

/// `tandem report coverage --format html`: one self-contained HTML page of the city's coverage.
struct CoverageReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "One HTML file: coverage per group, district map with blind spots, open quantities, overdue requests. / 覆盖情况网页"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case html }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Output format: html (one self-contained file, no scripts, prints on A4).") var format: Format = .html
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func run() throws {
        let context = try global.openContext()
        let scope = context.scope
        let snapshot = scope.filter(try context.repository.snapshot())
        let geography = scope.filter(context.geography)
        let today = context.today
        let report = CoverageReport(snapshot: snapshot, geography: geography, today: today, completions: snapshot.completionDays)
        let page = CoveragePage(report: report, overdue: OverdueRequest.list(in: snapshot, on: today),
                                geography: geography, catalog: context.catalog, lang: global.lang ?? .zh)
        try ReportOutput.write(page.html(), to: out, lang: context.lang)
    }
}
