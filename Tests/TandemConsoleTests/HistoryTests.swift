import Testing
import TandemCore
import TandemStore
@testable import TandemConsole

/// Issue 8, wrong-record bug 4: history is complete, counted and scrollable, opened with Enter
/// or `:show R|E|B`, for every role whose read scope holds the record.
@Suite("Whole history")
struct HistoryTests {
    /// 25 deliveries of one mask each on R4 (E2's masks), numbered in their notes.
    func repositoryWithManyDeliveries() throws -> SQLiteRepository {
        let repo = Fixture.repository(pairs: [(1, 1), (2, 2), (3, 3)])
        for n in 1...25 {
            try repo.deliver(RecordCode(.request, 4), quantity: Quantity(1), note: "第\(n)车", allowOver: false, by: Fixture.dispatcher)
        }
        return repo
    }

    @Test func showE2ListsEveryDeliveryWithACountAndScrolls() throws {
        let (console, _) = Fixture.console(Fixture.dispatcher, repository: try repositoryWithManyDeliveries())
        console.command("show E2")
        var screen = console.screen
        #expect(screen.contains("详情 — 单位 E2"), "\(screen)")
        #expect(screen.contains("送达记录（共 25 笔）") || console.state.screen.detailLines(RecordCode(.enterprise, 2)).contains { $0.0.contains("送达记录（共 25 笔）") })
        #expect(screen.contains("共 ") && screen.contains("还有"), "the title counts the lines and the hint says more follow")
        let lines = console.state.screen.detailLines(RecordCode(.enterprise, 2)).map(\.0)
        #expect(lines.contains { $0.contains(" 第1车") } && lines.contains { $0.contains(" 第25车") }, "none is cut")
        console.press("G")
        screen = console.screen
        #expect(!screen.contains("还有"), "at the end nothing more follows: \(screen)")
        // Scrolling through the whole view shows the first delivery too.
        var seen = false
        console.press("g")
        for _ in 0..<20 { if console.screen.contains(" 第1车 ") { seen = true; break }; console.press("PgDn") }
        #expect(seen, "the first delivery can be scrolled to")
        console.press("Esc")
        #expect(!console.screen.contains("详情 — "))
    }

    @Test func aLeadOpensTheWholeHistoryOfTheirOwnEnterprise() throws {
        let (console, _) = Fixture.console(Fixture.lead1)
        console.command("show E1")
        #expect(console.screen.contains("详情 — 单位 E1"), "\(console.screen)")
        #expect(console.screen.contains("结对历史（共 1 次）"))
        console.press("Esc")
        // R1 is the first row of my enterprise (the most urgent).
        console.press("Enter")
        #expect(console.screen.contains("详情 — 需求 R1"), "Enter opens the focused request: \(console.screen)")
        #expect(console.screen.contains("送达记录（共 1 笔）"))
    }

    @Test func enterOnTheQueueAndShowOfABranch() throws {
        let (console, _) = Fixture.console(Fixture.dispatcher, lang: .en, width: 120, height: 40)
        console.press("Enter")
        #expect(console.screen.contains("Details — Request R3"), "\(console.screen)")
        #expect(console.screen.contains("Deliveries (0):"))
        console.press("Esc")
        console.command("show B1")
        #expect(console.screen.contains("Details — Branch B1"))
        #expect(console.screen.contains("Paired with: E1"))
        #expect(console.screen.contains("Changes ("))
    }

    @Test func aGroupSupervisorIsRefusedOutsideTheGroup() {
        let (console, _) = Fixture.console(Fixture.supervisor5)
        console.command("show E1")
        #expect(console.screen.contains("E1 不在您可查看的范围（第 5 督导组）"), "\(console.screen)")
        console.command("show E2")
        #expect(console.screen.contains("详情 — 单位 E2"))
    }
}
