/// A failure reported by PostgreSQL or by libpq. `sqlState` is the server's five-character
/// code (`23505`, `40001`, …); nil when the failure happened before a server answered (a
/// refused or lost connection), where `message` is libpq's own text.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public let sqlState: String?
    public let message: String
    public let detail: String?
    /// The constraint a violation names (`pairing_one_active_per_branch`), when there is one.
    public let constraint: String?
    /// The connection is unusable (refused, lost, or reset failed): retrying the statement
    /// on it is pointless until it is reconnected.
    public let connectionLost: Bool

    public init(sqlState: String?, message: String, detail: String? = nil, constraint: String? = nil, connectionLost: Bool = false) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.constraint = constraint
        self.connectionLost = connectionLost
    }

    /// A serializable transaction lost to a concurrent one (40001) or a deadlock (40P01):
    /// PostgreSQL rolled it back, and running it again from the start is the documented remedy.
    public var isTransientConflict: Bool {
        sqlState == SQLState.serializationFailure || sqlState == SQLState.deadlockDetected
    }

    public var description: String {
        var text = sqlState.map { "[\($0)] " } ?? ""
        text += message
        if let detail, !detail.isEmpty { text += " (\(detail))" }
        return text
    }
}

/// The SQLSTATE codes the store acts on (PostgreSQL manual, appendix A).
public enum SQLState {
    public static let uniqueViolation = "23505"
    public static let foreignKeyViolation = "23503"
    public static let checkViolation = "23514"
    public static let notNullViolation = "23502"
    public static let raisedException = "P0001"
    public static let insufficientPrivilege = "42501"
    public static let serializationFailure = "40001"
    public static let deadlockDetected = "40P01"
    public static let readOnlyTransaction = "25006"
    public static let undefinedTable = "42P01"
}

/// A column's text that is not a value of the type asked for.
public struct PostgresDecodingError: Error, Sendable, CustomStringConvertible {
    public let column: String
    public let value: String?
    public let expected: String

    public var description: String {
        "column \(column): \(value.map { "'\($0)'" } ?? "NULL") is not \(expected)"
    }
}
