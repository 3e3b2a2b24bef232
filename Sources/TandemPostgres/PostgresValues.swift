import TandemCore

/// A value sent as a statement parameter, in PostgreSQL's text format: the server parses it
/// as the type the statement gives the parameter, so `42` binds an INTEGER and a BIGINT alike.
public protocol PostgresBindable: Sendable {
    var postgresText: String { get }
}

/// A value read from a result column in PostgreSQL's text format (the session runs with
/// `DateStyle = ISO` and `TimeZone = UTC`, so times always read the same way).
public protocol PostgresDecodable {
    init?(postgresText text: String)
    /// The type's name in a decoding error.
    static var postgresTypeName: String { get }
}

extension String: PostgresBindable, PostgresDecodable {
    public var postgresText: String { self }
    public init?(postgresText text: String) { self = text }
    public static var postgresTypeName: String { "text" }
}

extension Int: PostgresBindable, PostgresDecodable {
    public var postgresText: String { String(self) }
    public init?(postgresText text: String) { self.init(text) }
    public static var postgresTypeName: String { "an integer" }
}

extension Int64: PostgresBindable, PostgresDecodable {
    public var postgresText: String { String(self) }
    public init?(postgresText text: String) { self.init(text) }
    public static var postgresTypeName: String { "a 64-bit integer" }
}

extension Int32: PostgresBindable, PostgresDecodable {
    public var postgresText: String { String(self) }
    public init?(postgresText text: String) { self.init(text) }
    public static var postgresTypeName: String { "a 32-bit integer" }
}

extension Double: PostgresBindable, PostgresDecodable {
    /// Swift's shortest text that reads back as the same double (PostgreSQL 12+ prints the
    /// same way with its default `extra_float_digits = 1`), so coordinates round-trip exactly.
    public var postgresText: String { description }
    public init?(postgresText text: String) { self.init(text) }
    public static var postgresTypeName: String { "a double" }
}

extension Bool: PostgresBindable, PostgresDecodable {
    public var postgresText: String { self ? "true" : "false" }
    public init?(postgresText text: String) {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
    public static var postgresTypeName: String { "a boolean" }
}

extension Timestamp: PostgresBindable, PostgresDecodable {
    /// `2026-11-30T14:53:12.345Z`, which `timestamptz` reads as UTC.
    public var postgresText: String { description }
    /// `timestamptz` as an ISO session in UTC prints it: `2026-11-30 14:53:12.345+00`.
    public init?(postgresText text: String) {
        if text.hasSuffix("+00") {
            self.init(parsing: String(text.dropLast(3)) + "Z")
        } else {
            self.init(parsing: text)
        }
    }
    public static var postgresTypeName: String { "a timestamp" }
}

extension Day: PostgresBindable, PostgresDecodable {
    /// `2026-11-30`, which `date` reads as it is.
    public var postgresText: String { description }
    public init?(postgresText text: String) { self.init(parsing: text) }
    public static var postgresTypeName: String { "a day" }
}
