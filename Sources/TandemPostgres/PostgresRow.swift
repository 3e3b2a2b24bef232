/// The rows of one statement's result, copied out of libpq's result as text, so they outlive
/// it and cross threads.
public struct PostgresRows: Sendable, Sequence {
    public let columns: [String]
    public let rows: [PostgresRow]
    /// The number of rows an INSERT, UPDATE or DELETE touched (0 for other statements).
    public let affectedRows: Int

    public var count: Int { rows.count }
    public var first: PostgresRow? { rows.first }
    public func makeIterator() -> IndexingIterator<[PostgresRow]> { rows.makeIterator() }
}

/// One result row. Columns are read by name, with the type asked for:
/// `try row.value("number") as Int64`, `try row.optional("due") as Day?`.
public struct PostgresRow: Sendable {
    /// The result's column names in order, one array shared by every row of the result. A
    /// repeated name reads its first column, as in SQL.
    let columnNames: [String]
    let values: [String?]

    /// The value of `column`; a NULL or an unreadable text is an error naming the column.
    public func value<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        let (name, text) = try raw(column)
        guard let text else { throw PostgresDecodingError(column: name, value: nil, expected: T.postgresTypeName) }
        return try decode(text, column: name)
    }

    /// The value of `column`, nil for NULL.
    public func optional<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T? {
        let (name, text) = try raw(column)
        guard let text else { return nil }
        return try decode(text, column: name) as T
    }

    /// The value of the column at `position` (from 0), for results whose columns are unnamed.
    public func value<T: PostgresDecodable>(at position: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(position) else {
            throw PostgresDecodingError(column: "#\(position)", value: nil, expected: "a column of this result")
        }
        let name = columnNames[position]
        guard let text = values[position] else { throw PostgresDecodingError(column: name, value: nil, expected: T.postgresTypeName) }
        return try decode(text, column: name)
    }

    /// Whether the column's value is NULL.
    public func isNull(_ column: String) throws -> Bool { try raw(column).1 == nil }

    private func raw(_ column: String) throws -> (String, String?) {
        // Column names are short (inline) strings, compared without hashing: a snapshot reads
        // a dozen columns of a few hundred thousand rows by name.
        for (position, name) in columnNames.enumerated() where name == column {
            return (column, values[position])
        }
        throw PostgresDecodingError(column: column, value: nil, expected: "a column of this result")
    }

    private func decode<T: PostgresDecodable>(_ text: String, column: String) throws -> T {
        guard let value = T(postgresText: text) else { throw PostgresDecodingError(column: column, value: text, expected: T.postgresTypeName) }
        return value
    }
}
