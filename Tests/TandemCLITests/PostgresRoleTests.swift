import Foundation
import Testing
import TandemPostgres
import TandemTestSupport

/// On PostgreSQL each operator connects as their own database role, and the database refuses
/// what that operator may not do, even to a client that bypasses Tandem (psql, a script). The
/// tests connect as a role with `-c role=…` from the test server's superuser, which PostgreSQL
/// judges exactly as a login of that role (`current_user`).
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresRoleTests {
    let scratch: PostgresScratch
    let cli: CLIHarness

    init() throws {
        scratch = try PostgresScratch()
        cli = try CLIHarness()
        let created = try tandem(["init", "--demo", "--scale", "20"], as: nil)
        #expect(created.status == 0, "\(created.stderr)")
    }

    /// `tandem ARGUMENTS` connected as the database role `role` (the superuser when nil).
    func tandem(_ arguments: [String], as role: String?) throws -> CLIHarness.Result {
        var environment = ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("PG") }
        let options = "-c search_path=\(scratch.schema)" + (role.map { " -c role=\($0)" } ?? "")
        environment["TANDEM_DB"] = "postgresql:///?options=" + options.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return try cli.run(arguments + ["--lang", "en"], database: false, environment: environment)
    }

    /// A raw connection as `role`, as psql would have it.
    func raw(_ role: String) throws -> PostgresConnection {
        try PostgresConnection("options='-c search_path=\(scratch.schema) -c role=\(role)'")
    }

    func owner() throws -> PostgresConnection { try scratch.connect() }

    /// The SQLSTATE of a statement that must fail.
    func refusal(_ connection: PostgresConnection, _ sql: String) -> String? {
        do {
            _ = try connection.execute(sql)
            return nil
        } catch let error as PostgresError {
            return error.sqlState
        } catch {
            return "\(error)"
        }
    }

    func request(_ number: Int) throws -> (delivered: Int64, status: String, notes: String) {
        let row = try owner().one("SELECT delivered, status, notes FROM request WHERE number = $1", [Int64(number)])!
        return (try row.value("delivered"), try row.value("status"), try row.value("notes"))
    }

    /// The demo's lead1 leads the branch paired with 南川九叶青花椒基地 (E2, requests R4–R7);
    /// R8 belongs to another enterprise.
    @Test func aLeadWritesOnlyTheirEnterpriseThroughTandemOrAround() throws {
        let mine = try tandem(["request", "deliver", "R5", "120"], as: "lead1")
        #expect(mine.status == 0 && mine.stdout.contains("120/300"), "\(mine.stderr)")
        // Tandem refuses another enterprise's request in words…
        let other = try tandem(["request", "deliver", "R8", "1"], as: "lead1")
        #expect(other.status != 0 && !other.stderr.isEmpty)
        // …and the database refuses it to psql: nothing changes.
        let before = try request(8)
        let lead = try raw("lead1")
        #expect(try lead.execute("UPDATE request SET delivered = quantity, status = 'done' WHERE number = 8").affectedRows == 0)
        #expect(refusal(lead, "INSERT INTO delivery (request_number, quantity, operator_login, at) VALUES (8, 1, 'lead1', now())")
                == "42501")
        #expect(refusal(lead, "INSERT INTO pairing (branch_number, enterprise_number, started_at, started_by) VALUES (3, 3, now(), 'lead1')")
                == "42501")
        #expect(refusal(lead, "DELETE FROM request WHERE number = 5") == "42501")
        #expect(refusal(lead, "UPDATE operator SET role = 'admin', branch_number = NULL WHERE login = 'lead1'") == nil)
        #expect(try owner().one("SELECT role FROM operator WHERE login = 'lead1'")?.value("role") == "lead")
        #expect(try request(8) == before)
        // The audit: no event under another operator's name, none changed.
        #expect(refusal(lead, """
            INSERT INTO audit_event (id, at, operator_login, action, before, after) VALUES (999999, now(), 'dispatcher', 'pair', '', '')
            """) == "42501")
        #expect(refusal(lead, "UPDATE audit_event SET operator_login = 'x' WHERE id = 1") == "42501")
        #expect(refusal(lead, "UPDATE change_counter SET value = 0") == "42501")
        // A temporary table named `operator` does not make the lead an admin.
        try lead.executeScript("""
            CREATE TEMP TABLE operator (login text, role text, group_number bigint, branch_number bigint);
            INSERT INTO pg_temp.operator VALUES ('lead1', 'admin', NULL, NULL);
            """)
        #expect(try lead.execute("UPDATE request SET notes = 'x' WHERE number = 8").affectedRows == 0)
        #expect(try request(8) == before)
        #expect(try tandem(["check"], as: nil).stdout.contains("database intact"))
    }

    @Test func aGroupSupervisorReadsTheirGroupAndWritesNothing() throws {
        let supervisor = try raw("supervisor1")
        let seen: Int64 = try supervisor.one("SELECT count(*) AS n FROM enterprise")!.value("n")
        let inGroup: Int64 = try owner().one("""
            SELECT count(*) AS n FROM enterprise e JOIN district d ON d.code = e.district_code WHERE d.group_number = 1
            """)!.value("n")
        #expect(seen == inGroup && seen > 0)
        let requestsSeen: Int64 = try supervisor.one("SELECT count(*) AS n FROM request")!.value("n")
        let requestsInGroup: Int64 = try owner().one("""
            SELECT count(*) AS n FROM request r JOIN enterprise e ON e.number = r.enterprise_number
            JOIN district d ON d.code = e.district_code WHERE d.group_number = 1
            """)!.value("n")
        #expect(requestsSeen == requestsInGroup)
        // B1 (group 1) helps E2 in Nanchuan (group 5): the pairing shows from the branch's end, so
        // B1 is not listed as free.
        #expect(try supervisor.one("SELECT count(*) AS n FROM pairing WHERE branch_number = 1 AND ended_at IS NULL")!.value("n") == Int64(1))
        #expect(try supervisor.one("SELECT count(*) AS n FROM enterprise WHERE number = 2")!.value("n") == Int64(0))
        let branches = try tandem(["branch", "list"], as: "supervisor1")
        #expect(branches.status == 0 && branches.stdout.contains("E2"), "\(branches.stderr)")
        #expect(try supervisor.execute("UPDATE request SET notes = 'x'").affectedRows == 0)
        #expect(refusal(supervisor, "INSERT INTO enterprise (name, kind, district_code) VALUES ('x', 'enterprise', 'yuzhong')") == "42501")
        // `check` needs every row: a role that reads only its group is told so, not shown false alarms.
        let check = try tandem(["check"], as: "supervisor1")
        #expect(check.status != 0 && check.stderr.contains("row-level security"), "\(check.stdout)\(check.stderr)")
        // `log --verify` walks the chain for them, without comparing the records they cannot read.
        let verify = try tandem(["log", "--verify"], as: "supervisor1")
        #expect(verify.status == 0 && verify.stdout.contains("chain head (write it down): #"), "\(verify.stdout)\(verify.stderr)")
        // The city-wide supervisor reads everything, and writes nothing either.
        let cityWide = try raw("supervisor")
        let all: Int64 = try owner().one("SELECT count(*) AS n FROM request")!.value("n")
        #expect(try cityWide.one("SELECT count(*) AS n FROM request")!.value("n") == all)
        #expect(try cityWide.execute("UPDATE request SET notes = 'x'").affectedRows == 0)
    }

    /// The role that runs `init` becomes the first admin and must be able to make the operators'
    /// roles: without CREATEROLE it is told what to ask for, and nothing is created.
    @Test func initWithoutCreateRoleIsRefusedInWordsAndWritesNothing() throws {
        let other = try PostgresScratch()
        try other.connect().executeScript("""
            DO $$ BEGIN CREATE ROLE tandem_test_no_createrole; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
            GRANT ALL ON SCHEMA \(other.schema) TO tandem_test_no_createrole;
            """)
        var environment = ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("PG") }
        let options = "-c search_path=\(other.schema) -c role=tandem_test_no_createrole"
        environment["TANDEM_DB"] = "postgresql:///?options=" + options.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let refused = try cli.run(["init", "--lang", "en"], database: false, environment: environment)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("ALTER ROLE tandem_test_no_createrole CREATEROLE"), "\(refused.stderr)")
        let tables: Int64 = try other.connect().one("""
            SELECT count(*) AS n FROM pg_tables WHERE schemaname = '\(other.schema)'
            """)!.value("n")
        #expect(tables == 0)
    }

    @Test func onlyAnAdminAddsOperatorsAndEachGetsALoginRole() throws {
        let dispatcher = try raw("dispatcher")
        #expect(refusal(dispatcher, "INSERT INTO operator (login, display_name, role) VALUES ('mallory', 'x', 'admin')") == "42501")
        let refused = try tandem(["operator", "add", "mallory", "--role", "admin", "--name", "x"], as: "dispatcher")
        #expect(refused.status != 0)
        // The owner of the database is its first admin: the new operator gets a role of that name.
        let added = try tandem(["operator", "add", "zhou", "--role", "dispatcher", "--name", "周调度"], as: nil)
        #expect(added.status == 0, "\(added.stderr)")
        let member: Bool = try owner().one("SELECT pg_has_role('zhou', '\(PostgresSchema.operatorsRole)', 'MEMBER') AS m")!.value("m")
        #expect(member)
        // Identity is the database role: zhou's events are zhou's, whoever the OS account is.
        let paired = try tandem(["pair", "B4", "E3"], as: "zhou")
        #expect(paired.status == 0, "\(paired.stderr)")
        #expect(try owner().one("SELECT operator_login FROM audit_event ORDER BY id DESC LIMIT 1")?.value("operator_login") == "zhou")
        // A role that is no operator of this database reads nothing.
        try owner().executeScript("""
            DO $$ BEGIN CREATE ROLE tandem_test_stranger; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
            GRANT \(PostgresSchema.operatorsRole) TO tandem_test_stranger;
            """)
        #expect(try raw("tandem_test_stranger").one("SELECT count(*) AS n FROM request")!.value("n") == Int64(0))
        let stranger = try tandem(["request", "list"], as: "tandem_test_stranger")
        #expect(stranger.status != 0 && stranger.stderr.contains("tandem_test_stranger"))
    }
}
