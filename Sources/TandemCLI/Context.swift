import ArgumentParser
import Foundation
import TandemConfig
import TandemCore
import TandemPostgres
import TandemStore

extension Lang: ExpressibleByArgument {}

/// Options every command that touches a database takes.
public struct GlobalOptions: ParsableArguments {
    @Option(help: "Database file or postgres:// URL, without a password (~/.pgpass or peer authentication) (default: $TANDEM_DB, else the shared-host database, else ~/.local/share/tandem/tandem.sqlite).")
    var db: String?

    @Option(help: "Language of messages: zh or en (default: from LC_ALL / LC_MESSAGES / LANG).")
    var lang: Lang?

    @Option(name: .customLong("as"), help: "Act as another operator (admins only).")
    var actAs: String?

    @Option(help: ArgumentHelp(
        "A folder whose YAML files override the built-in configuration file by file.",
        discussion: """
            Each of districts.yaml, categories.yaml, engine.yaml, bulletin.yaml and columns.yaml is taken from the first \
            of these that has it: --config DIR, $TANDEM_CONFIG, $XDG_CONFIG_HOME/tandem (default ~/.config/tandem), \
            /etc/tandem, else the copy built into tandem. `tandem config show` prints what is in force and from where.
            """, valueName: "dir"))
    var config: String?

    public init() {}

    var language: Lang { lang ?? Lang.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// The database path: `--db`, else `$TANDEM_DB`, else the shared database of a shared-host
    /// installation, else the XDG data directory.
    var databasePath: String {
        if let db, !db.isEmpty { return db }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["TANDEM_DB"], !path.isEmpty { return path }
        if let shared = SharedHost.installedDatabase { return shared }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("tandem/tandem.sqlite")
    }

    /// Where the configuration comes from, the one decision every command and the console go
    /// through: the built-in files overridden file by file by `--config`, `$TANDEM_CONFIG`,
    /// `$XDG_CONFIG_HOME/tandem` and `/etc/tandem`; for a shared database only by `/etc/tandem`
    /// (the caller's folders and environment are not trusted, see `SharedHost`).
    func configSources(shared: Bool) -> ConfigSources {
        shared ? .trusted() : .standard(explicit: config)
    }

    /// The configuration in force (see `configSources(shared:)`).
    func loadConfiguration(shared: Bool = false) throws -> TandemConfiguration {
        try ConfigLoader.load(from: configSources(shared: shared))
    }

    /// Decides, for a setgid shared-host installation, whether this database is the shared
    /// one (see `SharedHost`), and says who is opening it.
    func session(creating: Bool = false) throws -> (access: SharedHost.Access, session: StoreSession) {
        let login = try OperatingSystemUser.login()
        let access = try SharedHost.enter(databasePath: databasePath, explicitConfig: config, creating: creating)
        let lang = language
        let session = StoreSession(account: login, onWaiting: {
            Printer.error(lang == .zh ? "tandem: 正在等待其他操作员完成修改…" : "tandem: waiting for another operator…")
        }, sharedHost: access.shared)
        return (access, session)
    }

    /// Opens the database and says who is acting: the operator of the OS account, or with
    /// `--as` (admins only) another operator, the audit then naming both ("root as wang").
    /// `onWaiting` replaces the stderr line shown while another operator holds the database.
    public func openContext(onWaiting: (@Sendable () -> Void)? = nil) throws -> AppContext {
        if let url = postgresURL {
            let url = try PostgresAccess.check(url)
            let configuration = try loadConfiguration()
            // The operator is the database role PostgreSQL authenticated, which its policies judge.
            let (repository, login) = try PostgresRepository.openAsDatabaseUser(url.text)
            return try context(repository, login: login, configuration: configuration, databasePath: url.redacted)
        }
        var (access, session) = try session()
        if let onWaiting { session.onWaiting = onWaiting }
        let configuration = try loadConfiguration(shared: access.shared)
        let repository = try SQLiteRepository.open(path: access.databasePath, session: session)
        return try context(repository, login: session.account ?? "", configuration: configuration, databasePath: access.databasePath)
    }

    /// A PostgreSQL URL given as the database (`--db` or `$TANDEM_DB`), nil for a file.
    var postgresURL: String? {
        ConnectionString.isPostgresURL(databasePath) ? databasePath : nil
    }

    private func context(_ repository: any TandemRepository, login: String, configuration: TandemConfiguration,
                         databasePath: String) throws -> AppContext {
        guard let me = try repository.findOperator(login: login) else {
            throw postgresURL == nil ? TandemError.notRegistered(login: login) : TandemError.databaseRoleNotRegistered(login: login)
        }
        var actor = me
        if let actAs, actAs != me.login {
            try Permissions.require(me, .actAsOtherOperator) { _ in nil }
            guard let other = try repository.findOperator(login: actAs) else { throw TandemError.unknownOperator(actAs) }
            actor = other
        }
        return AppContext(repository: repository, actor: actor, geography: configuration.geography,
                          catalog: configuration.catalog, weights: configuration.weights, configSources: configuration.sources,
                          lang: language, databasePath: databasePath)
    }
}

/// What a command works with once the database is open and the operator known.
public struct AppContext: Sendable {
    public let repository: any TandemRepository
    public let actor: Operator
    public let geography: Geography
    public let catalog: Catalog
    public let weights: CostWeights
    /// Where the configuration came from: `bulletin.yaml` and `columns.yaml` are read from the same.
    public let configSources: ConfigSources
    public let lang: Lang
    public let databasePath: String

