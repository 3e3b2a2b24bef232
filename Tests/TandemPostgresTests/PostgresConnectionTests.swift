import Foundation
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemPostgres

@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresConnectionTests {
    @Test func parametersAndTypedColumnsRoundTrip() throws {
        let scratch = try PostgresScratch()
        let connection = try scratch.connect()
        let at = Timestamp(millisecondsSince1970: 1_796_000_000_123)
        let row = try #require(try connection.one("""
            SELECT $1::bigint AS big, $2::double precision AS lat, $3::text AS name, $4::timestamptz AS at,
                   $5::boolean AS flag, $6::date AS due, NULL::text AS nothing
            """, [Int64(9_007_199_254_740_993), 29.158_123_456_789_01, "南川九叶青花椒基地'; DROP TABLE x; --", at, true, Day(parsing: "2026-12-01")]))
        #expect(try row.value("big") as Int64 == 9_007_199_254_740_993)
        #expect(try row.value("lat") as Double == 29.158_123_456_789_01)
        #expect(try row.value("name") as String == "南川九叶青花椒基地'; DROP TABLE x; --")
        #expect(try row.value("at") as Timestamp == at)
        #expect(try row.value("flag") as Bool == true)
        #expect(try row.value("due") as Day == Day(parsing: "2026-12-01"))
        #expect(try row.optional("nothing") as String? == nil)
        #expect(throws: PostgresDecodingError.self) { try row.value("nothing") as String }
        #expect(throws: PostgresDecodingError.self) { try row.value("name") as Int64 }
        #expect(throws: PostgresDecodingError.self) { try row.value("no_such_column") as Int64 }
    }

    @Test func timestampsReadBackInUTCWhateverTheInputOffset() throws {
        let scratch = try PostgresScratch()
        let connection = try scratch.connect()
        let row = try #require(try connection.one("SELECT '2026-11-30T22:53:12.345+08:00'::timestamptz AS at"))
        #expect(try row.value("at") as Timestamp == Timestamp(parsing: "2026-11-30T14:53:12.345Z"))
    }

    @Test func errorsCarryTheirSQLStateAndConstraint() throws {
        let scratch = try PostgresScratch()
        let connection = try scratch.connect()
        try connection.executeScript("""
            CREATE TABLE item (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name TEXT NOT NULL,
                               quantity BIGINT NOT NULL CONSTRAINT item_quantity_positive CHECK (quantity > 0));
            CREATE UNIQUE INDEX item_name_unique ON item(name);
            """)
        let inserted = try connection.execute("INSERT INTO item (name, quantity) VALUES ($1, $2) RETURNING id", ["masks", 300])
        #expect(try inserted.first?.value("id") as Int64? == 1)
        #expect(inserted.affectedRows == 1)
        let duplicate = #expect(throws: PostgresError.self) {
            try connection.execute("INSERT INTO item (name, quantity) VALUES ($1, $2)", ["masks", 1])
        }
        #expect(duplicate?.sqlState == SQLState.uniqueViolation && duplicate?.constraint == "item_name_unique")
        let negative = #expect(throws: PostgresError.self) {
            try connection.execute("INSERT INTO item (name, quantity) VALUES ($1, $2)", ["gloves", -1])
        }
        #expect(negative?.sqlState == SQLState.checkViolation && negative?.constraint == "item_quantity_positive")
        // One statement per call: a second statement smuggled into the SQL is refused.
        let smuggled = #expect(throws: PostgresError.self) { try connection.execute("SELECT 1; DELETE FROM item") }
        #expect(smuggled?.sqlState == "42601")
        #expect(try connection.one("SELECT count(*) AS n FROM item")?.value("n") as Int64? == 1)
    }

    @Test func aThrowingBodyRollsBackEverything() throws {
        let scratch = try PostgresScratch()
        let connection = try scratch.connect()
        try connection.executeScript("CREATE TABLE note (text TEXT NOT NULL)")
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try connection.transaction { c in
                try c.execute("INSERT INTO note VALUES ($1)", ["first"])
                throw Refused()
            }
        }
        #expect(!connection.inTransaction)
        #expect(try connection.one("SELECT count(*) AS n FROM note")?.value("n") as Int64? == 0)
    }

    /// The lost update the issue measured under READ COMMITTED: B commits between A's read and
    /// A's write. SERIALIZABLE makes A's write fail with 40001; the retry reads B's value.
    @Test func aSerializationFailureRunsTheBodyAgainOnFreshData() throws {
        let scratch = try PostgresScratch()
        let a = try scratch.connect(), b = try scratch.connect()
        try a.executeScript("CREATE TABLE counter (id INT PRIMARY KEY, value BIGINT NOT NULL); INSERT INTO counter VALUES (1, 0)")
        var runs = 0
        let written = try a.transaction { c -> Int64 in
            runs += 1
            let value: Int64 = try c.one("SELECT value FROM counter WHERE id = 1")!.value("value")
            if runs == 1 { try b.execute("UPDATE counter SET value = value + 1 WHERE id = 1") }
            try c.execute("UPDATE counter SET value = $1 WHERE id = 1", [value + 1])
            return value + 1
        }
        #expect(runs == 2)
        #expect(written == 2)
        #expect(try b.one("SELECT value FROM counter")?.value("value") as Int64? == 2)
    }

    @Test func retriesGiveUpAfterTheirAttempts() throws {
        let scratch = try PostgresScratch()
        let a = try scratch.connect(), b = try scratch.connect()
        try a.executeScript("CREATE TABLE counter (id INT PRIMARY KEY, value BIGINT NOT NULL); INSERT INTO counter VALUES (1, 0)")
        var runs = 0
        let failure = #expect(throws: PostgresError.self) {
            try a.transaction(attempts: 3) { c in
                runs += 1
                let value: Int64 = try c.one("SELECT value FROM counter WHERE id = 1")!.value("value")
                try b.execute("UPDATE counter SET value = value + 1 WHERE id = 1")
                try c.execute("UPDATE counter SET value = $1 WHERE id = 1", [value + 1])
            }
        }
        #expect(failure?.sqlState == SQLState.serializationFailure)
        #expect(runs == 3)
        #expect(try b.one("SELECT value FROM counter")?.value("value") as Int64? == 3)
    }

    /// Two threads, each with its own connection, increment one counter by reading and writing
    /// it back: every increment survives.
    @Test func concurrentReadThenWriteLosesNoUpdate() throws {
        let scratch = try PostgresScratch()
        try scratch.connect().executeScript("CREATE TABLE counter (id INT PRIMARY KEY, value BIGINT NOT NULL); INSERT INTO counter VALUES (1, 0)")
        let increments = 40
        let failures = ThreadSafeList()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let connection = try scratch.connect()
                for _ in 0..<increments {
                    try connection.transaction(attempts: 100) { c in
                        let value: Int64 = try c.one("SELECT value FROM counter WHERE id = 1")!.value("value")
                        try c.execute("UPDATE counter SET value = $1 WHERE id = 1", [value + 1])
                    }
                }
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.items.isEmpty)
        #expect(try scratch.connect().one("SELECT value FROM counter")?.value("value") as Int64? == Int64(2 * increments))
    }

    @Test func aSnapshotIsConsistentAndReadOnly() throws {
        let scratch = try PostgresScratch()
        let reader = try scratch.connect(), writer = try scratch.connect()
        try writer.executeScript("CREATE TABLE counter (id INT PRIMARY KEY, value BIGINT NOT NULL); INSERT INTO counter VALUES (1, 0)")
        let (before, after) = try reader.transaction(.readOnlySnapshot) { c -> (Int64, Int64) in
            let before: Int64 = try c.one("SELECT value FROM counter")!.value("value")
            try writer.execute("UPDATE counter SET value = 5")
            let after: Int64 = try c.one("SELECT value FROM counter")!.value("value")
            return (before, after)
        }
        #expect(before == 0 && after == 0)
        let refused = #expect(throws: PostgresError.self) {
            try reader.transaction(.readOnlySnapshot) { c in try c.execute("UPDATE counter SET value = 9") }
        }
        #expect(refused?.sqlState == SQLState.readOnlyTransaction)
        #expect(try reader.one("SELECT value FROM counter")?.value("value") as Int64? == 5)
    }

    @Test func aLostConnectionIsReconnectedAtTheNextTransaction() throws {
        let scratch = try PostgresScratch()
        let victim = try scratch.connect(), killer = try scratch.connect()
        let pid: Int64 = try victim.one("SELECT pg_backend_pid() AS pid")!.value("pid")
        try killer.execute("SELECT pg_terminate_backend($1)", [pid])
        let lost = #expect(throws: PostgresError.self) { try victim.execute("SELECT 1") }
        #expect(lost?.connectionLost == true)
        let value = try victim.transaction { c in try c.one("SELECT 41 + 1 AS n")!.value("n") as Int64 }
        #expect(value == 42)
        // The session settings came back with the connection.
        #expect(try victim.one("SHOW TimeZone")?.value(at: 0) as String? == "UTC")
    }
}

/// Connection strings need no server.
@Suite struct ConnectionStringTests {
    @Test func urlsAndKeywordStringsAreReadAsLibpqReadsThem() throws {
        let url = try ConnectionString("postgres://tandem@db.example:5433/province?sslmode=verify-full")
        #expect(url.options["host"] == "db.example" && url.options["port"] == "5433" && url.options["sslmode"] == "verify-full")
        #expect(!url.hasPassword)
        #expect(url.redacted == "postgres://tandem@db.example:5433/province")
        #expect(ConnectionString.isPostgresURL("postgresql://host/db") && !ConnectionString.isPostgresURL("/var/lib/tandem/tandem.sqlite"))
        let keywords = try ConnectionString("host=/run/postgresql dbname=tandem")
        #expect(keywords.options["dbname"] == "tandem" && keywords.redacted == "postgres:///run/postgresql/tandem")
    }

    @Test func aPasswordInTheStringIsNoticedAndNeverShown() throws {
        let url = try ConnectionString("postgres://tandem:secret@db.example/province")
        #expect(url.hasPassword)
        #expect(!url.redacted.contains("secret"))
        #expect(try ConnectionString("host=db password=secret").hasPassword)
    }

    @Test func anUnreadableStringIsAnError() {
        #expect(throws: PostgresError.self) { try ConnectionString("postgres://host:notaport:/x?nosuchoption=1") }
        #expect(throws: PostgresError.self) { try ConnectionString("host='unterminated") }
    }

    @Test func aServerThatIsNotThereIsAConnectionError() {
        let failure = #expect(throws: PostgresError.self) {
            try PostgresConnection("host=127.0.0.1 port=1 connect_timeout=2")
        }
        #expect(failure?.connectionLost == true && failure?.sqlState == nil)
    }
}
