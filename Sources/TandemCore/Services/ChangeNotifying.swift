import Foundation

/// What a wait for a change ended with.
public enum ChangeWait: Sendable, Equatable {
    /// Someone committed a change (this process, another host, psql).
    case changed
    /// The store lost its connection and is listening again: changes made meanwhile were not
    /// announced, so everything must be read again.
    case reconnected
    /// Nothing happened within the timeout (or the store cannot listen right now).
    case timedOut
}

/// A store that announces committed changes (PostgreSQL's LISTEN/NOTIFY), so a console waits
/// for them instead of asking the change counter over and over. A store without it (SQLite)
/// is polled through `TandemRepository.changeCounter()`.
public protocol ChangeNotifying: AnyObject, Sendable {
    /// Blocks up to `timeout` seconds for the next committed change. Meant for one watching
    /// thread; the store's other calls go on meanwhile on their own connection.
    func waitForChange(timeout: TimeInterval) -> ChangeWait
}
