import Foundation
import GRDB
import TandemCore
@testable import TandemStore

import Testing

/// Edits change only what they name, against the row as it is; the actor's role is the
/// operator table's, read inside each write.
@Suite struct EditAndActorTests {
    @Test(arguments: StoreBackend.all) func anEditWritesOnlyItsFieldsOverAnotherConsolesChange(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let enterprise = try f.addEnterprise()
        // Another console, opened earlier, changes the phone; this one then edits the address.
        let other = try f.openAgain()
        try other.editEnterprise(enterprise.code, EnterpriseChanges(contactPhone: "13800000000"), by: f.dispatcher)
        let edited = try f.repository.editEnterprise(enterprise.code, EnterpriseChanges(address: "南川区东城街道"), by: f.dispatcher)
        #expect(edited.contactPhone == "13800000000")
        #expect(edited.address == "南川区东城街道")
        let stored = try f.repository.snapshot().enterprise(enterprise.code)
        #expect(stored?.contactPhone == "13800000000")
        #expect(stored?.address == "南川区东城街道")
        // The audit event holds the row before and after this edit.
        let event = try #require(try f.repository.auditLog(limit: 1).first)
        #expect(event.action == .editEnterprise)
        #expect(event.before.contains("13800000000") && !event.before.contains("东城街道"))
        #expect(event.after.contains("13800000000") && event.after.contains("东城街道"))
    }

    @Test(arguments: StoreBackend.all) func anOperatorEditWritesOnlyItsFieldsOverAnotherAdminsChange(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let branch = try f.addBranch()
        // Another admin renames the dispatcher; this admin, who read the row before, changes the role.
        let stale = try #require(try f.repository.findOperator(login: "dispatcher"))
        let other = try f.openAgain()
        try other.editOperator(login: "dispatcher", OperatorChanges(displayName: "王芳"), by: f.admin)
        let edited = try f.repository.editOperator(login: stale.login, OperatorChanges(role: .branchLead(branch: branch.code)),
                                                   by: f.admin)
        #expect(edited.displayName == "王芳")
        let stored = try #require(try f.repository.findOperator(login: "dispatcher"))
        #expect(stored.displayName == "王芳")
        #expect(stored.role == .branchLead(branch: branch.code))
        let event = try #require(try f.repository.auditLog(limit: 1).first)
        #expect(event.action == .editOperator)
        #expect(event.before.contains("王芳") && event.after.contains("王芳"))
    }

    @Test(arguments: StoreBackend.all) func aResumptionUpdateBesideAnEditKeepsBoth(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let enterprise = try f.addEnterprise()
        try f.repository.editEnterprise(enterprise.code, EnterpriseChanges(name: "新名称"), by: f.dispatcher)
        try f.repository.setResumption(enterprise.code, .partial(percent: 40), by: f.dispatcher)
        let stored = try f.repository.snapshot().enterprise(enterprise.code)
        #expect(stored?.name == "新名称")
        #expect(stored?.resumption == .partial(percent: 40))
    }

    @Test(arguments: StoreBackend.all) func aBadEditChangesNothing(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let enterprise = try f.addEnterprise()
        let before = try f.fingerprint()
        #expect(throws: TandemError.self) {
            try f.repository.editEnterprise(enterprise.code, EnterpriseChanges(name: "坏\u{1B}[31m名"), by: f.dispatcher)
        }
        #expect(throws: TandemError.self) {
            try f.repository.editBranch(try f.addBranch().code, BranchChanges(headcount: -1), by: f.dispatcher)
        }
        #expect(try f.fingerprint().enterprises == before.enterprises)
    }

    @Test(arguments: StoreBackend.all) func aDemotedDispatchersOpenRepositoryIsRefused(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let enterprise = try f.addEnterprise()
        // The dispatcher's console is open (this repository and actor value); an admin demotes them elsewhere.
        let consoleActor = f.dispatcher
        let adminProcess = try f.openAgain()
        try adminProcess.editOperator(login: "dispatcher", OperatorChanges(role: .supervisor(group: nil)), by: f.admin)
        let before = try f.fingerprint()
        do {
            try f.repository.editEnterprise(enterprise.code, EnterpriseChanges(address: "x"), by: consoleActor)
            Issue.record("a demoted dispatcher could still edit")
        } catch let error as TandemError {
            guard case .notAllowed = error else { Issue.record("unexpected error \(error)"); return }
            #expect(error.message(.en).contains("your role is now supervisor"))
        }
        #expect(throws: TandemError.self) { try f.repository.addBranch(BranchDraft(name: "x", districtCode: "nanchuan", headcount: 1, capabilities: []), by: consoleActor) }
        #expect(try f.fingerprint() == before)
    }

    @Test(arguments: StoreBackend.all) func aRemovedOperatorIsRefused(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let enterprise = try f.addEnterprise()
        try f.executeRaw("DELETE FROM operator WHERE login = 'dispatcher'")
        do {
            try f.repository.editEnterprise(enterprise.code, EnterpriseChanges(address: "x"), by: f.dispatcher)
            Issue.record("a removed operator could still edit")
        } catch let error as TandemError {
            #expect(error.message(.en).contains("has been removed"))
        }
    }
}
