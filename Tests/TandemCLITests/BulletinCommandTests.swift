import Foundation
import Testing

/// The bulletin's figures are the coverage figures: run both commands on the same demo city.
@Suite struct BulletinCommandTests {
    private func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func bulletinFiguresAgreeWithCoverage() throws {
        let cli = try CLIHarness()
        try cli.ok(["init", "--demo", "--scale", "120", "--seed", "7"])
        let coverageRows = try #require(try json(try cli.ok(["coverage", "--format", "json"])) as? [[String: Any]])
        let bulletin = try #require(try json(try cli.ok(["bulletin", "--format", "json"])) as? [String: Any])
        let city = try #require(coverageRows.first { $0["scope"] as? String == "city" })
        let bulletinCity = try #require(bulletin["city"] as? [String: Any])
        for key in ["enterprises", "pairedEnterprises", "needingHelp", "covered", "coveragePercent", "activeRequests", "overdue", "doneLast7Days"] {
            #expect(bulletinCity[key] as? Int == city[key] as? Int, "city \(key)")
        }
        #expect(bulletinCity["blindSpots"] as? [String] == city["blindSpots"] as? [String])
        #expect(NSDictionary(dictionary: bulletinCity["openQuantities"] as? [String: Any] ?? [:])
                == NSDictionary(dictionary: city["openQuantities"] as? [String: Any] ?? [:]))
        let groups = try #require(bulletin["groups"] as? [[String: Any]])
        let coverageGroups = coverageRows.filter { $0["scope"] as? String == "group" }
        #expect(groups.count == coverageGroups.count && groups.count == 10)
        for (mine, theirs) in zip(groups, coverageGroups) {
            #expect(mine["code"] as? String == theirs["code"] as? String)
            #expect(mine["needingHelp"] as? Int == theirs["needingHelp"] as? Int)
            #expect(mine["covered"] as? Int == theirs["covered"] as? Int)
            #expect(mine["coveragePercent"] as? Int == theirs["coveragePercent"] as? Int)
            #expect(mine["blindSpots"] as? Int == (theirs["blindSpots"] as? [Any])?.count)
        }
        // Blind-spot districts: the districts `coverage --by district` marks.
        let districts = try #require(try json(try cli.ok(["coverage", "--by", "district", "--format", "json"])) as? [[String: Any]])
        let blind = districts.filter { $0["blindSpotDistrict"] as? Bool == true }.compactMap { $0["code"] as? String }
        #expect(bulletin["blindSpotDistricts"] as? [String] == blind)
        // The overdue list holds exactly the requests coverage counts as overdue.
        #expect((bulletin["overdue"] as? [Any])?.count == city["overdue"] as? Int)
        // Per-item open quantities add up to coverage's per-category ones.
        var sums: [String: Double] = [:]
        for item in bulletin["items"] as? [[String: Any]] ?? [] {
            let key = "\(item["category"] as? String ?? "")/\(item["unit"] as? String ?? "")"
            sums[key, default: 0] += (item["openQuantity"] as? NSNumber)?.doubleValue ?? 0
        }
        for (category, units) in city["openQuantities"] as? [String: [String: NSNumber]] ?? [:] {
            for (unit, quantity) in units { #expect(sums["\(category)/\(unit)"] == quantity.doubleValue, "\(category)/\(unit)") }
        }
        // The audit is hash-chained: the bulletin carries the head `log --verify` prints.
        let hash = (bulletin["auditChainHead"] as? [String: Any])?["hash"] as? String ?? ""
        #expect(hash.count == 64)
        #expect(try cli.ok(["log", "--verify"]).contains(":\(hash),"))

        // The text says the same numbers.
        let text = try cli.ok(["bulletin", "--lang", "zh"])
        #expect(text.contains("全市登记帮扶单位\(city["enterprises"] as? Int ?? -1)家"))
        #expect(text.contains("已有党员突击队结对帮扶\(city["covered"] as? Int ?? -1)家，覆盖率\(city["coveragePercent"] as? Int ?? -1)%"))
        #expect(text.contains("其中逾期\(city["overdue"] as? Int ?? -1)条"))
        #expect(text.contains("链头哈希：\(hash)"))
        for heading in ["【总体情况】", "【需求办理】", "【复工复产】", "【盲区预警】", "【典型事例】", "报送：", "抄送："] {
            #expect(text.contains(heading), "missing \(heading)")
        }
        // WeChat: no markdown or table syntax, no line a phone would have to scroll sideways for a table.
        #expect(!text.contains("|") && !text.contains("**") && !text.contains("#"))
    }

    @Test func formatsAndFiles() throws {
        let cli = try CLIHarness()
        try cli.ok(["init", "--demo", "--scale", "40", "--seed", "2"])
        let md = try cli.ok(["bulletin", "--format", "md", "--lang", "en", "--period", "day", "--issue", "12"])
        #expect(md.contains("# One-to-One Relief Work Bulletin") && md.contains("**(No. 12)**") && md.contains("## [Overview]"))
        let out = cli.folder.appendingPathComponent("bulletin.html").path
        let said = try cli.ok(["bulletin", "--format", "html", "--out", out, "--lang", "zh"])
        #expect(said.contains(out))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("@page { size: A4") && html.contains("<h2>【盲区预警】</h2>") && html.contains("（第"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    }

    @Test func badOptionsAreRefusedInTheUsersLanguage() throws {
        let cli = try CLIHarness(lang: "zh_CN.UTF-8")
        try cli.ok(["init", "--demo", "--scale", "10"])
        #expect(try cli.refused(["bulletin", "--period", "fortnight"]).contains("周期"))
        #expect(try cli.refused(["bulletin", "--date", "2020-13-01"]).contains("日期"))
        #expect(try cli.refused(["bulletin", "--date", "2999-01-01"]).contains("今天或以前"))
        #expect(try cli.refused(["bulletin", "--issue", "0"]).contains("期号"))
    }
}
