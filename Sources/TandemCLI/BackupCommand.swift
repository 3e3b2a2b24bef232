import ArgumentParser
import Foundation
import TandemCore
import TandemPostgres
import TandemStore

/// `tandem backup FILE`: a consistent copy taken while consoles and writers run (admins only).
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database consistently while others work (admins). / 在线备份数据库",
        discussion: """
            Uses SQLite's online backup: the copy is one moment of the database, never a mix. The file is created 0600 and \
            an existing FILE is replaced only with --force. `tandem check --db FILE` checks the copy. \
            On PostgreSQL, pg_dump writes the database's schema in its custom format (restore it with pg_restore), from \
            the same snapshot as the chain head printed.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The copy to write.") var file: String
    @Flag(help: "Replace FILE if it exists.") var force = false

    func run() throws {
        let context = try global.openContext()
        try Permissions.require(context.actor, .backUp) { _ in nil }
        if FileManager.default.fileExists(atPath: file), !force {
            let zh = context.lang == .zh
            Printer.error("tandem: " + (zh ? "\(file) 已存在；加 --force 才会覆盖" : "\(file) already exists; add --force to replace it"))
            throw ExitCode(1)
        }
        let target = URL(fileURLWithPath: file).standardizedFileURL.path
        if let postgres = context.repository as? PostgresRepository {
            report(try postgres.backup(to: target, replace: force), lang: context.lang)
            return
        }
        let store = try PostgresAccess.sqliteStore(context.repository, for: Bilingual(zh: "备份", en: "back up"),
                                                     instead: Bilingual(zh: "请用 pg_dump 备份", en: "back it up with pg_dump"))
        guard target != URL(fileURLWithPath: context.databasePath).standardizedFileURL.path else {
            throw TandemError.invalidValue(field: Bilingual(zh: "备份文件", en: "backup file"), value: file,
                                           expected: Bilingual(zh: "数据库以外的文件", en: "a file other than the database"))
        }
        report(try store.backup(to: target, replace: force), lang: context.lang)
    }

    private func report(_ head: AuditChainHead?, lang: Lang) {
        let zh = lang == .zh
        var line = zh ? "已备份到 \(file)" : "backed up to \(file)"
        if let head { line += zh ? "（\(head.events) 个审计事件，链头哈希 \(head.hash)）" : " (\(head.events) audit events, head hash \(head.hash))" }
        print(TerminalText.sanitize(line))
    }
}
