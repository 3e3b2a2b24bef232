import Testing
import TandemCore
@testable import TandemStore

/// A correction writes a reversing entry and the right quantity in one transaction with their
/// audit events; nothing is deleted, and `tandem check` still finds everything in order.
@Suite struct DeliveryCorrectionStoreTests {
    @Test(arguments: StoreBackend.all) func correctionKeepsTheInvariantsAndTheAudit(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let enterprise = try f.addEnterprise()
        let request = try f.addMasksRequest(for: enterprise)
        try f.repository.deliver(request.code, quantity: Quantity(200), note: "口罩", allowOver: false, by: f.dispatcher)
        let wrong = try #require(try f.repository.deliveries(of: request.code).last)
        let corrected = try f.repository.correctDelivery(request.code, delivery: wrong.id, quantity: Quantity(120), reason: "多打了一个零",
                                                         allowOver: false, by: f.dispatcher)
        #expect(corrected.delivered == Quantity(120) && corrected.status == .inProgress)
        let deliveries = try f.repository.deliveries(of: request.code)
        #expect(deliveries.count == 3, "the original stays, reversed and replaced")
        #expect(deliveries[0] == wrong)
        #expect(deliveries[1].reverses == wrong.id && deliveries[1].quantity == Quantity(200) && deliveries[1].note == "多打了一个零")
        #expect(deliveries[2].quantity == Quantity(120) && deliveries[2].reverses == nil)
        let history = try f.repository.history(of: enterprise.code)
        #expect(history.events.contains { $0.action == .correctDelivery && $0.subject.request == request.code })
        let problems = try f.integrityProblems()
        #expect(problems.isEmpty, "\(problems)")
        // The same delivery cannot be corrected twice, and a refused correction changes nothing.
        let before = try f.fingerprint()
        #expect(throws: TandemError.self) {
            try f.repository.correctDelivery(request.code, delivery: wrong.id, quantity: Quantity(100), reason: "again", allowOver: false, by: f.dispatcher)
        }
        #expect(throws: TandemError.reasonRequired) {
            try f.repository.correctDelivery(request.code, delivery: deliveries[2].id, quantity: Quantity(100), reason: " ", allowOver: false, by: f.dispatcher)
        }
        #expect(try f.fingerprint() == before)
    }

    @Test(arguments: StoreBackend.all) func onlyWhoeverRecordedItAndDispatchers(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let enterprise = try f.addEnterprise()
        let branch = try f.addBranch()
        let lead = Operator(login: "liuqiang", displayName: "刘强", role: .branchLead(branch: branch.code))
        let other = Operator(login: "wang", displayName: "王", role: .branchLead(branch: branch.code))
        try f.repository.addOperator(lead, by: f.admin)
        try f.repository.addOperator(other, by: f.admin)
        try f.repository.pair(branch: branch.code, enterprise: enterprise.code, by: f.dispatcher)
        let request = try f.addMasksRequest(for: enterprise)
        try f.repository.deliver(request.code, quantity: Quantity(50), note: "", allowOver: false, by: lead)
        let delivery = try #require(try f.repository.deliveries(of: request.code).last)
        #expect(throws: TandemError.self) {
            try f.repository.correctDelivery(request.code, delivery: delivery.id, quantity: Quantity(5), reason: "不是我登记的", allowOver: false, by: other)
        }
        let corrected = try f.repository.correctDelivery(request.code, delivery: delivery.id, quantity: Quantity(5), reason: "应为 5",
                                                         allowOver: false, by: lead)
        #expect(corrected.delivered == Quantity(5))
        #expect(try f.integrityProblems().isEmpty)
    }
}
