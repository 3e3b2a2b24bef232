import Foundation
import GRDB
import Testing
import TandemConfig
import TandemCore
import TandemDemo
@testable import TandemStore

@Suite struct StoreMutationTests {
    @Test(arguments: StoreBackend.all) func theNewUsersPathWorksAndIsAudited(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let branch = try f.addBranch()
        let enterprise = try f.addEnterprise()
        #expect(branch.code == RecordCode(.branch, 1))
        try f.repository.pair(branch: branch.code, enterprise: enterprise.code, by: f.dispatcher)
        let request = try f.addMasksRequest(for: enterprise)
        let partly = try f.repository.deliver(request.code, quantity: Quantity(120), note: "第一批", allowOver: false, by: f.dispatcher)
        #expect(partly.status == .inProgress)
        let done = try f.repository.markDone(request.code, by: f.dispatcher)
        #expect(done.status == .done && done.delivered == Quantity(120) && done.completed != nil)
        let deliveries = try f.repository.deliveries(of: request.code)
        #expect(deliveries.map(\.quantity) == [Quantity(120)])
        #expect(deliveries.first?.note == "第一批")
        let actions = try f.repository.auditLog(limit: 100).map(\.action)
        #expect(actions.suffix(6) == [.addBranch, .addEnterprise, .pair, .addRequest, .deliver, .markDone])
        let history = try f.repository.history(of: enterprise.code)
        #expect(history.pairings.count == 1)
        #expect(history.events.map(\.action) == [.addEnterprise, .pair, .addRequest, .deliver, .markDone])
    }

    @Test(arguments: StoreBackend.all) func refusedOperationsChangeNothing(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let branch = try f.addBranch()
        let enterprise = try f.addEnterprise()
        let other = try f.addEnterprise("友缘盲人按摩店", district: "beibei")
        try f.repository.pair(branch: branch.code, enterprise: enterprise.code, by: f.dispatcher)
        let request = try f.addMasksRequest(for: enterprise)
        let before = try f.fingerprint()

        #expect(throws: TandemError.branchAlreadyPaired(branch: branch.code, enterprise: enterprise.code)) {
            try f.repository.pair(branch: branch.code, enterprise: other.code, by: f.dispatcher)
        }
        #expect(throws: TandemError.unknownRecord(.branch, "B99")) {
            try f.repository.pair(branch: RecordCode(.branch, 99), enterprise: other.code, by: f.dispatcher)
        }
        #expect(throws: TandemError.overDelivery(request: request.code, remaining: Quantity(300), unit: "piece")) {
            try f.repository.deliver(request.code, quantity: Quantity(301), note: "", allowOver: false, by: f.dispatcher)
        }
        #expect(throws: TandemError.unknownDistrict("atlantis")) {
            try f.repository.addBranch(BranchDraft(name: "x", districtCode: "atlantis", headcount: 1, capabilities: []), by: f.dispatcher)
        }
        #expect(throws: TandemError.self) {
            try f.repository.addRequest(RequestDraft(enterpriseCode: enterprise.code, category: "ppe", item: "masks", quantity: "0",
                                                     unit: "piece"), catalog: f.catalog, by: f.dispatcher)
        }
        let supervisor = Operator(login: "sup", displayName: "S", role: .supervisor(group: nil))
        #expect(throws: TandemError.self) { try f.repository.unpair(branch.code, reason: "", by: supervisor) }
        #expect(try f.fingerprint() == before)
    }

    @Test(arguments: StoreBackend.all) func aFailureInsideABatchRollsBackTheWholeBatch(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let b1 = try f.addBranch(), b2 = try f.addBranch("永川区残联党支部党员突击队", district: "yongchuan")
        let e1 = try f.addEnterprise(), e2 = try f.addEnterprise("永川残疾人梦想茶叶基地", district: "yongchuan")
        let before = try f.fingerprint()
        // The second pair reuses b1: the first must not survive either.
        #expect(throws: TandemError.self) {
            try f.repository.pairAll([(b1.code, e1.code), (b1.code, e2.code)], by: f.dispatcher)
        }
        #expect(try f.fingerprint() == before)
        let pairs = try f.repository.pairAll([(b1.code, e1.code), (b2.code, e2.code)], by: f.dispatcher)
        #expect(pairs.count == 2)
    }

    @Test(arguments: StoreBackend.all) func unpairingKeepsHistoryAndFreesBothSides(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let branch = try f.addBranch()
        let enterprise = try f.addEnterprise()
        try f.repository.pair(branch: branch.code, enterprise: enterprise.code, by: f.dispatcher)
        let ended = try f.repository.unpair(enterprise.code, reason: "企业已复工", by: f.dispatcher)
        #expect(ended.endedAt != nil && ended.endReason == "企业已复工")
        #expect(throws: TandemError.notPaired(branch.code)) { try f.repository.unpair(branch.code, reason: "", by: f.dispatcher) }
        try f.repository.pair(branch: branch.code, enterprise: enterprise.code, by: f.dispatcher)
        #expect(try f.repository.history(of: enterprise.code).pairings.count == 2)
    }

    @Test(arguments: StoreBackend.all) func leadsCanOnlyWorkTheirPairedEnterprise(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let branch = try f.addBranch()
        let enterprise = try f.addEnterprise()
        let other = try f.addEnterprise("友缘盲人按摩店", district: "beibei")
        try f.repository.pair(branch: branch.code, enterprise: enterprise.code, by: f.dispatcher)
        let lead = Operator(login: "lead1", displayName: "L", role: .branchLead(branch: branch.code))
        try f.repository.addOperator(lead, by: f.admin)
        let own = try f.addMasksRequest(for: enterprise)
        let foreign = try f.addMasksRequest(for: other)
        try f.repository.deliver(own.code, quantity: Quantity(10), note: "", allowOver: false, by: lead)
        try f.repository.setResumption(enterprise.code, .partial(percent: 60), by: lead)
        #expect(throws: TandemError.self) {
            try f.repository.deliver(foreign.code, quantity: Quantity(10), note: "", allowOver: false, by: lead)
        }
        #expect(throws: TandemError.self) { try f.repository.cancel(own.code, reason: "x", by: lead) }
    }
}

