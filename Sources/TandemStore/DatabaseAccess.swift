import Foundation
import GRDB
import GRDBSQLite
import TandemCore

#if canImport(Glibc)
import Glibc
#endif

/// Who opens a database and how they want to hear about waiting: the part of opening a
/// database that belongs to the process rather than to the file.
public struct StoreSession: Sendable {
    /// The OS account running this process. When it differs from the operator a change is
    /// made for (an admin's `--as`), the audit records both: `root as wang`.
    public var account: String?
    /// Called once each time a statement has waited about `noticeAfter` seconds for another
    /// operator's transaction; the command line prints "waiting for another operator…", the
    /// console shows it on its message line. Called on the thread that waits.
    public var onWaiting: @Sendable () -> Void
    /// How long a statement waits for another operator before giving up with `databaseBusy`.
    public var busyLimit: Double
    public var noticeAfter: Double
    /// The database lives in the shared-host folder (README, "Shared host"): new files are
    /// 0660 for the `tandem` group instead of 0600, and the `-wal` and `-shm` files are kept
    /// when the last connection closes, so that they stay owned by whoever created them
    /// (root, at install) instead of being recreated, owned and rewritable by an operator.
    public var sharedHost: Bool

    public init(account: String? = nil, onWaiting: @escaping @Sendable () -> Void = {}, busyLimit: Double = 60,
                noticeAfter: Double = 0.3, sharedHost: Bool = false) {
        self.sharedHost = sharedHost
        self.account = account
        self.onWaiting = onWaiting
        self.busyLimit = busyLimit
        self.noticeAfter = noticeAfter
    }

    /// The operator column of an audit event: the operator, or `account as operator` when
    /// the OS account acts for someone else.
    func auditName(for actor: Operator) -> String {
        guard let account, !account.isEmpty, account != actor.login else { return actor.login }
        return "\(account) as \(actor.login)"
    }

    /// SQLite calls a busy handler again as soon as it returns true, so the handler sleeps:
    /// a fixed step makes the number of tries a clock.
    static let busyStep: Double = 0.01

    var busyMode: Database.BusyMode {
        let noticeTry = max(1, Int(noticeAfter / Self.busyStep))
        let lastTry = max(noticeTry, Int(busyLimit / Self.busyStep))
        let onWaiting = self.onWaiting
        return .callback { tries in
            if tries >= lastTry { return false }
            if tries == noticeTry { onWaiting() }
            usleep(useconds_t(Self.busyStep * 1_000_000))
            return true
        }
    }
}

/// How an existing database can be opened by this process: for changes, for reading only,
/// or as an unchanging snapshot when SQLite cannot even coordinate readers there.
enum DatabaseAccess {
    /// Whether this process may change the file: it is writable, and SQLite can write its
    /// `-wal` and `-shm` (they exist writable, or the folder lets them be created). Checked
    /// with the effective IDs, as the setgid shared-host binary's group grants the access.
    static func isWritable(_ path: String) -> Bool {
        guard effectiveAccess(path, W_OK) else { return false }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        for companion in [path + "-wal", path + "-shm"] where !effectiveAccess(companion, W_OK) {
            // Missing is fine when the folder lets SQLite create it; present and read-only is not.
            if effectiveAccess(companion, F_OK) || !effectiveAccess(folder.isEmpty ? "." : folder, W_OK) { return false }
        }
        return true
    }

    /// SQLite creates the `-wal` and `-shm` files with the database file's mode, so a session
    /// that read the file while it was read-only (0444) leaves them read-only, and every later
    /// writer fails. When this process owns such a file and may write the database, the file
    /// gets the database's mode back.
    static func repairReadOnlyCompanions(of path: String) {
        var database = stat()
        guard stat(path, &database) == 0, effectiveAccess(path, W_OK) else { return }
        for companion in [path + "-wal", path + "-shm"] {
            var status = stat()
            guard stat(companion, &status) == 0, status.st_uid == geteuid(), !effectiveAccess(companion, W_OK) else { continue }
            _ = chmod(companion, database.st_mode & 0o666)
        }
    }

    static func effectiveAccess(_ path: String, _ mode: Int32) -> Bool {
        faccessat(AT_FDCWD, path, mode, AT_EACCESS) == 0
    }

    /// Opens `path` for reading only. A WAL database on a read-only folder or mount can be read
    /// when its `-shm` and `-wal` exist; without them SQLite cannot coordinate with writers,
    /// and as nobody can write there either, the file is opened as immutable.
    static func openReadOnly(path: String, configuration: Configuration) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY {
            let queue = try DatabaseQueue(path: immutableURI(path), configuration: configuration)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        }
    }

    /// A `file:` URI for `path` with `immutable=1`; the characters a URI gives meaning to are escaped.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "file:\(escaped)?immutable=1"
    }
}

extension Database {
    /// Keeps the `-wal` and `-shm` files when this connection is the last to close.
    func keepWriteAheadLogFiles() {
        var keep: Int32 = 1
        _ = sqlite3_file_control(sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &keep)
    }
}
