import Testing
import TandemCore
@testable import TandemConsole

@Suite("Cell grid")
struct GridTests {
    @Test func wideCharactersTakeTwoCellsAndAlign() {
        var grid = Grid(width: 12, height: 2)
        grid.putPadded("永川", x: 0, y: 0, width: 6)
        grid.put("|", x: 6, y: 0)
        grid.putPadded("ab", x: 0, y: 1, width: 6)
        grid.put("|", x: 6, y: 1)
        #expect(grid.text == "永川  |\nab    |")
        #expect(grid[1, 0].isContinuation)
    }

    @Test func truncatesByDisplayWidthWithEllipsis() {
        var grid = Grid(width: 7, height: 1)
        let used = grid.put("南川九叶青花椒基地", x: 0, y: 0)
        #expect(used == 7)
        #expect(grid.line(0) == "南川九…")
    }

    @Test func wideCharacterNeverStraddlesTheEdge() {
        var grid = Grid(width: 5, height: 1)
        grid.put("ab茶叶", x: 0, y: 0, maxWidth: 5)
        #expect(DisplayWidth.of(grid.line(0)) == 5)
        #expect(!grid.line(0).contains("叶"))
    }

    @Test func overwritingHalfOfAWideCharacterClearsTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("茶叶基", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.line(0) == " x叶基")
        grid.put("y", x: 2, y: 0)
        #expect(grid.line(0) == " xy 基")
    }

    @Test func escapeSequencesAndControlCharactersNeverReachTheGrid() {
        var grid = Grid(width: 40, height: 1)
        grid.put("恶意\u{1B}[2J\u{1B}]0;pwned\u{07}企业\n行", x: 0, y: 0)
        let text = grid.line(0)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(text.hasPrefix("恶意[2J]0;pwned企业 行"))
    }

    @Test func changedRowsAreOnlyTheRowsThatDiffer() {
        var a = Grid(width: 10, height: 3)
        a.put("永川", x: 0, y: 0)
        var b = a
        #expect(b.changedRows(since: a).isEmpty)
        b.put("南川", x: 0, y: 2)
        #expect(b.changedRows(since: a) == [2])
        #expect(Grid(width: 5, height: 3).changedRows(since: a) == [0, 1, 2], "a size change repaints everything")
    }
}

@Suite("Search index")
struct SearchIndexTests {
    @Test func oneScanAgreesWithPerRequestMatching() {
        let repo = Fixture.repository()
        let snapshot = try! repo.snapshot()
        let context = ConsoleContext(actor: Fixture.dispatcher, geography: Fixture.geography, catalog: Fixture.catalog,
                                     lang: .zh, databasePath: "")
        let index = SearchIndex(snapshot: snapshot, context: context)
        for text in ["永川", "r1", "e2", "口罩", "masks", "南川区", "nanchuan", "x", "r", "恶意", "基地 r"] {
            let needle = Array(text.lowercased().utf8)
            let all = index.matchAll(needle)
            let each = (0..<snapshot.requests.count).map { index.matches($0, needle) }
            #expect(all == each, "\(text)")
        }
        #expect(index.matchAll(Array("口罩".utf8)).filter { $0 }.count == 2)
    }
}
