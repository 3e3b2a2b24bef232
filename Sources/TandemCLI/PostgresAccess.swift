import Foundation
import TandemCore
import TandemPostgres
import TandemStore

/// `--db postgres://…` (or `$TANDEM_DB`): the same commands on a PostgreSQL database. The
/// password is never part of the URL, which shows in `ps`, shell history and logs: libpq takes
/// it from `~/.pgpass` (or `$PGPASSFILE`), or the server authenticates the OS account (peer).
enum PostgresAccess {
    /// The URL checked: readable by libpq, and without a password.
    static func check(_ url: String) throws -> ConnectionString {
        let parsed: ConnectionString
        do {
            parsed = try ConnectionString(url)
        } catch let error as PostgresError {
            throw TandemError.invalidValue(field: Bilingual(zh: "数据库地址", en: "database URL"), value: "postgres://…",
                                           expected: Bilingual(zh: "libpq 能读的连接地址（\(error.message)）",
                                                               en: "a connection URL libpq can read (\(error.message))"))
        }
        guard !parsed.hasPassword else {
            throw TandemError.invalidValue(field: Bilingual(zh: "数据库地址", en: "database URL"), value: parsed.redacted,
                                           expected: Bilingual(zh: "不含密码的地址：密码写在 ~/.pgpass 里，或使用 peer 认证",
                                                               en: "a URL without a password: keep it in ~/.pgpass, or use peer authentication"))
        }
        return parsed
    }

    /// The store's self-check (`check`, `log --verify`): both stores have one.
    static func integrityChecking(_ repository: any TandemRepository, for command: Bilingual) throws -> any IntegrityChecking {
        guard let store = repository as? any IntegrityChecking else {
            throw TandemError.notAllowed(action: command, reason: Bilingual(zh: "这个数据库不能自检", en: "this database cannot check itself"))
        }
        return store
    }

    /// The store of a SQLite-only command, or a clear refusal on PostgreSQL.
    static func sqliteStore(_ repository: any TandemRepository, for command: Bilingual, instead: Bilingual) throws -> SQLiteRepository {
        guard let store = repository as? SQLiteRepository else {
            throw TandemError.notAllowed(action: command, reason: Bilingual(
                zh: "PostgreSQL 数据库还不支持这个命令；\(instead.zh)", en: "not available on a PostgreSQL database yet; \(instead.en)"))
        }
        return store
    }
}
