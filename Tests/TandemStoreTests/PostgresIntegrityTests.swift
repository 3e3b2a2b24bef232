import Foundation
import Testing
import TandemCore
import TandemDemo
import TandemPostgres
import TandemTestSupport
@testable import TandemStore

/// `tandem check` and `tandem log --verify` on PostgreSQL: what a superuser changes with plain
/// SQL behind Tandem's back (as psql would, the audit's guard triggers disabled) is named.
@Suite(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresIntegrityTests {
    /// A small city with a seeded part and a few events after it: a pairing, two deliveries.
    private func city() throws -> (StoreFixture, PostgresRepository, Request) {
        let f = try StoreFixture(.postgres)
        let store = f.repository as! PostgresRepository
        let seed = DemoCity.build(scale: 10, seed: 7, geography: StoreFixture.configuration.geography, catalog: f.catalog,
                                  today: Day(year: 2020, month: 3, day: 9))
        try store.loadSeed(seed, by: f.admin)
        let enterprise = try f.addEnterprise("新的帮扶单位")
        let request = try f.addMasksRequest(for: enterprise)
        try store.deliver(request.code, quantity: Quantity(120), note: "", allowOver: false, by: f.dispatcher)
        try store.deliver(request.code, quantity: Quantity(80), note: "", allowOver: false, by: f.dispatcher)
        return (f, store, request)
    }

    private func lastEvent(_ f: StoreFixture) throws -> Int64 {
        try f.scratch!.connect().one("SELECT max(id) AS id FROM audit_event")!.value("id")
    }

    @Test func aCleanDatabasePasses() throws {
        let (f, store, _) = try city()
        let result = try store.check()
        #expect(result.problems.isEmpty, "\(result.problems)")
        let last = try lastEvent(f)
        #expect(result.audit.headEvent == last && result.audit.head?.events == Int(last))
        #expect(try store.verifyAudit(expecting: (last, result.audit.head!.hash)).isIntact)
        #expect(try store.auditChainHead() == result.audit.head)
    }

    @Test func anEventEditedWithTheTriggerDisabledIsNamed() throws {
        let (f, store, request) = try city()
        let edited: Int64 = try f.scratch!.connect().one("""
            SELECT min(id) AS id FROM audit_event WHERE action = 'request.deliver' AND request_number = $1
            """, [request.code.number])!.value("id")
        try f.executeRaw("""
            ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;
            UPDATE audit_event SET operator_login = 'someone_else' WHERE id = \(edited);
            ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update;
            """)
        #expect(try f.integrityProblems() == ["audit event #\(edited) was edited: its hash does not match its content"])
        #expect(try !store.verifyAudit().isIntact)
    }

    @Test func deletedEventsAreNamedInTheMiddleAndAtTheTail() throws {
        let (f, store, request) = try city()
        let last = try lastEvent(f)
        // `replica` skips every trigger: the append-only guards and the high-water mark alike.
        try f.executeRaw("""
            SET session_replication_role = replica;
            DELETE FROM audit_event WHERE id IN (3, \(last - 1), \(last));
            """)
        let problems = try store.verifyAudit().problems.map(\.message.en)
        #expect(problems.prefix(3) == ["audit event #3 is missing (before #4)",
                                       "audit event #4 does not follow #2: an event before it was deleted, reordered or forged",
                                       "the latest audit events #\(last - 1)–#\(last) were deleted"])
        // The records those events made or vouched for have nothing to explain them now: the
        // city's rows (event #3 held their baseline) and the request's two deliveries.
        #expect(problems.contains("request \(request.code) changed with no audit event: its deliveries (2) do not match its delivery events (0)"))
        #expect(problems.contains("enterprise E1 changed with no audit event: no audit event added it"))
    }

    @Test func aGuardTriggerLeftDisabledOrDroppedIsNamed() throws {
        let (f, store, _) = try city()
        try f.executeRaw("""
            ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_delete;
            DROP TRIGGER audit_event_no_truncate ON audit_event;
            """)
        #expect(try store.verifyAudit().problems.map(\.message.en) == [
            "the audit table's guard trigger audit_event_no_delete is disabled",
            "the audit table's guard trigger audit_event_no_truncate was dropped",
        ])
    }

    @Test func brokenInvariantsAreNamed() throws {
        let (f, store, request) = try city()
        let pairing = try #require(try store.snapshot().activePairings.first)
        let free = try f.addEnterprise("第二个帮扶单位")
        let requestEvent = try #require(try store.auditLog(AuditFilter(request: request.code), limit: 1).last?.id)
        try f.executeRaw("""
            DROP INDEX pairing_one_active_per_branch;
            INSERT INTO pairing (branch_number, enterprise_number, started_at, started_by)
                VALUES (\(pairing.branchCode.number), \(free.code.number), now(), 'psql');
            SET session_replication_role = replica;
            UPDATE request SET delivered = delivered + 1000 WHERE number = \(request.code.number);
            INSERT INTO delivery (request_number, quantity, operator_login, at) VALUES (999999, 1000, 'psql', now());
            """)
        let problems = try f.integrityProblems()
        #expect(problems.contains("branch \(pairing.branchCode) has 2 active pairings"))
        #expect(problems.contains("request \(request.code): delivered does not equal the sum of its deliveries"))
        #expect(problems.contains { $0.hasPrefix("delivery row ") && $0.hasSuffix("points to a missing request") })
        // No event explains those rows either.
        #expect(problems.contains("request \(request.code) changed with no audit event: it differs from its last audit event #\(requestEvent)"))
        #expect(problems.contains("request R999999 changed with no audit event: the audit names it but the table lacks it: deleted"))
        #expect(problems.contains { $0.hasPrefix("pairing #") && $0.hasSuffix("changed with no audit event: no audit event paired them") })
        #expect(problems.count == 6, "\(problems)")
    }
}
