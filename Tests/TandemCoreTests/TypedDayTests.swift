import Testing
@testable import TandemCore

/// `DayRules.day(typed:today:)`: the one reader of typed dates, shared by the console's forms
/// and the CLI's `--due` through `RequestRules.check`.
@Suite struct TypedDayTests {
    let today = Day(year: 2020, month: 3, day: 10)
    let catalog = Catalog(
        categories: [RequestCategory(code: "ppe", name: Bilingual(zh: "防护物资", en: "PPE"), items: [
            CatalogItem(code: "masks", name: Bilingual(zh: "口罩", en: "masks"), units: ["piece", "box"], capability: .ppe)])],
        units: [MeasureUnit(code: "piece", name: Bilingual(zh: "个", en: "pieces")), MeasureUnit(code: "box", name: Bilingual(zh: "箱", en: "boxes"))])

    @Test func readsTodayTomorrowAndDaysFromToday() {
        #expect(DayRules.day(typed: "today", today: today) == today)
        #expect(DayRules.day(typed: "今天", today: today) == today)
        #expect(DayRules.day(typed: "明天", today: today) == Day(year: 2020, month: 3, day: 11))
        #expect(DayRules.day(typed: "+3", today: today) == Day(year: 2020, month: 3, day: 13))
        #expect(DayRules.day(typed: "＋３", today: today) == Day(year: 2020, month: 3, day: 13), "full-width from a Chinese input method")
        #expect(DayRules.day(typed: "+30天", today: today) == Day(year: 2020, month: 4, day: 9))
    }

    @Test func readsAMonthAndDayAsItsNextComing() {
        #expect(DayRules.day(typed: "12-05", today: today) == Day(year: 2020, month: 12, day: 5))
        #expect(DayRules.day(typed: "3/10", today: today) == today)
        #expect(DayRules.day(typed: "03-09", today: today) == Day(year: 2021, month: 3, day: 9), "passed this year: next year")
        #expect(DayRules.day(typed: "１２月５日", today: today) == Day(year: 2020, month: 12, day: 5))
        #expect(DayRules.day(typed: "2020-12-05", today: today) == Day(year: 2020, month: 12, day: 5))
        #expect(DayRules.day(typed: "2020年12月5日", today: today) == Day(year: 2020, month: 12, day: 5))
    }

    @Test(arguments: ["", "soon", "+", "+x", "-3", "13-01", "02-30", "12-05-", "1-2-3", "+99999"])
    func refusesWhatIsNotADay(_ text: String) {
        #expect(DayRules.day(typed: text, today: today) == nil)
    }

    @Test func theRequestCheckAcceptsShorthandsAndFullWidthQuantities() {
        let text = RequestDraftText(enterpriseCode: RecordCode(.enterprise, 1), category: "", item: "口罩", quantity: "３００",
                                    unit: "个", priority: "紧急", due: "+3")
        let check = RequestRules.check(text, catalog: catalog, today: today)
        #expect(check.problems.isEmpty, "\(check.problems)")
        #expect(check.draft?.category == "ppe", "the item implies its category")
        #expect(check.draft?.quantity == "300")
        #expect(check.draft?.due == Day(year: 2020, month: 3, day: 13))
        let past = RequestRules.check(RequestDraftText(enterpriseCode: RecordCode(.enterprise, 1), category: "ppe", item: "masks",
                                                       quantity: "０．５", unit: "box", due: "someday"), catalog: catalog, today: today)
        #expect(past.quantity == Quantity(parsing: "0.5"))
        #expect(past.problem(.due) != nil)
    }

    @Test func aDayIsWrittenAsISOWithPaddedMonthAndDay() {
        #expect(Day(year: 2020, month: 3, day: 5).description == "2020-03-05")
        #expect(Day(year: 2026, month: 12, day: 31).description == "2026-12-31")
        #expect(Day(year: 1999, month: 10, day: 1).description == "1999-10-01")
        #expect(Day(parsing: Day(year: 2020, month: 2, day: 29).description) == Day(year: 2020, month: 2, day: 29))
        // Outside four-digit years the general path writes the year as it is.
        #expect(Day(year: 999, month: 1, day: 2).description == "999-01-02")
    }

    @Test func aDecimalPointFromAChineseKeyboardReads() {
        #expect(Quantity(parsing: "0。5") == Quantity(parsing: "0.5"))
        #expect(Resumption(parsing: "６０％") == .partial(percent: 60))
    }
}
