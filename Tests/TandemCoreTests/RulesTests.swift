import Testing
@testable import TandemCore

private let today = Day(parsing: "2020-03-05")!

private func masks(delivered: Int = 0, status: RequestStatus = .open) -> Request {
    Request(code: RecordCode(.request, 88), enterpriseCode: RecordCode(.enterprise, 2), category: "ppe", item: "masks",
            quantity: Quantity(300), unit: "piece", delivered: Quantity(delivered), status: status, filed: today)
}

@Suite struct RequestRulesTests {
    @Test func partialDeliveriesAccumulateAndFinishAtTheRequestedQuantity() throws {
        let first = try RequestRules.deliver(masks(), quantity: Quantity(120), allowOver: false, on: today)
        #expect(first.delivered == Quantity(120))
        #expect(first.status == .inProgress)
        #expect(first.remaining == Quantity(180))
        let second = try RequestRules.deliver(first, quantity: Quantity(180), allowOver: false, on: today)
        #expect(second.status == .done)
        #expect(second.completed == today)
    }

    @Test func deliveringMoreThanRemainsIsRefusedUnlessMarkedAsOver() throws {
        let request = masks(delivered: 120, status: .inProgress)
        #expect(throws: TandemError.overDelivery(request: request.code, remaining: Quantity(180), unit: "piece")) {
            try RequestRules.deliver(request, quantity: Quantity(181), allowOver: false, on: today)
        }
        let over = try RequestRules.deliver(request, quantity: Quantity(200), allowOver: true, on: today)
        #expect(over.delivered == Quantity(320))
        #expect(over.status == .done)
    }

    @Test func closedRequestsRefuseEveryChangeButReopen() throws {
        for status in [RequestStatus.done, .cancelled] {
            let closed = masks(status: status)
            #expect(throws: TandemError.requestClosed(closed.code, status)) {
                try RequestRules.deliver(closed, quantity: Quantity(1), allowOver: false, on: today)
            }
            #expect(throws: TandemError.requestClosed(closed.code, status)) { try RequestRules.markDone(closed, on: today) }
            #expect(throws: TandemError.requestClosed(closed.code, status)) { try RequestRules.cancel(closed, reason: "x") }
            #expect(throws: TandemError.reasonRequired) { try RequestRules.reopen(closed, reason: "  ") }
            let reopened = try RequestRules.reopen(closed, reason: "more masks needed")
            #expect(reopened.status == .open)
            #expect(reopened.completed == nil)
        }
        #expect(throws: TandemError.requestNotClosed(RecordCode(.request, 88), .open)) {
            try RequestRules.reopen(masks(), reason: "why")
        }
    }

    @Test func reopeningAPartlyDeliveredRequestPutsItBackInProgress() throws {
        let done = try RequestRules.markDone(masks(delivered: 120, status: .inProgress), on: today)
        #expect(done.status == .done)
        #expect(try RequestRules.reopen(done, reason: "not finished").status == .inProgress)
    }

    @Test func draftsAreCheckedAgainstTheCatalog() throws {
        let catalog = Catalog(
            categories: [RequestCategory(code: "ppe", name: Bilingual(zh: "防护", en: "PPE"), items: [
                CatalogItem(code: "masks", name: Bilingual(zh: "口罩", en: "masks"), units: ["piece"], capability: .ppe)])],
            units: [MeasureUnit(code: "piece", name: Bilingual(zh: "个", en: "pieces")),
                    MeasureUnit(code: "tonne", name: Bilingual(zh: "吨", en: "tonnes"))],
            capabilities: Capability.shipped)
        let e = RecordCode(.enterprise, 2)
        let valid = try RequestRules.validate(RequestDraft(enterpriseCode: e, category: "防护", item: "口罩", quantity: "300", unit: "个"),
                                              catalog: catalog)
        #expect(valid.item.code == "masks" && valid.unit.code == "piece" && valid.quantity == Quantity(300))
        #expect(throws: TandemError.unknownCategory("food", choices: ["ppe"])) {
            try RequestRules.validate(RequestDraft(enterpriseCode: e, category: "food", item: "masks", quantity: "1", unit: "piece"), catalog: catalog)
        }
        #expect(throws: TandemError.unknownItem("rice", category: "ppe", choices: ["masks"])) {
            try RequestRules.validate(RequestDraft(enterpriseCode: e, category: "ppe", item: "rice", quantity: "1", unit: "piece"), catalog: catalog)
        }
        #expect(throws: TandemError.unknownUnit("tonne", item: "masks", choices: ["piece"])) {
            try RequestRules.validate(RequestDraft(enterpriseCode: e, category: "ppe", item: "masks", quantity: "1", unit: "tonne"), catalog: catalog)
        }
        #expect(throws: TandemError.invalidQuantity("-3")) {
            try RequestRules.validate(RequestDraft(enterpriseCode: e, category: "ppe", item: "masks", quantity: "-3", unit: "piece"), catalog: catalog)
        }
    }
}

