import Foundation
import Testing
import TandemCore
@testable import TandemCLI

/// The operator is the OS account's passwd entry; an account without one is refused.
@Suite struct OperatingSystemUserTests {
    @Test func anAccountWithoutAPasswdEntryIsRefusedInBothLanguages() {
        #expect(throws: TandemError.accountUnknown(uid: 54321)) {
            try OperatingSystemUser.login(uid: 54321, lookup: { _ in nil })
        }
        #expect(TandemError.accountUnknown(uid: 54321).message(.en).contains("no user entry"))
        #expect(TandemError.accountUnknown(uid: 54321).message(.zh).contains("没有用户记录"))
    }

    @Test func theLoginIsThePasswdName() throws {
        #expect(try OperatingSystemUser.login(uid: 0, lookup: { $0 == 0 ? "root" : nil }) == "root")
        #expect(try OperatingSystemUser.login() == OperatingSystemUser.passwdName(geteuid()))
    }
}

/// Who the command line says is acting: the OS account's passwd entry, and "account as X"
/// when an admin acts for someone else.
@Suite struct IdentityTests {
    @Test func anAdminActingForADispatcherIsLoggedAsBoth() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["operator", "add", "wang", "--role", "dispatcher"])
        try cli.ok(["branch", "add", "--name", "代办突击队", "--district", "nanchuan", "--headcount", "4", "--as", "wang"])
        let log = try cli.ok(["log", "--limit", "1"])
        let account = try #require(String(validatingCString: getpwuid(geteuid()).pointee.pw_name))
        #expect(log.contains("\(account) as wang"), "\(log)")
    }

    @Test func theLoginComesFromThePasswdEntryNeverFromTheEnvironment() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        // $USER naming another operator changes nothing: the passwd entry decides.
        try cli.ok(["operator", "add", "mallory", "--role", "admin"])
        let result = try cli.run(["operator", "add", "eve", "--role", "admin"], environment: ["USER": "nobody-here", "LOGNAME": "x"])
        #expect(result.status == 0, "\(result.stderr)")
        let account = try #require(String(validatingCString: getpwuid(geteuid()).pointee.pw_name))
        #expect(try cli.ok(["log", "--limit", "1"]).contains(account))
    }
}
