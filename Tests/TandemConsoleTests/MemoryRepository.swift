import Foundation
import TandemCore
@testable import TandemConsole

/// An in-memory `TandemRepository` for headless console tests: the core's permission checks
/// and request rules, no database. `externalChange` simulates another process's commit.
final class MemoryRepository: TandemRepository, @unchecked Sendable {
    var branches: [Branch]
    var enterprises: [Enterprise]
    var requests: [Request]
    var pairings: [Pairing] = []
    var deliveriesMade: [Delivery] = []
    var events: [AuditEvent] = []
    var operatorList: [Operator]
    var counter: Int64 = 1
    let today: Day
    private var nextPairing: Int64 = 1

    init(branches: [Branch], enterprises: [Enterprise], requests: [Request], pairs: [(Int, Int)], operators: [Operator], today: Day) {
        self.branches = branches
        self.enterprises = enterprises
        self.requests = requests
        self.operatorList = operators
        self.today = today
        for (b, e) in pairs {
            pairings.append(Pairing(id: nextPairing, branchCode: RecordCode(.branch, b), enterpriseCode: RecordCode(.enterprise, e),
                                    startedAt: "2020-03-01T08:00:00", startedBy: "dispatcher"))
            nextPairing += 1
        }
    }

    private var active: [Pairing] { pairings.filter(\.isActive) }
    private func paired(_ enterprise: RecordCode) -> RecordCode? { active.first { $0.enterpriseCode == enterprise }?.branchCode }
    private func commit(_ actor: Operator, _ action: String, _ subject: String) {
        counter += 1
        events.append(AuditEvent(id: Int64(events.count + 1), at: "2020-03-10T09:\(String(format: "%02d", events.count % 60)):00",
                                 operatorLogin: actor.login, action: action, subject: subject, before: "", after: ""))
    }
    private func require(_ actor: Operator, _ action: Action) throws {
        try Permissions.require(actor, action) { self.paired($0) }
    }

    /// Another operator's change, as if committed by another process.
    func externalChange(_ body: (MemoryRepository) -> Void) {
        body(self)
        counter += 1
    }

    func snapshot() throws -> CitySnapshot {
        CitySnapshot(branches: branches, enterprises: enterprises, requests: requests, activePairings: active,
                     version: counter, lastChange: events.last?.at)
    }
    func changeCounter() throws -> Int64 { counter }
    func operators() throws -> [Operator] { operatorList }
    func findOperator(login: String) throws -> Operator? { operatorList.first { $0.login == login } }
    func request(_ code: RecordCode) throws -> Request {
        guard let r = requests.first(where: { $0.code == code }) else { throw TandemError.unknownRecord(.request, code.description) }
        return r
    }
    func deliveries(of request: RecordCode) throws -> [Delivery] { deliveriesMade.filter { $0.requestCode == request } }
    func history(of enterprise: RecordCode) throws -> EnterpriseHistory {
        let codes = Set(requests.filter { $0.enterpriseCode == enterprise }.map(\.code))
        return EnterpriseHistory(pairings: pairings.filter { $0.enterpriseCode == enterprise },
                                 deliveries: deliveriesMade.filter { codes.contains($0.requestCode) },
                                 events: events.filter { $0.subject.contains(enterprise.description) })
    }
    func auditLog(limit: Int) throws -> [AuditEvent] { Array(events.suffix(limit)) }

    func addBranch(_ draft: BranchDraft, by actor: Operator) throws -> Branch { throw TandemError.conflict(detail: "not in tests") }
    func updateBranch(_ branch: Branch, by actor: Operator) throws -> Branch { branch }
    func addEnterprise(_ draft: EnterpriseDraft, by actor: Operator) throws -> Enterprise { throw TandemError.conflict(detail: "not in tests") }
    func updateEnterprise(_ enterprise: Enterprise, by actor: Operator) throws -> Enterprise { enterprise }
    func addOperator(_ newOperator: Operator, by actor: Operator) throws {}
    func updateOperator(_ changed: Operator, by actor: Operator) throws {}

