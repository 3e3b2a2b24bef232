import Foundation
import Testing
import TandemCore
import TandemPostgres
import TandemTestSupport

/// Live refresh on PostgreSQL: a console waiting for a change wakes when another host (or psql)
/// commits one, and survives its connection being killed.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresChangeNotifyTests {
    /// Runs `wait` on a thread of its own and returns what it ended with and when.
    private func waiting(_ store: PostgresRepository, timeout: TimeInterval) -> () -> (ChangeWait, Date) {
        let done = DispatchSemaphore(value: 0)
        let result = ThreadSafeBox<(ChangeWait, Date)>()
        Thread {
            result.set((store.waitForChange(timeout: timeout), Date()))
            done.signal()
        }.start()
        return {
            done.wait()
            return result.get()!
        }
    }

    /// Makes the listener and waits until nothing is pending, so the next wait starts clean.
    private func listening(_ store: PostgresRepository) {
        while store.waitForChange(timeout: 0.2) != .timedOut {}
    }

    @Test func aChangeFromAnotherConnectionWakesTheWaiterAtOnce() throws {
        let f = try StoreFixture(.postgres)
        let console = f.repository as! PostgresRepository
        listening(console)
        let result = waiting(console, timeout: 10)
        Thread.sleep(forTimeInterval: 0.3)
        let committed = Date()
        _ = try f.openAgain().addBranch(BranchDraft(name: "另一台主机的突击队", districtCode: "nanchuan", headcount: 3, capabilities: []), by: f.dispatcher)
        let (wait, woke) = result()
        #expect(wait == .changed)
        #expect(woke.timeIntervalSince(committed) < 1, "woke \(woke.timeIntervalSince(committed)) s after the commit")
        // psql's changes announce themselves too: the triggers, not Tandem, send the notice.
        let again = waiting(console, timeout: 10)
        Thread.sleep(forTimeInterval: 0.3)
        try f.executeRaw("UPDATE branch SET headcount = 4")
        #expect(again().0 == .changed)
        // Nothing committed, nothing announced.
        #expect(console.waitForChange(timeout: 0.3) == .timedOut)
    }

    @Test func aKilledListenerReconnectsAndAsksForAReload() throws {
        let f = try StoreFixture(.postgres)
        let console = f.repository as! PostgresRepository
        listening(console)
        let pid = try #require(console.changeListenerProcessID)
        let result = waiting(console, timeout: 10)
        Thread.sleep(forTimeInterval: 0.3)
        try f.scratch!.connect().execute("SELECT pg_terminate_backend($1)", [pid])
        #expect(result().0 == .reconnected)
        #expect(console.changeListenerProcessID != pid)
        // Listening again: the next change is announced.
        let next = waiting(console, timeout: 10)
        Thread.sleep(forTimeInterval: 0.3)
        _ = try f.addBranch("之后的突击队")
        #expect(next().0 == .changed)
    }
}

/// One value handed between threads.
final class ThreadSafeBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    func set(_ newValue: Value) { lock.lock(); value = newValue; lock.unlock() }
    func get() -> Value? { lock.lock(); defer { lock.unlock() }; return value }
}
