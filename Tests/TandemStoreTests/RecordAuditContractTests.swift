import Foundation
import Testing
import TandemCore
import TandemDemo
import TandemPostgres
@testable import TandemStore

/// `tandem check` compares every record with the audit events that made it, by one rule (the
/// core's `RecordAudit`) on both stores: what plain SQL changes behind Tandem's back is named
/// in the same words on SQLite and on PostgreSQL.
@Suite struct RecordAuditContractTests {
    /// A small city of Tandem's own making: a pairing, two requests, one with a delivery.
    private func busyFixture(_ backend: StoreBackend) throws -> (StoreFixture, Request, Request) {
        let f = try StoreFixture(backend)
        let branch = try f.addBranch(), enterprise = try f.addEnterprise()
        try f.repository.pair(branch: branch.code, enterprise: enterprise.code, by: f.dispatcher)
        let first = try f.addMasksRequest(for: enterprise), second = try f.addMasksRequest(for: enterprise, quantity: "50")
        try f.repository.deliver(first.code, quantity: Quantity(100), note: "", allowOver: false, by: f.dispatcher)
        return (f, first, second)
    }

    /// Loads the demo city as `init --demo` does: its rows have no events, its `demo.load` event
    /// (#3, after `init` and the dispatcher's `operator.add`) records their digests.
    private func demoCity(_ backend: StoreBackend) throws -> StoreFixture {
        let f = try StoreFixture(backend)
        let city = DemoCity.build(scale: 20, seed: 7, geography: StoreFixture.configuration.geography, catalog: f.catalog,
                                  today: Day(year: 2026, month: 11, day: 30))
        switch backend {
        case .sqlite: try f.sqlite.loadSeed(city, by: f.admin)
        case .postgres: try (f.repository as! PostgresRepository).loadSeed(city, by: f.admin)
        }
        return f
    }

    private func lastEvent(of request: Request, _ f: StoreFixture) throws -> Int64 {
        try #require(try f.repository.auditLog(AuditFilter(request: request.code), limit: 1).last?.id)
    }

    @Test(arguments: StoreBackend.all) func aCityOfTandemsOwnMakingChecksClean(_ backend: StoreBackend) throws {
        let (f, _, _) = try busyFixture(backend)
        #expect(try f.integrityProblems() == [])
    }

    @Test(arguments: StoreBackend.all) func recordsChangedWithPlainSQLAreNamedInTheSameWords(_ backend: StoreBackend) throws {
        let (f, first, second) = try busyFixture(backend)
        let edited = try lastEvent(of: first, f)
        try f.executeRaw("""
            UPDATE request SET notes = 'quietly' WHERE number = \(first.code.number);
            DELETE FROM pairing WHERE id = 1;
            UPDATE operator SET role = 'admin' WHERE login = 'dispatcher';
            INSERT INTO delivery (request_number, quantity, note, operator_login, at, over_delivery)
                VALUES (\(second.code.number), 5000, '', 'psql', '2026-01-01T00:00:00.000Z', false);
            """)
        #expect(try f.integrityProblems() == [
            "request \(second.code): delivered does not equal the sum of its deliveries",
            "request \(first.code) changed with no audit event: it differs from its last audit event #\(edited)",
            "request \(second.code) changed with no audit event: its deliveries (1) do not match its delivery events (0)",
            "pairing #1 changed with no audit event: the audit names it but the table lacks it: deleted",
            "operator dispatcher changed with no audit event: it differs from its last record, audit event #2",
        ])
    }

    @Test(arguments: StoreBackend.all) func aRowWithNoEventAtAllIsNamed(_ backend: StoreBackend) throws {
        let (f, _, _) = try busyFixture(backend)
        try f.executeRaw("""
            INSERT INTO operator (login, display_name, role) VALUES ('eve', 'Eve', 'admin');
            UPDATE enterprise SET address = '别处' WHERE number = 1;
            """)
        let enterpriseEvent = try #require(try f.repository.auditLog(AuditFilter(enterprise: RecordCode(.enterprise, 1)), limit: 10)
            .last { $0.action == .addEnterprise }?.id)
        #expect(try f.integrityProblems() == [
            "operator eve changed with no audit event: no audit event added it",
            "enterprise E1 changed with no audit event: it differs from its last audit event #\(enterpriseEvent)",
        ])
    }

    @Test(arguments: StoreBackend.all) func aDemoCityChecksCleanAndHandEditsToItsRowsChangeTheDigests(_ backend: StoreBackend) throws {
        let f = try demoCity(backend)
        #expect(try f.integrityProblems() == [])
        // Edits through Tandem after the load are undone by their events when the digests are checked.
        try f.repository.setResumption(RecordCode(.enterprise, 2), .closed, by: f.dispatcher)
        try f.repository.editEnterprise(RecordCode(.enterprise, 2), EnterpriseChanges(name: "改过名的单位"), by: f.dispatcher)
        try f.repository.setResumption(RecordCode(.enterprise, 2), .partial(percent: 30), by: f.dispatcher)
        try f.repository.editBranch(RecordCode(.branch, 1), BranchChanges(name: "改过名的队"), by: f.dispatcher)
        let request = try #require(try f.repository.snapshot().requests.first { $0.status == .open })
        try f.repository.deliver(request.code, quantity: Quantity(1), note: "", allowOver: true, by: f.dispatcher)
        #expect(try f.integrityProblems() == [])
        // A covered request no event has changed since the load: only the digest can tell.
        let untouched = request.code.number == 1 ? 2 : 1
        try f.executeRaw("""
            UPDATE branch SET headcount = headcount + 1 WHERE number = 3;
            UPDATE enterprise SET address = 'x' WHERE number = 3;
            UPDATE request SET notes = notes || '!' WHERE number = \(untouched);
            """)
        let found = try f.integrityProblems()
        #expect(found == [
            "request rows that existed before audit event #3 changed with no audit event: their digest differs from the one that event recorded",
            "branch rows that existed before audit event #3 changed with no audit event: their digest differs from the one that event recorded",
            "enterprise rows that existed before audit event #3 changed with no audit event: their digest differs from the one that event recorded",
        ], "\(found)")
    }
}
