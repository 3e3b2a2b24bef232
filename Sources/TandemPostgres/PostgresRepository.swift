import Foundation
import TandemCore

/// Tandem's store on PostgreSQL, for a province served from several hosts: the same
/// `TandemRepository` as the SQLite store, method for method. Every mutation is one
/// SERIALIZABLE transaction with its audit events, run again on a serialization failure (the
/// permission check and every read inside it included); reads are one REPEATABLE READ snapshot.
/// One connection, used by one caller at a time (a lock), as the SQLite store has one writer.
public final class PostgresRepository: TandemRepository, @unchecked Sendable {
    /// The database named for messages, without any password.
    public let name: String
    private let connection: PostgresConnection
    private let lock = NSLock()
    /// How to connect again: the change listener has a connection of its own.
    let connectionString: String
    /// The connection that LISTENs for changes, made at the first `waitForChange`.
    var listener: PostgresConnection?
    /// The schema the listener's notices must name (`current_schema()`, normally `public`).
    var listenerSchema: String?
    /// Whether the listener lost its connection: the next successful LISTEN reports `reconnected`.
    var listenerLost = false
    let listenerLock = NSLock()
    let now: @Sendable () -> Date
    /// The OS account running Tandem, when it acts for an operator of another name: its events
    /// are recorded as `account as login`, as the SQLite store records them.
    let account: String?

    private init(name: String, connectionString: String, connection: PostgresConnection, account: String?,
                 now: @escaping @Sendable () -> Date) {
        self.name = name
        self.connectionString = connectionString
        self.connection = connection
        self.account = account
        self.now = now
    }

    /// Opens a Tandem database. Refuses, writing nothing, an empty database (run `init`), one
    /// that is not Tandem's and one a newer Tandem migrated; older schema versions are migrated
    /// under the advisory lock.
    public static func open(_ connectionString: String, account: String? = nil,
                            now: @escaping @Sendable () -> Date = Date.init) throws -> PostgresRepository {
        let (name, connection) = try connectOpenable(connectionString)
        return PostgresRepository(name: name, connectionString: connectionString, connection: connection, account: account, now: now)
    }

    /// Opens a Tandem database as `open` does, for the operator the database authenticated: on
    /// PostgreSQL an operator is their database role (`current_user`, by peer authentication, a
    /// password in `~/.pgpass` or a certificate), not the OS account, so that the row-level
    /// security policies and Tandem's own permissions judge the same operator.
    public static func openAsDatabaseUser(_ connectionString: String,
                                          now: @escaping @Sendable () -> Date = Date.init) throws -> (repository: PostgresRepository, login: String) {
        let (name, connection) = try connectOpenable(connectionString)
        let login = try translating(name) { try connection.currentUser() }
        let repository = PostgresRepository(name: name, connectionString: connectionString, connection: connection, account: login, now: now)
        return (repository, login)
    }

    /// Connects, refuses a database this build must not open, and migrates an older one.
    private static func connectOpenable(_ connectionString: String) throws -> (String, PostgresConnection) {
        let (name, connection) = try connect(connectionString)
        try translating(name) {
            try PostgresSchema.checkOpenable(connection, name: name)
            try PostgresSchema.migrate(connection, name: name)
        }
        return (name, connection)
    }

    /// The database role a connection string authenticates as (`current_user`): the first
    /// admin of a database `tandem init` creates.
    public static func databaseUser(_ connectionString: String) throws -> String {
        let (name, connection) = try connect(connectionString)
        return try translating(name) { try connection.currentUser() }
    }

    /// Creates the schema, the city's districts and groups and its first admin, with the
    /// `database.init` event, in one transaction: a failure leaves the database as it was.
    /// Refuses a database with tables unless it is a Tandem database and `replace` is set; then
    /// Tandem's tables are dropped and made again in that same transaction. With `seed`, a whole
    /// city is loaded in it too (`loadSeed`).
    public static func create(_ connectionString: String, geography: Geography, admin: Operator, seed: CitySeed? = nil,
                              replace: Bool = false,
                              account: String? = nil, now: @escaping @Sendable () -> Date = Date.init) throws -> PostgresRepository {
        let (name, connection) = try connect(connectionString)
        let repository = PostgresRepository(name: name, connectionString: connectionString, connection: connection, account: account, now: now)
        try translating(name) {
            try refusingWithoutCreateRole(connection, admin: admin.login) {
                try connection.transaction(.readCommitted) { c in
                    try c.execute("SELECT pg_advisory_xact_lock($1)", [PostgresSchema.migrationLockKey])
                    switch try PostgresSchema.state(c) {
                    case .empty: break
                    case .foreign: throw TandemError.notATandemDatabase(path: name)
                    case .tandem:
                        guard replace else { throw TandemError.databaseExists(path: name) }
                        try PostgresSchema.dropTandemTables(c)
                    }
                    try PostgresSchema.applyMigrations(c, name: name)
                    for group in geography.groups {
                        try c.execute("INSERT INTO supervision_group (number, name_zh, name_en) VALUES ($1, $2, $3)",
                                      [group.number, group.name.zh, group.name.en])
                    }
                    for district in geography.districts {
                        try c.execute("INSERT INTO district (code, name_zh, name_en, group_number) VALUES ($1, $2, $3, $4)",
                                      [district.code, district.name.zh, district.name.en, district.group])
                    }
                    try c.execute("INSERT INTO operator (\(PostgresRecords.operatorColumns)) VALUES ($1, $2, $3, $4, $5)",
                                  PostgresRecords.operatorParameters(admin))
                    try repository.audit(c, admin, .initialize, subject: .database, before: nil as String?,
                                         after: CreationSummary(districts: geography.districts.count, admin: admin))
                    if let seed { try repository.insertSeed(c, seed, by: admin) }
                }
            }
        }
        return repository
    }

