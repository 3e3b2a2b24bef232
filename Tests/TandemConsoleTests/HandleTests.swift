import Testing
import TandemCore
import TandemTestSupport
@testable import TandemConsole

/// The console's state machine alone: keys in, state and effects out, no database and no
/// terminal. What a key asks the runtime to change is exactly the effect checked here.
@Suite struct HandleTests {
    func state(_ actor: Operator, pairs: [(Int, Int)] = [(1, 1), (3, 3)]) -> ConsoleState {
        let context = ConsoleContext(actor: actor, geography: FixtureCity.geography, catalog: FixtureCity.catalog, lang: .en,
                                     databasePath: "/tmp/none.sqlite")
        var state = ConsoleState(context: context, width: 100, height: 30)
        _ = state.handle(.loaded(CityData(snapshot: FixtureCity.snapshot(pairs: pairs), context: context, today: FixtureCity.today)))
        return state
    }

    func press(_ state: inout ConsoleState, _ names: String...) -> [Effect] {
        var effects: [Effect] = []
        for name in names { effects += state.handle(.key(Key.parse(name)!)) }
        return effects
    }

    func mutations(_ effects: [Effect]) -> [Mutation] {
        effects.compactMap { if case .mutate(let mutation, _) = $0 { mutation } else { nil } }
    }

    @Test func pairingAsksForTheTwoPickedRecordsOnly() {
        var console = state(FixtureCity.dispatcher)
        #expect(mutations(press(&console, "2", "p")).isEmpty, "nothing picked: no pairing asked for")
        let effects = press(&console, "Space", "Space", "p")
        let asked = mutations(effects)
        #expect(asked.count == 1)
        guard case .pair(let branch, let enterprise) = asked.first else {
            Issue.record("expected a pair mutation, got \(asked)")
            return
        }
        #expect(branch == RecordCode(.branch, 2) && enterprise == RecordCode(.enterprise, 2))
    }

    @Test func aSupervisorsKeysAskForNoChange() {
        var console = state(FixtureCity.supervisor)
        let effects = press(&console, "3", "x", "d", "u", "n")
        #expect(mutations(effects).isEmpty)
        #expect(console.notice?.text.en.contains("read-only") == true, "\(String(describing: console.notice))")
    }

    @Test func aLeadRecordsADeliveryOnlyAfterAValidQuantity() {
        var console = state(FixtureCity.lead1)
        // My enterprise: E1's requests by urgency; the first row is R1, 40 of 100 tea pickers.
        #expect(mutations(press(&console, "d")).isEmpty, "d opens the form; nothing is written yet")
        for character in "0" { _ = console.handle(.key(.char(character))) }
        #expect(mutations(press(&console, "Enter")).isEmpty, "a zero quantity is refused in the form")
        _ = press(&console, "Bksp")
        for character in "60" { _ = console.handle(.key(.char(character))) }
        let asked = mutations(press(&console, "Enter"))
        guard case .deliver(let code, let quantity, _, let over)? = asked.first else {
            Issue.record("expected a delivery, got \(asked)")
            return
        }
        #expect(code == RecordCode(.request, 1) && quantity == Quantity(60) && !over)
    }
}
