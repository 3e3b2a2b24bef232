import Testing
import TandemPostgres
@testable import TandemStore

@Suite struct BothStoresSchemaTests {
    /// One list of schema versions: a database migrated by one store's build names the same
    /// versions as the other store's, so "written by a newer Tandem" means the same on both.
    @Test func bothStoresKnowTheSameMigrations() {
        #expect(PostgresSchema.sharedMigrationIdentifiers == Schema.migrationIdentifiers)
    }
}