    /// Every operator gets a database role (`pg3-operator-roles`), so the role creating a
    /// database must be allowed to make roles: said as such, not as a bare SQLSTATE 42501.
    private static func refusingWithoutCreateRole(_ connection: PostgresConnection, admin: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as PostgresError where error.sqlState == SQLState.insufficientPrivilege {
            let canCreateRoles: Bool = (try? connection.one("SELECT rolcreaterole OR rolsuper AS can FROM pg_roles WHERE rolname = current_user")?
                .value("can")) ?? false
            guard !canCreateRoles else { throw error }
            throw TandemError.notAllowed(action: Bilingual(zh: "创建数据库", en: "create the database"), reason: Bilingual(
                zh: "数据库角色 \(admin) 不能创建角色（每位操作员都有自己的数据库角色）；请数据库管理员执行 ALTER ROLE \(admin) CREATEROLE",
                en: "database role \(admin) may not create roles (every operator gets a database role of their own); "
                    + "ask the database administrator to run ALTER ROLE \(admin) CREATEROLE"))
        }
    }

    private static func connect(_ connectionString: String) throws -> (String, PostgresConnection) {
        let name = (try? ConnectionString(connectionString).redacted) ?? "postgres://"
        do {
            return (name, try PostgresConnection(connectionString))
        } catch let error as PostgresError {
            throw TandemError.databaseUnreadable(path: name, detail: error.message)
        }
    }

    // MARK: - Transactions

    /// Runs `body` in one serializable write transaction, again from the start when PostgreSQL
    /// aborts it for a concurrent one; any other error rolls everything back.
    func write<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection { connection in try connection.transaction(.serializable, body) }
    }

    /// Runs `body` in one read-only snapshot.
    func read<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection { connection in try connection.transaction(.readOnlySnapshot, body) }
    }

    private func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try Self.translating(name) { try body(connection) }
    }

    /// Errors as the user sees them: a constraint the checks did not foresee is a conflict, a
    /// row the code cannot read names the database, anything else says the database failed.
    private static func translating<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch TandemError.databaseCorrupt(let path, let detail) where path.isEmpty {
            throw TandemError.databaseCorrupt(path: name, detail: detail)
        } catch let error as PostgresDecodingError {
            throw TandemError.databaseCorrupt(path: name, detail: error.description)
        } catch let error as PostgresError {
            if let state = error.sqlState, state.hasPrefix("23") || state == SQLState.raisedException {
                throw TandemError.conflict(detail: error.message)
            }
            if error.sqlState == SQLState.readOnlyTransaction { throw TandemError.databaseReadOnly(path: name) }
            throw TandemError.databaseUnreadable(path: name, detail: error.description)
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

    /// The name an event records for `actor`.
    func auditName(for actor: Operator) -> String {
        guard let account, !account.isEmpty, account != actor.login else { return actor.login }
        return "\(account) as \(actor.login)"
    }

    /// Writes the audit event of a change, inside the change's own transaction, as the next link
    /// of the hash chain (`AuditHash`, the rule the SQLite store uses).
    /// A transaction writing many events (an import) passes its `chain` and one time for all.
    func audit<Before: Encodable, After: Encodable>(_ c: PostgresConnection, _ actor: Operator, _ action: AuditAction,
                                                   subject: AuditSubject, before: Before?, after: After?,
                                                   chain: PostgresAuditChain? = nil, at: Timestamp? = nil) throws {
        func json<T: Encodable>(_ value: T?) throws -> String {
            guard let value else { return "" }
            return String(decoding: try Self.auditEncoder.encode(value), as: UTF8.self)
        }
        try (chain ?? PostgresAuditChain(c)).append(c, at: at ?? timestamp(), operatorName: auditName(for: actor), action: action,
                                                    subject: subject, before: try json(before), after: try json(after))
    }

    // MARK: - Change detection

    /// Counted by statement triggers on every table (`change_counter`): any committed change,
    /// by any host or by psql, moves it.
    public func changeCounter() throws -> Int64 {
        try withConnection { connection in
            try connection.one("SELECT value FROM change_counter")?.value("value") ?? 0
        }
    }
}
