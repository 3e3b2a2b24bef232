import Foundation
import Testing
@testable import TandemCLI
@testable import TandemConsole
import TandemConfig
import TandemTestSupport
import TandemCore
import TandemStore

/// Rules the command line and the console share, proved on both: a group supervisor's read
/// scope, the request draft check and the wording of remedies.
@Suite struct SharedRulesTests {
    /// The districts of supervision group `number`, read from `config/districts.yaml` itself.
    static func districtsOfGroup(_ number: Int) throws -> Set<String> {
        let text = try String(contentsOf: CLIHarness.packageRoot.appendingPathComponent("config/districts.yaml"), encoding: .utf8)
        var result = Set<String>(), code: String?
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("- code:") { code = String(line.dropFirst("- code:".count)).trimmingCharacters(in: .whitespaces) }
            if line == "group: \(number)", let code { result.insert(code) }
        }
        return result
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func groupSupervisorSeesOnlyTheirGroupInCoverageRequestsAndSuggest() throws {
        let group1 = try Self.districtsOfGroup(1)
        #expect(group1.count >= 3, "group 1 has districts in config/districts.yaml")
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init", "--demo", "--scale", "60"])
        let enterprises = try json(try cli.ok(["enterprise", "list", "--format", "json"])) as? [[String: Any]] ?? []
        var districtOf: [String: String] = [:]
        for e in enterprises { districtOf[e["code"] as? String ?? ""] = e["districtCode"] as? String }

        // Coverage: only group 1's row by group, only its districts by district, no city row.
        let byGroup = try json(try cli.ok(["coverage", "--format", "json", "--as", "supervisor1"])) as? [[String: Any]] ?? []
        #expect(byGroup.map { $0["code"] as? String } == ["G1"])
        let byDistrict = try json(try cli.ok(["coverage", "--by", "district", "--format", "json", "--as", "supervisor1"])) as? [[String: Any]] ?? []
        #expect(Set(byDistrict.compactMap { $0["code"] as? String }) == group1)
        // The dispatcher still sees the city.
        let cityRows = try json(try cli.ok(["coverage", "--format", "json"])) as? [[String: Any]] ?? []
        #expect(cityRows.count == 11, "ten groups and the city")
        #expect(try cli.refused(["coverage", "--by", "district", "--group", "2", "--as", "supervisor1"]).contains("outside what you may see"))

        // Requests: every one listed belongs to an enterprise of group 1, and all of those are listed.
        let all = try json(try cli.ok(["request", "list", "--all", "--format", "json"])) as? [[String: Any]] ?? []
        let mine = try json(try cli.ok(["request", "list", "--all", "--format", "json", "--as", "supervisor1"])) as? [[String: Any]] ?? []
        let expected = all.filter { group1.contains(districtOf[$0["enterpriseCode"] as? String ?? ""] ?? "") }.compactMap { $0["code"] as? String }
        #expect(!expected.isEmpty && expected.count < all.count)
        #expect(Set(mine.compactMap { $0["code"] as? String }) == Set(expected))

        // Suggest: every enterprise proposed or left unpaired is in group 1; the city plan has others.
        let plan = try json(try cli.ok(["suggest", "--format", "json", "--replan", "--as", "supervisor1"])) as? [String: Any] ?? [:]
        let planned = ((plan["proposals"] as? [[String: Any]] ?? []) + (plan["unpaired"] as? [[String: Any]] ?? []))
            .compactMap { $0["enterprise"] as? String }
        #expect(!planned.isEmpty)
        #expect(planned.allSatisfy { group1.contains(districtOf[$0] ?? "") })
        let cityPlan = try json(try cli.ok(["suggest", "--format", "json", "--replan"])) as? [String: Any] ?? [:]
        let cityPlanned = ((cityPlan["proposals"] as? [[String: Any]] ?? []) + (cityPlan["unpaired"] as? [[String: Any]] ?? []))
            .compactMap { $0["enterprise"] as? String }
        #expect(cityPlanned.contains { !group1.contains(districtOf[$0] ?? "") })

        // Single records, the bulletin and the leaders' page stay inside the group as well.
        let outside = try #require(enterprises.first { !group1.contains($0["districtCode"] as? String ?? "") }?["code"] as? String)
        let inside = try #require(enterprises.first { group1.contains($0["districtCode"] as? String ?? "") }?["code"] as? String)
        #expect(try cli.refused(["enterprise", "show", outside, "--as", "supervisor1"]).contains("outside what you may see"))
        try cli.ok(["enterprise", "show", inside, "--as", "supervisor1"])
        let bulletin = try json(try cli.ok(["bulletin", "--format", "json", "--as", "supervisor1"])) as? [String: Any] ?? [:]
        let groupsInBulletin = (bulletin["groups"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(groupsInBulletin == ["G1"])
        let bulletinCity = bulletin["city"] as? [String: Any] ?? [:]
        let groupRow = try #require(byGroup.first)
        #expect(bulletinCity["enterprises"] as? Int == groupRow["enterprises"] as? Int)
        #expect(bulletinCity["needingHelp"] as? Int == groupRow["needingHelp"] as? Int)
    }

    @Test func aPastDueDateIsRefusedOnTheCommandLineInTheConsoleFormsWords() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["enterprise", "add", "--name", "南川九叶青花椒基地", "--district", "南川", "--kind", "employment_base"])
        let refused = try cli.refused(["request", "add", "E1", "--category", "ppe", "--item", "masks", "--quantity", "300",
                                       "--unit", "piece", "--due", "2020-01-01", "--lang", "en"])

        // The same draft in the console's request form, on the same database and the same day.
        let configuration = ShippedConfiguration.configuration
        let repository = try SQLiteRepository.open(path: cli.database)
        let me = try #require(try repository.operators().first)
        let context = ConsoleContext(actor: me, geography: configuration.geography, catalog: configuration.catalog,
                                     lang: .en, databasePath: cli.database)
        let console = HeadlessConsole(repository: repository, context: context, width: 120, height: 30, today: Day.local())
        console.command("file E1 ppe masks 300 piece normal 2020-01-01")
        guard case .form(let form)? = console.state.overlay else {
            Issue.record("the request form did not open")
            return
        }
        let shown = try #require(form.fields[RequestField.due.rawValue].error?.en)
        #expect(shown.contains("the due date 2020-01-01 is before today"))
        #expect(refused == "tandem: " + shown)
        #expect(form.fields.enumerated().allSatisfy { $0.offset == RequestField.due.rawValue || $0.element.error == nil })
    }

