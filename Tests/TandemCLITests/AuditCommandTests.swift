import Foundation
import Testing

/// `tandem log --verify`, `tandem check` and `tandem backup` as a user and the harnesses run them.
@Suite struct AuditCommandTests {
    func sqlite(_ database: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", database, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sqlite3 is a test package (README, Tests)")
    }

    @Test func aPlainSQLEditOfTheAuditIsNamedByVerify() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init", "--demo", "--scale", "10"])
        try cli.ok(["request", "deliver", "R1", "1", "--over"])
        let intact = try cli.ok(["log", "--verify"])
        #expect(intact.hasPrefix("✓ audit chain intact\nchain head (write it down): #3:"))
        let head = try #require(intact.split(separator: "#").last?.split(separator: ",").first.map(String.init))
        #expect(try cli.ok(["log", "--verify", "--expect", head]).hasPrefix("✓"))
        #expect(try cli.ok(["check"]).hasPrefix("✓ database intact"))

        // As root would: the triggers first, then the edit.
        try sqlite(cli.database, "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET operator_login = 'mallory' WHERE id = 2;")
        let verify = try cli.run(["log", "--verify"])
        #expect(verify.status == 1)
        #expect(verify.stdout.hasPrefix("✗ audit event #2 was edited: its hash does not match its content\n"))
        #expect(try cli.run(["check"]).status == 1)
        let zh = try cli.run(["log", "--verify", "--lang", "zh"])
        #expect(zh.stdout.hasPrefix("✗ 审计事件 #2 被改动过"))
        let json = try cli.run(["log", "--verify", "--format", "json"])
        #expect(json.stdout.contains("\"intact\" : false"))
    }

    @Test func aRowChangedWithNoEventFailsCheck() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init", "--demo", "--scale", "10"])
        try sqlite(cli.database, "UPDATE operator SET role = 'admin', branch_number = NULL WHERE role = 'lead' AND login = (SELECT min(login) FROM operator WHERE role = 'lead');")
        let check = try cli.run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("changed with no audit event"))
    }

    @Test func checkFailsOnABrokenInvariant() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init", "--demo", "--scale", "10"])
        try sqlite(cli.database, "UPDATE request SET delivered = delivered + 1000 WHERE number = 1;")
        let check = try cli.run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("✗ request R1: delivered does not equal the sum of its deliveries"))
    }

    @Test func aBackupTakenWhileAnotherProcessWritesPassesCheck() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init", "--demo", "--scale", "10"])
        // Another operator files requests in a loop until the stop file appears.
        let stop = cli.folder.appendingPathComponent("stop").path
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", """
            while [ ! -e "\(stop)" ]; do
              "\(CLIHarness.binary.path)" request add E1 --category ppe --item masks --quantity 5 --unit piece --db "\(cli.database)" >/dev/null || exit 1
            done
            """]
        writer.environment = cli.environment
        try writer.run()
        defer { _ = FileManager.default.createFile(atPath: stop, contents: nil) }
        for copy in 1...3 {
            let target = cli.folder.appendingPathComponent("copy\(copy).sqlite").path
            #expect(try cli.ok(["backup", target]).hasPrefix("backed up to"))
            let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try cli.run(["check", "--db", target], database: false).status == 0)
        }
        _ = FileManager.default.createFile(atPath: stop, contents: nil)
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        let again = try cli.run(["backup", cli.folder.appendingPathComponent("copy1.sqlite").path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("--force"))
        try cli.ok(["backup", "--force", cli.folder.appendingPathComponent("copy1.sqlite").path])
        #expect(try cli.ok(["check"]).hasPrefix("✓"))
    }

    @Test func theLogFilters() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init", "--demo", "--scale", "10"])
        try cli.ok(["request", "deliver", "R1", "1", "--over"])
        let byRequest = try cli.ok(["log", "--request", "R1", "--format", "csv"])
        #expect(byRequest.split(separator: "\n").count == 2)
        #expect(byRequest.contains("delivery recorded"))
        let today = try cli.ok(["log", "--since", "2000-01-01", "--until", "2100-01-01", "--format", "csv"])
        #expect(today.split(separator: "\n").count == 4)
        #expect(try cli.ok(["log", "--until", "2000-01-01", "--format", "csv"]).split(separator: "\n").count == 1)
        #expect(try cli.refused(["log", "--since", "yesterday"]).contains("YYYY-MM-DD"))
    }
}
