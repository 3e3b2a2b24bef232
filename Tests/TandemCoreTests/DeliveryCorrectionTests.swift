import Foundation
import Testing
@testable import TandemCore

/// Correcting a delivery: a reversing entry and the right quantity, never a delete (issue 8).
@Suite struct DeliveryCorrectionTests {
    let today = Day(year: 2020, month: 3, day: 10)
    let at = Timestamp(Date(timeIntervalSince1970: 1_583_800_000))

    func request(quantity: Int, delivered: Int, status: RequestStatus) -> Request {
        Request(code: RecordCode(.request, 4), enterpriseCode: RecordCode(.enterprise, 2), category: "ppe", item: "masks",
                quantity: Quantity(quantity), unit: "piece", delivered: Quantity(delivered), status: status, filed: today,
                completed: status == .done ? today : nil)
    }

    func delivery(_ quantity: Int, id: Int64 = 7, reverses: Int64? = nil) -> Delivery {
        Delivery(id: id, reverses: reverses, requestCode: RecordCode(.request, 4), quantity: Quantity(quantity), note: "",
                 operatorLogin: "lead1", at: at, overDelivery: false)
    }

    @Test func aMistypedDeliveryIsReversedThenRecordedRight() throws {
        let correction = try RequestRules.correct(request(quantity: 300, delivered: 200, status: .inProgress), delivery: delivery(200),
                                                  alreadyReversed: false, to: Quantity(120), allowOver: false, on: today)
        #expect(correction.reversed.delivered == .zero && correction.reversed.status == .open)
        #expect(correction.corrected?.delivered == Quantity(120) && correction.corrected?.status == .inProgress)
    }

    @Test func zeroMeansItDidNotHappen() throws {
        let correction = try RequestRules.correct(request(quantity: 300, delivered: 320, status: .done), delivery: delivery(300),
                                                  alreadyReversed: false, to: .zero, allowOver: false, on: today)
        #expect(correction.corrected == nil)
        #expect(correction.result.delivered == Quantity(20) && correction.result.status == .inProgress && correction.result.completed == nil,
                "the wrong delivery had completed it: active again")
    }

    @Test func aRequestClosedByHandStaysClosed() throws {
        let correction = try RequestRules.correct(request(quantity: 100, delivered: 40, status: .done), delivery: delivery(40),
                                                  alreadyReversed: false, to: Quantity(30), allowOver: false, on: today)
        #expect(correction.result.status == .done && correction.result.delivered == Quantity(30))
    }

    @Test func reachingTheQuantityFinishesIt() throws {
        let correction = try RequestRules.correct(request(quantity: 300, delivered: 200, status: .inProgress), delivery: delivery(120),
                                                  alreadyReversed: false, to: Quantity(220), allowOver: false, on: today)
        #expect(correction.result.status == .done && correction.result.completed == today)
    }

    @Test func refusals() {
        let open = request(quantity: 300, delivered: 200, status: .inProgress)
        #expect(throws: TandemError.self) {
            try RequestRules.correct(open, delivery: delivery(200, id: 8, reverses: 7), alreadyReversed: false, to: Quantity(1), allowOver: false, on: today)
        }
        #expect(throws: TandemError.self) {
            try RequestRules.correct(open, delivery: delivery(200), alreadyReversed: true, to: Quantity(1), allowOver: false, on: today)
        }
        #expect(throws: TandemError.self) {
            try RequestRules.correct(open, delivery: delivery(200), alreadyReversed: false, to: Quantity(200), allowOver: false, on: today)
        }
        #expect(throws: TandemError.overDelivery(request: open.code, remaining: Quantity(300), unit: "piece")) {
            try RequestRules.correct(open, delivery: delivery(200), alreadyReversed: false, to: Quantity(400), allowOver: false, on: today)
        }
        #expect((try? RequestRules.correct(open, delivery: delivery(200), alreadyReversed: false, to: Quantity(400), allowOver: true, on: today)) != nil)
    }

    @Test func whoeverRecordedItAndDispatchersMayCorrect() {
        let action = Action.correctDelivery(enterprise: RecordCode(.enterprise, 2), recordedBy: "lead1")
        let paired: (RecordCode) -> RecordCode? = { _ in RecordCode(.branch, 1) }
        let lead1 = Operator(login: "lead1", displayName: "", role: .branchLead(branch: RecordCode(.branch, 1)))
        let lead2 = Operator(login: "lead2", displayName: "", role: .branchLead(branch: RecordCode(.branch, 1)))
        #expect(Permissions.denial(lead1, action, pairedBranch: paired) == nil)
        #expect(Permissions.denial(lead2, action, pairedBranch: paired)?.en.contains("recorded by lead1") == true)
        #expect(Permissions.denial(Operator(login: "d", displayName: "", role: .dispatcher), action, pairedBranch: paired) == nil)
        #expect(Permissions.denial(Operator(login: "s", displayName: "", role: .supervisor(group: nil)), action, pairedBranch: paired) != nil)
    }
}
