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

    /// A timestamp column in the store's canonical form (`2026-11-30T14:53:12.345Z`), parsed from
    /// its bytes; any other form goes through `Timestamp(parsing:)`. Nil when NULL or not a timestamp.
    func timestamp(_ column: Int32) -> Timestamp? {
        guard let bytes = sqlite3_column_text(statement, column), sqlite3_column_bytes(statement, column) == 24,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
              bytes[23] == UInt8(ascii: "Z"),
              let year = Self.digits(bytes, 0, 4), let month = Self.digits(bytes, 5, 2), let day = Self.digits(bytes, 8, 2),
              let hour = Self.digits(bytes, 11, 2), let minute = Self.digits(bytes, 14, 2),
              let second = Self.digits(bytes, 17, 2), let millisecond = Self.digits(bytes, 20, 3),
              (1...12).contains(month), day >= 1, day <= 28 || day <= Day.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else {
            return optionalText(column).flatMap(Timestamp.init(parsing:))
        }
        return Timestamp(day: Day(year: year, month: month, day: day), hour: hour, minute: minute, second: second,
                         millisecond: millisecond)
    }

    /// A `YYYY-MM-DD` column, parsed from its bytes. Nil when NULL or not a calendar day.
    func day(_ column: Int32) -> Day? {
        guard let bytes = sqlite3_column_text(statement, column), sqlite3_column_bytes(statement, column) == 10,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.digits(bytes, 0, 4), let month = Self.digits(bytes, 5, 2), let day = Self.digits(bytes, 8, 2),
              (1...12).contains(month), day >= 1, day <= 28 || day <= Day.daysIn(month: month, year: year) else {
            // Unusual forms and impossible days go through the full parser, which refuses what it must.
            return optionalText(column).flatMap(Day.init(parsing:))
        }
        return Day(year: year, month: month, day: day)
    }

    /// The decimal number in `count` bytes from `from`; nil if one is not a digit.
    private static func digits(_ bytes: UnsafePointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var value = 0
        for i in from..<(from + count) {
            let digit = Int(bytes[i]) &- 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
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
    func fetchRaw<T>(_ sql: String, arguments: StatementArguments = [], _ decode: (RawRow) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRaw(sql, arguments: arguments) { result.append(try decode($0)) }
        return result
    }

    /// Runs a query and hands every row to `body` as it is read, holding none of them.
    func forEachRaw(_ sql: String, arguments: StatementArguments = [], _ body: (RawRow) throws -> Void) throws {
        let statement = try makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let pointer = statement.sqliteStatement
        defer { sqlite3_reset(pointer) }
        let row = RawRow(statement: pointer)
        while true {
            let code = sqlite3_step(pointer)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)),
                                    sql: sql)
            }
            try body(row)
        }
    }

    func fetchRawOne<T>(_ sql: String, arguments: StatementArguments = [], _ decode: (RawRow) throws -> T) throws -> T? {
        try fetchRaw(sql, arguments: arguments, decode).first
    }
}
