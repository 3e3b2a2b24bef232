import Foundation
import TandemCore

/// Waits on a thread of its own for a store's change announcements (`ChangeNotifying`, the
/// PostgreSQL store), for the console's loop to pick up between keys. Nil for a store that
/// announces nothing (SQLite): the console polls the change counter instead.
final class ChangeWatcher: @unchecked Sendable {
    private let lock = NSLock()
    /// What arrived since the loop last looked; `reconnected` outranks `changed`.
    private var pending: ChangeWait?
    private var stopped = false

    init?(_ repository: any TandemRepository) {
        guard let notifying = repository as? any ChangeNotifying else { return nil }
        let thread = Thread { [self] in
            while !isStopped {
                let result = notifying.waitForChange(timeout: 1)
                guard result != .timedOut else { continue }
                lock.lock()
                if pending != .reconnected { pending = result }
                lock.unlock()
            }
        }
        thread.name = "tandem change watcher"
        thread.start()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// What arrived since the last call, nil when nothing did.
    func take() -> ChangeWait? {
        lock.lock()
        defer { lock.unlock() }
        let result = pending
        pending = nil
        return result
    }

    /// Ends the thread within a second (its current wait).
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }
}
