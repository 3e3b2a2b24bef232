import Foundation
import TandemCore

/// Live refresh: a console waits on LISTEN `tandem_change` (announced by the statement triggers
/// of every table, `PostgresSchema`) instead of asking for the change counter twice a second.
extension PostgresRepository: ChangeNotifying {
    /// Waits on a connection of its own, so the store's queries go on meanwhile. A lost
    /// connection (server restart, `pg_terminate_backend`, network) is made again and LISTENs
    /// again; since the notifications sent meanwhile are lost, that is reported as `reconnected`
    /// and the console reads everything again. While the server cannot be reached, each call
    /// waits out its timeout and reports `timedOut`.
    public func waitForChange(timeout: TimeInterval) -> ChangeWait {
        listenerLock.lock()
        defer { listenerLock.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        do {
            let listener = try listening()
            if listenerLost {
                listenerLost = false
                return .reconnected
            }
            return try listener.connection.waitForNotification(timeout: deadline.timeIntervalSinceNow, payload: listener.schema)
                ? .changed : .timedOut
        } catch {
            listenerLost = true
            // Listen again at once: a change committed from now on must not be missed.
            if (try? listening()) != nil {
                listenerLost = false
                return .reconnected
            }
            Thread.sleep(forTimeInterval: max(0, min(deadline.timeIntervalSinceNow, 1)))
            return .timedOut
        }
    }

    /// The listening connection, made (or made again) and LISTENing, with the schema whose
    /// notices it keeps.
    private func listening() throws -> (connection: PostgresConnection, schema: String) {
        if let listener, listener.isConnected, let schema = listenerSchema { return (listener, schema) }
        let connection: PostgresConnection
        if let listener {
            try listener.reconnectIfLost()
            connection = listener
        } else {
            connection = try PostgresConnection(connectionString)
            listener = connection
        }
        try connection.executeScript("LISTEN \(PostgresSchema.changeChannel)")
        let schema: String = try connection.one("SELECT current_schema() AS name")?.value("name") ?? "public"
        listenerSchema = schema
        return (connection, schema)
    }

    /// The server process of the listening connection, nil before the first wait: what an
    /// administrator (or a test) terminates to see the console reconnect.
    public var changeListenerProcessID: Int32? {
        listenerLock.lock()
        defer { listenerLock.unlock() }
        return listener.map(\.backendProcessID)
    }
}
