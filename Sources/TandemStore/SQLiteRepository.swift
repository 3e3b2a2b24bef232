import Foundation
import GRDB
import Logging
import TandemCore

/// Tandem's store: a SQLite database in WAL mode, shared by several consoles and commands at
/// once. Implements `TandemRepository`; every mutation is one transaction with its audit event.
public final class SQLiteRepository: TandemRepository, @unchecked Sendable {
    public let path: String
    let pool: DatabasePool
    let now: @Sendable () -> Date
    let logger = Logger(label: "tandem.store")
    /// Commits made through this object; `PRAGMA data_version` on the writer only counts
    /// commits by other connections, so the two together count every change.
    private var localCommits: Int64 = 0
    private let lock = NSLock()

    init(path: String, pool: DatabasePool, now: @escaping @Sendable () -> Date) {
        self.path = path
        self.pool = pool
        self.now = now
    }

    /// Opens an existing Tandem database. Refuses, without changing the file, one that is
    /// missing, unreadable, corrupt, not Tandem's or written by a newer schema.
    public static func open(path: String, now: @escaping @Sendable () -> Date = Date.init) throws -> SQLiteRepository {
        try DatabaseOpener.inspect(path: path)
        do {
            let pool = try DatabasePool(path: path, configuration: DatabaseOpener.configuration())
            let repository = SQLiteRepository(path: path, pool: pool, now: now)
            // Older schema versions are brought up to date; newer ones were refused above.
            try Schema.migrator.migrate(pool)
            return repository
        } catch let error as DatabaseError {
            throw DatabaseOpener.translate(error, path: path)
        }
    }

    /// Creates a new database with the city's districts and groups and its first admin.
    /// Refuses to overwrite an existing file unless `replace` is set.
    public static func create(path: String, geography: Geography, admin: Operator, replace: Bool = false,
                              now: @escaping @Sendable () -> Date = Date.init) throws -> SQLiteRepository {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) {
            guard replace else { throw TandemError.databaseExists(path: path) }
            for suffix in ["", "-wal", "-shm"] where fileManager.fileExists(atPath: path + suffix) {
                try fileManager.removeItem(atPath: path + suffix)
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        do {
            let pool = try DatabasePool(path: path, configuration: DatabaseOpener.configuration())
            try Schema.migrator.migrate(pool)
            let repository = SQLiteRepository(path: path, pool: pool, now: now)
            try pool.write { db in
                for group in geography.groups {
                    try db.execute(sql: "INSERT INTO supervision_group (number, name_zh, name_en) VALUES (?, ?, ?)",
                                   arguments: [group.number, group.name.zh, group.name.en])
                }
                for district in geography.districts {
                    try db.execute(sql: "INSERT INTO district (code, name_zh, name_en, group_number) VALUES (?, ?, ?, ?)",
                                   arguments: [district.code, district.name.zh, district.name.en, district.group])
                }
                try db.execute(sql: "INSERT INTO operator (\(RowDecoding.operatorColumns)) VALUES (?, ?, ?, ?, ?)",
                               arguments: RowDecoding.operatorArguments(admin))
                try repository.audit(db, admin, "init", subject: "database", before: nil as String?,
                                     after: ["districts": geography.districts.count])
            }
            return repository
        } catch let error as DatabaseError {
            throw DatabaseOpener.translate(error, path: path)
        }
    }

    // MARK: - Transactions

    /// Runs `body` in one write transaction; any error rolls everything back.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            let result = try pool.write(body)
            lock.lock()
            localCommits += 1
            lock.unlock()
            return result
        } catch let error as TandemError {
            throw error
        } catch let error as DatabaseError {
            logger.error("write failed: \(error)")
            if error.resultCode == .SQLITE_CONSTRAINT {
                throw TandemError.conflict(detail: error.message ?? "constraint violated")
            }
            throw DatabaseOpener.translate(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as TandemError {
            throw error
        } catch let error as DatabaseError {
            throw DatabaseOpener.translate(error, path: path)
        }
    }

    /// Now, as ISO 8601 in UTC (`2020-03-05T08:30:00Z`).
    func timestamp() -> String { now().formatted(.iso8601) }

    func today() -> Day { Day.local(now()) }

    private static let auditEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Writes the audit event of a change, inside the change's own transaction.
    func audit<Before: Encodable, After: Encodable>(_ db: Database, _ actor: Operator, _ action: String, subject: String,
                                                   before: Before?, after: After?) throws {
        func json<T: Encodable>(_ value: T?) throws -> String {
            guard let value else { return "" }
            return String(decoding: try SQLiteRepository.auditEncoder.encode(value), as: UTF8.self)
        }
        try db.execute(sql: """
            INSERT INTO audit_event (at, operator_login, action, subject, before, after) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [timestamp(), actor.login, action, subject, try json(before), try json(after)])
    }

    // MARK: - Change detection

    public func changeCounter() throws -> Int64 {
        let dataVersion = try pool.writeWithoutTransaction { db in
            try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
        }
        lock.lock()
        defer { lock.unlock() }
        return dataVersion + localCommits
    }
}
