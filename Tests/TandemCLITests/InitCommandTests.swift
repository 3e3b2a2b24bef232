import Foundation
import Testing

/// `tandem init` as a user types it: a folder or another program's file is never replaced,
/// and a demo database replaces the old one in one step.
@Suite struct InitCommandTests {
    @Test func forceOnAFolderIsRefusedAndTheFolderKept() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        let folder = cli.folder.appendingPathComponent("records").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("名单".utf8).write(to: URL(fileURLWithPath: folder + "/list.csv"))
        let result = try cli.run(["init", "--force", "--db", folder], database: false)
        #expect(result.status == 1 && result.stderr.contains("it is a directory"))
        #expect(FileManager.default.fileExists(atPath: folder + "/list.csv"))
    }

    @Test func forceRecreatesADemoDatabaseInOneStep() throws {
        let cli = try CLIHarness(lang: "zh_CN.UTF-8")
        try cli.ok(["init", "--demo", "--scale", "20", "--seed", "4"])
        func branchCount() throws -> Int {
            let json = try cli.ok(["branch", "list", "--format", "json"])
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any]).count
        }
        #expect(try branchCount() > 20)
        let replaced = try cli.ok(["init", "--force"])
        #expect(replaced.contains("已创建数据库"))
        #expect(try branchCount() == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path)
        #expect(names.allSatisfy { !$0.contains(".init-") }, "\(names)")
        let mode = try FileManager.default.attributesOfItem(atPath: cli.database)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }
}
