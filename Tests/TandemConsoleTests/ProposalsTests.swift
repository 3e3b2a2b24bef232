import Testing
import TandemCore
@testable import TandemConsole

@Suite("Engine proposals")
struct ProposalsTests {
    @Test func proposalsAreExplainedAndAcceptedOneByOne() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher, width: 100, height: 30)
        console.press("3")
        let screen = console.screen
        #expect(screen.contains("建议 1 个结对"))
        #expect(console.cursorLine?.contains("B2 南川区残联党支部党员突击队") == true)
        #expect(console.cursorLine?.contains("E2 南川九叶青花椒基地") == true)
        #expect(screen.contains("理由：距离 0.0 公里（同区县） · 能力齐备"))
        #expect(screen.contains("紧急度"))
        // Enter reads the proposed enterprise (as on every screen); it accepts nothing.
        console.press("Enter")
        #expect(console.screen.contains("详情 — 单位 E2"))
        #expect(try repo.activePairings().count == 2)
        console.press("Esc")
        console.press("a")
        #expect(try repo.activePairings().contains { $0.branchCode == RecordCode(.branch, 2) && $0.enterpriseCode == RecordCode(.enterprise, 2) })
        #expect(try repo.activePairings().count == 3)
        #expect(console.screen.contains("已结对：突击队 B2 ↔ 单位 E2"))
    }

    @Test func acceptAllAsksFirstAndWritesEverything() throws {
        let repo = Fixture.repository(pairs: [])   // three free branches, three enterprises in need
        let (console, _) = Fixture.console(Fixture.dispatcher, repository: repo, width: 100, height: 30)
        console.press("3")
        #expect(console.screen.contains("建议 3 个结对"))
        console.press("A")
        #expect(console.screen.contains("［需确认］接受全部建议"))
        #expect(console.screen.contains("将一次写入 3 个结对"))
        console.press("Esc")
        #expect(try repo.activePairings().isEmpty)
        console.command("accept all")
        console.press("Enter")
        #expect(try repo.activePairings().count == 3)
        #expect(console.screen.contains("已接受 3 个结对"))
    }

    /// The proposals screen answers `:accept all` typed on any screen, as its `A` key would.
    @Test func acceptAllTypedOnAnotherScreenAsksFirst() throws {
        let repo = Fixture.repository(pairs: [])
        let (console, _) = Fixture.console(Fixture.dispatcher, repository: repo, width: 100, height: 30)
        console.press("3")
        #expect(console.screen.contains("建议 3 个结对"))
        console.press("1")
        console.command("accept all")
        #expect(console.screen.contains("［需确认］接受全部建议"), "\(console.screen)")
        #expect(try repo.activePairings().isEmpty)
        console.press("Enter")
        #expect(try repo.activePairings().count == 3)
    }

    @Test func readOnlySupervisorCannotAccept() {
        let (console, _) = Fixture.console(Fixture.lead1)
        #expect(!console.state.tabs.contains(.proposals))
        console.command("proposals")
        #expect(console.screen.contains("您的角色没有“引擎建议”屏"))
    }
}

@Suite("Engine proposals after a partial accept")
struct ProposalsPartialTests {
    @Test func acceptAllSkipsProposalsAlreadyPaired() throws {
        let repo = Fixture.repository(pairs: [])
        let (console, _) = Fixture.console(Fixture.dispatcher, repository: repo, width: 100, height: 30)
        console.press("3")
        console.press("a")                       // accept the first one
        #expect(try repo.activePairings().count == 1)
        #expect(console.screen.contains("（已结对）"))
        console.press("A")
        #expect(console.screen.contains("将一次写入 2 个结对"))
        console.press("Enter")
        #expect(try repo.activePairings().count == 3)
    }
}