    func pair(branch: RecordCode, enterprise: RecordCode, by actor: Operator) throws -> Pairing {
        try require(actor, .pair)
        guard let b = branches.first(where: { $0.code == branch }) else { throw TandemError.unknownRecord(.branch, branch.description) }
        guard let e = enterprises.first(where: { $0.code == enterprise }) else { throw TandemError.unknownRecord(.enterprise, enterprise.description) }
        try PairingRules.checkCanPair(branch: b, enterprise: e, branchPairing: active.first { $0.branchCode == branch },
                                      enterprisePairing: active.first { $0.enterpriseCode == enterprise })
        let p = Pairing(id: nextPairing, branchCode: branch, enterpriseCode: enterprise, startedAt: "2020-03-10T09:00:00", startedBy: actor.login)
        nextPairing += 1
        pairings.append(p)
        commit(actor, "pair", "\(branch) \(enterprise)")
        return p
    }

    func unpair(_ code: RecordCode, reason: String, by actor: Operator) throws -> Pairing {
        try require(actor, .unpair)
        guard !reason.trimmingWhitespace().isEmpty else { throw TandemError.reasonRequired }
        guard let index = pairings.firstIndex(where: { $0.isActive && ($0.branchCode == code || $0.enterpriseCode == code) }) else {
            throw TandemError.notPaired(code)
        }
        pairings[index].endedAt = "2020-03-10T10:00:00"
        pairings[index].endedBy = actor.login
        pairings[index].endReason = reason
        commit(actor, "unpair", "\(pairings[index].branchCode) \(pairings[index].enterpriseCode)")
        return pairings[index]
    }

    func pairAll(_ pairs: [(branch: RecordCode, enterprise: RecordCode)], ending: [RecordCode], reason: String,
                 by actor: Operator) throws -> [Pairing] {
        let saved = (pairings, counter, events)
        do {
            for code in ending { try unpair(code, reason: reason, by: actor) }
            return try pairs.map { try pair(branch: $0.branch, enterprise: $0.enterprise, by: actor) }
        }
        catch { (pairings, counter, events) = saved; throw error }
    }

    func addRequest(_ draft: RequestDraft, catalog: Catalog, by actor: Operator) throws -> Request {
        try require(actor, .fileRequest(enterprise: draft.enterpriseCode))
        let valid = try RequestRules.validate(draft, catalog: catalog)
        let r = Request(code: RecordCode(.request, (requests.map(\.code.number).max() ?? 0) + 1), enterpriseCode: draft.enterpriseCode,
                        category: valid.category.code, item: valid.item.code, quantity: valid.quantity, unit: valid.unit.code,
                        priority: draft.priority, due: draft.due, notes: draft.notes, filed: today)
        requests.append(r)
        commit(actor, "request.add", "\(r.code) \(r.enterpriseCode)")
        return r
    }

    private func change(_ code: RecordCode, _ actor: Operator, _ action: String, _ body: (Request) throws -> Request) throws -> Request {
        guard let index = requests.firstIndex(where: { $0.code == code }) else { throw TandemError.unknownRecord(.request, code.description) }
        try require(actor, .workRequest(enterprise: requests[index].enterpriseCode))
        requests[index] = try body(requests[index])
        commit(actor, action, "\(code) \(requests[index].enterpriseCode)")
        return requests[index]
    }

    func deliver(_ code: RecordCode, quantity: Quantity, note: String, allowOver: Bool, by actor: Operator) throws -> Request {
        let r = try change(code, actor, "deliver") { try RequestRules.deliver($0, quantity: quantity, allowOver: allowOver, on: today) }
        deliveriesMade.append(Delivery(requestCode: code, quantity: quantity, note: note, operatorLogin: actor.login,
                                       at: "2020-03-10T11:00:00", overDelivery: allowOver))
        return r
    }
    func markDone(_ code: RecordCode, by actor: Operator) throws -> Request {
        try change(code, actor, "done") { try RequestRules.markDone($0, on: today) }
    }
    func cancel(_ code: RecordCode, reason: String, by actor: Operator) throws -> Request {
        try change(code, actor, "cancel") { try RequestRules.cancel($0, reason: reason) }
    }
    func reopen(_ code: RecordCode, reason: String, by actor: Operator) throws -> Request {
        try change(code, actor, "reopen") { try RequestRules.reopen($0, reason: reason) }
    }
    func setResumption(_ code: RecordCode, _ resumption: Resumption, by actor: Operator) throws -> Enterprise {
        try require(actor, .updateResumption(enterprise: code))
        guard let index = enterprises.firstIndex(where: { $0.code == code }) else { throw TandemError.unknownRecord(.enterprise, code.description) }
        enterprises[index].resumption = resumption
        commit(actor, "resumption", code.description)
        return enterprises[index]
    }
}
