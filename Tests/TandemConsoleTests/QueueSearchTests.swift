import Testing
import TandemCore
import TandemTestSupport
@testable import TandemConsole

/// Searching and filtering the queue: a code's own requests first, branch codes searchable,
/// what hides a record that exists, and the quick filters.
@Suite("Queue search and filters")
struct QueueSearchTests {
    /// The fixture city plus E21 (Jiangjin) with R7, urgent and overdue since 1 March: more
    /// urgent than every request of E2, and its code contains "E2".
    func stateWithE21(_ actor: Operator = FixtureCity.dispatcher) -> ConsoleState {
        let base = FixtureCity.snapshot()
        let e21 = Enterprise(code: RecordCode(.enterprise, 21), name: "江津助残工坊", kind: .enterprise, districtCode: "jiangjin")
        let r7 = FixtureCity.request(7, 21, "ppe", "masks", 50, "piece", priority: .urgent, due: Day(year: 2020, month: 3, day: 1))
        let snapshot = CitySnapshot(branches: base.branches, enterprises: base.enterprises + [e21], requests: base.requests + [r7],
                                    activePairings: base.activePairings)
        let context = ConsoleContext(actor: actor, geography: FixtureCity.geography, catalog: FixtureCity.catalog, lang: .en,
                                     databasePath: "/tmp/none.sqlite")
        var state = ConsoleState(context: context, width: 100, height: 30)
        _ = state.handle(.loaded(CityData(snapshot: snapshot, context: context, today: FixtureCity.today)))
        return state
    }

    func search(_ state: inout ConsoleState, _ text: String) {
        _ = state.handle(.key(.char("/")))
        for c in text { _ = state.handle(.key(.char(c))) }
        _ = state.handle(.key(.enter))
    }

    func codes(_ state: ConsoleState) -> [String] {
        state.queue.rows.map { state.snapshot!.requests[Int($0)].code.description }
    }

    @Test func anEnterpriseCodeListsItsOwnRequestsBeforeLongerCodes() {
        var state = stateWithE21()
        #expect(codes(state).first == "R7", "R7 is the most urgent request")
        search(&state, "E2")
        #expect(codes(state) == ["R3", "R4", "R5", "R7"], "E2's requests (by urgency), then E21's")
        #expect(state.selectedQueueRequest?.code.description == "R3")
        search(&state, "1")    // "E21" now
        #expect(codes(state) == ["R7"])
    }

    @Test func branchCodesAreSearchable() {
        var state = stateWithE21()
        search(&state, "B3")
        #expect(codes(state) == ["R6"], "B3 works for E3, whose only request is R6")
        _ = state.handle(.key(.escape))
        search(&state, "永川区残联")
        #expect(codes(state) == ["R1", "R2"], "the branch's name finds its enterprise's requests too")
    }

    @Test func aCancelledRequestFoundByCodeSaysTheFilterHidesIt() throws {
        let repo = Fixture.repository()
        _ = try repo.cancel(RecordCode(.request, 5), reason: "重复登记", by: Fixture.dispatcher)
        let (console, _) = Fixture.console(Fixture.dispatcher, repository: repo, width: 100, height: 30)
        console.press("/")
        console.type("R5")
        console.press("Enter")
        #expect(console.screen.contains("R5 已取消：被筛选隐藏（Esc 清除筛选，f 更改筛选）"))
        #expect(!console.screen.contains("没有匹配"))
        console.press("L")
        #expect(console.screen.contains("R5 is cancelled: hidden by the filter (Esc clears the filter, f changes it)"))
        // A code that names nothing still says "no match".
        console.press("Esc", "/")
        console.type("R99")
        console.press("Enter")
        #expect(console.screen.contains("nothing matches \"R99\""))
    }

    @Test func quickFiltersForOverdueNoBranchAndMyBranch() {
        var dispatcher = stateWithE21()
        _ = dispatcher.handle(.key(.char("F")))
        #expect(codes(dispatcher) == ["R7", "R3"], "overdue: R7 since 1 March, R3 since 8 March")
        _ = dispatcher.handle(.key(.char("F")))
        #expect(codes(dispatcher) == ["R7", "R3", "R4", "R5"], "no branch: E21's and E2's")
        _ = dispatcher.handle(.key(.char("F")))
        #expect(dispatcher.queue.filter.quick == nil, "a dispatcher has no branch of their own: back to all")
        #expect(codes(dispatcher).count == 7)

        var lead = stateWithE21(FixtureCity.lead1)
        _ = lead.handle(.key(.char("2")))
        for _ in 0..<3 { _ = lead.handle(.key(.char("F"))) }
        #expect(lead.queue.filter.quick == .myBranch)
        #expect(codes(lead) == ["R1", "R2"])
        #expect(lead.render().text.contains("filter: my branch"))
    }

    @Test func coverageSortsWorstFirst() {
        let (console, _) = Fixture.console(Fixture.supervisor, width: 100, height: 30)
        #expect(console.cursorLine?.contains("第3组") == true, "code order: group 3 (100 %) first")
        console.press("s")
        #expect(console.cursorLine?.contains("第5组") == true, "worst first: group 5 (0 %) first")
        #expect(console.lines[2].contains("（覆盖率最差在前）"))
        console.press("s")
        #expect(console.cursorLine?.contains("第3组") == true)
    }
}
