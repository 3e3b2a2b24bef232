import GRDB
import GRDBSQLite

/// An INSERT prepared once and bound straight through SQLite's C API, for the rows of a large
/// import: GRDB's `StatementArguments` box every value as an existential, which cost about as
/// much as the insert itself over 100 000 requests and their audit events. Used only inside a
/// `write` transaction; finalized when released.
final class RawInsert {
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    private let sql: String
    private var index: Int32 = 0

    init(_ db: Database, sql: String) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed", sql: sql) }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.statement = statement
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(statement) }

    func int<T: BinaryInteger>(_ value: T) {
        index += 1
        sqlite3_bind_int64(statement, index, Int64(value))
    }

    func int<T: BinaryInteger>(_ value: T?) {
        if let value { int(value) } else { null() }
    }

    func double(_ value: Double?) {
        index += 1
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    func text(_ value: String) {
        index += 1
        var value = value
        _ = value.withUTF8 { bytes in
            // An empty buffer may have no address, and a NULL pointer would bind NULL, not "".
            if let base = bytes.baseAddress, !bytes.isEmpty {
                sqlite3_bind_text(statement, index, base, Int32(bytes.count), Self.transient)
            } else {
                sqlite3_bind_text(statement, index, "", 0, Self.transient)
            }
        }
    }

    func text(_ value: String?) {
        if let value { text(value) } else { null() }
    }

    func null() {
        index += 1
        sqlite3_bind_null(statement, index)
    }

    /// Runs the bound insert and returns the new row's id; every parameter must have been bound.
    @discardableResult
    func run() throws -> Int64 {
        precondition(index == sqlite3_bind_parameter_count(statement), "RawInsert: \(index) of \(sqlite3_bind_parameter_count(statement)) values bound")
        index = 0
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(statement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
        let id = sqlite3_last_insert_rowid(connection)
        sqlite3_reset(statement)
        return id
    }

    /// SQLite copies the bytes before the bind returns (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}

/// Rows for one table, inserted `rowsPerStatement` at a time by a multi-row
/// `INSERT … VALUES (…), (…)`: over 100 000 imported requests and their audit events, the
/// per-statement work of a one-row insert (open and close the table's and every index's cursor,
/// end the statement) cost about as much as inserting the rows. The rows carry their own ids
/// (the caller numbers them inside the write transaction), so nothing waits for a row id.
/// Nothing is written until a statement's worth of rows is complete or `flush` is called; the
/// caller flushes before its transaction commits or reads the table.
final class BatchedInsert {
    private enum Value {
        case int(Int64)
        case double(Double)
        case text(String)
        case null
    }

    private let columnCount: Int
    private let rowsPerStatement: Int
    private let many: RawInsert
    private let one: RawInsert
    private var pending: [Value] = []

    init(_ db: Database, table: String, columns: [String], rowsPerStatement: Int = 64) throws {
        columnCount = columns.count
        self.rowsPerStatement = rowsPerStatement
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        many = try RawInsert(db, sql: head + Array(repeating: row, count: rowsPerStatement).joined(separator: ", "))
        one = try RawInsert(db, sql: head + row)
        pending.reserveCapacity(columns.count * rowsPerStatement)
    }

    func int<T: BinaryInteger>(_ value: T?) { pending.append(value.map { .int(Int64($0)) } ?? .null) }
    func double(_ value: Double?) { pending.append(value.map(Value.double) ?? .null) }
    func text(_ value: String?) { pending.append(value.map(Value.text) ?? .null) }

    /// Ends a row; writes a statement's worth of rows once they are complete.
    func endRow() throws {
        precondition(pending.count % columnCount == 0, "BatchedInsert: a row of \(pending.count % columnCount) values, not \(columnCount)")
        if pending.count == columnCount * rowsPerStatement {
            bind(pending[...], to: many)
            try many.run()
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Writes the rows not yet written, one statement each.
    func flush() throws {
        var start = 0
        while start < pending.count {
            bind(pending[start ..< start + columnCount], to: one)
            try one.run()
            start += columnCount
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func bind(_ values: ArraySlice<Value>, to insert: RawInsert) {
        for value in values {
            switch value {
            case .int(let number): insert.int(number)
            case .double(let number): insert.double(number)
            case .text(let text): insert.text(text)
            case .null: insert.null()
            }
        }
    }
}