@Suite struct SchemaInvariantTests {
    @Test func rawSqlCannotBreakOneToOne() throws {
        let f = try StoreFixture()
        let b1 = try f.addBranch(), b2 = try f.addBranch("第二突击队")
        let e1 = try f.addEnterprise(), e2 = try f.addEnterprise("第二单位")
        try f.repository.pair(branch: b1.code, enterprise: e1.code, by: f.dispatcher)
        let queue = try f.rawQueue()
        let insert = "INSERT INTO pairing (branch_number, enterprise_number, started_at, started_by) VALUES (?, ?, 't', 'x')"
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: insert, arguments: [b1.code.number, e2.code.number]) } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: insert, arguments: [b2.code.number, e1.code.number]) } }
        // An ended pairing does not count: history may hold many.
        try queue.write { try $0.execute(sql: "UPDATE pairing SET ended_at = 't', ended_by = 'x'") }
        try queue.write { try $0.execute(sql: insert, arguments: [b1.code.number, e2.code.number]) }
    }

    @Test func rawSqlCannotWriteImpossibleQuantitiesOrStates() throws {
        let f = try StoreFixture()
        let enterprise = try f.addEnterprise()
        let request = try f.addMasksRequest(for: enterprise)
        let queue = try f.rawQueue()
        for sql in ["UPDATE request SET quantity = 0", "UPDATE request SET delivered = -1", "UPDATE request SET status = 'lost'",
                    "UPDATE request SET priority = 9", "UPDATE request SET status = 'done'",
                    "UPDATE enterprise SET resumption_percent = 140", "UPDATE enterprise SET district_code = 'atlantis'",
                    "INSERT INTO operator (login, display_name, role) VALUES ('x', 'x', 'lead')"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { try $0.execute(sql: sql) } }
        }
        #expect(try f.repository.request(request.code).status == .open)
    }
}

@Suite struct DatabaseFileTests {
    func temporaryPath() -> String { NSTemporaryDirectory() + "tandem-file-\(UUID().uuidString).sqlite" }

    @Test func missingFileIsRefusedAndNotCreated() {
        let path = temporaryPath()
        #expect(throws: TandemError.databaseMissing(path: path)) { try SQLiteRepository.open(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func garbageFileIsReportedCorruptAndLeftAsItWas() throws {
        let path = temporaryPath()
        let garbage = Data(repeating: 0x42, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect {
            try SQLiteRepository.open(path: path)
        } throws: { error in
            if case .databaseCorrupt = error as? TandemError { return true }
            return false
        }
        #expect(FileManager.default.contents(atPath: path) == garbage)
    }

    @Test func directoryAndForeignSqliteFilesAreRefused() throws {
        #expect { try SQLiteRepository.open(path: NSTemporaryDirectory()) } throws: { error in
            if case .databaseUnreadable = error as? TandemError { return true }
            return false
        }
        let path = temporaryPath()
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        try other.close()
        #expect { try SQLiteRepository.open(path: path) } throws: { error in
            if case .databaseNotInitialized = error as? TandemError { return true }
            return false
        }
    }

    @Test func newerSchemaIsRefused() throws {
        let f = try StoreFixture()
        try f.rawQueue().write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        #expect(throws: TandemError.databaseTooNew(path: f.path, found: "v99")) { try SQLiteRepository.open(path: f.path) }
    }

    @Test func createRefusesToOverwriteWithoutReplace() throws {
        let f = try StoreFixture()
        #expect(throws: TandemError.databaseExists(path: f.path)) {
            try SQLiteRepository.create(path: f.path, geography: StoreFixture.configuration.geography, admin: f.admin)
        }
        #expect(try SQLiteRepository.open(path: f.path).operators().count == 2)
    }

    @Test(arguments: StoreBackend.all) func anotherConnectionsCommitMovesTheChangeCounter(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let second = try f.openAgain()
        let before = try second.changeCounter()
        #expect(try second.changeCounter() == before)
        _ = try f.addBranch()
        #expect(try second.changeCounter() != before)
        let own = try f.repository.changeCounter()
        _ = try f.addEnterprise()
        #expect(try f.repository.changeCounter() != own)
    }
}

