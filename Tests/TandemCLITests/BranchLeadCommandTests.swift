import Foundation
import Testing

/// Who leads a branch is an operator's role; `branch show` reads it from there.
@Suite struct BranchLeadCommandTests {
    @Test func aBranchShowsTheOperatorsWhoLeadIt() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["branch", "add", "--name", "南川区残联党支部党员突击队", "--district", "nanchuan", "--headcount", "8"])
        let lead = { (output: String) in output.split(separator: "\n").first { $0.hasPrefix("lead") }.map(String.init) }
        #expect(lead(try cli.ok(["branch", "show", "B1"])) == "lead          —")
        try cli.ok(["operator", "add", "liuqiang", "--name", "刘强", "--role", "lead:B1"])
        #expect(lead(try cli.ok(["branch", "show", "B1"])) == "lead          liuqiang")
        // The branch commands no longer take a lead: there is one place to set it.
        let refused = try cli.refused(["branch", "edit", "B1", "--lead", "someone"])
        #expect(refused.contains("--lead"))
        try cli.ok(["operator", "edit", "liuqiang", "--role", "dispatcher"])
        #expect(lead(try cli.ok(["branch", "show", "B1"])) == "lead          —")
    }
}
