import Testing
@testable import TandemCore

/// Some operator is always an admin: the last one cannot be demoted or removed.
@Suite struct AdminSuccessionTests {
    let admin = Operator(login: "root", displayName: "Root", role: .admin)

    @Test func theLastAdminCannotBeDemotedOrRemoved() {
        var demoted = admin
        demoted.role = .dispatcher
        #expect(AdminSuccession.denial(before: admin, after: demoted, adminCount: 1)?.en.contains("last admin") == true)
        #expect(AdminSuccession.denial(before: admin, after: nil, adminCount: 1)?.zh.contains("最后一位管理员") == true)
        #expect(throws: TandemError.self) { try AdminSuccession.require(before: admin, after: demoted, adminCount: 1) }
    }

    @Test func anAdminWithAColleagueMayStepDownAndRenamesAreFree() {
        var demoted = admin
        demoted.role = .supervisor(group: nil)
        #expect(AdminSuccession.denial(before: admin, after: demoted, adminCount: 2) == nil)
        var renamed = admin
        renamed.displayName = "系统管理员"
        #expect(AdminSuccession.denial(before: admin, after: renamed, adminCount: 1) == nil)
        let dispatcher = Operator(login: "wang", displayName: "Wang", role: .dispatcher)
        #expect(AdminSuccession.denial(before: dispatcher, after: nil, adminCount: 1) == nil)
    }
}
