import Foundation
import GRDB
import Testing
import TandemCore
@testable import TandemStore

/// `init` builds the new database beside the target and renames it into place: the target
/// holds the old city or the new one, `--force` replaces only an unused Tandem database, and
/// nothing is left behind when it fails.
@Suite struct InitTests {
    let geography = StoreFixture.configuration.geography
    let admin = Operator(login: "admin", displayName: "Admin", role: .admin)

    func newFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "tandem-init-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    func permissions(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func aCity() -> CitySeed {
        var city = CitySeed()
        city.branches = [Branch(code: RecordCode(.branch, 1), name: "南川区残联党支部党员突击队", districtCode: "nanchuan",
                                headcount: 8, capabilities: [])]
        city.enterprises = [Enterprise(code: RecordCode(.enterprise, 1), name: "南川九叶青花椒基地", kind: .employmentBase,
                                       districtCode: "nanchuan")]
        city.pairings = [(RecordCode(.branch, 1), RecordCode(.enterprise, 1))]
        return city
    }

    @Test func aNewDatabaseIsReadableByItsOwnerOnlyWithItsWalFiles() throws {
        let folder = try newFolder()
        let path = folder + "/city.sqlite"
        let repository = try SQLiteRepository.create(path: path, geography: geography, admin: admin, seed: aCity())
        _ = try repository.unpair(RecordCode(.branch, 1), reason: "test", by: admin)
        #expect(try permissions(path) == 0o600)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            #expect(try permissions(path + suffix) == 0o600, "\(suffix)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.allSatisfy { !$0.hasPrefix(".") }, "no build file left: \(names)")
    }

    @Test func forceRefusesAFolderAndLeavesItAlone() throws {
        let folder = try newFolder()
        let keep = folder + "/notes.txt"
        try Data("口罩 300 个".utf8).write(to: URL(fileURLWithPath: keep))
        #expect(throws: TandemError.databaseUnreadable(path: folder, detail: "it is a directory")) {
            try SQLiteRepository.create(path: folder, geography: geography, admin: admin, replace: true)
        }
        #expect(FileManager.default.fileExists(atPath: keep))
    }

    @Test func forceRefusesAnotherProgramsSQLiteFile() throws {
        let folder = try newFolder()
        let path = folder + "/other.sqlite"
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('刘毅')") }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: TandemError.notATandemDatabase(path: path)) {
            try SQLiteRepository.create(path: path, geography: geography, admin: admin, replace: true)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func forceRefusesADatabaseAnotherOperatorHasOpen() throws {
        let folder = try newFolder()
        let path = folder + "/city.sqlite"
        let first = try SQLiteRepository.create(path: path, geography: geography, admin: admin, seed: aCity())
        let console = try SQLiteRepository.open(path: path)
        _ = try console.snapshot()
        #expect(throws: TandemError.databaseInUse(path: path)) {
            try SQLiteRepository.create(path: path, geography: geography, admin: admin, replace: true)
        }
        #expect(try first.snapshot().activePairings.count == 1, "the old city is untouched")
    }

    @Test func forceReplacesAnUnusedTandemDatabase() throws {
        let folder = try newFolder()
        let path = folder + "/city.sqlite"
        do { _ = try SQLiteRepository.create(path: path, geography: geography, admin: admin, seed: aCity()) }
        let replaced = try SQLiteRepository.create(path: path, geography: geography, admin: admin, replace: true)
        #expect(try replaced.snapshot().enterprises.isEmpty)
        #expect(try SQLiteRepository.open(path: path).snapshot().branches.isEmpty)
    }

    @Test func aFailedInitKeepsTheOldCityAndLeavesNothingBehind() throws {
        let folder = try newFolder()
        let path = folder + "/city.sqlite"
        do { _ = try SQLiteRepository.create(path: path, geography: geography, admin: admin, seed: aCity()) }
        var broken = aCity()
        broken.pairings.append((RecordCode(.branch, 1), RecordCode(.enterprise, 1)))  // breaks the one-to-one rule
        #expect(throws: TandemError.self) {
            try SQLiteRepository.create(path: path, geography: geography, admin: admin, seed: broken, replace: true)
        }
        let old = try SQLiteRepository.open(path: path)
        #expect(try old.snapshot().activePairings.count == 1 && old.snapshot().enterprises.count == 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.allSatisfy { !$0.hasPrefix(".") && !$0.hasSuffix("-journal") }, "\(names)")
    }

    @Test func buildFilesOfKilledInitsAreRemovedNextTime() throws {
        let folder = try newFolder()
        let path = folder + "/city.sqlite"
        // A pid far above pid_max stands for a process that no longer runs.
        let abandoned = folder + "/.city.sqlite.init-99999999-7"
        try Data("half a database".utf8).write(to: URL(fileURLWithPath: abandoned))
        _ = try SQLiteRepository.create(path: path, geography: geography, admin: admin)
        #expect(!FileManager.default.fileExists(atPath: abandoned))
    }
}
