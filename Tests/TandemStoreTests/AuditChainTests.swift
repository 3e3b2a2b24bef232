import Foundation
import GRDB
import Testing
import TandemCore
import TandemDemo
@testable import TandemStore

/// The audit's hash chain, its guard triggers, and the checks that find what was changed behind
/// Tandem's back. Tampering is done as root would: plain SQL, dropping the triggers first.
@Suite struct AuditChainTests {
    /// A fixture with a pairing, a request with two deliveries and an ended pairing.
    func busyFixture() throws -> StoreFixture {
        let f = try StoreFixture()
        let branch = try f.addBranch(), enterprise = try f.addEnterprise()
        let other = try f.addBranch("北碚区第二党支部党员突击队", district: "beibei")
        try f.repository.pair(branch: branch.code, enterprise: enterprise.code, by: f.dispatcher)
        let request = try f.addMasksRequest(for: enterprise)
        try f.repository.deliver(request.code, quantity: Quantity(100), note: "", allowOver: false, by: f.dispatcher)
        try f.repository.deliver(request.code, quantity: Quantity(50), note: "", allowOver: false, by: f.dispatcher)
        try f.repository.unpair(enterprise.code, reason: "换队", by: f.dispatcher)
        try f.repository.pair(branch: other.code, enterprise: enterprise.code, by: f.dispatcher)
        return f
    }

