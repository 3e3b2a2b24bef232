import Foundation
import GRDB
import Logging
import TandemCore

/// Tandem's store: a SQLite database in WAL mode, shared by several consoles and commands at
/// once. Implements `TandemRepository`; every mutation is one transaction with its audit event.
public final class SQLiteRepository: TandemRepository, @unchecked Sendable {
    public let path: String
    /// A pool in WAL mode once open; a plain queue only while `create` builds a new file.
    let pool: any DatabaseWriter
    let now: @Sendable () -> Date
    let logger = Logger(label: "tandem.store")
    /// Commits made through this object; `PRAGMA data_version` on the writer only counts
    /// commits by other connections, so the two together count every change.
    private var localCommits: Int64 = 0
    private let lock = NSLock()

    /// Who opened the database, for the audit trail and the busy wait.
    let session: StoreSession
    /// True when this process may only read the database (read-only file, folder or mount):
    /// every change is refused with `databaseReadOnly` before it is tried.
    public let isReadOnly: Bool

    init(path: String, pool: any DatabaseWriter, session: StoreSession = StoreSession(), isReadOnly: Bool = false,
         now: @escaping @Sendable () -> Date) {
        self.path = path
        self.pool = pool
        self.session = session
        self.isReadOnly = isReadOnly
        self.now = now
    }

    /// Opens an existing Tandem database. Refuses, without changing the file, one that is
    /// missing, unreadable, corrupt, not Tandem's or written by a newer schema.
    /// A database this process may not write (read-only file, folder or mount) is opened for
    /// reading: every reading command works, every change is refused as read-only.
    public static func open(path: String, session: StoreSession = StoreSession(),
                            now: @escaping @Sendable () -> Date = Date.init) throws -> SQLiteRepository {
        try DatabaseOpener.inspect(path: path, session: session)
        do {
            DatabaseAccess.repairReadOnlyCompanions(of: path)
            guard DatabaseAccess.isWritable(path) else {
                let queue = try DatabaseAccess.openReadOnly(path: path, configuration: DatabaseOpener.configuration(readonly: true, session: session))
                guard try queue.read({ db in try Schema.migrator.hasCompletedMigrations(db) }) else {
                    throw TandemError.databaseUnreadable(path: path, detail: "its schema is older than this Tandem and it is read-only; open it once with write access to upgrade it")
                }
                return SQLiteRepository(path: path, pool: queue, session: session, isReadOnly: true, now: now)
            }
            let pool = try DatabasePool(path: path, configuration: DatabaseOpener.configuration(session: session))
            let repository = SQLiteRepository(path: path, pool: pool, session: session, now: now)
            // Older schema versions are brought up to date; newer ones were refused above.
            try Schema.migrator.migrate(pool)
            return repository
        } catch let error as DatabaseError {
            throw DatabaseOpener.translate(error, path: path, busyLimit: session.busyLimit)
        } catch let error as CorruptRow {
            throw error.error(path: path)
        }
    }

    /// Creates a new database with the city's districts and groups, its first admin and, when
    /// given, a whole city (`seed`), all in one transaction on a file built beside `path` and
    /// renamed into place: `path` holds the old database or the new one, never a mix. Refuses
    /// a directory, an existing file unless `replace`, and with `replace` anything but a Tandem
    /// database nobody has open. The new file is readable by its owner only (0600).
    public static func create(path: String, geography: Geography, admin: Operator, seed: CitySeed? = nil,
                              replace: Bool = false, session: StoreSession = StoreSession(), now: @escaping @Sendable () -> Date = Date.init) throws -> SQLiteRepository {
        try DatabaseCreation.checkTarget(path, replace: replace)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        DatabaseCreation.removeAbandoned(beside: path)
        let temporary = DatabaseCreation.temporaryPath(beside: path)
        do {
            try DatabaseCreation.createPrivateFile(temporary, sharedHost: session.sharedHost)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try Schema.migrator.migrate(queue)
            let builder = SQLiteRepository(path: temporary, pool: queue, now: now)
            try builder.write { db in
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
                try builder.audit(db, admin, .initialize, subject: .database, before: nil as String?,
                                  after: CreationSummary(districts: geography.districts.count, admin: admin))
                if let seed { try builder.insertSeed(db, seed, by: admin) }
            }
            // WAL is set here, on the hidden file, not by the first open at the target: that
            // would write the header in a rollback-mode transaction whose `-journal` a kill
            // leaves hot beside the new city.
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try queue.close()
            DatabaseCreation.sync(temporary)
            try DatabaseCreation.install(temporary, at: path)
        } catch {
            DatabaseCreation.discard(temporary)
            if let error = error as? DatabaseError { throw DatabaseOpener.translate(error, path: path) }
            if case TandemError.databaseUnreadable(let failed, let detail) = error, failed == temporary {
                throw TandemError.databaseUnreadable(path: path, detail: "cannot create a file in \(folder): \(detail)")
            }
            throw error
        }
        return try open(path: path, session: session, now: now)
    }

    // MARK: - Transactions

    /// Runs `body` in one write transaction; any error rolls everything back.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw TandemError.databaseReadOnly(path: path) }
        do {
            let result = try pool.write(body)
            lock.lock()
            localCommits += 1
            lock.unlock()
            return result
        } catch let error as TandemError {
            throw error
        } catch let error as CorruptRow {
            throw error.error(path: path)
        } catch let error as DatabaseError {
            logger.error("write failed: \(error)")
            if error.resultCode == .SQLITE_CONSTRAINT {
                throw TandemError.conflict(detail: error.message ?? "constraint violated")
            }
            throw DatabaseOpener.translate(error, path: path, busyLimit: session.busyLimit)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as TandemError {
            throw error
        } catch let error as CorruptRow {
            throw error.error(path: path)
        } catch let error as DatabaseError {
            throw DatabaseOpener.translate(error, path: path, busyLimit: session.busyLimit)
        }
    }

    /// Now, to the millisecond.
    func timestamp() -> Timestamp { Timestamp(now()) }

    func today() -> Day { Day.local(now()) }

    private static let auditEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A record as the audit stores it: sorted-key JSON, "" for none.
    static func auditJSON<T: Encodable>(_ value: T?) throws -> String {
        guard let value else { return "" }
        return String(decoding: try auditEncoder.encode(value), as: UTF8.self)
    }

    /// Writes the audit event of a change, inside the change's own transaction. Its operator is
    /// the actor, or `account as actor` when an admin's OS account acts for another operator.
    /// A transaction writing many events passes its `chain` appender, through which all its events go.
    func audit<Before: Encodable, After: Encodable>(_ db: Database, _ actor: Operator, _ action: AuditAction, subject: AuditSubject,
                                                   before: Before?, after: After?, chain: AuditChain.Appender? = nil) throws {
        func json<T: Encodable>(_ value: T?) throws -> String { try Self.auditJSON(value) }
        if let chain {
            try chain.append(at: timestamp(), operatorName: session.auditName(for: actor), action: action, subject: subject,
                             before: try json(before), after: try json(after))
        } else {
            try AuditChain.append(db, at: timestamp(), operatorName: session.auditName(for: actor), action: action, subject: subject,
                                  before: try json(before), after: try json(after))
        }
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
