import Foundation
import TandemCore

#if canImport(Glibc)
import Glibc
#endif

/// The shared-host mode (README, "Shared host"). The `tandem` binary is installed setgid to
/// the `tandem` group, which owns the database folder (2770); operators are not members of the
/// group, so they reach the database only through this binary and its rules.
///
/// A setgid program runs with its caller's environment and arguments, so it trusts neither:
/// - it holds the group only while it works on a database in the shared folder, and gives
///   it up for good for any other path (so `--db` cannot read other group files);
/// - it reads the configuration built into it, overridden only by the host's `/etc/tandem`,
///   never `--config`, `$TANDEM_CONFIG` or `~/.config/tandem` (a hostile YAML file would
///   otherwise decide the city's rules);
/// - `$TANDEM_LOG_FILE` is opened before the group is taken, with the caller's own rights;
/// - its umask is 007, so the `-wal` and `-shm` files it creates are 0660 for the group;
/// - a shared database file owned by the calling account (who could then chmod and rewrite
///   it by hand) is refused, as is creating one (`init`) by anyone but root.
enum SharedHost {
    /// The real and effective group IDs the process started with; read first by `begin()`.
    private static let startupGroups = (real: getgid(), effective: getegid())
    nonisolated(unsafe) private static var droppedForGood = false

    /// The group the binary was installed setgid to, unless it was given up for good.
    static var installedGroup: gid_t? {
        let groups = startupGroups
        return groups.effective != groups.real && !droppedForGood ? groups.effective : nil
    }

    /// First thing at start-up: when setgid, set the umask and set the group aside until a
    /// shared database is opened.
    static func begin() {
        guard installedGroup != nil else { return }
        umask(0o007)
        _ = setegid(getgid())
    }

    /// What the setgid binary decided for one database path.
    struct Access {
        /// The path to open (resolved, for a shared database).
        var databasePath: String
        /// True when the path is in the shared folder and the group is held.
        var shared: Bool
    }

    /// Takes the group back for a database in the shared folder, or gives it up for good for
    /// any other path. Without the setgid installation, changes nothing.
    static func enter(databasePath: String, explicitConfig: String?, creating: Bool = false) throws -> Access {
        guard let group = installedGroup else { return Access(databasePath: databasePath, shared: false) }
        _ = setegid(group)
        // The file itself when it exists (a symlink counts as where it points), else its folder.
        let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
        let resolved = resolve(databasePath)
            ?? resolve(folder.isEmpty ? "." : folder).map { ($0 as NSString).appendingPathComponent((databasePath as NSString).lastPathComponent) }
        guard let path = resolved, isSharedFolder((path as NSString).deletingLastPathComponent, group: group) else {
            dropForGood()
            return Access(databasePath: databasePath, shared: false)
        }
        if explicitConfig != nil {
            throw TandemError.sharedHostRefused(Bilingual(
                zh: "共享数据库只使用随 tandem 安装的配置，不接受 --config",
                en: "the shared database uses the configuration installed with tandem; --config is not accepted"))
        }
        let caller = getuid()
        if caller != 0 {
            if creating {
                throw TandemError.sharedHostRefused(Bilingual(
                    zh: "共享数据库只能由 root 创建：sudo tandem init --db \(path)",
                    en: "only root creates the shared database: sudo tandem init --db \(path)"))
            }
            for file in [path, path + "-wal", path + "-shm"] {
                var status = stat()
                guard stat(file, &status) == 0 else {
                    if file == path { continue } // missing database: opening reports it
                    throw TandemError.sharedHostRefused(Bilingual(
                        zh: "\(file) 不存在；请系统管理员以 root 运行一次 tandem list 重建它",
                        en: "\(file) is missing; ask the system administrator to run tandem list once as root to restore it"))
                }
                if status.st_uid == caller {
                    throw TandemError.sharedHostRefused(Bilingual(
                        zh: "\(file) 属于您的账户，您可以绕过 Tandem 直接改写它；请系统管理员执行 chown root \(file)",
                        en: "\(file) belongs to your account, so you could rewrite it outside Tandem; ask the system administrator to run: chown root \(file)"))
                }
            }
        }
        return Access(databasePath: path, shared: true)
    }

    static func resolve(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The shared folder: owned by root and the installed group, closed to everyone else.
    static func isSharedFolder(_ folder: String, group: gid_t) -> Bool {
        var status = stat()
        guard stat(folder, &status) == 0 else { return false }
        return status.st_uid == 0 && status.st_gid == group && status.st_mode & 0o007 == 0
    }

    /// Gives up the installed group in all three group IDs, so it cannot be taken back:
    /// setting the real group ID also sets the saved one.
    static func dropForGood() {
        let real = getgid()
        _ = setregid(real, real)
        droppedForGood = true
    }

    /// The folder of the installed binary's share files: `PREFIX/share/tandem`, found from
    /// the kernel's record of the executable, which the caller cannot choose.
    static var installedShareFolder: String? {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        return URL(fileURLWithPath: executable).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/tandem").path
    }

    /// The shared database the installation set up (`PREFIX/share/tandem/shared-database`
    /// holds its path), used when neither `--db` nor `$TANDEM_DB` names one.
    static var installedDatabase: String? {
        guard installedGroup != nil, let share = installedShareFolder,
              let text = try? String(contentsOfFile: share + "/shared-database", encoding: .utf8) else { return nil }
        let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : path
    }
}
