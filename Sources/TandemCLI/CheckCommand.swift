import ArgumentParser
import TandemCore

/// `tandem check`: SQLite's integrity and foreign keys (on PostgreSQL, references checked by
/// query), every invariant, the audit chain and (on SQLite) the records against it. Exit 0 only when all of it holds; harnesses rely on that.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the database: integrity, invariants and the audit chain. / 检查数据库",
        discussion: """
            Runs PRAGMA integrity_check and foreign_key_check, the invariants (one active pairing per branch and enterprise, \
            delivered = sum of deliveries, status fits delivered and completed, leads' branches exist...) and log --verify. \
            Exits 1 naming every problem.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let context = try global.openContext()
        let store = try PostgresAccess.integrityChecking(context.repository, for: Bilingual(zh: "检查数据库", en: "check the database"))
        let result = try store.check()
        try IntegrityReport(problems: result.problems, audit: result.audit)
            .print(format: output.format, lang: context.lang, success: Bilingual(zh: "数据库完好", en: "database intact"))
        if !result.problems.isEmpty { throw ExitCode(1) }
    }
}
