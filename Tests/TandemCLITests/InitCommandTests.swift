import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

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

    /// A kill can only leave a hot `-journal` beside the target if something writes one there:
    /// `init --force` must not (the old file leaves WAL with its journal in memory, the new one
    /// is made WAL before it is renamed into place), nor may the first command after it.
    @Test func forceWritesNoRollbackJournalBesideTheTarget() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init", "--demo", "--scale", "20", "--seed", "4"])
        try cli.ok(["enterprise", "edit", "E1", "--phone", "13800000000"])
        let created = try Self.filesCreated(in: cli.folder.path) {
            try cli.ok(["init", "--force", "--demo", "--scale", "20", "--seed", "5"])
            try cli.ok(["enterprise", "edit", "E1", "--phone", "13900000000"])
        }
        #expect(created.contains("tandem.sqlite-wal"), "\(created)")
        #expect(!created.contains("tandem.sqlite-journal"), "\(created)")
        try cli.ok(["check"])
    }

    /// The names of the files created in `folder` while `body` runs (Linux inotify).
    static func filesCreated(in folder: String, during body: () throws -> Void) throws -> [String] {
        let watcher = inotify_init1(Int32(IN_NONBLOCK))
        try #require(watcher >= 0)
        defer { close(watcher) }
        try #require(inotify_add_watch(watcher, folder, UInt32(IN_CREATE)) >= 0)
        try body()
        var names: [String] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(watcher, &buffer, buffer.count)
            guard count > 0 else { break }
            // struct inotify_event: wd, mask, cookie, len (4 bytes each), then len bytes of name.
            var offset = 0
            while offset + 16 <= count {
                let length = buffer[(offset + 12)..<(offset + 16)].reversed().reduce(0) { $0 << 8 | Int($1) }
                let name = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                names.append(String(decoding: name, as: UTF8.self))
                offset += 16 + length
            }
        }
        return names
    }
}
