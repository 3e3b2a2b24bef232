import Testing
import TandemCore
import TandemStore
@testable import TandemConsole

/// Issue 8, wrong-record bug 2: the cursor follows the record (by code) across search, sort,
/// filter, reload and actions that move or remove its row; when the record is gone the cursor
/// moves to a neighbour and the message line says so, and the action keys name their record.
@Suite("Selection follows the record")
struct SelectionFollowsTests {
    func code(_ n: Int) -> RecordCode { RecordCode(.request, n) }

    /// Moves the queue's cursor to the row of `code`.
    func focus(_ console: HeadlessConsole, _ code: String) {
        for _ in 0..<20 where console.state.selectedQueueRequest?.code.description != code { console.press("j") }
        #expect(console.state.selectedQueueRequest?.code.description == code, "\(console.screen)")
        #expect(console.cursorLine?.contains(" \(code) ") == true, "the ▶ row shows it: \(console.screen)")
    }

    @Test func aSearchForAnExactCodeGoesToThatRequest() throws {
        let repo = Fixture.repository()
        // R7…R12: R10, R11 and R12 also match the text "R1".
        for _ in 7...12 {
            try repo.addRequest(RequestDraft(enterpriseCode: RecordCode(.enterprise, 3), category: "ppe", item: "masks", quantity: "10",
                                             unit: "piece"), catalog: Fixture.catalog, by: Fixture.dispatcher)
        }
        let (console, _) = Fixture.console(Fixture.dispatcher, repository: repo, width: 100, height: 30)
        focus(console, "R10")
        console.press("/")
        console.type("R1")
        console.press("Enter")
        #expect(console.state.selectedQueueRequest?.code == code(1), "\(console.screen)")
        console.press("d")
        #expect(console.screen.contains("登记送达：R1"), "the key names the request it acts on")
    }

    @Test func aReloadThatHidesTheRequestMovesToANeighbourAndSaysSo() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher, width: 100, height: 30)
        focus(console, "R4")
        // Another operator delivers all 300 masks: R4 is done and leaves the unfinished requests.
        try repo.otherProcess().deliver(code(4), quantity: Quantity(300), note: "", allowOver: false, by: Fixture.dispatcher)
        console.poll()
        let neighbour = try #require(console.state.selectedQueueRequest?.code)
        #expect(neighbour != code(4))
        #expect(console.screen.contains("R4 已完成，不在当前列表中；光标移到 \(neighbour)"), "\(console.screen)")
        console.press("x")
        #expect(console.screen.contains("完成需求：\(neighbour)"), "x names the request it will close")
    }

    @Test func aLeadsDeliveryThatFinishesARequestKeepsTheCursorOnIt() throws {
        let (console, repo) = Fixture.console(Fixture.lead1)
        // My enterprise lists R1 (urgent tea pickers, 60 left) first, then R2.
        #expect(console.cursorLine?.contains("R1") == true, "\(console.screen)")
        console.press("d")
        console.type("60")
        console.press("Enter")
        #expect(try repo.request(code(1)).status == .done)
        // R1 moved below R2, among the done ones; the cursor went with it, so x does not close R2.
        #expect(console.cursorLine?.contains("R1") == true, "\(console.screen)")
        let before = try repo.fingerprint()
        console.press("x")
        #expect(!console.screen.contains("完成需求：R2"))
        #expect(console.screen.contains("需求 R1 已完成"))
        console.press("Enter")
        #expect(try repo.fingerprint() == before)
    }

    @Test func aFilterThatHidesTheRequestSaysWhereTheCursorWent() {
        let (console, _) = Fixture.console(Fixture.dispatcher, lang: .en, width: 100, height: 30)
        focus(console, "R6")
        console.press("f")
        console.type("production")
        console.press("Enter")
        let neighbour = console.state.selectedQueueRequest?.code
        #expect(neighbour != nil && neighbour != code(6))
        #expect(console.screen.contains("R6 is outside the current filter; focus moved to \(neighbour!)"), "\(console.screen)")
    }

    @Test func sortKeepsTheSameRequest() {
        let (console, _) = Fixture.console(Fixture.dispatcher, width: 100, height: 30)
        focus(console, "R5")
        for _ in 0..<3 {
            console.press("o")
            #expect(console.state.selectedQueueRequest?.code == code(5))
        }
    }
}
