import Foundation
import GRDB
import TandemCore

/// Opens Tandem database files, telling apart the ways a file can be wrong before anything
/// is written to it: missing, unreadable, not SQLite, not Tandem's, or newer than this build.
enum DatabaseOpener {
    static func configuration(readonly: Bool = false, session: StoreSession = StoreSession()) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.foreignKeysEnabled = true
        // Another operator's transaction is waited for, visibly, rather than reported as an error.
        configuration.busyMode = session.busyMode
        let sharedHost = session.sharedHost
        configuration.prepareDatabase { db in
            if sharedHost { db.keepWriteAheadLogFiles() }
            // WAL with NORMAL sync: durable across application crashes, one fsync per checkpoint.
            if !readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        return configuration
    }

    /// Checks an existing file read-only, so that a wrong file is refused without being touched.
    static func inspect(path: String, session: StoreSession = StoreSession()) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TandemError.databaseMissing(path: path)
        }
        if isDirectory.boolValue {
            throw TandemError.databaseUnreadable(path: path, detail: "it is a directory")
        }
        // The effective IDs decide, as the setgid shared-host binary reads through its group.
        guard DatabaseAccess.effectiveAccess(path, R_OK) else {
            throw TandemError.databaseUnreadable(path: path, detail: "permission denied")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { throw TandemError.databaseNotInitialized(path: path) }
        do {
            let queue = try DatabaseAccess.openReadOnly(path: path, configuration: configuration(readonly: true, session: session))
            try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard applicationID == Schema.applicationID else {
                    if applicationID == 0, try !db.tableExists("grdb_migrations") {
                        throw TandemError.databaseNotInitialized(path: path)
                    }
                    throw TandemError.databaseCorrupt(path: path, detail: "not a Tandem database (application id \(applicationID))")
                }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                if let unknown = applied.first(where: { !Schema.migrationIdentifiers.contains($0) }) {
                    throw TandemError.databaseTooNew(path: path, found: unknown)
                }
            }
            try queue.close()
        } catch let error as TandemError {
            throw error
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    static func translate(_ error: DatabaseError, path: String, busyLimit: Double = StoreSession().busyLimit) -> TandemError {
        switch error.resultCode {
        case .SQLITE_FULL:
            return .diskFull(path: path)
        case .SQLITE_READONLY:
            return .databaseReadOnly(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .databaseBusy(path: path, seconds: Int(busyLimit.rounded()))
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .databaseCorrupt(path: path, detail: error.message ?? "\(error.resultCode)")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return .databaseUnreadable(path: path, detail: error.message ?? "\(error.resultCode)")
        default:
            return .databaseUnreadable(path: path, detail: error.message ?? "\(error)")
        }
    }
}