    @Test func eachSurfaceWordsTheRemedyInItsOwnSyntax() {
        let over = TandemError.overDelivery(request: RecordCode(.request, 1), remaining: Quantity(180), unit: "piece")
        let problem = "more than remains: R1 has only 180 piece left"
        #expect(over.message(.en, wording: CommandLineRemedies()) == problem + "; add --over if this really is an over-delivery")
        #expect(over.message(.en, wording: ConsoleLineRemedies()) == problem + "; add over at the end if this really is an over-delivery")
        #expect(over.message(.en, wording: ConsoleKeyRemedies()) == problem + "; enter y in Over if it really is an over-delivery")
        #expect(over.message(.zh, wording: CommandLineRemedies()).hasSuffix("；确属超额请加 --over"))

        let paired = TandemError.branchAlreadyPaired(branch: RecordCode(.branch, 3), enterprise: RecordCode(.enterprise, 5))
        #expect(paired.message(.en, wording: CommandLineRemedies()).hasSuffix("unpair it first (tandem unpair B3)"))
        #expect(paired.message(.en, wording: ConsoleLineRemedies()).hasSuffix("unpair it first (:unpair B3 reason)"))
        #expect(!paired.message(.en, wording: ConsoleKeyRemedies()).contains("tandem"))

        let reason = TandemError.reasonRequired
        #expect(reason.message(.en, wording: CommandLineRemedies()) == "a reason is required; give it with --reason")
        #expect(!reason.message(.en, wording: ConsoleKeyRemedies()).contains("--"))
        let missing = TandemError.databaseMissing(path: "/tmp/x.sqlite")
        #expect(missing.message(.en, wording: CommandLineRemedies()) == "database /tmp/x.sqlite does not exist; create it with: tandem init --db /tmp/x.sqlite")
    }
}
