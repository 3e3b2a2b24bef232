import Foundation
import Testing
import TandemPostgres
import TandemTestSupport

/// `make test` promises the PostgreSQL tests run: outside it they may be skipped (a laptop
/// without PostgreSQL), under it a missing or unreachable server is a failure, not a skip.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TANDEM_MAKE_TEST"] == "1",
                "only under `make test`, which must provide PostgreSQL"))
struct MakeTestGuardTests {
    @Test func makeTestProvidesPostgreSQL() throws {
        #expect(PostgresTestServer.available, "make test ran without TANDEM_TEST_POSTGRES=1: the PostgreSQL tests were skipped")
        let connection = try PostgresConnection("")
        #expect(try connection.one("SELECT 1 AS one")?.value("one") as Int64? == 1)
        #expect(connection.serverVersion >= 150_000)
    }
}
