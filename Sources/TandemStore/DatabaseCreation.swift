import Foundation
import GRDB
import TandemCore

#if canImport(Glibc)
import Glibc
#endif

/// Creates a database so that the target path only ever holds the old city or the new one:
/// the new database is built beside the target under a hidden name, synced, and renamed
/// into place. A killed `init` leaves the old file untouched; a failed one leaves nothing.
enum DatabaseCreation {
    /// A hidden file beside `path`, unique to this process.
    static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).init-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Refuses a target that may not be replaced: a directory always; an existing file unless
    /// `replace`, and then only a Tandem database (or an empty file) that nobody has open.
    static func checkTarget(_ path: String, replace: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw TandemError.databaseUnreadable(path: path, detail: "it is a directory") }
        guard replace else { throw TandemError.databaseExists(path: path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { return }
        do {
            try DatabaseOpener.inspect(path: path)
        } catch TandemError.databaseTooNew {
            // A newer Tandem's database is still a Tandem database: replacing it is what --force asks.
        } catch TandemError.databaseCorrupt, TandemError.databaseNotInitialized {
            throw TandemError.notATandemDatabase(path: path)
        }
        try quiesce(path)
    }

    /// Takes the old database out of WAL mode, which SQLite allows only when no other
    /// connection has it open: a console still working on it makes `init --force` refuse
    /// instead of pulling the file from under it. Its `-wal` and `-shm` files go with it.
    ///
    /// Leaving WAL rewrites the header's format bytes in a rollback-mode transaction. With the
    /// default journal that transaction writes a `-journal` beside the old file, which a kill
    /// leaves hot (only a writer can roll it back; a read-only opener is refused). The journal
    /// is kept in memory instead: the transaction changes one page, written in one `write`, so
    /// a kill leaves the header's old bytes or its new ones, and the old city either way.
    static func quiesce(_ path: String) throws {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(1)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = MEMORY") ?? ""
                guard mode.lowercased() == "memory" else { throw TandemError.databaseInUse(path: path) }
            }
            try queue.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw TandemError.databaseInUse(path: path)
        }
    }

    /// Creates an empty file readable and writable by its owner only (0600): a single-user
    /// database holds contacts and phone numbers that other accounts on the host must not read.
    /// A shared-host database is 0660 instead: its folder gives it the `tandem` group, and
    /// only the setgid `tandem` binary holds that group.
    static func createPrivateFile(_ path: String, sharedHost: Bool = false) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, sharedHost ? 0o660 : 0o600)
        guard descriptor >= 0 else {
            throw TandemError.databaseUnreadable(path: path, detail: String(cString: strerror(errno)))
        }
        close(descriptor)
    }

    /// Flushes a file (or a folder's entries) to disk.
    static func sync(_ path: String, directory: Bool = false) {
        let descriptor = open(path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Moves the finished database into place in one step and makes the rename durable.
    static func install(_ temporary: String, at path: String) throws {
        guard rename(temporary, path) == 0 else {
            throw TandemError.databaseUnreadable(path: path, detail: String(cString: strerror(errno)))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        sync(folder.isEmpty ? "." : folder, directory: true)
    }

    /// Removes what killed `init`s left beside `path`: hidden build files of processes that
    /// no longer run. A running `init`'s file is left alone.
    static func removeAbandoned(beside path: String) {
        let url = URL(fileURLWithPath: path)
        let prefix = ".\(url.lastPathComponent).init-"
        let folder = url.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pidText = rest.split(separator: "-").first, let pid = pid_t(pidText) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// Removes the temporary database and anything SQLite left beside it.
    static func discard(_ temporary: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
    }
}
