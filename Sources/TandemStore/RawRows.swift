import GRDB
import GRDBSQLite
import TandemCore

/// One result row read straight from SQLite's C API. Snapshots read a few hundred thousand rows;
/// decoding them through `Row` costs several times more than the columns themselves.
struct RawRow {
    let statement: OpaquePointer

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    func bool(_ column: Int32) -> Bool { sqlite3_column_int64(statement, column) != 0 }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }
    func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(statement, column) }

    /// Text of a column; short ASCII codes fit Swift's inline small strings and allocate nothing.
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    /// A `YYYY-MM-DD` column, parsed from its bytes.
    func day(_ column: Int32) -> Day? {
        guard let bytes = sqlite3_column_text(statement, column), sqlite3_column_bytes(statement, column) == 10,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return optionalText(column).flatMap(Day.init(parsing:))
        }
        func digits(_ from: Int, _ count: Int) -> Int {
            var value = 0
            for i in from..<(from + count) { value = value * 10 + Int(bytes[i]) - 48 }
            return value
        }
        return Day(year: digits(0, 4), month: digits(5, 2), day: digits(8, 2))
    }
}

/// Decodes the comma-separated capability codes of `branch.capabilities`. A city has a few dozen
/// distinct lists, so each is split once per read and its set shared: splitting text for every
/// branch was a fifth of a large snapshot's time. Codes are kept as stored; the catalog gives
/// them names and roles (`Catalog.capabilities(of:)`).
final class CapabilityLists {
    private var known: [UInt64: [(bytes: [UInt8], capabilities: Set<Capability>)]] = [:]

    func decode(_ row: RawRow, _ column: Int32) -> Set<Capability> {
        guard let bytes = sqlite3_column_text(row.statement, column) else { return [] }
        let buffer = UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(row.statement, column)))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a
        for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        if let entry = known[hash]?.first(where: { $0.bytes.elementsEqual(buffer) }) { return entry.capabilities }
        let capabilities = Set(buffer.split(separator: UInt8(ascii: ",")).map { Capability(code: String(decoding: $0, as: UTF8.self)) })
        known[hash, default: []].append((Array(buffer), capabilities))
        return capabilities
    }
}

extension Database {
    /// Runs a query and decodes every row with `decode`, through SQLite's C API.
    func fetchRaw<T>(_ sql: String, arguments: StatementArguments = [], _ decode: (RawRow) -> T) throws -> [T] {
        let statement = try makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let pointer = statement.sqliteStatement
        defer { sqlite3_reset(pointer) }
        let row = RawRow(statement: pointer)
        var result: [T] = []
        while true {
            let code = sqlite3_step(pointer)
            if code == SQLITE_DONE { return result }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)),
                                    sql: sql)
            }
            result.append(decode(row))
        }
    }

    func fetchRawOne<T>(_ sql: String, arguments: StatementArguments = [], _ decode: (RawRow) -> T) throws -> T? {
        try fetchRaw(sql, arguments: arguments, decode).first
    }
}