@Suite struct DemoCityTests {
    let geography = StoreFixture.configuration.geography
    let catalog = StoreFixture.configuration.catalog
    let today = Day(parsing: "2020-03-05")!

    @Test func isDeterministicAndCoversEveryDistrict() {
        let a = DemoCity.build(scale: 200, seed: 7, geography: geography, catalog: catalog, today: today)
        let b = DemoCity.build(scale: 200, seed: 7, geography: geography, catalog: catalog, today: today)
        let c = DemoCity.build(scale: 200, seed: 8, geography: geography, catalog: catalog, today: today)
        #expect(a.enterprises == b.enterprises && a.branches == b.branches)
        #expect(a.requests.map(\.request) == b.requests.map(\.request))
        #expect(a.enterprises != c.enterprises)
        #expect(Set(a.enterprises.map(\.districtCode)).count == 38)
        #expect(Set(a.branches.map(\.districtCode)).count == 38)
        let requestsPerEnterprise = Double(a.requests.count) / Double(a.enterprises.count)
        #expect(requestsPerEnterprise > 4 && requestsPerEnterprise < 6)
    }

    @Test func holdsTheRealCasesAndLoadsIntoTheStore() throws {
        let city = DemoCity.build(scale: 50, seed: 1, geography: geography, catalog: catalog, today: today)
        let pepper = try #require(city.enterprises.first { $0.name == "南川九叶青花椒基地" })
        let needs = city.requests.map(\.request).filter { $0.enterpriseCode == pepper.code }
        #expect(needs.contains { $0.item == "fertiliser" && $0.quantity == Quantity(8) && $0.unit == "tonne" })
        #expect(needs.contains { $0.item == "masks" && $0.quantity == Quantity(300) })
        #expect(needs.contains { $0.item == "disinfectant84" && $0.quantity == Quantity(3) && $0.unit == "barrel" })
        #expect(city.enterprises.contains { $0.name.contains("梦想茶叶基地") && $0.districtCode == "yongchuan" })
        // Every generated item and unit is in the catalog, so the store accepts the city.
        for demo in city.requests {
            #expect(catalog.item(code: demo.request.item, category: demo.request.category)?.units.contains(demo.request.unit) == true)
        }
        let f = try StoreFixture()
        try f.sqlite.loadSeed(city, by: f.admin)
        let snapshot = try f.repository.snapshot()
        #expect(snapshot.enterprises.count == city.enterprises.count)
        #expect(snapshot.activePairings.count == city.pairings.count)
        #expect(try f.repository.findOperator(login: "lead1") != nil)
        #expect(throws: TandemError.self) { try f.sqlite.loadSeed(city, by: f.admin) }
    }
}

/// The snapshot reads requests on a second connection beside the rest of the city; a write
/// landing between the two reads must not give a city whose requests name enterprises it lacks.
@Suite struct SnapshotConsistencyTests {
    @Test(arguments: StoreBackend.all) func snapshotsTakenDuringWritesAreEachOneCommittedCity(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let writer = try f.openAgain()
        let stop = ManagedAtomicFlag()
        let writes = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            // Each round adds an enterprise and, in a second transaction, a request for it.
            for round in 0..<5000 where !stop.isSet {
                guard let enterprise = try? writer.addEnterprise(EnterpriseDraft(name: "按摩店\(round)", kind: .blindMassage,
                                                                                 districtCode: "beibei"), by: f.dispatcher) else { break }
                _ = try? writer.addRequest(RequestDraft(enterpriseCode: enterprise.code, category: "ppe", item: "masks",
                                                        quantity: "10", unit: "piece"), catalog: f.catalog, by: f.dispatcher)
            }
            writes.signal()
        }
        var snapshots = 0
        var sawRequests = false
        let until = Date().addingTimeInterval(4)
        // On a loaded machine the writer's thread may start late: keep reading until a snapshot
        // has seen its writes (or a minute has passed), not only for four seconds.
        let giveUp = Date().addingTimeInterval(60)
        while writes.wait(timeout: .now()) == .timedOut {
            let city = try f.repository.snapshot()
            let enterprises = Set(city.enterprises.map(\.code))
            for request in city.requests {
                #expect(enterprises.contains(request.enterpriseCode), "snapshot \(snapshots): \(request.code) names a missing enterprise")
                if !enterprises.contains(request.enterpriseCode) { break }
            }
            sawRequests = sawRequests || !city.requests.isEmpty
            snapshots += 1
            if Date() > until && (sawRequests || Date() > giveUp) { stop.set() }
        }
        #expect(snapshots > 0 && sawRequests)
        // With nothing writing, the snapshot is the whole city.
        let final = try f.repository.snapshot()
        #expect(final.requests.count == final.enterprises.count)
    }
}

/// A flag one thread sets and another reads.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
