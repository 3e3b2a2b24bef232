import Testing
import TandemCore
import TandemTestSupport
@testable import TandemConsole

/// Pick lists in forms, full-width input, date shorthands and defaults in the UI language:
/// the state machine alone, keys in, the form and the asked mutation out.
@Suite struct FormPickTests {
    func state(_ actor: Operator = FixtureCity.dispatcher, lang: Lang) -> ConsoleState {
        let context = ConsoleContext(actor: actor, geography: FixtureCity.geography, catalog: FixtureCity.catalog, lang: lang,
                                     databasePath: "/tmp/none.sqlite")
        var state = ConsoleState(context: context, width: 100, height: 30)
        _ = state.handle(.loaded(CityData(snapshot: FixtureCity.snapshot(pairs: [(1, 1), (3, 3)]), context: context, today: FixtureCity.today)))
        return state
    }

    func press(_ state: inout ConsoleState, _ names: String...) -> [Effect] {
        var effects: [Effect] = []
        for name in names { effects += state.handle(.key(Key.parse(name)!)) }
        return effects
    }

    func type(_ state: inout ConsoleState, _ text: String) {
        for character in text { _ = state.handle(.key(.char(character))) }
    }

    func form(_ state: ConsoleState) -> FormState? {
        if case .form(let form) = state.overlay { form } else { nil }
    }

    @Test func aRequestIsFiledThroughPickListsWithAFullWidthQuantityInChinese() {
        var console = state(lang: .zh)
        _ = press(&console, "n")
        guard let opened = form(console) else { Issue.record("n opens the request form"); return }
        #expect(opened.fields[4].value == "普通", "the default priority in the UI language, not `normal`")
        #expect(opened.fields[0].visibleChoices.map(\.value).contains("防护消毒物资"), "categories listed before anything is typed")
        // The item, typed in part and picked with Enter, fills its category.
        _ = press(&console, "Tab")
        type(&console, "口")
        #expect(form(console)?.fields[1].visibleChoices.map(\.value) == ["口罩"], "the list is filtered as you type")
        _ = press(&console, "Enter")
        #expect(form(console)?.fields[1].value == "口罩")
        #expect(form(console)?.fields[0].value == "防护消毒物资", "the item implies its category")
        #expect(form(console)?.focus == 2, "picking moves to the next field")
        type(&console, "３００")
        #expect(form(console)?.fields[2].error == nil, "full-width digits are a quantity")
        _ = press(&console, "Tab")
        #expect(form(console)?.fields[3].visibleChoices.map(\.value) == ["个", "箱"], "the units of the picked item only")
        _ = press(&console, "Down", "Enter")
        #expect(form(console)?.fields[3].value == "箱")
        _ = press(&console, "Up", "Up", "Enter")
        #expect(form(console)?.fields[4].value == "紧急")
        type(&console, "+3")
        #expect(form(console)?.fields[5].hint.zh == "即 2020-03-13", "the shorthand is shown as the day it means")
        let effects = press(&console, "Enter")
        let asked = effects.compactMap { if case .mutate(.addRequest(let draft), _) = $0 { draft } else { nil } }
        // The queue's first row is a request of E2 (no branch yet): the form is for its enterprise.
        #expect(asked == [RequestDraft(enterpriseCode: RecordCode(.enterprise, 2), category: "ppe", item: "masks", quantity: "300", unit: "box",
                                        priority: .urgent, due: Day(year: 2020, month: 3, day: 13))], "\(effects)")
    }

    @Test func defaultsAreShownInTheUILanguage() {
        var english = state(lang: .en)
        _ = press(&english, "n")
        #expect(form(english)?.fields[4].value == "normal")
        var lead = state(FixtureCity.lead1, lang: .zh)
        _ = press(&lead, "r")
        let status = form(lead)?.fields[0].value ?? ""
        #expect(!status.contains("partial") && !status.isEmpty && status.allSatisfy { !$0.isLetter || !$0.isASCII }, "got \(status)")
        var delivering = state(FixtureCity.lead1, lang: .zh)
        _ = press(&delivering, "j", "d")
        #expect(form(delivering)?.fields[2].value == "否")
    }

    @Test func theFilterFormPicksADistrictFromItsList() {
        var console = state(lang: .zh)
        _ = press(&console, "f", "Tab", "Tab")
        type(&console, "永")
        #expect(form(console)?.fields[2].visibleChoices.first?.value == "永川")
        _ = press(&console, "Enter", "Enter")
        #expect(form(console) == nil, "the second Enter applies the filter")
        #expect(console.queue.filter.district == "yongchuan")
    }

    @Test func theListIsDrawnUnderTheFieldAndTheCursorFollowsTheHighlight() {
        var console = state(lang: .zh)
        _ = press(&console, "n", "Down", "Down")
        let grid = console.render()
        let screen = grid.text
        #expect(screen.contains("▸ 劳动力"), "\(screen)")
        #expect(screen.contains("↑↓ 选择"), "\(screen)")
        let row = grid.cursor.map { screen.components(separatedBy: "\n")[$0.y] } ?? ""
        #expect(row.contains("▸ 劳动力"), "the cursor is on the highlighted choice: \(row)")
    }
}
