import Testing
import TandemCore
@testable import TandemConsole

/// Where the terminal cursor is: a screen reader reads the cursor's line, so on every screen it
/// must sit on what matters — never on a border, a blank line or the footer.
@Suite("Cursor placement")
struct CursorPlacementTests {
    @Test func helpCursorFollowsTheLineBeingReadToTheEnd() {
        let (console, _) = Fixture.console(Fixture.dispatcher, lang: .en)
        console.press("?")
        #expect(console.cursorLine?.contains("Keys of the") == true)
        console.press("Down")
        let second = console.cursorLine
        #expect(second?.contains("Keys of the") == false)
        #expect(second?.trimmingCharacters(in: .whitespaces).isEmpty == false)
        // Past the last page the view stops scrolling; the cursor goes on down the lines, so
        // each Down still reads a new line, and stops on the last one.
        for _ in 0..<200 { console.press("Down") }
        #expect(console.cursorLine?.contains("any key closes the help") == true)
        console.press("Up")
        #expect(console.cursorLine?.contains("any key closes the help") == false)
        #expect(console.cursorLine?.trimmingCharacters(in: .whitespaces).isEmpty == false)
    }

    @Test func confirmDialogCursorIsOnTheWarning() {
        let (console, _) = Fixture.console(Fixture.lead1, lang: .en)
        console.press("j")   // R1: 40 of 100 delivered
        console.press("x")
        #expect(console.screen.contains("[confirm]"))
        #expect(console.cursorLine?.contains("still to deliver") == true || console.cursorLine?.lowercased().contains("warning") == true)
    }

    @Test func emptyQueueCursorIsOnItsMessage() {
        let (console, _) = Fixture.console(Fixture.dispatcher, lang: .en)
        console.press("/")
        console.type("zzzz")
        console.press("Enter")
        #expect(console.cursorLine?.contains("nothing matches") == true)
    }

    @Test func leadWithoutAnEnterpriseCursorIsOnTheMessage() {
        let (console, _) = Fixture.console(Fixture.lead2, lang: .zh)
        #expect(console.screen.contains("还没有结对单位"))
        #expect(console.cursorLine?.contains("还没有结对单位") == true)
    }

    @Test func proposalsNotYetComputedCursorIsOnTheHint() {
        let (console, _) = Fixture.console(Fixture.dispatcher, lang: .en)
        console.press("3")
        #expect(console.cursorLine?.contains("press r") == true)
    }

    @Test func terminalTooSmallCursorIsOnItsMessage() {
        let (console, _) = Fixture.console(Fixture.dispatcher, lang: .en)
        console.resize(width: 60, height: 20)
        #expect(console.cursorLine?.contains("Terminal too small") == true)
        #expect(console.grid.cursor.map { console.grid[$0.x, $0.y].text } == "T")
    }

    @Test func mapCursorIsOnTheFocusedDistrictsDetails() {
        let (console, _) = Fixture.console(Fixture.supervisor, lang: .en)
        console.press("2")
        let first = console.cursorLine
        #expect(first?.contains("in need") == true && first?.contains("coverage") == true)
    }

    @Test func mapFirstArrowMoves() {
        let (console, _) = Fixture.console(Fixture.supervisor, lang: .en)
        console.press("2")
        let before = console.state.map.selected ?? console.state.mapDistricts.first?.code
        console.press("Right")
        let after = console.state.map.selected
        #expect(after != nil && after != before)
    }
}
