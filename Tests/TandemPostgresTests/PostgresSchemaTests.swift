import Foundation
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemPostgres

@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresMigrationTests {
    @Test func anEmptyDatabaseIsMigratedOnceToTheLatestVersion() throws {
        let scratch = try PostgresScratch()
        let connection = try scratch.connect()
        #expect(try PostgresSchema.state(connection) == .empty)
        #expect(throws: TandemError.databaseNotInitialized(path: "db")) { try PostgresSchema.checkOpenable(connection, name: "db") }
        #expect(try PostgresSchema.migrate(connection, name: "db") == ["v1", "v2", "v3", "v4", "v5", "pg1-audit-high-water", "pg2-change-notify", "pg3-operator-roles"])
        #expect(try PostgresSchema.state(connection) == .tandem(applied: PostgresSchema.migrationIdentifiers))
        #expect(try PostgresSchema.migrate(connection, name: "db") == [])
        try PostgresSchema.checkOpenable(connection, name: "db")
    }

    /// Hosts starting together: every one migrates under the advisory lock, exactly one applies
    /// the migrations, none fails.
    @Test func connectionsMigratingAtOnceDoNotRace() throws {
        let scratch = try PostgresScratch()
        let hosts = 4
        let results = ThreadSafeList()
        DispatchQueue.concurrentPerform(iterations: hosts) { _ in
            do {
                let applied = try PostgresSchema.migrate(try scratch.connect(), name: "db")
                results.append(applied.joined(separator: ","))
            } catch {
                results.append("error: \(error)")
            }
        }
        #expect(results.items.sorted() == ["", "", "", PostgresSchema.migrationIdentifiers.joined(separator: ",")])
        #expect(try PostgresSchema.state(scratch.connect()) == .tandem(applied: PostgresSchema.migrationIdentifiers))
    }

    @Test func aDatabaseWrittenByANewerTandemIsRefusedUnchanged() throws {
        let scratch = try PostgresScratch()
        let connection = try scratch.connect()
        try PostgresSchema.migrate(connection, name: "db")
        try connection.execute("INSERT INTO tandem_migrations (identifier) VALUES ('v99')")
        let expected = TandemError.databaseTooNew(path: "postgres://h/db", found: "v99")
        #expect(throws: expected) { try PostgresSchema.migrate(connection, name: "postgres://h/db") }
        #expect(throws: expected) { try PostgresSchema.checkOpenable(connection, name: "postgres://h/db") }
        #expect(try PostgresSchema.state(connection) == .tandem(applied: PostgresSchema.migrationIdentifiers + ["v99"]))
        // Worded in both languages, as the SQLite store's refusal.
        #expect(expected.message(.zh).contains("更新版本") && expected.message(.en).contains("newer Tandem"))
    }

    @Test func anotherApplicationsDatabaseIsNeverWrittenTo() throws {
        let scratch = try PostgresScratch()
        let connection = try scratch.connect()
        try connection.executeScript("CREATE TABLE invoices (id BIGINT)")
        #expect(throws: TandemError.notATandemDatabase(path: "db")) { try PostgresSchema.migrate(connection, name: "db") }
        #expect(try PostgresSchema.state(connection) == .foreign(tables: ["invoices"]))
    }
}

