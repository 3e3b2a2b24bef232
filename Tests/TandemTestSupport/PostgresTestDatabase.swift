import Foundation
import TandemPostgres

/// The PostgreSQL server the tests use. `make test` runs them inside `pg_virtualenv` (a
/// throwaway cluster; libpq reads `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD` from it) and
/// sets `TANDEM_TEST_POSTGRES=1`; without it, as with a plain `swift test` on a laptop, the
/// tests that need a server are skipped with `skipReason`.
public enum PostgresTestServer {
    public static var available: Bool { ProcessInfo.processInfo.environment["TANDEM_TEST_POSTGRES"] == "1" }

    public static let skipReason = """
        needs PostgreSQL: run `make test`, or `pg_virtualenv env TANDEM_TEST_POSTGRES=1 swift test` \
        (postgresql-common), or set TANDEM_TEST_POSTGRES=1 with PGHOST/PGPORT/PGUSER naming a server
        """
}

/// A schema of its own for one test, dropped when the test is done: tests run in parallel on
/// one server without seeing each other's tables. `connectionString` puts the schema first on
/// the search path, so unqualified names land there.
public final class PostgresScratch: @unchecked Sendable {
    public let schema: String
    public let connectionString: String

    public init() throws {
        schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        connectionString = "options='-c search_path=\(schema)'"
        try PostgresConnection("").executeScript("CREATE SCHEMA \(schema)")
    }

    public func connect() throws -> PostgresConnection { try PostgresConnection(connectionString) }

    deinit {
        try? PostgresConnection("").executeScript("DROP SCHEMA \(schema) CASCADE")
    }
}
