import Foundation
import GRDB
import Testing
import TandemCore
@testable import TandemStore

/// Who is recorded, who may step down, and how a busy database is waited for.
@Suite struct SessionTests {
    /// A database created by the OS account `root`, with a dispatcher `wang`.
    func rootDatabase(session: StoreSession = StoreSession(account: "root")) throws -> (SQLiteRepository, String, Operator, Operator) {
        let folder = NSTemporaryDirectory() + "tandem-session-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/t.sqlite"
        let root = Operator(login: "root", displayName: "Root", role: .admin)
        let wang = Operator(login: "wang", displayName: "Wang", role: .dispatcher)
        let repository = try SQLiteRepository.create(path: path, geography: StoreFixture.configuration.geography, admin: root,
                                                     session: session)
        try repository.addOperator(wang, by: root)
        return (repository, path, root, wang)
    }

    @Test func anAdminActingForAnotherOperatorIsRecordedAsBoth() throws {
        let (repository, _, root, wang) = try rootDatabase()
        _ = try repository.addBranch(BranchDraft(name: "南川突击队", districtCode: "nanchuan", headcount: 5, capabilities: []), by: wang)
        _ = try repository.addBranch(BranchDraft(name: "北碚突击队", districtCode: "beibei", headcount: 5, capabilities: []), by: root)
        let operators = try repository.auditLog(limit: 2).map(\.operatorLogin)
        #expect(Set(operators) == ["root as wang", "root"], "\(operators)")
    }

    @Test func theLastAdminCannotDemoteThemselfButMayWithAColleague() throws {
        let (repository, _, root, _) = try rootDatabase()
        let demoted = OperatorChanges(role: .dispatcher)
        let events = try repository.auditLog(limit: 1000).count
        #expect(throws: TandemError.self) { try repository.editOperator(login: "root", demoted, by: root) }
        #expect(try repository.findOperator(login: "root")?.role == .admin)
        #expect(try repository.auditLog(limit: 1000).count == events)
        try repository.addOperator(Operator(login: "li", displayName: "Li", role: .admin), by: root)
        try repository.editOperator(login: "root", demoted, by: root)
        #expect(try repository.findOperator(login: "root")?.role == .dispatcher)
    }

    /// Holds a write transaction on `path` from another connection for `seconds`.
    func holdWriteLock(_ path: String, seconds: Double) throws -> (started: DispatchSemaphore, done: DispatchSemaphore) {
        let started = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let other = try DatabaseQueue(path: path)
        Thread.detachNewThread {
            try? other.inTransaction(.immediate) { db in
                try db.execute(sql: "UPDATE operator SET display_name = display_name")
                started.signal()
                Thread.sleep(forTimeInterval: seconds)
                return .commit
            }
            done.signal()
        }
        started.wait()
        return (started, done)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.lock(); value += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test func aBusyDatabaseIsWaitedForWithOneNotice() throws {
        let notices = Counter()
        let (_, path, _, _) = try rootDatabase()
        let repository = try SQLiteRepository.open(path: path, session: StoreSession(account: "root", onWaiting: { notices.increment() }))
        let root = try #require(try repository.findOperator(login: "root"))
        let lock = try holdWriteLock(path, seconds: 1.0)
        let started = Date()
        _ = try repository.addBranch(BranchDraft(name: "等待突击队", districtCode: "nanchuan", headcount: 3, capabilities: []), by: root)
        #expect(Date().timeIntervalSince(started) > 0.5)
        #expect(notices.count == 1)
        lock.done.wait()
    }

    @Test func aDatabaseBusyBeyondTheLimitIsAClearErrorAndNothingChanges() throws {
        let (_, path, _, _) = try rootDatabase()
        let repository = try SQLiteRepository.open(path: path, session: StoreSession(account: "root", busyLimit: 0.5))
        let root = try #require(try repository.findOperator(login: "root"))
        let lock = try holdWriteLock(path, seconds: 2.0)
        #expect(throws: TandemError.databaseBusy(path: path, seconds: 1)) {
            try repository.addBranch(BranchDraft(name: "超时突击队", districtCode: "nanchuan", headcount: 3, capabilities: []), by: root)
        }
        lock.done.wait()
        #expect(try repository.snapshot().branches.isEmpty)
        #expect(TandemError.databaseBusy(path: path, seconds: 60).message(.en).contains("busy with another operator"))
    }

    @Test func errorsReadDiskFullAndReadOnlyInBothLanguages() {
        #expect(TandemError.diskFull(path: "t.sqlite").message(.en).hasPrefix("disk full"))
        #expect(TandemError.diskFull(path: "t.sqlite").message(.zh).hasPrefix("磁盘已满"))
        #expect(DatabaseOpener.translate(DatabaseError(resultCode: .SQLITE_FULL), path: "t.sqlite") == .diskFull(path: "t.sqlite"))
        #expect(DatabaseOpener.translate(DatabaseError(resultCode: .SQLITE_READONLY), path: "t") == .databaseReadOnly(path: "t"))
    }

    @Test func aSharedHostDatabaseKeepsItsWalFilesAndGroupMode() throws {
        let (repository, path, _, _) = try rootDatabase(session: StoreSession(account: "root", sharedHost: true))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        // 0660 less the process's umask (007 in the setgid binary): the group may read, others nothing.
        #expect((mode?.intValue ?? 0) & 0o040 != 0 && (mode?.intValue ?? 0) & 0o007 == 0)
        try (repository.pool as? DatabasePool)?.close()
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test func anImmutableURIEscapesWhatAURIGivesMeaningTo() {
        #expect(DatabaseAccess.immutableURI("/tmp/a?b#c%d.sqlite") == "file:/tmp/a%3fb%23c%25d.sqlite?immutable=1")
    }
}
