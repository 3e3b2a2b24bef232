import Testing
@testable import TandemCore

@Suite struct TextRulesTests {
    @Test func forbiddenCharacters() {
        for bad in ["a\u{0}b", "a\tb", "a\nb", "a\u{1B}[31m", "a\u{7F}", "a\u{80}", "a\u{9F}", "a\u{202A}", "a\u{202E}", "a\u{2066}",
                    "a\u{2069}", "a\u{200F}"] {
            guard case .unsafeText? = TextRules.problem(.name, bad) else {
                Issue.record("\(bad.debugDescription) accepted")
                continue
            }
        }
        #expect(TextRules.problem(.name, "南川九叶青花椒基地 (Nanchuan) #2 – ok") == nil)
        #expect(TextRules.problem(.name, "") == nil)
    }

    @Test func limitsCountCharactersNotBytes() {
        #expect(TextRules.problem(.name, String(repeating: "茶", count: 100)) == nil)
        #expect(TextRules.problem(.name, String(repeating: "茶", count: 101)) == .textTooLong(field: TextField.name.label, length: 101, limit: 100))
        #expect(TextRules.problem(.note, String(repeating: "x", count: 500)) == nil)
        #expect(TextRules.problem(.note, String(repeating: "x", count: 501)) != nil)
    }

    @Test func theErrorNamesTheCharacterWithoutEchoingIt() {
        let message = TextRules.problem(.address, "x\u{1B}y")!.message(.en)
        #expect(message.contains("U+001B"))
        #expect(!message.contains("\u{1B}"))
    }

    @Test func dayWindow() {
        let today = Day(year: 2026, month: 11, day: 30)
        #expect(DayRules.problem(Day(year: 2000, month: 1, day: 1), today: today) == nil)
        #expect(DayRules.problem(Day(year: 1999, month: 12, day: 31), today: today) != nil)
        #expect(DayRules.problem(Day(year: 2036, month: 11, day: 30), today: today) == nil)
        #expect(DayRules.problem(Day(year: 2036, month: 12, day: 1), today: today) != nil)
        #expect(DayRules.latest(after: Day(year: 2028, month: 2, day: 29)) == Day(year: 2038, month: 2, day: 28))
        #expect(throws: TandemError.self) { try DayRules.parse("3026-01-01", field: Bilingual(zh: "日期", en: "date"), today: today) }
    }

    @Test func changesAreCheckedByTheSameRule() {
        #expect(throws: TandemError.self) { try EnterpriseChanges(address: "a\u{202E}b").check() }
        #expect(throws: TandemError.self) { try BranchChanges(name: "  ").check() }
        #expect(throws: Never.self) { try EnterpriseChanges(contactPhone: "13800000000").check() }
        let check = RequestRules.check(RequestDraftText(enterpriseCode: RecordCode(.enterprise, 1), category: "", item: "", quantity: "", unit: "", notes: "x\u{1B}"),
                                       catalog: Catalog(categories: [], units: []), today: nil)
        #expect(check.problems.contains { $0.0 == .notes })
    }

    @Test func csvCellsAndJSON() {
        #expect(TableText.csvCell("=1+1") == "'=1+1")
        #expect(TableText.csvCell("-5") == "'-5")
        #expect(TableText.csvCell("@SUM") == "'@SUM")
        #expect(TableText.csvCell("a\u{1B}b\u{202E}c") == "a bc")
        #expect(TableText.csvCell("茶叶") == "茶叶")
        #expect(JSONText.escapingInvisibles("{\"a\": \"x\u{7F}\u{85}\u{202E}\"}") == "{\"a\": \"x\\u007F\\u0085\\u202E\"}")
    }
}
