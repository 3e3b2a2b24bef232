import Foundation
import Testing
import TandemTestSupport

/// The same `tandem` on a PostgreSQL database named by `$TANDEM_DB` (a URL, no file).
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresCommandTests {
    /// The server from the test environment (`pg_virtualenv`), the database a schema of its own.
    private func postgres(_ scratch: PostgresScratch) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("PG") }
        environment["TANDEM_DB"] = "postgresql:///?options=-c%20search_path%3D\(scratch.schema)"
        return environment
    }

    @Test func theNewUsersPathRunsOnPostgreSQL() throws {
        let scratch = try PostgresScratch()
        let cli = try CLIHarness()
        let environment = postgres(scratch)
        func tandem(_ arguments: [String]) throws -> CLIHarness.Result {
            try cli.run(arguments, database: false, environment: environment)
        }
        @discardableResult func ok(_ arguments: [String]) throws -> String {
            let result = try tandem(arguments)
            #expect(result.status == 0, "tandem \(arguments.joined(separator: " ")): \(result.stderr)")
            return result.stdout
        }
        #expect(try ok(["init"]).contains("created database postgres://"))
        #expect(try tandem(["init"]).stderr.contains("already exists"))
        try ok(["branch", "add", "--name", "南川区残联党支部党员突击队", "--district", "nanchuan", "--headcount", "8",
                "--capabilities", "agriculture,transport"])
        try ok(["enterprise", "add", "--name", "南川九叶青花椒基地", "--district", "nanchuan"])
        try ok(["pair", "B1", "E1"])
        try ok(["request", "add", "E1", "--category", "ppe", "--item", "masks", "--quantity", "300", "--unit", "piece"])
        #expect(try ok(["request", "deliver", "R1", "120"]).contains("120/300"))
        #expect(try ok(["request", "deliver", "R1", "180"]).contains("300/300"))
        #expect(try ok(["log"]).contains("delivery recorded"))
        // What only the SQLite store has is refused in words, not with a bare exit status.
        // A backup is a pg_dump of the database's schema, 0600, that pg_restore reads.
        let copy = cli.folder.appendingPathComponent("copy.dump").path
        #expect(try ok(["backup", copy]).contains("backed up to \(copy) (7 audit events, head hash "))
        #expect(try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int == 0o600)
        #expect(try tandem(["backup", copy]).stderr.contains("already exists"))
        let restore = Process(), listing = Pipe()
        restore.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        restore.arguments = ["pg_restore", "--list", copy]
        restore.standardOutput = listing
        try restore.run()
        let contents = String(decoding: listing.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        restore.waitUntilExit()
        #expect(contents.contains("TABLE DATA \(scratch.schema) audit_event"))
        // Without pg_dump, a refusal that says what to install.
        var withoutClient = environment
        withoutClient["PATH"] = "/nonexistent"
        let refused = try cli.run(["backup", copy + ".2"], database: false, environment: withoutClient)
        #expect(refused.status != 0 && refused.stderr.contains("pg_dump is not installed"))
        #expect(try ok(["check"]).contains("database intact"))
        #expect(try ok(["request", "show", "R1"]).contains("done"))
        // The demo city replaces that database, in one transaction.
        #expect(try ok(["init", "--demo", "--scale", "20", "--force"]).contains("created demo database postgres://"))
        #expect(try ok(["enterprise", "list"]).contains("南川九叶青花椒基地"))
        #expect(try ok(["check"]).contains("database intact"))
        #expect(try ok(["log", "--verify"]).contains("chain head (write it down): #"))
    }

    @Test func aPasswordInTheURLIsRefusedAndNotRepeated() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["enterprise", "list", "--db", "postgres://tandem:secret@db.example/province"], database: false)
        #expect(result.status != 0)
        #expect(result.stderr.contains("~/.pgpass") && !result.stderr.contains("secret"))
    }
}
