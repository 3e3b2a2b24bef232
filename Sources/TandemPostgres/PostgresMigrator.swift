import TandemCore

/// What the connection's schema (its `current_schema()`, normally `public`) holds, read
/// before anything is written to it.
public enum PostgresDatabaseState: Sendable, Equatable {
    /// No tables at all: `tandem init` may create a database here.
    case empty
    /// Tables, but not Tandem's (no `tandem_migrations`): never written to.
    case foreign(tables: [String])
    /// A Tandem database with these migrations applied, oldest first.
    case tandem(applied: [String])
}

extension PostgresSchema {
    static let migrationsTable = "tandem_migrations"

    /// Reads what the database holds. `name` names it in errors (a redacted connection string).
    public static func state(_ connection: PostgresConnection) throws -> PostgresDatabaseState {
        // The catalog, not information_schema: the latter hides the tables a role may not read,
        // and a role that is no operator must hear that, not "not initialised".
        let tables = try connection.execute("""
            SELECT c.relname AS table_name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname
            """).map { try $0.value("table_name") as String }
        if tables.isEmpty { return .empty }
        guard tables.contains(migrationsTable) else { return .foreign(tables: tables) }
        let applied: [String]
        do {
            applied = try connection.execute("SELECT identifier FROM \(migrationsTable) ORDER BY applied_order")
                .map { try $0.value("identifier") as String }
        } catch let error as PostgresError where error.sqlState == SQLState.insufficientPrivilege {
            throw TandemError.databaseRoleNotRegistered(login: try connection.currentUser())
        }
        return .tandem(applied: applied)
    }

    /// Refuses, writing nothing, a database this build must not open: one with no Tandem
    /// tables, one that is not Tandem's, one a newer Tandem migrated (the same bilingual
    /// refusal as the SQLite store's).
    public static func checkOpenable(_ connection: PostgresConnection, name: String) throws {
        switch try state(connection) {
        case .empty: throw TandemError.databaseNotInitialized(path: name)
        case .foreign: throw TandemError.notATandemDatabase(path: name)
        case .tandem(let applied): try refuseNewer(applied, name: name)
        }
    }

    /// Brings the database to this build's schema, creating it when empty, and returns the
    /// migrations applied now (none when it was up to date). Runs in one transaction under
    /// `pg_advisory_xact_lock`: hosts starting at once migrate one after another, the later ones
    /// apply nothing. READ COMMITTED on purpose: after waiting for the lock, the state read must
    /// include what the previous holder committed, which a snapshot taken before the wait would not.
    /// A foreign or newer database is refused with nothing written.
    @discardableResult
    public static func migrate(_ connection: PostgresConnection, name: String) throws -> [String] {
        try connection.transaction(.readCommitted) { c in
            try c.execute("SELECT pg_advisory_xact_lock($1)", [migrationLockKey])
            return try applyMigrations(c, name: name)
        }
    }

    /// The body of `migrate`, inside a transaction that holds the migration lock (`create`
    /// runs it in the transaction that also writes the new city).
    @discardableResult
    static func applyMigrations(_ c: PostgresConnection, name: String) throws -> [String] {
        var applied: [String]
        switch try state(c) {
        case .empty:
            try c.executeScript("""
                CREATE TABLE \(migrationsTable) (
                    identifier TEXT PRIMARY KEY,
                    applied_order BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """)
            applied = []
        case .foreign:
            throw TandemError.notATandemDatabase(path: name)
        case .tandem(let identifiers):
            try refuseNewer(identifiers, name: name)
            applied = identifiers
        }
        var appliedNow: [String] = []
        for migration in migrations where !applied.contains(migration.identifier) {
            try c.executeScript(migration.sql)
            try c.execute("INSERT INTO \(migrationsTable) (identifier) VALUES ($1)", [migration.identifier])
            applied.append(migration.identifier)
            appliedNow.append(migration.identifier)
        }
        return appliedNow
    }

    /// Drops everything Tandem made, for `init --force` inside its creating transaction.
    static func dropTandemTables(_ c: PostgresConnection) throws {
        try c.executeScript("""
            DROP TABLE IF EXISTS audit_event, delivery, request, pairing, enterprise, operator, branch, district, supervision_group,
                                 change_counter, audit_high_water, \(migrationsTable) CASCADE;
            DROP FUNCTION IF EXISTS audit_event_refuse_change(), count_change(), audit_event_raise_high_water(),
                                    \(operatorRoleFunctions.joined(separator: ", "));
            """)
    }

    private static func refuseNewer(_ applied: [String], name: String) throws {
        if let unknown = applied.first(where: { !migrationIdentifiers.contains($0) }) {
            throw TandemError.databaseTooNew(path: name, found: unknown)
        }
    }
}
