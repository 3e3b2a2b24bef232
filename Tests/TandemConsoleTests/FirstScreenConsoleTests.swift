import Testing
import TandemCore
import TandemTestSupport
@testable import TandemConsole

/// The start screen drawn from its own records before the whole city: real rows at once, keys
/// that need the whole city say they wait for it, and the whole city replaces it under the cursor.
@Suite("First screen before the whole city")
struct FirstScreenConsoleTests {
    func state(_ actor: Operator) -> (ConsoleState, CitySnapshot) {
        let context = ConsoleContext(actor: actor, geography: FixtureCity.geography, catalog: FixtureCity.catalog, lang: .en,
                                     databasePath: "/tmp/none.sqlite")
        var state = ConsoleState(context: context, width: 100, height: 30)
        let whole = FixtureCity.snapshot()
        let query = try! #require(context.firstScreenQuery(rows: 3))
        let first = query.slice(of: whole, today: FixtureCity.today)
        _ = state.handle(.loaded(CityData(snapshot: first, context: context, today: FixtureCity.today, isFirstScreen: true)))
        return (state, whole)
    }

    func full(_ state: inout ConsoleState, _ whole: CitySnapshot) {
        _ = state.handle(.loaded(CityData(snapshot: whole, context: state.context, today: FixtureCity.today)))
    }

    @Test func aDispatcherSeesTheMostUrgentRowsAndWaitsForTheCityToSearch() {
        var (state, whole) = state(FixtureCity.dispatcher)
        #expect(state.queue.rows.map { state.snapshot!.requests[Int($0)].code.description } == ["R3", "R1", "R4"])
        #expect(state.render().text.contains("3 most urgent, loading the rest…"))
        #expect(state.render().line(0).contains("loading the whole city…"), "the status bar says why keys wait")
        #expect(!state.render().line(0).contains("data changed"))
        _ = state.handle(.key(.down))
        #expect(state.selectedQueueRequest?.code.description == "R1")
        // Search and a typed code say they wait, and nothing happens; another screen says it is loading.
        _ = state.handle(.key(.char("/")))
        #expect(!state.queue.searching)
        #expect(state.notice?.text.en.contains(ConsoleState.waitingForCity.en) == true)
        _ = state.handle(.key(.char("3")))
        #expect(state.tab == .proposals && !state.proposals.computing, "no plan is made from part of the city")
        #expect(state.render().text.contains("Loading the whole city…"))
        _ = state.handle(.key(.char("1")))
        _ = state.handle(.key(.char(":")))
        for c in "show R6" { _ = state.handle(.key(.char(c))) }
        _ = state.handle(.key(.enter))
        #expect(state.overlay == nil, "R6 is not among the start screen's records: no detail, no \"no request R6\"")
        #expect(state.notice?.text.en == "not available: \(ConsoleState.waitingForCity.en)")
        #expect(state.bindings().first { $0.action == .search }?.disabled == ConsoleState.waitingForCity)
        // The whole city arrives: same record under the cursor, no "focus moved", every key back.
        full(&state, whole)
        #expect(state.selectedQueueRequest?.code.description == "R1")
        #expect(state.queue.rows.count == 6)
        #expect(state.bindings().first { $0.action == .search }?.disabled == nil)
        #expect(!state.render().text.contains("loading the rest"))
        #expect(state.render().line(0).contains("data changed"))
        _ = state.handle(.key(.char("/")))
        #expect(state.queue.searching)
    }

    @Test func proposalsAskedForEarlyArePlannedOnTheWholeCity() {
        var (state, whole) = state(FixtureCity.dispatcher)
        _ = state.handle(.key(.char("3")))
        let effects = state.handle(.loaded(CityData(snapshot: whole, context: state.context, today: FixtureCity.today)))
        #expect(effects.contains { if case .computeProposals = $0 { true } else { false } })
    }

    @Test func aLeadSeesTheirWholeEnterpriseAtOnce() {
        var (state, whole) = state(FixtureCity.lead1)
        #expect(state.tab == .mine)
        #expect(state.mine.requests(state.screen).map(\.code.description) == ["R1", "R2"])
        #expect(state.render().text.contains("R1"))
        full(&state, whole)
        #expect(state.mine.requests(state.screen).map(\.code.description) == ["R1", "R2"])
    }

    @Test func aSupervisorsCoverageWaitsForTheWholeCity() {
        let context = ConsoleContext(actor: FixtureCity.supervisor, geography: FixtureCity.geography, catalog: FixtureCity.catalog,
                                     lang: .en, databasePath: "/tmp/none.sqlite")
        #expect(context.firstScreenQuery(rows: 10) == nil)
    }
}
