import Foundation
import Testing

/// Two operators editing the same record at the same moment: both changes must land.
@Suite struct ConcurrentEditTests {
    /// Starts `tandem ARGS --db …` without waiting for it.
    private func start(_ cli: CLIHarness, _ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CLIHarness.binary
        process.arguments = arguments + ["--db", cli.database]
        process.environment = cli.environment
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, err)
    }

    private func finish(_ running: (Process, Pipe)) -> (Int32, String) {
        let stderr = running.1.fileHandleForReading.readDataToEndOfFile()
        running.0.waitUntilExit()
        return (running.0.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    private func enterprise(_ cli: CLIHarness) throws -> [String: Any] {
        let json = try cli.ok(["enterprise", "show", "E1", "--format", "json"])
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
    }

    @Test func twoProcessesEditingDifferentFieldsBothKeepTheirChange() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["enterprise", "add", "--name", "南川九叶青花椒基地", "--district", "nanchuan"])
        for round in 1...30 {
            let address = "address \(round)"
            let phone = "1380000\(String(format: "%04d", round))"
            let first = try start(cli, ["enterprise", "edit", "E1", "--address", address])
            let second = try start(cli, ["enterprise", "edit", "E1", "--phone", phone])
            let (firstStatus, firstError) = finish(first)
            let (secondStatus, secondError) = finish(second)
            #expect(firstStatus == 0, "round \(round): \(firstError)")
            #expect(secondStatus == 0, "round \(round): \(secondError)")
            let record = try enterprise(cli)
            #expect(record["address"] as? String == address, "round \(round): the address edit was lost")
            #expect(record["contactPhone"] as? String == phone, "round \(round): the phone edit was lost")
        }
    }

    @Test func aBranchEditBesideAnotherKeepsBoth() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["branch", "add", "--name", "南川区残联党支部党员突击队", "--district", "nanchuan", "--headcount", "8"])
        for round in 1...10 {
            let first = try start(cli, ["branch", "edit", "B1", "--headcount", String(round)])
            let second = try start(cli, ["branch", "edit", "B1", "--name", "突击队 \(round)"])
            #expect(finish(first).0 == 0)
            #expect(finish(second).0 == 0)
            let json = try cli.ok(["branch", "show", "B1", "--format", "json"])
            let record = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
            #expect(record["headcount"] as? Int == round)
            #expect(record["name"] as? String == "突击队 \(round)")
        }
    }

    @Test func anOperatorEditBesideAnotherKeepsBoth() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["operator", "add", "wangfang", "--name", "王芳", "--role", "dispatcher"])
        let roles = ["supervisor", "dispatcher"]
        for round in 1...20 {
            let role = roles[round % 2]
            let first = try start(cli, ["operator", "edit", "wangfang", "--role", role])
            let second = try start(cli, ["operator", "edit", "wangfang", "--name", "王芳 \(round)"])
            let (firstStatus, firstError) = finish(first)
            let (secondStatus, secondError) = finish(second)
            #expect(firstStatus == 0, "round \(round): \(firstError)")
            #expect(secondStatus == 0, "round \(round): \(secondError)")
            let json = try cli.ok(["operator", "show", "wangfang", "--format", "json"])
            let record = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
            #expect(record["displayName"] as? String == "王芳 \(round)", "round \(round): the name edit was lost")
            #expect(record["role"] as? String == role, "round \(round): the role edit was lost: \(record)")
        }
        #expect(try cli.refused(["operator", "edit", "wangfang"]).contains("at least one field"))
    }

    @Test func anEditNeedsAField() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["enterprise", "add", "--name", "南川九叶青花椒基地", "--district", "nanchuan"])
        let error = try cli.refused(["enterprise", "edit", "E1"])
        #expect(error.contains("at least one field"))
    }
}
