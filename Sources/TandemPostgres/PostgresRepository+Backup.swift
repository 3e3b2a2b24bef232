import Foundation
import TandemCore

extension PostgresRepository {
    /// Dumps this database's schema with `pg_dump` (custom format, for `pg_restore`) to
    /// `target`, while consoles and writers go on: the dump reads the snapshot this store
    /// exports from one read transaction (`pg_dump --snapshot`), the same moment as the chain
    /// head it returns. The dump is written beside the target, 0600, and renamed into place, so
    /// a failure leaves no half dump; an existing target is replaced only with `replace`.
    /// Refuses in words when `pg_dump` is not installed.
    @discardableResult
    public func backup(to target: String, replace: Bool = false) throws -> AuditChainHead? {
        guard let pgDump = Self.executable("pg_dump") else {
            throw TandemError.notAllowed(action: Bilingual(zh: "备份", en: "back up"), reason: Bilingual(
                zh: "找不到 pg_dump：请安装 PostgreSQL 客户端（Debian：apt install postgresql-client）",
                en: "pg_dump is not installed: install the PostgreSQL client (Debian: apt install postgresql-client)"))
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw TandemError.databaseUnreadable(path: target, detail: "it is a directory") }
            if !replace { throw TandemError.databaseExists(path: target) }
        }
        let temporary = target + ".tandem-\(UUID().uuidString.prefix(8))"
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw TandemError.databaseUnreadable(path: temporary, detail: "cannot create the file")
        }
        do {
            let head = try read { c -> AuditChainHead? in
                let snapshot: String = try c.one("SELECT pg_export_snapshot() AS id")!.value("id")
                let schema: String = try c.one("SELECT current_schema() AS name")!.value("name")
                // The snapshot lives as long as this transaction: pg_dump runs inside it.
                try Self.run(pgDump, ["--format=custom", "--no-password", "--snapshot=\(snapshot)", "--schema=\(schema)",
                                      "--file=\(temporary)", "--dbname=\(connectionString)"])
                guard let head = try c.one("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1") else { return nil }
                let count: Int = try c.one("SELECT count(*) AS n FROM audit_event")?.value("n") ?? 0
                return AuditChainHead(events: count, hash: try head.optional("hash") ?? "")
            }
            if replace, FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
            try FileManager.default.moveItem(atPath: temporary, toPath: target)
            return head
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// The first `name` on `$PATH` that can be run.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program to its end; its error output becomes the error when it fails.
    private static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw TandemError.databaseUnreadable(path: "pg_dump", detail: text.isEmpty ? "exit status \(process.terminationStatus)" : text)
        }
    }
}
