import Foundation
import Testing

/// The "done when": a new user registers a branch and an enterprise, pairs them, files
/// a request for 300 masks, records a delivery of 120, finishes it and sees coverage.
@Suite struct NewUserPathTests {
    @Test(arguments: ["en", "zh"])
    func registerPairRequestDeliverFinishAndSeeCoverage(_ lang: String) throws {
        let cli = try CLIHarness(lang: lang == "zh" ? "zh_CN.UTF-8" : "en_US.UTF-8")
        let created = try cli.ok(["init"])
        #expect(created.contains(lang == "zh" ? "已创建数据库" : "created database"))
        let branch = try cli.ok(["branch", "add", "--name", "南川区残联党支部党员突击队", "--district", "南川",
                                 "--headcount", "8", "--capabilities", "agriculture,transport,ppe"])
        #expect(branch.contains("B1"))
        let enterprise = try cli.ok(["enterprise", "add", "--name", "南川九叶青花椒基地", "--kind", "employment_base",
                                     "--district", "nanchuan", "--contact", "刘毅", "--disabled", "32", "--resumption", "50%"])
        #expect(enterprise.contains("E1"))
        #expect(try cli.ok(["pair", "B1", "E1"]).contains("B1"))
        let filed = try cli.ok(["request", "add", "E1", "--category", "ppe", "--item", "masks", "--quantity", "300",
                                "--unit", "piece", "--priority", "urgent"])
        #expect(filed.contains("R1") && filed.contains("0/300"))
        let delivered = try cli.ok(["request", "deliver", "R1", "120", "--note", "第一批"])
        #expect(delivered.contains("120/300"))
        let done = try cli.ok(["request", "done", "R1"])
        #expect(done.contains(lang == "zh" ? "已完成" : "done"))
        let shown = try cli.ok(["request", "show", "R1", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any]
        let request = json?["request"] as? [String: Any]
        #expect(request?["status"] as? String == "done")
        #expect(request?["delivered"] as? Int == 120)
        #expect((json?["deliveries"] as? [Any])?.count == 1)

        let byDistrictTable = try cli.ok(["coverage", "--by", "district"])
        #expect(byDistrictTable.contains(lang == "zh" ? "南川区" : "Nanchuan"))
        let byDistrict = try cli.ok(["coverage", "--by", "district", "--format", "json"])
        let districtRows = try #require(try JSONSerialization.jsonObject(with: Data(byDistrict.utf8)) as? [[String: Any]])
        let nanchuan = try #require(districtRows.first { $0["code"] as? String == "nanchuan" })
        // One enterprise, paired, its only request done: nothing open, nothing overdue, no blind spot.
        #expect(nanchuan["enterprises"] as? Int == 1 && nanchuan["pairedEnterprises"] as? Int == 1)
        #expect(nanchuan["activeRequests"] as? Int == 0 && nanchuan["overdue"] as? Int == 0)
        #expect((nanchuan["blindSpots"] as? [Any])?.isEmpty == true)
        // Every other district is empty.
        let others = districtRows.filter { $0["scope"] as? String == "district" && $0["code"] as? String != "nanchuan" }
        #expect(others.count == 37 && others.allSatisfy { $0["enterprises"] as? Int == 0 })
        let byGroup = try cli.ok(["coverage", "--by", "group", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(byGroup.utf8)) as? [[String: Any]])
        let city = try #require(rows.first { $0["scope"] as? String == "city" })
        #expect(city["enterprises"] as? Int == 1 && city["pairedEnterprises"] as? Int == 1)
        #expect(rows.filter { $0["scope"] as? String == "group" }.count == 10)
        let log = try cli.ok(["log", "--format", "csv"])
        // Actions by their names in the user's language, subjects as record codes.
        #expect(log.contains(lang == "zh" ? "登记送达,R1 E1" : "delivery recorded,R1 E1"))
        #expect(log.contains(lang == "zh" ? "结对,B1 E1" : "paired,B1 E1"))
    }

    @Test func demoDatabaseHasEveryRoleAndAlignsChineseColumns() throws {
        let cli = try CLIHarness()
        let out = try cli.ok(["init", "--demo", "--scale", "60", "--seed", "3"])
        #expect(out.contains("enterprises"))
        let operators = try cli.ok(["operator", "list", "--format", "csv"])
        for login in ["dispatcher", "lead1", "supervisor", "supervisor1"] { #expect(operators.contains(login)) }
        // Every row's columns start at the same display column, Chinese or not.
        let table = try cli.ok(["enterprise", "list", "--lang", "zh"])
        let lines = table.split(separator: "\n").map(String.init)
        let separator = try #require(lines.dropFirst().first)
        var columnStarts: [Int] = []
        var column = 0
        var previous: Character = " "
        for character in separator {
            if character == "─" && previous == " " { columnStarts.append(column) }
            column += 1
            previous = character
        }
        #expect(columnStarts.count == 7)
        for line in lines.dropFirst(2) {
            var width = 0
            var starts: [Int] = []
            var last: Character = " "
            for character in line {
                if character != " " && last == " " { starts.append(width) }
                width += character.unicodeScalars.first.map { $0.value >= 0x2E80 ? 2 : 1 } ?? 1
                last = character
            }
            // The code column and the district column sit where the separator says.
            #expect(starts.first == columnStarts[0])
            #expect(starts.contains(columnStarts[3]), "misaligned: \(line)")
        }
        // Same seed, same city.
        let again = try CLIHarness()
        try again.ok(["init", "--demo", "--scale", "60", "--seed", "3"])
        #expect(try again.ok(["request", "list", "--all", "--format", "csv"]) == (try cli.ok(["request", "list", "--all", "--format", "csv"])))
    }

    @Test func messagesFollowTheLocaleAndLangOverrides() throws {
        let cli = try CLIHarness(lang: "zh_CN.UTF-8")
        try cli.ok(["init"])
        #expect(try cli.refused(["pair", "B9", "E9"]).contains("找不到"))
        #expect(try cli.refused(["pair", "B9", "E9", "--lang", "en"]).contains("no branch with code B9"))
        let english = try CLIHarness(lang: "en_US.UTF-8")
        try english.ok(["init"])
        #expect(try english.refused(["request", "show", "R4"]).contains("no request"))
    }
}

@Suite struct SuggestCommandTests {
    @Test func proposesExplainsAndAppliesInOneTransaction() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init", "--demo", "--scale", "40", "--seed", "5"])
        let json = try cli.ok(["suggest", "--format", "json"])
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let proposals = try #require(plan["proposals"] as? [[String: Any]])
        #expect(!proposals.isEmpty)
        #expect(plan["candidateGraph"] as? String == "complete")
        let first = try #require(proposals.first?["explanation"] as? [String: Any])
        #expect(first["distanceKm"] is Double && first["urgency"] is Int && first["gaps"] is [Any])
        // Every branch and enterprise appears at most once.
        #expect(Set(proposals.compactMap { $0["branch"] as? String }).count == proposals.count)
        #expect(Set(proposals.compactMap { $0["enterprise"] as? String }).count == proposals.count)

        let table = try cli.ok(["suggest", "--group", "3"])
        #expect(table.contains("pairings proposed"))

        // A supervisor may look but not apply; nothing changes.
        try cli.refused(["suggest", "--apply", "--as", "supervisor"])
        let applied = try cli.run(["suggest", "--apply", "--format", "json"])
        #expect(applied.status == 0)
        #expect(applied.stderr.contains("applied \(proposals.count) pairings"))
        let after = try cli.ok(["suggest", "--format", "json"])
        let replanned = try #require(try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any])
        #expect((replanned["proposals"] as? [Any])?.isEmpty == true)
        let log = try cli.ok(["log", "--format", "json", "--limit", "1000"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(log.utf8)) as? [[String: Any]])
        let actions = events.compactMap { $0["action"] as? String }
        #expect(actions.filter { $0 == "pair" }.count == proposals.count)
        #expect(actions.last == "plan.apply")
    }
}