    /// The local calendar day.
    public var today: Day { Day.local() }

    /// What the actor may see: every list, coverage and plan is limited to it.
    public var scope: ReadScope { Permissions.readScope(of: actor, geography: geography) }

    /// Runs `body`; a refusal it throws names units as the catalog does ("180 个", not "180 piece").
    func namingUnits<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as TandemError { throw error.namingUnits(catalog) }
    }

    func code(_ text: String, _ kind: RecordKind) throws -> RecordCode {
        guard let code = RecordCode(parsing: text, as: kind) else { throw TandemError.malformedCode(kind, text) }
        return code
    }

    func district(_ text: String) throws -> District {
        guard let district = geography.district(matching: text) else { throw TandemError.unknownDistrict(text) }
        return district
    }

    func group(_ text: String) throws -> SupervisionGroup {
        guard let group = geography.group(matching: text) else { throw TandemError.unknownGroup(text) }
        return group
    }

    /// A test on district codes from `--district` and `--group` options (either may be absent),
    /// within the actor's read scope; naming a district or group outside it is refused.
    func areaFilter(district: String?, group: String?) throws -> (String) -> Bool {
        let scope = self.scope
        let districtCode = try district.map { text in
            let found = try self.district(text)
            try scope.require(district: found)
            return found.code
        }
        let groupNumber = try group.map { text in
            let number = try self.group(text).number
            try scope.require(group: number)
            return number
        }
        let geography = self.geography
        return { code in
            scope.includes(district: code)
                && (districtCode == nil || code == districtCode)
                && (groupNumber == nil || geography.district(code: code)?.group == groupNumber)
        }
    }

    func districtName(_ code: String) -> String {
        geography.district(code: code)?.name.text(lang) ?? code
    }
}

/// The identity of whoever runs Tandem: the OS account of the effective user ID, as the
/// passwd database names it. `$USER` and `$LOGNAME` are never trusted: anyone can set them.
enum OperatingSystemUser {
    /// The account's login name; an account without a passwd entry is refused.
    static func login(uid: uid_t = geteuid(), lookup: (uid_t) -> String? = passwdName) throws -> String {
        guard let name = lookup(uid), !name.isEmpty else { throw TandemError.accountUnknown(uid: UInt32(uid)) }
        return name
    }

    static func passwdName(_ uid: uid_t) -> String? {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
