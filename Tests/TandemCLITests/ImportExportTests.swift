import Foundation
import TandemCore
@testable import TandemExchange
import Testing

/// `tandem import` and `tandem export` end to end, with files in the shapes a federation office
/// keeps: Chinese headers in their own order, GB18030 from Excel on Chinese Windows, XLSX.
@Suite struct ImportExportTests {
    /// A hand-made list: Chinese headers out of export order, an extra 序号 column, full-width digits.
    static let enterpriseList = """
        序号,区县,联系电话,单位名称,残疾职工人数,复工率,单位类型,联系人
        1,南川,13800000000,南川九叶青花椒基地,４８,50%,就业基地,刘毅
        2,永川区,+8613900000000,永川梦想茶叶基地,１２,０．５,employment base,廖云祥
        3,北碚,,北碚区盲人按摩中心,3,已复工,盲人按摩机构,

        """

    func write(_ cli: CLIHarness, _ name: String, _ data: Data) throws -> String {
        let path = cli.folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    func report(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    enum Encoding: String, CaseIterable { case utf8, utf8BOM, gb18030 }

    func encoded(_ text: String, _ encoding: Encoding) throws -> Data {
        switch encoding {
        case .utf8: return Data(text.utf8)
        case .utf8BOM: return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case .gb18030: return try #require(TextDecoding.gb18030Bytes(text))
        }
    }

    @Test(arguments: Encoding.allCases)
    func importsAListInEveryEncodingWithShuffledChineseHeaders(_ encoding: Encoding) throws {
        let cli = try CLIHarness(lang: "zh_CN.UTF-8")
        try cli.ok(["init"])
        let data = try encoded(Self.enterpriseList, encoding)
        if encoding == .gb18030 { #expect(String(data: data, encoding: .utf8) == nil, "GB18030 bytes must not be valid UTF-8") }
        let file = try write(cli, "list.csv", data)
        let output = try cli.ok(["import", "enterprises", file])
        #expect(output.contains("新增 3") && output.contains("已全部导入"))
        #expect(output.contains("已忽略的列：序号"))
        let enterprises = try json(try cli.ok(["export", "enterprises", "--format", "json"]))
        #expect(enterprises.count == 3)
        let pepper = try #require(enterprises.first { $0["name"] as? String == "南川九叶青花椒基地" })
        #expect(pepper["district"] as? String == "nanchuan")
        #expect(pepper["kind"] as? String == "employment_base")
        #expect(pepper["disabled_employees"] as? Int == 48)
        #expect(pepper["resumption"] as? Int == 50)
        #expect(pepper["contact"] as? String == "刘毅")
        let tea = try #require(enterprises.first { $0["name"] as? String == "永川梦想茶叶基地" })
        #expect(tea["resumption"] as? Int == 50 && tea["phone"] as? String == "+8613900000000")
        let massage = try #require(enterprises.first { $0["district"] as? String == "beibei" })
        #expect(massage["kind"] as? String == "blind_massage" && massage["resumption"] as? Int == 100)
        #expect(massage["phone"] is NSNull)
    }

    /// A file over the size read in two halves at once reads exactly as written, with quoted
    /// cells holding line ends, commas and quotes all around its middle.
    @Test func aLargeCSVWithQuotedLineEndsReadsBackRowForRow() throws {
        var rows: [[String]] = [["单位名称", "备注", "数量"]]
        var row = 0
        while rows.count < 40_000 {
            row += 1
            let note = row % 3 == 0 ? "第一行\n第二行, 有逗号" : (row % 3 == 1 ? "说\"好\"的" : "")
            rows.append(["南川九叶青花椒基地\(row)", note, String(row)])
        }
        func quoted(_ cell: String) -> String {
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }
        let text = rows.map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        #expect(text.utf8.count > CSVFile.splitThreshold)
        #expect(CSVFile.splitInTwo(text).count == 2)
        let table = try CSVFile.read(Data(text.utf8), name: "large.csv").table
        #expect(table.headers == rows[0])
        #expect(table.rows.count == rows.count - 1)
        let read = table.rows.map { $0.map(\.text) }
        #expect(read == Array(rows.dropFirst()))
    }

    @Test func typosAndADuplicateRowAreReportedAndNothingIsImported() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        let list = Self.enterpriseList
            + "4,火星区,,错区县单位,2,0,,\n"
            + "5,北碚,,北碚区盲人按摩中心,3,已复工,盲人按摩机构,\n"
            + "6,江北,,重庆华宏仪表,many,0,,\n"
        let file = try write(cli, "typos.csv", try encoded(list, .gb18030))
        let before = try cli.state()
        let result = try cli.run(["import", "enterprises", file, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing was imported"))
        #expect(try cli.state() == before)
        let rows = try #require(try report(result.stdout)["rows"] as? [[String: Any]])
        let mars = try #require(rows.first { $0["row"] as? Int == 5 })
        #expect(mars["outcome"] as? String == "refused")
        let problem = try #require((mars["problems"] as? [[String: Any]])?.first)
        #expect(problem["column"] as? String == "区县" && problem["row"] as? Int == 5)
        #expect((problem["reason"] as? String)?.contains("no district 火星区") == true)
        let duplicate = try #require(rows.first { $0["row"] as? Int == 6 })
        #expect(duplicate["outcome"] as? String == "duplicate" && duplicate["duplicateOf"] as? Int == 4)
        let count = try #require(rows.first { $0["row"] as? Int == 7 })
        #expect((count["problems"] as? [[String: Any]])?.first?["column"] as? String == "残疾职工人数")
        // The table form names row, column and reason in the user's language.
        let table = try cli.run(["import", "enterprises", file, "--lang", "zh"])
        #expect(table.stdout.contains("“区县”列：找不到区县“火星区”"))
        #expect(table.stdout.contains("与第 4 行相同"))
    }

    /// The store writes rows while the planner is still reading the file: a refused row after
    /// thousands of good ones must still leave the database, audit chain included, as it was.
    @Test func aRefusedRowAtTheEndOfALongFileUndoesEveryRowWrittenBeforeIt() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        var list = "单位名称,区县,残疾职工人数\n"
        for number in 1...3000 { list += "按摩店\(number),北碚,\(number % 7)\n" }
        list += "最后一家,火星区,1\n"
        let file = try write(cli, "long.csv", Data(list.utf8))
        let before = try cli.state()
        let chainBefore = try cli.ok(["log", "--verify"])
        let result = try cli.run(["import", "enterprises", file])
        #expect(result.status == 1)
        #expect(result.stdout.contains("no district 火星区"))
        #expect(result.stderr.contains("3001 rows: 3000 new, 0 changed, 0 unchanged, 0 duplicate, 1 refused"))
        #expect(try cli.state() == before)
        #expect(try cli.ok(["log", "--verify"]) == chainBefore)
        // The numbers the undone rows took are free again: the next import starts at E1.
        try cli.ok(["import", "enterprises", try write(cli, "one.csv", Data("单位名称,区县\n按摩店1,北碚\n".utf8))])
        #expect(try cli.ok(["enterprise", "list", "--format", "csv"]).contains("E1,"))
    }

    /// Over 1 000 rows the table lists only what needs a reader's eye and counts the rest; JSON
    /// lists every row, each new one with the code it was given, in file order.
    @Test func aLongReportListsTheNotableRowsAndJSONListsEveryRowWithItsCode() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        var list = "单位名称,区县,残疾职工人数\n"
        for number in 1...1200 { list += "按摩店\(number),北碚,\(number % 7)\n" }
        list += "按摩店600,北碚,\(600 % 7)\n"
        let table = try cli.run(["import", "enterprises", try write(cli, "long.csv", Data(list.utf8))])
        #expect(table.status == 0)
        #expect(table.stdout.contains("same as row 601; imported once"), "\(table.stdout)")
        #expect(table.stdout.contains("(1200 new or unchanged rows not listed; --format json lists every row)"))
        #expect(!table.stdout.contains("按摩店1200"))
        #expect(table.stdout.contains("1201 rows: 1200 new, 0 changed, 0 unchanged, 1 duplicate, 0 refused. Imported."))
        // The same list again, as JSON: every row is there, each unchanged record under its code.
        let again = try report(try cli.ok(["import", "enterprises", try write(cli, "again.csv", Data(list.utf8)), "--format", "json"]))
        let unchanged = try #require(again["rows"] as? [[String: Any]])
        #expect(unchanged.count == 1201)
        #expect(unchanged[0]["code"] as? String == "E1" && unchanged[1199]["code"] as? String == "E1200")
        #expect(unchanged[1199]["outcome"] as? String == "unchanged" && unchanged[1200]["outcome"] as? String == "duplicate")
        // New rows as JSON: each with the code the store gave it, in file order.
        let newList = list.replacingOccurrences(of: "按摩店", with: "推拿店")
        let added = try report(try cli.ok(["import", "enterprises", try write(cli, "new.csv", Data(newList.utf8)), "--format", "json"]))
        let fresh = try #require(added["rows"] as? [[String: Any]])
        #expect(fresh[0]["outcome"] as? String == "new" && fresh[0]["code"] as? String == "E1201")
        #expect(fresh[1199]["code"] as? String == "E2400" && fresh[1199]["name"] as? String == "推拿店1200")
    }

    @Test func requestDatesOutsideTheDateWindowAreRefusedInTheUsersLanguage() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["enterprise", "add", "--name", "南川九叶青花椒基地", "--district", "nanchuan"])
        let list = "单位编号,物品,数量,期限\nE1,口罩,100,1970-01-01\nE1,口罩,200,9999-12-31\n"
        let file = try write(cli, "dates.csv", Data(list.utf8))
        let before = try cli.state()
        let english = try cli.run(["import", "requests", file])
        #expect(english.status == 1)
        #expect(english.stdout.contains("1970-01-01 is outside the accepted range"), "\(english.stdout)")
        let chinese = try cli.run(["import", "requests", file, "--lang", "zh"])
        #expect(chinese.stdout.contains("“期限”列：日期 1970-01-01 超出允许范围"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("“期限”列：日期 9999-12-31 超出允许范围"), "\(chinese.stdout)")
        #expect(try cli.state() == before)
    }

