import Foundation
import Testing

/// Every way the issue lists of getting it wrong: one clear line, non-zero exit, nothing changed.
@Suite struct BadInputTests {
    /// A database with B1–E1 paired, B2 and E2 free, and R1: 300 masks for E1.
    func seeded() throws -> CLIHarness {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["branch", "add", "--name", "第一突击队", "--district", "yongchuan", "--headcount", "9"])
        try cli.ok(["branch", "add", "--name", "第二突击队", "--district", "beibei", "--headcount", "5"])
        try cli.ok(["enterprise", "add", "--name", "永川残疾人梦想茶叶基地", "--district", "永川", "--kind", "employment_base"])
        try cli.ok(["enterprise", "add", "--name", "友缘盲人按摩店", "--district", "北碚", "--kind", "blind_massage"])
        try cli.ok(["pair", "B1", "E1"])
        try cli.ok(["request", "add", "E1", "--category", "ppe", "--item", "masks", "--quantity", "300", "--unit", "piece"])
        return cli
    }

    @Test func unknownAndMalformedCodes() throws {
        let cli = try seeded()
        #expect(try cli.refused(["pair", "B7", "E2"]).contains("no branch with code B7"))
        #expect(try cli.refused(["pair", "B2", "E70"]).contains("no enterprise with code E70"))
        #expect(try cli.refused(["pair", "X2", "E2"]).contains("is not a branch code"))
        #expect(try cli.refused(["request", "deliver", "R99", "5"]).contains("no request with code R99"))
        #expect(try cli.refused(["unpair", "R1"]).contains("not a branch code"))
        #expect(try cli.refused(["branch", "add", "--name", "x", "--district", "atlantis", "--headcount", "3"]).contains("no district"))
    }

    @Test func pairingAnAlreadyPairedSideNamesTheExistingPairing() throws {
        let cli = try seeded()
        #expect(try cli.refused(["pair", "B1", "E2"]).contains("B1 is already paired with E1"))
        #expect(try cli.refused(["pair", "B2", "E1"]).contains("E1 is already paired with branch B1"))
        #expect(try cli.refused(["unpair", "E2"]).contains("no active pairing"))
    }

    @Test(arguments: ["-5", "0", "abc", "1e3", "0.0001", ""])
    func quantitiesMustBePositiveNumbers(_ quantity: String) throws {
        let cli = try seeded()
        #expect(try cli.refused(["request", "deliver", "R1", quantity]).contains("invalid quantity"))
        #expect(try cli.refused(["request", "add", "E2", "--category", "ppe", "--item", "masks", "--quantity", quantity,
                                 "--unit", "piece"]).contains(quantity.isEmpty ? "enter the quantity" : "invalid quantity"))
    }

    @Test func unknownCategoryItemOrUnit() throws {
        let cli = try seeded()
        func add(_ category: String, _ item: String, _ unit: String) -> [String] {
            ["request", "add", "E2", "--category", category, "--item", item, "--quantity", "3", "--unit", unit]
        }
        #expect(try cli.refused(add("food", "rice", "kg")).contains("unknown category food"))
        #expect(try cli.refused(add("ppe", "rice", "kg")).contains("no item rice in category ppe"))
        #expect(try cli.refused(add("ppe", "masks", "tonne")).contains("masks cannot be counted in tonne"))
        #expect(try cli.refused(add("ppe", "masks", "crate")).contains("cannot be counted in crate"))
        #expect(try cli.refused(add("ppe", "masks", "piece") + ["--due", "2020-02-30"]).contains("invalid date"))
        #expect(try cli.refused(add("ppe", "masks", "piece") + ["--priority", "asap"]).contains("invalid priority"))
    }

    @Test func overDeliveryIsRefusedUnlessMarked() throws {
        let cli = try seeded()
        try cli.ok(["request", "deliver", "R1", "120"])
        #expect(try cli.refused(["request", "deliver", "R1", "181"]).contains("only 180 pieces left"), "the unit's name, not its code")
        let over = try cli.ok(["request", "deliver", "R1", "200", "--over"])
        #expect(over.contains("320/300"))
    }

    @Test func doneAndCancelledRequestsRefuseWorkUntilReopened() throws {
        let cli = try seeded()
        try cli.ok(["request", "done", "R1"])
        #expect(try cli.refused(["request", "deliver", "R1", "1"]).contains("is done"))
        #expect(try cli.refused(["request", "done", "R1"]).contains("is done"))
        #expect(try cli.refused(["request", "reopen", "R1"]).contains("reason is required"))
        try cli.ok(["request", "reopen", "R1", "--reason", "口罩不够"])
        try cli.ok(["request", "cancel", "R1", "--reason", "企业已自行采购"])
        #expect(try cli.refused(["request", "deliver", "R1", "1"]).contains("is cancelled"))
        #expect(try cli.refused(["request", "cancel", "R1", "--reason", "again"]).contains("is cancelled"))
    }

    @Test func rolesAreEnforcedAndAsIsForAdminsOnly() throws {
        let cli = try seeded()
        try cli.ok(["operator", "add", "lead2", "--role", "lead:B2"])
        try cli.ok(["operator", "add", "watcher", "--role", "supervisor:1"])
        #expect(try cli.refused(["request", "deliver", "R1", "5", "--as", "lead2"]).contains("worked by branch B1"))
        #expect(try cli.refused(["pair", "B2", "E2", "--as", "watcher"]).contains("read-only"))
        #expect(try cli.refused(["operator", "add", "x", "--role", "boss"]).contains("invalid role"))
        #expect(try cli.refused(["operator", "add", "lead2", "--role", "dispatcher"]).contains("already exists"))
        #expect(try cli.refused(["pair", "B2", "E2", "--as", "nobody"]).contains("no operator"))
    }

    @Test func missingUnreadableCorruptAndNewerDatabases() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        let missing = try cli.run(["branch", "list"])
        #expect(missing.status != 0 && missing.stderr.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: cli.database))

        let directory = try cli.run(["branch", "list", "--db", cli.folder.path], database: false)
        #expect(directory.status != 0 && directory.stderr.contains("cannot read database"))

        let garbage = Data("this is not a database, it is a shopping list: 口罩 300 个\n".utf8) + Data(repeating: 7, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: cli.database))
        let corrupt = try cli.run(["branch", "list"])
        #expect(corrupt.status != 0 && corrupt.stderr.contains("corrupt"))
        #expect(FileManager.default.contents(atPath: cli.database) == garbage)
        let initOver = try cli.run(["init"])
        #expect(initOver.status != 0 && initOver.stderr.contains("already exists"))
        #expect(FileManager.default.contents(atPath: cli.database) == garbage)
    }

    @Test func newerSchemaIsRefused() throws {
        let cli = try seeded()
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                            + "c.execute(\"INSERT INTO grdb_migrations VALUES ('v99')\"); c.commit()", cli.database]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let result = try cli.run(["branch", "list"])
        #expect(result.status != 0 && result.stderr.contains("newer Tandem"))
    }

    @Test func brokenConfigNamesFileAndKey() throws {
        let cli = try seeded()
        let config = cli.folder.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        for name in ["districts.yaml", "categories.yaml", "engine.yaml"] {
            try FileManager.default.copyItem(at: CLIHarness.packageRoot.appendingPathComponent("config/\(name)"),
                                             to: config.appendingPathComponent(name))
        }
        try "per_km: 10\nmax_distance_km: -4\n".write(to: config.appendingPathComponent("engine.yaml"), atomically: true, encoding: .utf8)
        let error = try cli.refused(["pair", "B2", "E2"], environment: ["TANDEM_CONFIG": config.path])
        #expect(error.contains("engine.yaml") && error.contains("max_distance_km"))
        try "districts: [".write(to: config.appendingPathComponent("districts.yaml"), atomically: true, encoding: .utf8)
        #expect(try cli.refused(["branch", "list", "--config", config.path]).contains("districts.yaml"))
    }
}
