import ArgumentParser
import Foundation
import TandemCore

/// `tandem log`: the audit trail, filtered; `--verify` walks its hash chain.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Show the audit log of changes, or verify it. / 操作日志及其校验",
        discussion: """
            Filters combine: --operator wang also matches "root as wang". --since and --until are local days, both included.
            --verify checks the whole chain and every request, delivery, pairing and operator against its events, prints the \
            chain head (event id and hash) to write down, and exits 1 on any problem.
            过滤条件可以组合；--verify 校验整条哈希链及每条需求、送达、结对和操作员记录，打印链头，发现问题时以 1 退出。
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "How many of the latest events.") var limit: Int = 50
    @Option(name: .customLong("operator"), help: "Only events by or for this operator.") var operatorLogin: String?
    @Option(help: "Only events about this enterprise (E12).") var enterprise: String?
    @Option(help: "Only events about this branch (B3).") var branch: String?
    @Option(help: "Only events about this request (R7).") var request: String?
    @Option(help: "From this day (YYYY-MM-DD).") var since: String?
    @Option(help: "Up to this day, included (YYYY-MM-DD).") var until: String?
    @Flag(help: "Verify the hash chain and the records against it; print the chain head.") var verify = false
    @Option(help: "With --verify: a head written down earlier, as ID:HASH; the chain must still hold it.") var expect: String?

    func run() throws {
        let context = try global.openContext()
        if verify || expect != nil {
            try runVerify(context)
            return
        }
        let filter = AuditFilter(operatorLogin: operatorLogin?.trimmingWhitespace(),
                                 enterprise: try enterprise.map { try context.code($0, .enterprise) },
                                 branch: try branch.map { try context.code($0, .branch) },
                                 request: try request.map { try context.code($0, .request) },
                                 since: try since.map { Self.startOfLocalDay(try Self.day($0, Bilingual(zh: "起始日期", en: "since"))) },
                                 until: try until.map {
                                     Self.startOfLocalDay(try Self.day($0, Bilingual(zh: "截止日期", en: "until")).adding(days: 1))
                                 })
        let events = try context.repository.auditLog(filter, limit: limit)
        let tabular = Tabular(headers: [Bilingual(zh: "编号", en: "id"), Bilingual(zh: "时间", en: "time"),
                                        Bilingual(zh: "操作员", en: "operator"), Bilingual(zh: "操作", en: "action"),
                                        Bilingual(zh: "对象", en: "subject")],
                              rows: events.map { ["#\($0.id)", $0.at.description, $0.operatorLogin, $0.action.name.text(context.lang),
                                                  $0.subject.description] })
        try Printer.emit(events, tabular, format: output.format, lang: context.lang)
    }

    private func runVerify(_ context: AppContext) throws {
        let store = try PostgresAccess.integrityChecking(context.repository, for: Bilingual(zh: "校验审计链", en: "verify the audit chain"))
        let verification = try store.verifyAudit(expecting: try expect.map(Self.parseHead))
        try IntegrityReport(problems: verification.problems, audit: verification)
            .print(format: output.format, lang: context.lang, success: Bilingual(zh: "审计链完好", en: "audit chain intact"))
        if !verification.isIntact { throw ExitCode(1) }
    }

    /// `42:9f2c…` or `#42:9f2c…`.
    static func parseHead(_ text: String) throws -> (event: Int64, hash: String) {
        let parts = text.trimmingWhitespace().split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let id = Int64(parts[0].hasPrefix("#") ? parts[0].dropFirst() : parts[0]), id > 0,
              parts[1].count == 64, parts[1].allSatisfy(\.isHexDigit) else {
            throw TandemError.invalidValue(field: Bilingual(zh: "链头", en: "chain head"), value: text,
                                           expected: Bilingual(zh: "事件编号:64 位十六进制哈希", en: "EVENT-ID:64-hex-digit hash"))
        }
        return (id, String(parts[1]))
    }

    /// The first moment of a local calendar day.
    /// A day typed for a filter: any written form a day may take (`2020-03-05`, `2020/3/5`,
    /// `2020年3月5日`). A filter only reads, so no date window applies.
    static func day(_ text: String, _ field: Bilingual) throws -> Day {
        guard let day = Day(writtenAs: text) else {
            throw TandemError.invalidValue(field: field, value: text,
                                           expected: Bilingual(zh: "YYYY-MM-DD 格式的日期", en: "a day as YYYY-MM-DD"))
        }
        return day
    }

    static func startOfLocalDay(_ day: Day) -> Timestamp {
        let components = DateComponents(year: day.year, month: day.month, day: day.day)
        return Timestamp(Calendar.current.date(from: components) ?? Timestamp(day: day).date)
    }
}

/// What `tandem check` and `tandem log --verify` print: each problem, or that all holds, then
/// the chain head to write down. JSON for harnesses.
struct IntegrityReport: Encodable {
    var intact: Bool
    var problems: [String]
    var headEvent: Int64?
    var headHash: String?
    var events: Int

    init(problems: [IntegrityProblem], audit: AuditVerification) {
        intact = problems.isEmpty
        self.problems = problems.map { $0.message.en }
        headEvent = audit.headEvent
        headHash = audit.head?.hash
        events = audit.head?.events ?? 0
        self.lines = problems.map(\.message)
    }

    private var lines: [Bilingual]
    private enum CodingKeys: String, CodingKey { case intact, problems, headEvent, headHash, events }

    func print(format: OutputFormat, lang: Lang, success: Bilingual) throws {
        if format == .json {
            Swift.print(try Printer.json(self))
            return
        }
        for line in lines { Swift.print("✗ " + TerminalText.sanitize(line.text(lang))) }
        if lines.isEmpty { Swift.print("✓ " + success.text(lang)) }
        if let headEvent, let headHash {
            Swift.print(lang == .zh ? "链头（请记下）：#\(headEvent):\(headHash)，共 \(events) 个事件"
                                    : "chain head (write it down): #\(headEvent):\(headHash), \(events) events")
        } else {
            Swift.print(lang == .zh ? "审计为空" : "the audit is empty")
        }
    }
}