    @Test func anAmbiguousNameIsRefusedNotGuessed() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["enterprise", "add", "--name", "阳光按摩店", "--kind", "blind_massage", "--district", "beibei"])
        try cli.ok(["enterprise", "add", "--name", "阳光按摩店", "--kind", "blind_massage", "--district", "yuzhong"])
        let file = try write(cli, "a.csv", Data("单位名称,联系人\n阳光按摩店,王芳\n".utf8))
        let result = try cli.run(["import", "enterprises", file])
        #expect(result.status == 1)
        #expect(result.stdout.contains("E1, E2") && result.stdout.contains("give the code or the district"))
        // With the district the match is unique and only that enterprise changes.
        let exact = try write(cli, "b.csv", Data("单位名称,区县,联系人\n阳光按摩店,渝中,王芳\n".utf8))
        let applied = try cli.ok(["import", "enterprises", exact, "--format", "json"])
        let rows = try #require(try report(applied)["rows"] as? [[String: Any]])
        #expect(rows.first?["code"] as? String == "E2" && rows.first?["outcome"] as? String == "changed")
    }

    @Test func aDryRunAndASecondImportChangeNothing() throws {
        let cli = try CLIHarness(lang: "zh_CN.UTF-8")
        try cli.ok(["init"])
        let file = try write(cli, "list.csv", try encoded(Self.enterpriseList, .gb18030))
        let before = try cli.state()
        let dry = try cli.ok(["import", "enterprises", file, "--dry-run"])
        #expect(dry.contains("新增 3") && dry.contains("试运行"))
        #expect(try cli.state() == before)
        try cli.ok(["import", "enterprises", file])
        let afterFirst = try cli.state()
        #expect(afterFirst != before)
        let again = try cli.ok(["import", "enterprises", file])
        #expect(again.contains("未变 3") && again.contains("无需修改"))
        #expect(try cli.state() == afterFirst)
    }

    @Test func exportEditTwoCellsInGB18030AndImportShowsAndAppliesExactlyThoseEdits() throws {
        let cli = try CLIHarness(lang: "zh_CN.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["import", "enterprises", try write(cli, "list.csv", Data(Self.enterpriseList.utf8))])
        try cli.ok(["enterprise", "add", "--name", "=HYPERLINK(\"http://x\")", "--kind", "enterprise", "--district", "jiangbei"])
        let exported = try cli.ok(["export", "enterprises"])
        #expect(exported.hasPrefix("\u{FEFF}编号,单位名称,单位类型,区县"))
        #expect(exported.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",") || exported.contains(",'=HYPERLINK"))
        // Edit as a user in Excel would, then save as CSV in GB18030.
        var lines = exported.dropFirst().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pepper = try #require(lines.firstIndex { $0.contains("南川九叶青花椒基地") })
        lines[pepper] = lines[pepper].replacingOccurrences(of: ",13800000000,48,50", with: ",13800000000,50,80")
        let edited = try write(cli, "edited.csv", try encoded(lines.joined(separator: "\r\n"), .gb18030))
        let before = try cli.state()
        let dry = try report(try cli.ok(["import", "enterprises", edited, "--dry-run", "--format", "json"]))
        #expect(try cli.state() == before)
        let rows = try #require(dry["rows"] as? [[String: Any]])
        let changed = rows.filter { $0["outcome"] as? String == "changed" }
        #expect(changed.count == 1 && rows.filter { $0["outcome"] as? String == "unchanged" }.count == 3)
        let changes = try #require(changed.first?["changes"] as? [[String: Any]])
        #expect(changes.map { $0["field"] as? String } == ["disabled_employees", "resumption"])
        #expect(changes.map { "\($0["old"]!)→\($0["new"]!)" } == ["48→50", "50→80"])
        try cli.ok(["import", "enterprises", edited])
        let after = try json(try cli.ok(["export", "enterprises", "--format", "json"]))
        let updated = try #require(after.first { $0["name"] as? String == "南川九叶青花椒基地" })
        #expect(updated["disabled_employees"] as? Int == 50 && updated["resumption"] as? Int == 80)
        #expect(after.contains { $0["name"] as? String == "=HYPERLINK(\"http://x\")" })
        let log = try cli.ok(["log", "--format", "json"])
        #expect(log.contains("enterprise.edit") && log.contains("\"import\""))
    }

    @Test func xlsxFromTheWriterRoundTripsAndAnExcelShapedWorkbookImports() throws {
        let cli = try CLIHarness(lang: "zh_CN.UTF-8")
        try cli.ok(["init"])
        let workbook = CLIHarness.packageRoot.appendingPathComponent("Tests/Fixtures/excel-workbook.xlsx").path
        let wrongSheet = try cli.run(["import", "enterprises", workbook])
        #expect(wrongSheet.status == 1 && wrongSheet.stdout.contains("缺少“单位名称”列"))
        let enterprises = try cli.ok(["import", "enterprises", workbook, "--sheet", "名单"])
        #expect(enterprises.contains("新增 2"))
        // The title row above the header is skipped: data starts on row 3.
        #expect(enterprises.contains(" 3  新增  E1"))
        try cli.ok(["import", "requests", workbook, "--sheet", "需求"])
        let requests = try json(try cli.ok(["export", "requests", "--format", "json"]))
        #expect(requests.count == 3)
        let fertiliser = try #require(requests.first { $0["item"] as? String == "fertiliser" })
        #expect(fertiliser["due"] as? String == "2020-03-15" && fertiliser["filed"] as? String == "2020-02-21")
        #expect(fertiliser["quantity"] as? Int == 8 && fertiliser["unit"] as? String == "tonne")
        let masks = try #require(requests.first { $0["item"] as? String == "masks" })
        #expect(masks["quantity"] as? Int == 300 && masks["due"] as? String == "2020-03-20")
        #expect(requests.contains { $0["due"] as? String == "2020-03-05" })
        // Every imported row has its own chained audit event: the database checks clean.
        #expect(try cli.ok(["check"]).hasPrefix("✓"))

        for table in ["enterprises", "requests"] {
            let file = cli.folder.appendingPathComponent("\(table).xlsx").path
            try cli.ok(["export", table, "--format", "xlsx", "--out", file])
            let read = try SheetFile.read(path: file, sheet: nil)
            #expect(read.headerRow == 1 && read.rows.count == (table == "requests" ? 3 : 2))
            let again = try report(try cli.ok(["import", table, file, "--format", "json"]))
            #expect((again["counts"] as? [String: Any])?["unchanged"] as? Int == (table == "requests" ? 3 : 2))
        }
    }

    @Test func onlyDispatchersAndAdminsImportRecordsAndOnlyAdminsImportOperators() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["operator", "add", "watcher", "--role", "supervisor"])
        try cli.ok(["operator", "add", "dispatch", "--role", "dispatcher"])
        let list = try write(cli, "list.csv", Data(Self.enterpriseList.utf8))
        let denied = try cli.refused(["import", "enterprises", list, "--as", "watcher"])
        #expect(denied.contains("read-only"))
        let operators = try write(cli, "ops.csv", Data("登录名,姓名,角色\nlead9,王强,dispatcher\n".utf8))
        #expect(try cli.refused(["import", "operators", operators, "--as", "dispatch"]).contains("only admins"))
        try cli.ok(["import", "enterprises", list, "--as", "dispatch"])
        try cli.ok(["import", "operators", operators])
        #expect(try cli.ok(["operator", "show", "lead9"]).contains("王强"))
    }
}
