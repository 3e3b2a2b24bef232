import Testing
@testable import TandemCore

/// The pure rules behind import and export: input normalisation, days, formula safety, plans.
@Suite struct ExchangeRulesTests {
    @Test func fullWidthDigitsAndChinesePunctuationReadAsASCII() {
        #expect(normalizedInput("　３００ ") == "300")
        #expect(Quantity(parsing: "０．５") == Quantity(thousandths: 500))
        #expect(normalizedInput("ｌａｂｏｕｒ、ｐｐｅ") == "labour,ppe")
        #expect(RecordCode(parsing: normalizedInput("Ｅ１２"), as: .enterprise) == RecordCode(.enterprise, 12))
    }

    /// The import's fast whitespace test answers as Unicode's White_Space property for every
    /// scalar, so a cell ending in any space (NBSP, ideographic, thin) is still trimmed.
    @Test func theFastWhitespaceTestIsUnicodesWhiteSpace() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if isWhitespace(scalar) != scalar.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty, "differs at \(differing.prefix(5).map { String($0, radix: 16) })")
        #expect(normalizedInput("\u{A0}南川区\u{2009}") == "南川区")
    }

    @Test func daysAsWrittenAndAsExcelSerials() {
        let day = Day(year: 2020, month: 3, day: 5)
        for text in ["2020-03-05", "2020/3/5", "2020.3.5", "2020年3月5日", "２０２０年３月５日"] {
            #expect(Day(writtenAs: text) == day, "\(text)")
        }
        #expect(Day(writtenAs: "2020/2/30") == nil && Day(writtenAs: "3/5/2020") == nil && Day(writtenAs: "2020年3月") == nil)
        #expect(Day(excelSerial: 43895) == day && day.excelSerial == 43895)
        #expect(Day(excelSerial: 43895.75) == day)
        #expect(Day(excelSerial: 60) == nil)
    }

    @Test func formulaLikeTextIsNeutralisedAndRestored() {
        for text in ["=SUM(A1)", "+86 138", "-5", "@x", "'=quoted"] {
            let neutral = TableText.neutralized(text)
            #expect(neutral.hasPrefix("'"))
            #expect(TableText.imported(neutral) == text)
        }
        #expect(TableText.neutralized("南川") == "南川" && TableText.imported("it's") == "it's")
        #expect(TableText.clean("a\tb\u{1B}[31mc\u{85}") == "a b [31mc ")
    }

    static let columns: ColumnNames = {
        var tables: [ExchangeTable: [ColumnName]] = [:]
        for table in ExchangeTable.allCases {
            tables[table] = table.fields.map { ColumnName(field: $0, name: Bilingual(zh: "列\($0)", en: $0)) }
        }
        tables[.requests] = tables[.requests]!.map { $0.field == "item" ? ColumnName(field: "item", name: Bilingual(zh: "物品", en: "item")) : $0 }
        return try! ColumnNames(tables)
    }()

    @Test func columnNamesRefuseAHeaderThatNamesTwoColumns() {
        var tables: [ExchangeTable: [ColumnName]] = [:]
        for table in ExchangeTable.allCases {
            tables[table] = table.fields.map { ColumnName(field: $0, name: Bilingual(zh: "列\($0)", en: $0)) }
        }
        tables[.operators]![1].aliases = ["LOGIN"]
        #expect(throws: ColumnNamesProblem.ambiguous(.operators, "LOGIN", "login", "name")) { try ColumnNames(tables) }
        #expect(Self.columns.field(.requests, header: " ＩＴＥＭ* ") == "item")
    }

    func context(requests: [Request]) -> ImportContext {
        let geography = Geography(districts: [District(code: "nanchuan", name: Bilingual(zh: "南川区", en: "Nanchuan District"),
                                                       kind: .district, centroid: GeoPoint(lat: 29, lon: 107), group: 1,
                                                       tile: TilePosition(row: 0, col: 0))],
                                  groups: [SupervisionGroup(number: 1, name: Bilingual(zh: "一组", en: "G1"))])
        let catalog = Catalog(categories: [RequestCategory(code: "ppe", name: Bilingual(zh: "防护", en: "PPE"), items: [
            CatalogItem(code: "masks", name: Bilingual(zh: "口罩", en: "masks"), units: ["piece"])])],
                              units: [MeasureUnit(code: "piece", name: Bilingual(zh: "个", en: "pieces"))])
        let enterprise = Enterprise(code: RecordCode(.enterprise, 1), name: "九叶青", kind: .employmentBase, districtCode: "nanchuan")
        return ImportContext(snapshot: CitySnapshot(branches: [], enterprises: [enterprise], requests: requests, activePairings: []),
                             operators: [], geography: geography, catalog: catalog, columns: Self.columns,
                             today: Day(year: 2020, month: 3, day: 5))
    }

    func mask(_ number: Int, _ quantity: Int) -> Request {
        Request(code: RecordCode(.request, number), enterpriseCode: RecordCode(.enterprise, 1), category: "ppe", item: "masks",
                quantity: Quantity(quantity), unit: "piece", filed: Day(year: 2020, month: 3, day: 1))
    }

    @Test func aRequestWithoutCodeMatchesTheOneActiveRequestForItsItemOrIsRefusedWhenThereAreSeveral() throws {
        let sheet = Table(headers: ["enterprise", "物品", "quantity"], rows: [[.text("E1"), .text("口罩"), .text("３００")]])
        let one = ImportPlanner.plan(.requests, sheet: sheet, context: context(requests: [mask(1, 200)]))
        guard case .changed(_, _, let changes) = try #require(one.rows.first).outcome else { Issue.record("\(one.rows)"); return }
        #expect(changes.map(\.field) == ["quantity"] && changes.first?.old == "200" && changes.first?.new == "300")

        let two = ImportPlanner.plan(.requests, sheet: sheet, context: context(requests: [mask(1, 200), mask(2, 100)]))
        guard case .refused(let problems) = try #require(two.rows.first).outcome else { Issue.record("\(two.rows)"); return }
        #expect(problems.first?.row == 2 && problems.first?.column == "物品")
        #expect(problems.first?.reason.en.contains("R1, R2") == true)
        #expect(!two.isApplicable)

        let none = ImportPlanner.plan(.requests, sheet: sheet, context: context(requests: []))
        guard case .new(.request(let request)) = try #require(none.rows.first).outcome else { Issue.record("\(none.rows)"); return }
        #expect(request.quantity == Quantity(300) && request.filed == Day(year: 2020, month: 3, day: 5))
    }

    @Test func importedDaysOutsideTheDateWindowAreRefusedByRowAndColumn() throws {
        // Today is 2020-03-05: the window is 2000-01-01 to 2030-03-05 (DayRules).
        let sheet = Table(headers: ["enterprise", "物品", "quantity", "due", "filed"], rows: [
            [.text("E1"), .text("口罩"), .text("10"), .text("1999-12-31"), .empty],
            [.text("E1"), .text("口罩"), .text("20"), .text("2030-03-06"), .empty],
            [.text("E1"), .text("口罩"), .text("30"), .number("36000"), .empty],
            [.text("E1"), .text("口罩"), .text("40"), .empty, .text("1990/1/1")],
            [.text("E1"), .text("口罩"), .text("50"), .text("2030年3月5日"), .text("2000-01-01")],
        ])
        let plan = ImportPlanner.plan(.requests, sheet: sheet, context: context(requests: []))
        let refused = plan.rows.compactMap { row -> (Int, ImportProblem)? in
            guard case .refused(let problems) = row.outcome, let first = problems.first else { return nil }
            return (row.row, first)
        }
        #expect(refused.map(\.0) == [2, 3, 4, 5])
        #expect(refused.map(\.1.column) == ["due", "due", "due", "filed"])
        #expect(refused[0].1.reason.en.contains("1999-12-31 is outside the accepted range (2000-01-01 to 2030-03-05)"))
        #expect(refused[1].1.reason.zh.contains("日期 2030-03-06 超出允许范围"))
        #expect(refused[2].1.reason.en.contains("1998-07-24 is outside"))
        guard case .new(.request(let accepted)) = try #require(plan.rows.last).outcome else { Issue.record("\(plan.rows)"); return }
        #expect(accepted.due == Day(year: 2030, month: 3, day: 5) && accepted.filed == Day(year: 2000, month: 1, day: 1))
    }

    @Test func aMissingRequiredColumnRefusesTheFile() {
        let plan = ImportPlanner.plan(.enterprises, sheet: Table(headers: ["district"], rows: [[.text("nanchuan")]]),
                                      context: context(requests: []))
        #expect(plan.rows.isEmpty && plan.fileProblems.count == 1 && !plan.isApplicable)
    }
}
