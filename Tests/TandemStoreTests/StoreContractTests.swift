import Foundation
import Testing
import TandemConfig
import TandemCore
import TandemPostgres
import TandemTestSupport
@testable import TandemStore

/// Behaviour both stores must share, beside the store tests that take a backend as argument.
@Suite struct StoreContractTests {
    /// The seeds' Nanchuan case: the pepper base needs 8 t of fertiliser, 300 masks and 3 barrels
    /// of 84 disinfectant; the masks come in two deliveries, 120 then 180.
    @Test(arguments: StoreBackend.all) func theNanchuanCase(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let branch = try f.addBranch()
        let pepper = try f.addEnterprise()
        try f.repository.pair(branch: branch.code, enterprise: pepper.code, by: f.dispatcher)
        func file(_ category: String, _ item: String, _ quantity: String, _ unit: String) throws -> Request {
            try f.repository.addRequest(RequestDraft(enterpriseCode: pepper.code, category: category, item: item, quantity: quantity,
                                                     unit: unit), catalog: f.catalog, by: f.dispatcher)
        }
        let fertiliser = try file("production", "fertiliser", "8", "tonne")
        let masks = try file("ppe", "masks", "300", "piece")
        let disinfectant = try file("ppe", "disinfectant84", "3", "barrel")
        #expect(fertiliser.quantity == Quantity(8) && disinfectant.quantity == Quantity(3))
        let first = try f.repository.deliver(masks.code, quantity: Quantity(120), note: "第一批", allowOver: false, by: f.dispatcher)
        #expect(first.status == .inProgress && first.delivered == Quantity(120) && first.remaining == Quantity(180))
        #expect(throws: TandemError.overDelivery(request: masks.code, remaining: Quantity(180), unit: "piece")) {
            try f.repository.deliver(masks.code, quantity: Quantity(181), note: "", allowOver: false, by: f.dispatcher)
        }
        // The last 180 complete the request.
        let second = try f.repository.deliver(masks.code, quantity: Quantity(180), note: "第二批", allowOver: false, by: f.dispatcher)
        #expect(second.delivered == Quantity(300) && second.remaining == Quantity.zero)
        #expect(second.status == .done && second.completed != nil)
        #expect(throws: TandemError.requestClosed(masks.code, .done)) {
            try f.repository.deliver(masks.code, quantity: Quantity(1), note: "", allowOver: true, by: f.dispatcher)
        }
        let city = try f.repository.snapshot()
        #expect(city.requests.map(\.code) == [fertiliser.code, masks.code, disinfectant.code])
        #expect(city.requests.map(\.status) == [.open, .done, .open])
        #expect(try f.repository.deliveries(of: masks.code).map(\.quantity) == [Quantity(120), Quantity(180)])
        let history = try f.repository.history(of: pepper.code)
        #expect(history.events.map(\.action) == [.addEnterprise, .pair, .addRequest, .addRequest, .addRequest, .deliver, .deliver])
        #expect(try f.repository.auditLog(AuditFilter(request: masks.code), limit: 10).map(\.action) == [.addRequest, .deliver, .deliver])
        #expect(try f.integrityProblems().isEmpty)
        #expect(try f.repository.auditChainHead()?.events == 10)
    }

    /// The same operations write the same audit events (action and subject) on both stores.
    @Test(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.skipReason)))
    func bothStoresAuditTheSameEvents() throws {
        func run(_ backend: StoreBackend) throws -> [String] {
            let f = try StoreFixture(backend)
            let branch = try f.addBranch(), enterprise = try f.addEnterprise()
            try f.repository.pair(branch: branch.code, enterprise: enterprise.code, by: f.dispatcher)
            let request = try f.addMasksRequest(for: enterprise)
            let delivered = try f.repository.deliver(request.code, quantity: Quantity(200), note: "", allowOver: false, by: f.dispatcher)
            let wrong = try #require(try f.repository.deliveries(of: request.code).last)
            try f.repository.correctDelivery(request.code, delivery: wrong.id, quantity: Quantity(20), reason: "错", allowOver: false,
                                             by: f.dispatcher)
            try f.repository.cancel(delivered.code, reason: "不需要了", by: f.dispatcher)
            try f.repository.reopen(delivered.code, reason: "又要了", by: f.dispatcher)
            try f.repository.unpair(branch.code, reason: "复工", by: f.dispatcher)
            try f.repository.editOperator(login: "dispatcher", OperatorChanges(displayName: "王芳"), by: f.admin)
            try f.repository.editBranch(branch.code, BranchChanges(headcount: 9), by: f.dispatcher)
            return try f.repository.auditLog(limit: 100).map { "\($0.action.rawValue) \($0.subject)" }
        }
        let sqlite = try run(.sqlite), postgres = try run(.postgres)
        #expect(sqlite.count == 14)
        #expect(sqlite == postgres)
    }

    /// Two consoles (or hosts) delivering to one request at the same moment: every delivery
    /// counts, and the audit chain stays one unbroken chain.
    @Test(arguments: StoreBackend.all) func concurrentDeliveriesAreAllCounted(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let request = try f.addMasksRequest(for: try f.addEnterprise(), quantity: "1000")
        let consoles = [f.repository, try f.openAgain()]
        let failures = ThreadSafeList()
        DispatchQueue.concurrentPerform(iterations: consoles.count) { index in
            for _ in 0..<15 {
                do {
                    try consoles[index].deliver(request.code, quantity: Quantity(1), note: "", allowOver: false, by: f.dispatcher)
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        #expect(failures.items.isEmpty)
        #expect(try f.repository.request(request.code).delivered == Quantity(30))
        #expect(try f.repository.deliveries(of: request.code).count == 30)
        #expect(try f.integrityProblems().isEmpty)
    }

    @Test(arguments: StoreBackend.all) func anImportIsAllOrNothing(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let existing = try f.addEnterprise()
        let columns = try ConfigLoader.loadColumns(from: .builtIn)
        func plan(_ rows: [[TableCell]]) throws -> ImportPlan {
            let context = ImportContext(snapshot: try f.repository.snapshot(), operators: try f.repository.operators(),
                                        geography: StoreFixture.configuration.geography, catalog: f.catalog, columns: columns,
                                        today: Day(parsing: "2026-11-30")!)
            return ImportPlanner.plan(.enterprises, sheet: Table(headers: ["name", "district", "address"], rows: rows), context: context)
        }
        let refused = try plan([[.text("友缘盲人按摩店"), .text("beibei"), .empty], [.text("坏单位"), .text("atlantis"), .empty]])
        let before = try f.fingerprint()
        #expect(throws: TandemError.self) { try f.repository.applyImport(refused, by: f.dispatcher) }
        #expect(try f.fingerprint() == before)
        let good = try plan([[.text("友缘盲人按摩店"), .text("beibei"), .empty],
                             [.text(existing.name), .text("nanchuan"), .text("南川区东城街道")]])
        let result = try f.repository.applyImport(good, by: f.dispatcher)
        let city = try f.repository.snapshot()
        // PostgreSQL's sequence keeps the number the refused import took: codes may skip one.
        #expect(result.added == city.enterprises.dropFirst().map(\.code.description) && result.changed == 1)
        #expect(city.enterprises.map(\.name) == [existing.name, "友缘盲人按摩店"])
        #expect(city.enterprises.first?.address == "南川区东城街道")
        #expect(try f.repository.auditLog(limit: 3).map(\.action) == [.addEnterprise, .editEnterprise, .importFile])
        #expect(try f.integrityProblems().isEmpty)
    }
}