@Suite struct PermissionTests {
    let e2 = RecordCode(.enterprise, 2)
    let b1 = RecordCode(.branch, 1)
    let b7 = RecordCode(.branch, 7)

    func paired(_ code: RecordCode) -> RecordCode? { code == e2 ? b1 : nil }

    @Test func leadsWorkOnlyTheirOwnEnterprise() {
        let ownLead = Operator(login: "lead1", displayName: "L", role: .branchLead(branch: b1))
        let otherLead = Operator(login: "lead7", displayName: "L", role: .branchLead(branch: b7))
        #expect(Permissions.denial(ownLead, .workRequest(enterprise: e2), pairedBranch: paired) == nil)
        let reason = Permissions.denial(otherLead, .workRequest(enterprise: e2), pairedBranch: paired)
        #expect(reason?.en.contains("worked by branch B1") == true)
        #expect(Permissions.denial(ownLead, .pair, pairedBranch: paired) != nil)
        #expect(Permissions.denial(ownLead, .workRequest(enterprise: RecordCode(.enterprise, 9)), pairedBranch: paired) != nil)
    }

    @Test func supervisorsAreReadOnlyAndOnlyAdminsActAsOthers() {
        let supervisor = Operator(login: "s", displayName: "S", role: .supervisor(group: 1))
        let dispatcher = Operator(login: "d", displayName: "D", role: .dispatcher)
        let admin = Operator(login: "a", displayName: "A", role: .admin)
        for action in [Action.pair, .unpair, .workRequest(enterprise: e2), .manageRecords] {
            #expect(Permissions.denial(supervisor, action, pairedBranch: paired) != nil)
            #expect(Permissions.denial(admin, action, pairedBranch: paired) == nil)
        }
        #expect(Permissions.denial(dispatcher, .pair, pairedBranch: paired) == nil)
        #expect(Permissions.denial(dispatcher, .actAsOtherOperator, pairedBranch: paired) != nil)
        #expect(throws: TandemError.self) { try Permissions.require(dispatcher, .manageOperators, pairedBranch: paired) }
    }

    @Test func rolesParseFromTheirTextForms() {
        #expect(Role(parsing: "lead:B012") == .branchLead(branch: RecordCode(.branch, 12)))
        #expect(Role(parsing: "supervisor:3") == .supervisor(group: 3))
        #expect(Role(parsing: "supervisor") == .supervisor(group: nil))
        #expect(Role(parsing: "lead") == nil)
        #expect(Role(parsing: "boss") == nil)
    }
}

@Suite struct PairingRuleTests {
    @Test func oneActivePairingPerBranchAndPerEnterprise() {
        let branch = Branch(code: RecordCode(.branch, 1), name: "B", districtCode: "yongchuan", headcount: 5, capabilities: [.labour])
        let enterprise = Enterprise(code: RecordCode(.enterprise, 2), name: "E", kind: .employmentBase, districtCode: "yongchuan")
        let existing = Pairing(id: 1, branchCode: branch.code, enterpriseCode: RecordCode(.enterprise, 9), startedAt: Timestamp(millisecondsSince1970: 0), startedBy: "d")
        #expect(throws: TandemError.branchAlreadyPaired(branch: branch.code, enterprise: RecordCode(.enterprise, 9))) {
            try PairingRules.checkCanPair(branch: branch, enterprise: enterprise, branchPairing: existing, enterprisePairing: nil)
        }
        let other = Pairing(id: 2, branchCode: RecordCode(.branch, 4), enterpriseCode: enterprise.code, startedAt: Timestamp(millisecondsSince1970: 0), startedBy: "d")
        #expect(throws: TandemError.enterpriseAlreadyPaired(enterprise: enterprise.code, branch: RecordCode(.branch, 4))) {
            try PairingRules.checkCanPair(branch: branch, enterprise: enterprise, branchPairing: nil, enterprisePairing: other)
        }
        var inactive = branch
        inactive.active = false
        #expect(throws: TandemError.branchInactive(branch.code)) {
            try PairingRules.checkCanPair(branch: inactive, enterprise: enterprise, branchPairing: nil, enterprisePairing: nil)
        }
    }
}
