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

    @Test func pageDownInHelpReadsFromTheTopOfTheNextPage() {
        let (console, _) = Fixture.console(Fixture.dispatcher, lang: .en)
        console.press("?")
        console.press("Down", "Down", "PgDn")
        #expect(console.lines[1].contains("page 2 of"))
        #expect(console.grid.cursor?.y == 2, "the first line below the title")
        console.press("PgUp")
        #expect(console.lines[1].contains("page 1 of"))
        #expect(console.grid.cursor?.y == 2)
    }

    @Test func detailViewCursorFollowsTheLineBeingRead() {
        let (console, _) = Fixture.console(Fixture.dispatcher, lang: .en)
        console.command("show E2")
        let first = console.cursorLine
        console.press("Down")
        #expect(console.cursorLine != first && console.grid.cursor?.y == 3)
        console.press("G")
        let lines = console.state.screen.detailLines(RecordCode(.enterprise, 2)).map(\.0)
        #expect(console.cursorLine?.hasPrefix(lines.last ?? "?") == true)
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
        let (console, _) = Fixture.console(Fixture.lead2, repository: Fixture.repository(pairs: [(1, 1)]), lang: .zh)
        #expect(console.screen.contains("还没有结对单位"))
        #expect(console.cursorLine?.contains("还没有结对单位") == true)
    }

    @Test func noProposalsCursorIsOnTheMessage() {
        // Every branch paired: the engine has nothing to propose.
        let (console, _) = Fixture.console(Fixture.dispatcher, repository: Fixture.repository(pairs: [(1, 1), (2, 2), (3, 3)]), lang: .en)
        console.press("3")
        #expect(console.cursorLine?.contains("nothing to propose") == true)
        #expect(console.screen.contains("Left unpaired: none"))
    }

    @Test func emptyPairingListsCursorIsOnTheirMessage() {
        let (console, _) = Fixture.console(Fixture.dispatcher, repository: Fixture.repository(pairs: [(1, 1), (2, 2), (3, 3)]), lang: .en)
        console.press("2")
        #expect(console.cursorLine?.contains("no free branches") == true)
        // No row holds only the divider between the lists.
        #expect(!console.lines.contains { $0.trimmingCharacters(in: .whitespaces) == "│" })
    }

    @Test func formRowsHoldNoBareBorderNorTheScreenBelow() {
        let (console, _) = Fixture.console(Fixture.lead1, lang: .en)
        console.press("j", "x")
        let lines = console.lines
        guard let top = lines.firstIndex(where: { $0.contains("┌") }), let bottom = lines.firstIndex(where: { $0.contains("└") }) else {
            Issue.record("no box: \(console.screen)")
            return
        }
        let boxRows = lines[top...bottom]
        for row in boxRows {
            let text = row.trimmingCharacters(in: .whitespaces)
            #expect(text.first == "│" || text.first == "┌" || text.first == "└", "screen below leaks into: \(row)")
            let words = text.filter { !"│┌┐└┘─ ".contains($0) }
            #expect(!words.isEmpty, "a row that is only border: \(row)")
        }
    }

    @Test func mapSaysWhenNoDistrictLiesThatWay() {
        let (console, _) = Fixture.console(Fixture.supervisor, lang: .en)
        console.press("2")
        for _ in 0..<6 { console.press("Up") }
        #expect(console.lines[console.lines.count - 2].contains("no district above"))
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
        let before = console.state.map.selected ?? console.state.screen.mapDistricts.first?.code
        console.press("Right")
        let after = console.state.map.selected
        #expect(after != nil && after != before)
    }
}
