import GRDB

/// The database schema as versioned migrations. Invariants live here as well as in the core:
/// the one-to-one rule as unique partial indexes, quantities and states as CHECK constraints.
/// A migration, once released, never changes: later ones alter what it made (`Schema+V2.swift`).
enum Schema {
    /// Marks a Tandem database (`PRAGMA application_id`), so another SQLite file is refused.
    static let applicationID: Int32 = 0x54_4E_44_4D // "TNDM"

    static let migrationIdentifiers = ["v1", "v2", "v3", "v4", "v5"]

    /// The number the next row of an AUTOINCREMENT `table` takes, as SQLite would give it: after
    /// the largest `column` and after any number SQLite ever handed out. Inside a write
    /// transaction nobody else can take it, so a caller may number rows itself.
    static func nextNumber(_ db: Database, table: String, column: String) throws -> Int64 {
        let used = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT max(coalesce((SELECT max(\(column)) FROM \(table)), 0),
                       coalesce((SELECT seq FROM sqlite_sequence WHERE name = '\(table)'), 0))
            """)) ?? 0
        return used + 1
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE supervision_group (
                    number INTEGER PRIMARY KEY CHECK (number > 0),
                    name_zh TEXT NOT NULL,
                    name_en TEXT NOT NULL
                );
                CREATE TABLE district (
                    code TEXT PRIMARY KEY CHECK (length(code) > 0),
                    name_zh TEXT NOT NULL,
                    name_en TEXT NOT NULL,
                    group_number INTEGER NOT NULL REFERENCES supervision_group(number)
                );
                CREATE TABLE branch (
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    district_code TEXT NOT NULL REFERENCES district(code),
                    lead_login TEXT,
                    headcount INTEGER NOT NULL CHECK (headcount >= 0),
                    capabilities TEXT NOT NULL DEFAULT '',
                    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
                );
                CREATE TABLE operator (
                    login TEXT PRIMARY KEY CHECK (length(login) > 0),
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('dispatcher', 'lead', 'supervisor', 'admin')),
                    branch_number INTEGER REFERENCES branch(number),
                    group_number INTEGER REFERENCES supervision_group(number),
                    CHECK ((role = 'lead') = (branch_number IS NOT NULL)),
                    CHECK (role = 'supervisor' OR group_number IS NULL)
                );
                CREATE TABLE enterprise (
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'employment_base', 'auxiliary_employment',
                                                       'blind_massage', 'service_institution')),
                    district_code TEXT NOT NULL REFERENCES district(code),
                    address TEXT NOT NULL DEFAULT '',
                    lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
                    lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
                    contact_name TEXT NOT NULL DEFAULT '',
                    contact_phone TEXT NOT NULL DEFAULT '',
                    disabled_employees INTEGER NOT NULL DEFAULT 0 CHECK (disabled_employees >= 0),
                    resumption_percent INTEGER NOT NULL DEFAULT 0 CHECK (resumption_percent BETWEEN 0 AND 100),
                    CHECK ((lat IS NULL) = (lon IS NULL))
                );
                CREATE TABLE pairing (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    branch_number INTEGER NOT NULL REFERENCES branch(number),
                    enterprise_number INTEGER NOT NULL REFERENCES enterprise(number),
                    started_at TEXT NOT NULL,
                    started_by TEXT NOT NULL,
                    ended_at TEXT,
                    ended_by TEXT,
                    end_reason TEXT,
                    CHECK ((ended_at IS NULL) = (ended_by IS NULL))
                );
                CREATE UNIQUE INDEX pairing_one_active_per_branch ON pairing(branch_number) WHERE ended_at IS NULL;
                CREATE UNIQUE INDEX pairing_one_active_per_enterprise ON pairing(enterprise_number) WHERE ended_at IS NULL;
                CREATE TABLE request (
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    enterprise_number INTEGER NOT NULL REFERENCES enterprise(number),
                    category TEXT NOT NULL,
                    item TEXT NOT NULL,
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    unit TEXT NOT NULL,
                    delivered INTEGER NOT NULL DEFAULT 0 CHECK (delivered >= 0),
                    priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
                    due TEXT,
                    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
                    notes TEXT NOT NULL DEFAULT '',
                    filed TEXT NOT NULL,
                    completed TEXT,
                    CHECK ((status = 'done') = (completed IS NOT NULL))
                );
                CREATE INDEX request_by_enterprise ON request(enterprise_number);
                CREATE TABLE delivery (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    request_number INTEGER NOT NULL REFERENCES request(number),
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    note TEXT NOT NULL DEFAULT '',
                    operator_login TEXT NOT NULL,
                    at TEXT NOT NULL,
                    over_delivery INTEGER NOT NULL DEFAULT 0 CHECK (over_delivery IN (0, 1))
                );
                CREATE INDEX delivery_by_request ON delivery(request_number);
                CREATE TABLE audit_event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    operator_login TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    before TEXT NOT NULL,
                    after TEXT NOT NULL
                );
                CREATE INDEX audit_by_subject ON audit_event(subject);
                """)
        }
        migrator.registerMigration("v2", migrate: migrateToV2)
        migrator.registerMigration("v3", migrate: migrateToV3)
        migrator.registerMigration("v4", migrate: migrateToV4)
        migrator.registerMigration("v5", migrate: migrateToV5)
        return migrator
    }
}
