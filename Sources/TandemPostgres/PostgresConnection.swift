import CLibpq
import Foundation

/// One synchronous connection to PostgreSQL through libpq (README, "Province / PostgreSQL":
/// why libpq and not PostgresNIO). Not thread-safe: one owner uses it at a time, as the
/// store's single SQLite writer is used today.
///
/// Statements are parameterised (`$1`, `$2`, … sent apart from the SQL, in text format), one
/// statement per call; `executeScript` runs several statements without parameters (DDL).
/// The session runs in UTC with ISO dates, so `timestamptz` reads back the same on every host.
public final class PostgresConnection {
    private let handle: OpaquePointer
    /// Whether `transaction` has a transaction open on this connection.
    public private(set) var inTransaction = false

    /// Connects with a `postgres://` URL or a `key=value` connection string. Whatever the
    /// string leaves out comes from libpq's environment (`PGHOST`, `PGUSER`, …), and the
    /// password from `~/.pgpass` or peer authentication.
    public init(_ connectionString: String) throws {
        guard let handle = PQconnectdb(connectionString) else {
            throw PostgresError(sqlState: nil, message: "libpq could not allocate a connection", connectionLost: true)
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(handle))
            PQfinish(handle)
            throw PostgresError(sqlState: nil, message: message, connectionLost: true)
        }
        self.handle = handle
        // Notices (`IF NOT EXISTS … skipping`) are for a psql user, not for Tandem's output.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        try configureSession()
    }

    deinit { PQfinish(handle) }

    /// The server's version as PostgreSQL numbers it (150008 for 15.8).
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// The database role this session acts as (`current_user`): on PostgreSQL, the operator.
    public func currentUser() throws -> String {
        try one("SELECT current_user AS login")?.value("login") ?? ""
    }

    /// Runs one statement with its parameters and returns its rows (none for a command).
    /// A nil parameter is SQL NULL.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [(any PostgresBindable)?] = []) throws -> PostgresRows {
        let texts: [UnsafeMutablePointer<CChar>?] = parameters.map { parameter in parameter.map { strdup($0.postgresText) } }
        defer { texts.forEach { free($0) } }
        let values = texts.map { UnsafePointer($0) }
        let result = values.withUnsafeBufferPointer { buffer in
            PQexecParams(handle, sql, Int32(values.count), nil, buffer.baseAddress, nil, nil, 0)
        }
        return try collect(result)
    }

    /// The first row of a statement's result, nil when it returned none.
    public func one(_ sql: String, _ parameters: [(any PostgresBindable)?] = []) throws -> PostgresRow? {
        try execute(sql, parameters).first
    }

    /// Runs statements separated by semicolons, without parameters (schema changes).
    public func executeScript(_ sql: String) throws {
        _ = try collect(PQexec(handle, sql))
    }

    // MARK: Transactions

    /// How a transaction sees concurrent ones.
    public enum TransactionKind: Sendable {
        /// Writes: PostgreSQL aborts one of two transactions whose reads and writes could not
        /// have happened one after the other (40001), and `transaction` runs the loser again.
        /// Read-then-write code (a request's `delivered`) is only correct at this level.
        case serializable
        /// Reads: one consistent snapshot for the whole transaction, writing refused.
        case readOnlySnapshot
        /// PostgreSQL's default; only for steps that wait on a lock and must then see what the
        /// lock's previous holder committed (migrations).
        case readCommitted
    }

    /// The most times `transaction` runs a body that keeps losing to concurrent transactions.
    public static let defaultAttempts = 12

    /// Runs `body` in one transaction of `kind` and commits it. On a serialization failure or
    /// deadlock (40001, 40P01), at any statement or at COMMIT, the transaction is rolled back
    /// and `body` runs again from the start, up to `attempts` times: `body` must have no effect
    /// outside the database that a second run would repeat. Any other error rolls back and
    /// is rethrown. A connection lost before the transaction starts is reconnected first.
    public func transaction<T>(_ kind: TransactionKind = .serializable, attempts: Int = defaultAttempts,
                               _ body: (PostgresConnection) throws -> T) throws -> T {
        precondition(!inTransaction, "PostgresConnection.transaction does not nest")
        var attempt = 1
        while true {
            try reconnectIfLost()
            try executeScript(Self.begin(kind))
            inTransaction = true
            do {
                let value = try body(self)
                try executeScript("COMMIT")
                inTransaction = false
                return value
            } catch {
                inTransaction = false
                rollbackQuietly()
                guard let failure = error as? PostgresError, failure.isTransientConflict, attempt < attempts else { throw error }
                attempt += 1
                // A short random pause, growing with the attempts, so two losers do not collide again.
                usleep(useconds_t(UInt32.random(in: 200...1_000) * UInt32(min(attempt, 8))))
            }
        }
    }

    private static func begin(_ kind: TransactionKind) -> String {
        switch kind {
        case .serializable: return "BEGIN ISOLATION LEVEL SERIALIZABLE"
        case .readOnlySnapshot: return "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
        case .readCommitted: return "BEGIN ISOLATION LEVEL READ COMMITTED"
        }
    }

    /// Ends a failed transaction. After a failed COMMIT there is none left, and after a lost
    /// connection there is nothing to roll back: neither is an error here.
    private func rollbackQuietly() {
        if let result = PQexec(handle, "ROLLBACK") { PQclear(result) }
    }

    // MARK: Notifications

    /// Waits up to `timeout` seconds for a notification on a channel this connection LISTENs
    /// to, and consumes every one that arrived. Throws a `connectionLost` error when the server
    /// closes the connection (a restart, `pg_terminate_backend`); the caller reconnects and
    /// listens again, since notifications sent meanwhile are lost. With `payload`, only
    /// notifications carrying it count (the others are consumed all the same).
    public func waitForNotification(timeout: TimeInterval, payload: String? = nil) throws -> Bool {
        if drainNotifications(payload) { return true }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return false }
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            guard descriptor.fd >= 0 else { throw lost() }
            let ready = poll(&descriptor, 1, Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                throw PostgresError(sqlState: nil, message: String(cString: strerror(errno)), connectionLost: !isConnected)
            }
            if ready == 0 { return false }
            guard PQconsumeInput(handle) == 1, isConnected else { throw lost() }
            if drainNotifications(payload) { return true }
        }
    }

    /// Consumes the notifications libpq has already read; whether any carried `payload` (any
    /// at all when nil).
    private func drainNotifications(_ payload: String?) -> Bool {
        var any = false
        while let notification = PQnotifies(handle) {
            if payload == nil || notification.pointee.extra.map({ String(cString: $0) }) == payload { any = true }
            PQfreemem(notification)
        }
        return any
    }

    private func lost() -> PostgresError {
        PostgresError(sqlState: nil, message: Self.trimmed(PQerrorMessage(handle)), connectionLost: true)
    }

    /// The server process serving this connection (what `pg_terminate_backend` takes).
    public var backendProcessID: Int32 { PQbackendPID(handle) }

    // MARK: Connection state

    /// Whether the connection is still usable (libpq notices a lost one at its next call).
    public var isConnected: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Reconnects with the same settings when the connection was lost.
    public func reconnectIfLost() throws {
        guard !isConnected else { return }
        PQreset(handle)
        guard isConnected else {
            throw PostgresError(sqlState: nil, message: Self.trimmed(PQerrorMessage(handle)), connectionLost: true)
        }
        try configureSession()
    }

    private func configureSession() throws {
        try executeScript("SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET client_encoding = 'UTF8'")
    }

    // MARK: Results

    private func collect(_ result: OpaquePointer?) throws -> PostgresRows {
        guard let result else {
            throw PostgresError(sqlState: nil, message: Self.trimmed(PQerrorMessage(handle)), connectionLost: !isConnected)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY else {
            throw error(of: result)
        }
        let columnCount = PQnfields(result), rowCount = PQntuples(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        var rows: [PostgresRow] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            let values = (0..<columnCount).map { column -> String? in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
            rows.append(PostgresRow(columnNames: columns, values: values))
        }
        return PostgresRows(columns: columns, rows: rows, affectedRows: Int(String(cString: PQcmdTuples(result))) ?? 0)
    }

    private func error(of result: OpaquePointer) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let message = field("M") ?? Self.trimmed(PQresultErrorMessage(result))
        return PostgresError(sqlState: field("C"), message: message, detail: field("D"), constraint: field("n"),
                             connectionLost: !isConnected)
    }

    private static func trimmed(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown libpq error" }
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