    func tamper(_ f: StoreFixture, _ sql: String) throws {
        let queue = try f.rawQueue()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_event_no_update; DROP TRIGGER IF EXISTS audit_event_no_delete")
            try db.execute(sql: sql)
        }
        try queue.close()
    }

    func problems(_ f: StoreFixture) throws -> [String] {
        try f.sqlite.verifyAudit().problems.map(\.message.en).filter { !$0.contains("guard trigger") }
    }

    @Test func anIntactChainVerifiesAndItsHeadIsTheLastEvent() throws {
        let f = try busyFixture()
        let verification = try f.sqlite.verifyAudit()
        #expect(verification.problems.isEmpty)
        let count = try f.repository.auditLog(limit: 1000).count
        #expect(verification.headEvent == Int64(count))
        #expect(try f.repository.auditChainHead() == verification.head)
        #expect(verification.head?.hash.count == 64)
        #expect(try f.sqlite.check().problems.isEmpty)
    }

    @Test func theTriggersRefuseChangingOrDeletingAnEvent() throws {
        let f = try busyFixture()
        let queue = try f.rawQueue()
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE audit_event SET operator_login = 'x' WHERE id = 2") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM audit_event WHERE id = 2") } }
        try queue.close()
        #expect(try f.sqlite.verifyAudit().problems.isEmpty)
    }

    @Test func droppingAGuardTriggerIsReported() throws {
        let f = try busyFixture()
        try tamper(f, "SELECT 1")
        #expect(try f.sqlite.verifyAudit().problems.map(\.message.en) == [
            "the audit table's guard trigger audit_event_no_update was dropped",
            "the audit table's guard trigger audit_event_no_delete was dropped",
        ])
    }

    @Test func anEditedEventIsNamed() throws {
        let f = try busyFixture()
        try tamper(f, "UPDATE audit_event SET operator_login = 'mallory' WHERE id = 4")
        #expect(try problems(f) == ["audit event #4 was edited: its hash does not match its content"])
        #expect(try f.sqlite.verifyAudit().problems.first?.event == 4)
    }

    @Test func anEditWithARecomputedHashBreaksTheNextLink() throws {
        let f = try busyFixture()
        // A forger who recomputes the edited event's own hash still cannot make the next event point at it.
        let queue = try f.rawQueue()
        let forged = try queue.read { db -> String in
            var event = AuditChain.StoredEvent(try Row.fetchOne(db, sql: "SELECT \(AuditChain.hashedColumns), hash FROM audit_event WHERE id = 4")!)
            event.fields[1] = "mallory"
            return event.computedHash
        }
        try queue.close()
        try tamper(f, "UPDATE audit_event SET operator_login = 'mallory', hash = '\(forged)' WHERE id = 4")
        #expect(try problems(f) == ["audit event #5 does not follow #4: an event before it was deleted, reordered or forged"])
    }

    @Test func aDeletedEventIsNamed() throws {
        let f = try busyFixture()
        try tamper(f, "DELETE FROM audit_event WHERE id = 3")
        #expect(try problems(f).prefix(2) == [
            "audit event #3 is missing (before #4)",
            "audit event #4 does not follow #2: an event before it was deleted, reordered or forged",
        ])
    }

    @Test func deletingTheLatestEventsIsSeenAndLeavesAGapForTheNextOne() throws {
        let f = try busyFixture()
        let last = try #require(try f.sqlite.verifyAudit().headEvent)
        try tamper(f, "DELETE FROM audit_event WHERE id = \(last)")
        #expect(try problems(f).contains("the latest audit events #\(last)–#\(last) were deleted"))
        _ = try f.addBranch("新突击队")
        #expect(try problems(f).contains("audit event #\(last) is missing (before #\(last + 1))"))
    }

    @Test func reorderedEventsAreNamed() throws {
        let f = try busyFixture()
        // Swap the contents of events 3 and 4, keeping each row's hashes where they were.
        try tamper(f, """
            CREATE TEMP TABLE swap AS SELECT * FROM audit_event WHERE id IN (3, 4);
            UPDATE audit_event SET (at, operator_login, action, enterprise_number, branch_number, request_number, subject_login, before, after)
                = (SELECT at, operator_login, action, enterprise_number, branch_number, request_number, subject_login, before, after
                   FROM swap WHERE swap.id = 7 - audit_event.id) WHERE id IN (3, 4);
            """)
        #expect(try problems(f).prefix(2) == ["audit event #3 was edited: its hash does not match its content",
                                              "audit event #4 was edited: its hash does not match its content"])
    }

    @Test func aHeadWrittenDownCatchesAHistoryRewrittenFromThere() throws {
        let f = try busyFixture()
        let head = try f.sqlite.verifyAudit()
        let event = try #require(head.headEvent), hash = try #require(head.head?.hash)
        #expect(try f.sqlite.verifyAudit(expecting: (event, hash)).problems.isEmpty)
        #expect(try f.sqlite.verifyAudit(expecting: (event, String(repeating: "a", count: 64))).problems.map(\.event) == [event])
    }

    @Test func rowsChangedWithNoEventAreFound() throws {
        let f = try busyFixture()
        try tamper(f, "UPDATE request SET notes = 'quietly' WHERE number = 1")
        let edited = try problems(f)
        #expect(edited == ["request R1 changed with no audit event: it differs from its last audit event #9"])

        let g = try busyFixture()
        try tamper(g, "DELETE FROM delivery WHERE id = 2; UPDATE request SET delivered = 100000 WHERE number = 1")
        #expect(try problems(g).contains("request R1 changed with no audit event: its deliveries (1) do not match its delivery events (2)"))

        let h = try busyFixture()
        try tamper(h, """
            UPDATE pairing SET started_by = 'eve' WHERE id = 2;
            INSERT INTO pairing (branch_number, enterprise_number, started_at, started_by, ended_at, ended_by)
                VALUES (1, 1, '2026-01-01T00:00:00.000Z', 'eve', '2026-01-02T00:00:00.000Z', 'eve');
            UPDATE operator SET role = 'admin' WHERE login = 'dispatcher';
            UPDATE operator SET display_name = 'Boss' WHERE login = 'admin';
            INSERT INTO operator VALUES ('eve', 'Eve', 'admin', NULL, NULL);
            """)
        let found = try problems(h)
        #expect(found == [
            "pairing #2 (B2–E1) changed with no audit event: it differs from its last audit event #11",
            "pairing #3 (B1–E1) changed with no audit event: no audit event paired them",
            "operator admin changed with no audit event: it differs from its last record, audit event #1",
            "operator dispatcher changed with no audit event: it differs from its last record, audit event #2",
            "operator eve changed with no audit event: no audit event added it",
        ])
    }

    @Test func branchesAndEnterprisesChangedWithNoEventAreFound() throws {
        let f = try busyFixture()
        // Tandem's own edits, resumption updates included, are explained by their events.
        try f.repository.editEnterprise(RecordCode(.enterprise, 1), EnterpriseChanges(address: "东城街道"), by: f.dispatcher)
        try f.repository.setResumption(RecordCode(.enterprise, 1), .partial(percent: 40), by: f.dispatcher)
        try f.repository.editBranch(RecordCode(.branch, 1), BranchChanges(headcount: 12), by: f.dispatcher)
        #expect(try problems(f) == [])
        let resumptionEvent = try #require(try f.repository.auditLog(limit: 2).first?.id)
        try tamper(f, """
            UPDATE branch SET headcount = 99 WHERE number = 1;
            INSERT INTO branch (name, district_code, headcount, capabilities, active) VALUES ('影子队', 'nanchuan', 3, '', 1);
            UPDATE enterprise SET contact_phone = '13900000000' WHERE number = 1;
            INSERT INTO enterprise (name, kind, district_code, address, contact_name, contact_phone, disabled_employees,
                                    resumption_percent) VALUES ('影子单位', 'employment_base', 'nanchuan', '', '', '', 0, 0);
            """)
        #expect(try problems(f) == [
            "branch B1 changed with no audit event: it differs from its last audit event #\(resumptionEvent + 1)",
            "branch B3 changed with no audit event: no audit event added it",
            "enterprise E1 changed with no audit event: it differs from its last audit event #\(resumptionEvent)",
            "enterprise E2 changed with no audit event: no audit event added it",
        ])
        // A resumption status changed by hand after its event is found too.
        let g = try busyFixture()
        try g.repository.setResumption(RecordCode(.enterprise, 1), .resumed, by: g.dispatcher)
        let spare = try g.addBranch("北碚区第三党支部党员突击队", district: "beibei")
        try tamper(g, "UPDATE enterprise SET resumption_percent = 0 WHERE number = 1; DELETE FROM branch WHERE number = \(spare.code.number)")
        let found = try problems(g)
        #expect(found.contains { $0.hasPrefix("enterprise E1 changed with no audit event: it differs from its last audit event") })
        #expect(found.contains("branch \(spare.code) changed with no audit event: the audit names it but the table lacks it: deleted"))
    }

    @Test func aLoadedCitysBranchesAndEnterprisesAreCoveredAndHandEditsToThemFound() throws {
        let f = try StoreFixture()
        let city = DemoCity.build(scale: 20, seed: 7, geography: StoreFixture.configuration.geography, catalog: f.catalog,
                                  today: Day(year: 2026, month: 11, day: 30))
        try f.sqlite.loadSeed(city, by: f.admin)
        // Edits through Tandem after the load are undone by their events when the digest is checked.
        try f.repository.setResumption(RecordCode(.enterprise, 2), .closed, by: f.dispatcher)
        try f.repository.editEnterprise(RecordCode(.enterprise, 2), EnterpriseChanges(name: "改过名的单位"), by: f.dispatcher)
        try f.repository.setResumption(RecordCode(.enterprise, 2), .partial(percent: 30), by: f.dispatcher)
        try f.repository.editBranch(RecordCode(.branch, 1), BranchChanges(name: "改过名的队"), by: f.dispatcher)
        let found = try f.sqlite.check().problems
        #expect(found.isEmpty, "\(found)")
        try tamper(f, "UPDATE branch SET headcount = headcount + 1 WHERE number = 3; UPDATE enterprise SET address = 'x' WHERE number = 3")
        #expect(try problems(f) == [
            "branch rows that existed before audit event #3 changed with no audit event: their digest differs from the one that event recorded",
            "enterprise rows that existed before audit event #3 changed with no audit event: their digest differs from the one that event recorded",
        ])
    }

    @Test func aLoadedCityIsCoveredByItsEventAndEditsToItAreFound() throws {
        let f = try StoreFixture()
        let city = DemoCity.build(scale: 20, seed: 7, geography: StoreFixture.configuration.geography, catalog: f.catalog,
                                  today: Day(year: 2026, month: 11, day: 30))
        try f.sqlite.loadSeed(city, by: f.admin)
        #expect(try f.sqlite.check().problems.isEmpty)
        try tamper(f, "UPDATE request SET notes = notes || '!' WHERE number = 1")
        let found = try problems(f)
        #expect(found == [
            "request rows that existed before audit event #3 changed with no audit event: their digest differs from the one that event recorded",
        ])
    }

    @Test func checkNamesABrokenInvariant() throws {
        let f = try busyFixture()
        try tamper(f, """
            DROP INDEX pairing_one_active_per_enterprise;
            INSERT INTO pairing (branch_number, enterprise_number, started_at, started_by) VALUES (1, 1, '2026-01-01T00:00:00.000Z', 'x');
            UPDATE request SET delivered = 1 WHERE number = 1;
            """)
        let found = try f.sqlite.check().problems.map(\.message.en)
        #expect(found.contains("enterprise E1 has 2 active pairings"))
        #expect(found.contains("request R1: delivered does not equal the sum of its deliveries"))
    }

    @Test func aVersion1DatabaseGetsAChainAndABaseline() throws {
        let path = try SchemaV2MigrationTests.version1Database()
        let repository = try SQLiteRepository.open(path: path)
        let verification = try repository.verifyAudit()
        #expect(verification.problems.isEmpty)
        #expect(try repository.auditLog(limit: 100).last?.action == .migrateSchema)
    }

    @Test func theLogFiltersUseTheSubjectsOperatorsAndTime() throws {
        let f = try busyFixture()
        #expect(try f.repository.auditLog(AuditFilter(request: RecordCode(.request, 1)), limit: 100).map(\.action)
            == [.addRequest, .deliver, .deliver])
        #expect(try f.repository.auditLog(AuditFilter(branch: RecordCode(.branch, 2)), limit: 100).map(\.action) == [.addBranch, .pair])
        #expect(try f.repository.auditLog(AuditFilter(operatorLogin: "admin"), limit: 100).map(\.action) == [.initialize, .addOperator])
        #expect(try f.repository.auditLog(AuditFilter(since: Timestamp(day: Day(year: 2100, month: 1, day: 1))), limit: 100).isEmpty)
        #expect(try f.repository.auditLog(AuditFilter(until: Timestamp(day: Day(year: 2100, month: 1, day: 1))), limit: 3).count == 3)
        let plan = try f.repository.auditLog(AuditFilter(operatorLogin: "dispatcher", enterprise: RecordCode(.enterprise, 1)), limit: 100)
        #expect(plan.map(\.action) == [.addEnterprise, .pair, .addRequest, .deliver, .deliver, .unpair, .pair])
    }

    @Test func anAdminActingForSomeoneIsFoundUnderEitherName() throws {
        let f = try StoreFixture()
        let asRoot = try SQLiteRepository.open(path: f.path, session: StoreSession(account: "root"))
        try asRoot.addBranch(BranchDraft(name: "突击队", districtCode: "nanchuan", headcount: 3, capabilities: []), by: f.dispatcher)
        #expect(try f.repository.auditLog(AuditFilter(operatorLogin: "dispatcher"), limit: 10).map(\.operatorLogin) == ["root as dispatcher"])
        #expect(try f.repository.auditLog(AuditFilter(operatorLogin: "root"), limit: 10).map(\.operatorLogin) == ["root as dispatcher"])
        #expect(try f.sqlite.verifyAudit().problems.isEmpty)
    }

    @Test func aBackupIsAConsistentPrivateCopyThatPassesCheck() throws {
        let f = try busyFixture()
        let target = f.folder + "/copy.sqlite"
        let head = try f.sqlite.backup(to: target)
        #expect(head == (try f.repository.auditChainHead()))
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: TandemError.databaseExists(path: target)) { try f.sqlite.backup(to: target) }
        let copy = try SQLiteRepository.open(path: target)
        #expect(try copy.check().problems.isEmpty)
        #expect(try copy.auditChainHead() == head)
        _ = try f.addBranch("之后的突击队")
        try f.sqlite.backup(to: target, replace: true)
        #expect(try SQLiteRepository.open(path: target).auditChainHead() == (try f.repository.auditChainHead()))
    }
}
