import TandemCore

/// A row the store cannot read back into a record, named by table, row and column so that
/// whoever repairs the file knows where to look: `operator alice: role 'boss' is not one of
/// dispatcher, lead, supervisor, admin`. Surfaces as `TandemError.databaseCorrupt`.
struct CorruptRow: Error, CustomStringConvertible {
    let table: String
    /// The row's key as a user knows it: `R7`, a login, an id.
    let key: String
    let column: String
    /// The stored text; nil for NULL.
    let value: String?
    /// What the column should hold, e.g. `one of open, in_progress, done, cancelled`.
    let expected: String

    var description: String {
        "\(table) \(key): \(column) \(value.map { "'\($0)'" } ?? "NULL") is not \(expected)"
    }

    func error(path: String) -> TandemError { .databaseCorrupt(path: path, detail: description) }

    static func oneOf(_ values: [String]) -> String { "one of " + values.joined(separator: ", ") }
}
