import Foundation
import GRDB
import Testing
import TandemCore
@testable import TandemStore

/// A database as version 1 of the schema wrote it, opened by this version.
@Suite struct SchemaV2MigrationTests {
    /// A version 1 file: E12 paired with B1 and asking for masks (R7), E13 beside it; B1's lead
    /// recorded both ways, B2 naming a "lead" whom the operator table does not know as one.
    static func version1Database(extraAudit: [(String, String)] = []) throws -> String {
        let folder = NSTemporaryDirectory() + "tandem-v1-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/v1.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO supervision_group VALUES (1, '第一组', 'Group 1');
                INSERT INTO district VALUES ('nanchuan', '南川区', 'Nanchuan', 1);
                INSERT INTO branch (number, name, district_code, lead_login, headcount, capabilities, active)
                    VALUES (1, '南川区残联党支部党员突击队', 'nanchuan', 'lead1', 8, 'transport', 1),
                           (2, '南川区第二党支部党员突击队', 'nanchuan', 'ghost', 5, '', 1);
                INSERT INTO operator VALUES ('admin', 'Admin', 'admin', NULL, NULL),
                                            ('lead1', '刘强', 'lead', 1, NULL);
                INSERT INTO enterprise (number, name, kind, district_code) VALUES (12, '南川九叶青花椒基地', 'employment_base', 'nanchuan'),
                                                                                  (13, '友缘盲人按摩店', 'blind_massage', 'nanchuan');
                INSERT INTO pairing (branch_number, enterprise_number, started_at, started_by)
                    VALUES (1, 12, '2020-03-05T08:30:00Z', 'admin');
                INSERT INTO request (number, enterprise_number, category, item, quantity, unit, delivered, priority, status, filed)
                    VALUES (7, 12, 'ppe', 'masks', 300000, 'piece', 120000, 2, 'in_progress', '2020-03-05');
                INSERT INTO delivery (request_number, quantity, operator_login, at) VALUES (7, 120000, 'lead1', '2020-03-05T17:00:00+08:00');
                """)
            let events = [("init", "database"), ("branch.add", "B1"), ("enterprise.add", "E12"), ("enterprise.add", "E13"),
                          ("operator.add", "lead1"), ("pair", "B1 E12"), ("request.add", "R7"), ("request.deliver", "R7"),
                          ("enterprise.resumption", "E13")] + extraAudit
            for (minute, event) in events.enumerated() {
                try db.execute(sql: "INSERT INTO audit_event (at, operator_login, action, subject, before, after) VALUES (?, 'admin', ?, ?, '', '')",
                               arguments: ["2020-03-05T08:\(10 + minute):00Z", event.0, event.1])
            }
        }
        try queue.close()
        return path
    }

    @Test func aVersion1DatabaseIsUpgradedWithItsHistoryIntact() throws {
        let path = try Self.version1Database()
        let repository = try SQLiteRepository.open(path: path)

        let history = try repository.history(of: RecordCode(.enterprise, 12))
        #expect(history.events.map(\.action) == [.addEnterprise, .pair, .addRequest, .deliver])
        #expect(history.events.map(\.subject) == [
            AuditSubject(enterprise: RecordCode(.enterprise, 12)),
            AuditSubject(enterprise: RecordCode(.enterprise, 12), branch: RecordCode(.branch, 1)),
            AuditSubject(enterprise: RecordCode(.enterprise, 12), request: RecordCode(.request, 7)),
            AuditSubject(enterprise: RecordCode(.enterprise, 12), request: RecordCode(.request, 7)),
        ])
        #expect(try repository.history(of: RecordCode(.enterprise, 13)).events.map(\.action) == [.addEnterprise, .updateResumption])

        let log = try repository.auditLog(limit: 100)
        #expect(log.first { $0.action == .addOperator }?.subject == AuditSubject(login: "lead1"))
        #expect(log.first { $0.action == .initialize }?.subject == .database)

        // Timestamps now in one form, offsets converted to UTC.
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            #expect(try String.fetchOne(db, sql: "SELECT started_at FROM pairing") == "2020-03-05T08:30:00.000Z")
            #expect(try String.fetchOne(db, sql: "SELECT at FROM delivery") == "2020-03-05T09:00:00.000Z")
            #expect(try String.fetchAll(db, sql: "SELECT at FROM audit_event WHERE action = 'pair'") == ["2020-03-05T08:15:00.000Z"])
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") == ["v1", "v2", "v3", "v4", "v5"])
            let branchColumns = try db.columns(in: "branch").map(\.name)
            #expect(!branchColumns.contains("lead_login"))
            #expect(!(try db.columns(in: "audit_event").map(\.name)).contains("subject"))
        }
        try queue.close()
        #expect(history.deliveries.map(\.at) == [Timestamp(day: Day(year: 2020, month: 3, day: 5), hour: 9)])
        #expect(history.pairings.map(\.startedAt) == [Timestamp(day: Day(year: 2020, month: 3, day: 5), hour: 8, minute: 30)])
    }

    @Test func aLeadTheOperatorTableDoesNotConfirmIsKeptInTheAuditNotGranted() throws {
        let repository = try SQLiteRepository.open(path: try Self.version1Database())
        let operators = try repository.operators()
        #expect(operators.leads(of: RecordCode(.branch, 1)).map(\.login) == ["lead1"])
        #expect(operators.leads(of: RecordCode(.branch, 2)).isEmpty)
        // The v3 upgrade's baseline event follows; this is version 2's.
        let migration = try repository.auditLog(limit: 100).filter { $0.action == .migrateSchema && $0.subject != .database }
        #expect(migration.map(\.subject) == [AuditSubject(branch: RecordCode(.branch, 2), login: "ghost")])
        #expect(migration.first?.before == #"{"leadLogin":"ghost"}"#)
    }

    @Test func anUnreadableOldSubjectStopsTheUpgradeNamingTheEvent() throws {
        let path = try Self.version1Database(extraAudit: [("pair", "B1 and E12")])
        #expect {
            try SQLiteRepository.open(path: path)
        } throws: { error in
            guard case TandemError.databaseCorrupt(_, let detail) = error else { return false }
            return detail == "audit_event 10: subject 'B1 and E12' is not record codes such as E12, R7 or B3 E12"
        }
        // Nothing was changed: the file is still at version 1.
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") } == ["v1"])
        try queue.close()
    }
}

@Suite struct AuditSubjectTests {
    @Test func anEnterprisesHistoryIsAnIndexedQuery() throws {
        let f = try StoreFixture()
        let plan = try f.rawQueue().read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteRepository.enterpriseEventsSQL, arguments: [12])
                .map { $0["detail"] as String }
        }
        #expect(plan == ["SEARCH audit_event USING INDEX audit_by_enterprise (enterprise_number=?)"])
    }

    @Test func everyMutationNamesItsSubjects() throws {
        let f = try StoreFixture()
        let branch = try f.addBranch(), enterprise = try f.addEnterprise()
        let other = try f.addEnterprise("友缘盲人按摩店", district: "beibei")
        try f.repository.pair(branch: branch.code, enterprise: enterprise.code, by: f.dispatcher)
        let request = try f.addMasksRequest(for: enterprise)
        try f.repository.cancel(request.code, reason: "不需要了", by: f.dispatcher)
        try f.repository.reopen(request.code, reason: "又需要了", by: f.dispatcher)
        try f.repository.setResumption(other.code, .resumed, by: f.dispatcher)
        try f.repository.pairAll([], ending: [enterprise.code], reason: "重新结对", by: f.dispatcher)
        try f.repository.addOperator(Operator(login: "lead9", displayName: "L", role: .branchLead(branch: branch.code)), by: f.admin)

        let log = try f.repository.auditLog(limit: 100)
        let pairSubject = AuditSubject(enterprise: enterprise.code, branch: branch.code)
        let requestSubject = AuditSubject(enterprise: enterprise.code, request: request.code)
        #expect(log.suffix(11).map(\.action) == [.addBranch, .addEnterprise, .addEnterprise, .pair, .addRequest, .cancelRequest,
                                                 .reopenRequest, .updateResumption, .unpair, .applyPlan, .addOperator])
        #expect(log.suffix(11).map(\.subject) == [
            AuditSubject(branch: branch.code), AuditSubject(enterprise: enterprise.code), AuditSubject(enterprise: other.code),
            pairSubject, requestSubject, requestSubject, requestSubject, AuditSubject(enterprise: other.code), pairSubject,
            .database, AuditSubject(branch: branch.code, login: "lead9"),
        ])
        let history = try f.repository.history(of: enterprise.code)
        #expect(history.events.map(\.action) == [.addEnterprise, .pair, .addRequest, .cancelRequest, .reopenRequest, .unpair])
    }
}

@Suite struct CorruptRowTests {
    /// Writes a value the schema's checks would refuse, as a careless script with checks off might.
    func corrupt(_ f: StoreFixture, _ sql: String) throws {
        let queue = try f.rawQueue()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
        try queue.close()
    }

    func detail(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch TandemError.databaseCorrupt(_, let detail) {
            return detail
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func anUnknownRoleNamesTheOperator() throws {
        let f = try StoreFixture()
        try corrupt(f, "INSERT INTO operator VALUES ('alice', 'Alice', 'boss', NULL, NULL)")
        #expect(detail { _ = try f.repository.operators() }
            == "operator alice: role 'boss' is not one of dispatcher, lead, supervisor, admin")
        #expect(detail { _ = try f.repository.findOperator(login: "alice") } != nil)
        // Other operators still read one by one.
        #expect(try f.repository.findOperator(login: "admin")?.role == .admin)
    }

    @Test func aBadRequestOrEnterpriseRowStopsTheSnapshotNamingTheRow() throws {
        let f = try StoreFixture()
        let enterprise = try f.addEnterprise()
        let request = try f.addMasksRequest(for: enterprise)
        try corrupt(f, "UPDATE request SET status = 'lost' WHERE number = \(request.code.number)")
        #expect(detail { _ = try f.repository.snapshot() } == "request R1: status 'lost' is not one of open, in_progress, done, cancelled")
        try corrupt(f, "UPDATE request SET status = 'open', filed = 'yesterday' WHERE number = \(request.code.number)")
        #expect(detail { _ = try f.repository.snapshot() } == "request R1: filed 'yesterday' is not a day (YYYY-MM-DD)")
        try corrupt(f, "UPDATE request SET filed = '2020-02-30' WHERE number = \(request.code.number)")
        #expect(detail { _ = try f.repository.request(request.code) } == "request R1: filed '2020-02-30' is not a day (YYYY-MM-DD)")
        try corrupt(f, "UPDATE request SET filed = '2020-02-29', priority = 9 WHERE number = \(request.code.number)")
        #expect(detail { _ = try f.repository.snapshot() } == "request R1: priority '9' is not one of 1, 2, 3, 4")
        try corrupt(f, "UPDATE request SET priority = 2; UPDATE enterprise SET kind = 'bank'")
        #expect(detail { _ = try f.repository.snapshot() }
            == "enterprise E1: kind 'bank' is not one of enterprise, employment_base, auxiliary_employment, blind_massage, service_institution")
    }

    @Test func aBadTimestampOrActionNamesTheRow() throws {
        let f = try StoreFixture()
        let branch = try f.addBranch(), enterprise = try f.addEnterprise()
        try f.repository.pair(branch: branch.code, enterprise: enterprise.code, by: f.dispatcher)
        try corrupt(f, "UPDATE pairing SET started_at = 'last tuesday'")
        #expect(detail { _ = try f.repository.snapshot() }
            == "pairing 1: started_at 'last tuesday' is not a timestamp (2026-11-30T14:53:12.345Z)")
        // The audit refuses changes (schema v3); only someone who drops its guard can write this.
        try corrupt(f, "UPDATE pairing SET started_at = '2020-03-05T08:30:00.000Z'; DROP TRIGGER audit_event_no_update; "
                       + "UPDATE audit_event SET action = 'explode' WHERE id = 1")
        #expect(detail { _ = try f.repository.auditLog(limit: 100) } == "audit_event 1: action 'explode' is not a known action")
        #expect(detail { _ = try f.repository.snapshot() } == nil)
    }
}

@Suite struct StoredTimestampTests {
    @Test func theStoreWritesOneFormAndReadsValuesInOrder() throws {
        let folder = NSTemporaryDirectory() + "tandem-ts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A clock that steps 0.4 ms a call: several events share a millisecond, none goes back.
        final class Clock: @unchecked Sendable {
            var calls = 0.0
            let lock = NSLock()
            func tick() -> Date {
                lock.lock()
                defer { lock.unlock() }
                calls += 1
                return Date(timeIntervalSince1970: 1_795_000_000 + calls * 0.0004)
            }
        }
        let clock = Clock()
        let admin = Operator(login: "admin", displayName: "A", role: .admin)
        let repository = try SQLiteRepository.create(path: folder + "/t.sqlite", geography: StoreFixture.configuration.geography,
                                                     admin: admin, now: { clock.tick() })
        let branch = try repository.addBranch(BranchDraft(name: "突击队", districtCode: "nanchuan", headcount: 3, capabilities: []),
                                              by: admin)
        let enterprise = try repository.addEnterprise(EnterpriseDraft(name: "基地", kind: .enterprise, districtCode: "nanchuan"),
                                                      by: admin)
        let pairing = try repository.pair(branch: branch.code, enterprise: enterprise.code, by: admin)
        let ended = try repository.unpair(branch.code, reason: "", by: admin)
        let events = try repository.auditLog(limit: 100)
        #expect(events.map(\.at) == events.map(\.at).sorted())
        #expect(ended.endedAt.map { $0 >= pairing.startedAt } == true)
        #expect(try repository.history(of: enterprise.code).pairings == [ended])

        let queue = try DatabaseQueue(path: folder + "/t.sqlite")
        let stored = try queue.read { try String.fetchAll($0, sql: "SELECT at FROM audit_event ORDER BY id") }
        try queue.close()
        #expect(stored == events.map(\.at.description))
        #expect(stored.allSatisfy { $0.count == 24 && $0.hasSuffix("Z") })
    }
}

@Suite struct BranchLeadTests {
    @Test func theOperatorTableAloneSaysWhoLeadsABranch() throws {
        let f = try StoreFixture()
        let branch = try f.addBranch()
        #expect(try f.repository.operators().leads(of: branch.code).isEmpty)
        try f.repository.addOperator(Operator(login: "lead1", displayName: "刘强", role: .branchLead(branch: branch.code)), by: f.admin)
        #expect(try f.repository.operators().leads(of: branch.code).map(\.login) == ["lead1"])
        // Editing the branch cannot change its lead; changing the operator's role does.
        try f.repository.editBranch(branch.code, BranchChanges(headcount: 12), by: f.dispatcher)
        #expect(try f.repository.operators().leads(of: branch.code).map(\.login) == ["lead1"])
        try f.repository.editOperator(login: "lead1", OperatorChanges(role: .dispatcher), by: f.admin)
        #expect(try f.repository.operators().leads(of: branch.code).isEmpty)
        let columns = try f.rawQueue().read { try $0.columns(in: "branch").map(\.name) }
        #expect(!columns.contains("lead_login"))
    }
}