/// The invariants the schema itself holds, tried with raw SQL as another client would.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresSchemaInvariantTests {
    let scratch: PostgresScratch
    let db: PostgresConnection

    init() throws {
        scratch = try PostgresScratch()
        db = try scratch.connect()
        try PostgresSchema.migrate(db, name: "db")
        try db.executeScript("""
            INSERT INTO supervision_group VALUES (1, '第一组', 'Group 1');
            INSERT INTO district VALUES ('nanchuan', '南川区', 'Nanchuan', 1);
            INSERT INTO branch (name, district_code, headcount) VALUES ('突击队一', 'nanchuan', 8), ('突击队二', 'nanchuan', 5);
            INSERT INTO enterprise (name, kind, district_code) VALUES ('九叶青花椒基地', 'employment_base', 'nanchuan'),
                                                                      ('盲人按摩中心', 'blind_massage', 'nanchuan');
            """)
    }

    private func violation(_ sql: String, _ parameters: [(any PostgresBindable)?] = []) -> PostgresError? {
        #expect(throws: PostgresError.self) { try db.execute(sql, parameters) }
    }

    @Test func oneActivePairingPerBranchAndPerEnterprise() throws {
        let pair = "INSERT INTO pairing (branch_number, enterprise_number, started_at, started_by) VALUES ($1, $2, now(), 'd')"
        try db.execute(pair, [1, 1])
        #expect(violation(pair, [1, 2])?.constraint == "pairing_one_active_per_branch")
        #expect(violation(pair, [2, 1])?.constraint == "pairing_one_active_per_enterprise")
        try db.execute("UPDATE pairing SET ended_at = now(), ended_by = 'd' WHERE branch_number = 1")
        try db.execute(pair, [1, 2])
        try db.execute(pair, [2, 1])
        #expect(try db.one("SELECT count(*) AS n FROM pairing WHERE ended_at IS NULL")?.value("n") as Int64? == 2)
    }

    @Test func quantitiesStatesAndRolesAreChecked() throws {
        let request = """
            INSERT INTO request (enterprise_number, category, item, quantity, unit, priority, status, filed, completed)
            VALUES (1, 'ppe', 'masks', $1, 'piece', $2, $3, '2026-11-30', $4)
            """
        #expect(violation(request, [0, 2, "open", nil])?.sqlState == SQLState.checkViolation)
        #expect(violation(request, [300_000, 5, "open", nil])?.sqlState == SQLState.checkViolation)
        #expect(violation(request, [300_000, 2, "lost", nil])?.sqlState == SQLState.checkViolation)
        #expect(violation(request, [300_000, 2, "done", nil])?.sqlState == SQLState.checkViolation)
        // 8 t of fertiliser in thousandths of a kilogram needs more than 32 bits.
        try db.execute(request, [Int64(8_000_000_000), 2, "open", nil])
        #expect(violation("UPDATE request SET delivered = -1")?.sqlState == SQLState.checkViolation)
        #expect(violation("INSERT INTO operator (login, display_name, role) VALUES ('x', 'X', 'boss')")?.sqlState == SQLState.checkViolation)
        #expect(violation("INSERT INTO operator (login, display_name, role) VALUES ('x', 'X', 'lead')")?.sqlState == SQLState.checkViolation)
        #expect(violation("INSERT INTO enterprise (name, kind, district_code, lat) VALUES ('x', 'enterprise', 'nanchuan', 29.1)")?
            .sqlState == SQLState.checkViolation)
    }

    @Test func coordinatesKeepDoublePrecision() throws {
        let lat = 29.158_123_456_789_012, lon = 107.098_765_432_101_23
        try db.execute("UPDATE enterprise SET lat = $1, lon = $2 WHERE number = 1", [lat, lon])
        let row = try #require(try db.one("SELECT lat, lon FROM enterprise WHERE number = 1"))
        #expect(try row.value("lat") as Double == lat && row.value("lon") as Double == lon)
    }

    @Test func theAuditIsAppendOnly() throws {
        try db.execute("""
            INSERT INTO audit_event (id, at, operator_login, action, before, after, previous_hash, hash)
            VALUES (1, now(), 'admin', 'database.init', '', '', $1, $1)
            """, [String(repeating: "0", count: 64)])
        for sql in ["UPDATE audit_event SET after = 'forged'", "DELETE FROM audit_event", "TRUNCATE audit_event"] {
            let refused = violation(sql)
            #expect(refused?.sqlState == SQLState.raisedException && refused?.message.hasPrefix("audit events cannot be") == true)
        }
        #expect(try db.one("SELECT count(*) AS n FROM audit_event WHERE after = ''")?.value("n") as Int64? == 1)
        #expect(try Set(db.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass")
            .map { try $0.value("tgname") as String }).isSuperset(of: PostgresSchema.auditTriggers))
    }

    @Test func everyCommittedChangeCountsWhoeverMadeIt() throws {
        func counter() throws -> Int64 { try db.one("SELECT value FROM change_counter")!.value("value") }
        let start = try counter()
        try db.execute("UPDATE enterprise SET address = 'x' WHERE number = 1")
        let afterUpdate = try counter()
        #expect(afterUpdate > start)
        try db.execute("UPDATE enterprise SET address = 'y' WHERE number = 999")
        try db.execute("DELETE FROM branch WHERE number = 2")
        #expect(try counter() > afterUpdate)
        struct Abandoned: Error {}
        let beforeRollback = try counter()
        _ = try? db.transaction { c in
            try c.execute("UPDATE enterprise SET address = 'z'")
            throw Abandoned()
        }
        #expect(try counter() == beforeRollback)
    }

    @Test func aDeliveryIsReversedAtMostOnce() throws {
        try db.execute("""
            INSERT INTO request (enterprise_number, category, item, quantity, unit, priority, status, filed)
            VALUES (1, 'ppe', 'masks', 300000, 'piece', 2, 'open', '2026-11-30')
            """)
        let deliver = "INSERT INTO delivery (request_number, quantity, operator_login, at, reverses) VALUES (1, 120000, 'd', now(), $1)"
        try db.execute(deliver, [nil])
        try db.execute(deliver, [1])
        #expect(violation(deliver, [1])?.constraint == "delivery_reversed_once")
        #expect(violation(deliver, [99])?.sqlState == SQLState.foreignKeyViolation)
    }
}
