import ArgumentParser
import Foundation
import TandemConfig
import TandemCore
import TandemExchange

/// `tandem import TABLE FILE`: a federation's Excel or CSV list into Tandem, reported row by
/// row first, then applied all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import enterprises, branches, requests or operators from CSV (UTF-8 or GB18030) or XLSX. / 导入",
        discussion: """
            Headers may be Chinese or English, in any order (names and aliases in config/columns.yaml). Records are \
            matched by code, else by name and district. The report comes first; with --dry-run nothing is written; \
            otherwise every row is written in one transaction, or none is when any row is refused.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case enterprises, branches, requests, operators
        var table: ExchangeTable { ExchangeTable(rawValue: rawValue)! }
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "enterprises, branches, requests or operators.") var kind: Kind
    @Argument(help: "A .csv or .xlsx file.") var file: String
    @Flag(help: "Show the report and write nothing.") var dryRun = false
    @Option(help: "The XLSX sheet to read (default: the first).") var sheet: String?

    func run() throws {
        let context = try global.openContext()
        let table = kind.table
        try Permissions.require(context.actor, table == .operators ? .manageOperators : .manageRecords) { _ in nil }
        let columns = try ConfigLoader.loadColumns(from: context.configSources)
        // The database is read while the file is: on two cores the one hides the other.
        let repository = context.repository
        let current = ConcurrentRead { (snapshot: try repository.snapshot(), operators: try repository.operators()) }
        let sheetTable: Table
        do {
            sheetTable = try SheetFile.read(path: file, sheet: sheet)
        } catch let error as ExchangeError {
            Printer.error("tandem: " + error.message.text(context.lang))
            throw ExitCode.failure
        }
        let (snapshot, operators) = try current.result()
        let importContext = ImportContext(
            snapshot: snapshot, operators: operators,
            geography: context.geography, catalog: context.catalog, columns: columns, today: context.today)
        let plan: ImportPlan
        var result: ImportResult?
        if dryRun {
            plan = ImportPlanner.plan(table, sheet: sheetTable, context: importContext)
        } else {
            // Planned on one thread and written on this one at the same time; the store rolls
            // everything back unless the complete plan is applicable.
            let feed = ImportFeed(table: table, fileRows: sheetTable.rows.count)
            ImportPlanner.plan(table, sheet: sheetTable, context: importContext, into: feed)
            do {
                result = try context.repository.applyImport(feed, by: context.actor)
                plan = feed.completePlan()
            } catch {
                // A refused row (the report says which) or a file with nothing to change wrote
                // nothing; any other failure is the store's to tell.
                plan = feed.completePlan()
                guard !plan.isApplicable || plan.changesNothing else { throw error }
            }
            if plan.changesNothing { result = nil }
        }
        try ImportReport.print(plan, applied: result, dryRun: dryRun, format: output.format, lang: context.lang)
        if !plan.isApplicable {
            Printer.error("tandem: " + plan.summary(context.lang, applied: false))
            throw ExitCode.failure
        }
    }
}

/// The import report: one row per file row, as a table, CSV or JSON.
enum ImportReport {
    static func print(_ plan: ImportPlan, applied result: ImportResult?, dryRun: Bool, format: OutputFormat, lang: Lang) throws {
        // A federation-sized file lists tens of thousands of plain "new" rows; the table then
        // shows what needs a reader's eye, and JSON (or CSV) still lists every row. Only the
        // rows listed are formatted: formatting 100 000 rows to drop them cost a tenth of a second.
        let onlyNotable = format == .table && plan.rows.count > listLimit
        var addedCodes = (result?.added ?? [])[...]
        var rows: [Row] = []
        for index in plan.rows.indices {
            // Rows left out are skipped by their kind alone: taking each row out of the plan
            // copied its records, which cost more than the rest of the report.
            if onlyNotable, case .new = plan.rows[index].outcome {
                // Codes were given to new rows in file order: take this row's even when it is not listed.
                _ = addedCodes.popFirst()
                continue
            }
            if onlyNotable, case .unchanged = plan.rows[index].outcome { continue }
            let row = plan.rows[index]
            var line = Row(row: row.row, outcome: "", code: "", name: "", changes: [], problems: [], duplicateOf: nil)
            switch row.outcome {
            case .new(let record):
                let code = addedCodes.popFirst()
                line.outcome = "new"
                line.code = code ?? record.identity
                line.name = record.label
            case .changed(_, let after, let changes):
                line.outcome = "changed"
                (line.code, line.name) = (after.identity, after.label)
                line.changes = changes.map { Change(field: $0.field, column: $0.column.text(lang), old: $0.old, new: $0.new) }
            case .unchanged(let record):
                line.outcome = "unchanged"
                (line.code, line.name) = (record.identity, record.label)
            case .duplicate(let earlier):
                line.outcome = "duplicate"
                line.duplicateOf = earlier
            case .refused(let problems):
                line.outcome = "refused"
                line.problems = problems.map { Problem(row: $0.row, column: $0.column, reason: $0.reason.text(lang)) }
            }
            rows.append(line)
        }
        let fileProblems = plan.fileProblems.map { Problem(row: $0.row, column: $0.column, reason: $0.reason.text(lang)) }
        let summary = plan.summary(lang, applied: result != nil)
        switch format {
        case .json:
            Swift.print(try Printer.json(Report(table: plan.table.rawValue, applied: result != nil, dryRun: dryRun,
                                                counts: plan.counts, ignoredColumns: plan.ignoredColumns,
                                                fileProblems: fileProblems, rows: rows, summary: summary)))
        case .table, .csv:
            let tabular = Tabular(
                headers: [Bilingual(zh: "行", en: "row"), Bilingual(zh: "结果", en: "result"), Bilingual(zh: "编号", en: "code"),
                          Bilingual(zh: "名称", en: "name"), Bilingual(zh: "详情", en: "details")],
                rows: fileProblems.map { [String($0.row), outcomeLabel("refused", lang), "", "", detail($0, lang)] }
                    + rows.map { [String($0.row), outcomeLabel($0.outcome, lang), $0.code, $0.name, details($0, lang)] },
                numericColumns: [0])
            if format == .csv {
                Swift.print(try tabular.csv(lang), terminator: "")
                return
            }
            if !plan.ignoredColumns.isEmpty {
                Swift.print((lang == .zh ? "已忽略的列：" : "ignored columns: ")
                            + plan.ignoredColumns.map(TerminalText.sanitize).joined(separator: lang == .zh ? "、" : ", "))
            }
            Swift.print(tabular.table(lang))
            let hidden = onlyNotable ? plan.counts.new + plan.counts.unchanged : 0
            if hidden > 0 {
                Swift.print(lang == .zh ? "（另有 \(hidden) 行新增或未变的行未列出；--format json 列出每一行）"
                            : "(\(hidden) new or unchanged rows not listed; --format json lists every row)")
            }
            Swift.print(summary)
        }
    }

    /// Above this many rows the table lists only changed, duplicate and refused rows.
    static let listLimit = 1000

    static func outcomeLabel(_ outcome: String, _ lang: Lang) -> String {
        let labels: [String: Bilingual] = [
            "new": Bilingual(zh: "新增", en: "new"), "changed": Bilingual(zh: "修改", en: "changed"),
            "unchanged": Bilingual(zh: "未变", en: "unchanged"), "duplicate": Bilingual(zh: "重复", en: "duplicate"),
            "refused": Bilingual(zh: "拒绝", en: "refused"),
        ]
        return labels[outcome]?.text(lang) ?? outcome
    }

    static func detail(_ problem: Problem, _ lang: Lang) -> String {
        problem.column.isEmpty ? problem.reason : (lang == .zh ? "“\(problem.column)”列：" : "column \(problem.column): ") + problem.reason
    }

    static func details(_ row: Row, _ lang: Lang) -> String {
        if let earlier = row.duplicateOf { return lang == .zh ? "与第 \(earlier) 行相同，只导入一次" : "same as row \(earlier); imported once" }
        if !row.problems.isEmpty { return row.problems.map { detail($0, lang) }.joined(separator: "; ") }
        return row.changes.map { "\($0.column): \($0.old.isEmpty ? "∅" : $0.old) → \($0.new.isEmpty ? "∅" : $0.new)" }
            .joined(separator: "; ")
    }

    struct Report: Encodable {
        var table: String
        var applied: Bool
        var dryRun: Bool
        var counts: ImportPlan.Counts
        var ignoredColumns: [String]
        var fileProblems: [Problem]
        var rows: [Row]
        var summary: String
    }

    struct Row: Encodable {
        var row: Int
        var outcome: String
        var code: String
        var name: String
        var changes: [Change]
        var problems: [Problem]
        var duplicateOf: Int?
    }

    struct Change: Encodable {
        var field: String
        var column: String
        var old: String
        var new: String
    }

    struct Problem: Encodable {
        var row: Int
        var column: String
        var reason: String
    }
}
