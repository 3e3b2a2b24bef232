import Testing
import TandemCore
@testable import TandemConsole

@Suite("Dispatcher board")
struct DispatcherTests {
    @Test func queueSortsOverdueAndUrgentFirstWithCursorOnTheFocusedRow() {
        let (console, _) = Fixture.console(Fixture.dispatcher)
        let lines = console.lines
        #expect(lines[0].contains("李调度") && lines[0].contains("调度员"))
        #expect(lines[1].contains("[1 需求队列]"))
        // R3 is overdue (due 03-08) and urgent: first; the cursor sits on it.
        let rows = lines.filter { $0.contains(" R") && $0.contains("/") }
        #expect(rows.first?.contains("R3") == true)
        #expect(rows.first?.hasPrefix("▶") == true)
        #expect(console.cursorLine?.contains("R3") == true)
        #expect(rows.first?.contains("03-08!") == true)
        #expect(console.screen.contains("南川九叶青花椒基地"))
        #expect(console.screen.contains("盲区：无突击队负责"))
    }

    @Test func incrementalSearchFiltersAsYouType() {
        let (console, _) = Fixture.console(Fixture.dispatcher)
        console.press("/")
        console.type("永川")
        let rows = console.lines.filter { $0.contains("/") && $0.contains(" R") }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.contains("永川") })
        #expect(console.screen.contains("共 2 项"))
        #expect(console.cursorLine?.contains("搜索：永川") == true, "the cursor stays in the search box while typing")
        console.press("Esc")
        #expect(console.screen.contains("共 6 项"))
        console.command("find R5")
        #expect(console.screen.contains("共 1 项"))
    }

    @Test func sortCyclesAndFilterFormValidatesAsYouType() {
        let (console, _) = Fixture.console(Fixture.dispatcher)
        console.press("o")
        #expect(console.screen.contains("排序：登记时间"))
        console.press("f")
        console.type("口")  // not a category yet
        #expect(console.screen.contains("✗ 没有类别“口”"))
        console.press("^U")
        console.type("ppe")
        #expect(!console.screen.contains("✗ 没有类别"))
        console.press("Tab", "Tab")
        console.type("南川")
        console.press("Enter")
        let rows = console.lines.filter { $0.contains("/") && $0.contains(" R") }
        #expect(rows.count == 2, "masks and 84 disinfectant for the pepper base")
        #expect(console.screen.contains("筛选：防护消毒物资、南川区"))
    }

    @Test func pairByPickingBothWritesThePairing() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher)
        console.press("2")
        #expect(console.screen.contains("空闲突击队 (1)"))
        #expect(console.screen.contains("B2 南川区残联党支部党员突击队"))
        #expect(console.footerDisabled("p 结对"))
        let before = try repo.fingerprint()
        console.press("p")              // nothing picked yet: refused
        #expect(try repo.fingerprint() == before)
        console.press("Space")          // pick B2; focus moves to the enterprises
        console.press("Space")          // pick E2 (needs help, listed first)
        #expect(console.screen.contains("将结对：B2 南川区残联党支部党员突击队 ↔ E2 南川九叶青花椒基地"))
        #expect(console.screen.contains("能力满足全部 3 项需求"))
        console.press("p")
        #expect(try repo.activePairings().contains { $0.branchCode == RecordCode(.branch, 2) && $0.enterpriseCode == RecordCode(.enterprise, 2) })
        #expect(console.screen.contains("已结对：突击队 B2 ↔ 单位 E2"))
        #expect(console.screen.contains("没有空闲突击队"))
    }

    /// The preview judges the pair as the engine does: 9 people cannot pick for 60 more tea pickers.
    @Test func pairPreviewShowsTheEnginesGaps() throws {
        let (console, _) = Fixture.console(Fixture.dispatcher, repository: Fixture.repository(pairs: [(3, 3)]))
        console.press("2")
        #expect(console.screen.contains("B1 永川区残联党支部党员突击队"))
        console.press("Space")          // B1: headcount 9, labour and farm supplies
        #expect(console.screen.contains("E1 永川残疾人梦想茶叶基地"))
        // Focus is on the unpaired enterprises now; walk down to E1.
        for _ in 0..<4 where !(console.cursorLine?.contains("E1 ") ?? false) { console.press("j") }
        #expect(console.cursorLine?.contains("E1 永川") == true, "\(console.screen)")
        console.press("Space")
        let screen = console.screen
        #expect(screen.contains("将结对：B1 永川区残联党支部党员突击队 ↔ E1 永川残疾人梦想茶叶基地"), "\(screen)")
        #expect(screen.contains("需 60 人，仅有 9 人"), "\(screen)")
        #expect(!screen.contains("能力满足全部"))
    }

    @Test func unpairAsksWithWarningAboutUncoveredDistrict() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher)
        console.command("find 永川")
        console.press("u")
        let screen = console.screen
        #expect(screen.contains("［需确认］解除结对：E1"))
        #expect(screen.contains("将成为盲区"))
        #expect(screen.contains("警告：永川区 将没有任何突击队负责"))
        let before = try repo.fingerprint()
        console.press("Enter")   // no reason yet: refused
        #expect(try repo.fingerprint() == before)
        #expect(console.screen.contains("请填写原因"))
        console.type("突击队调往南川")
        console.press("Enter")
        #expect(try repo.activePairings().count == 1)
        let ended = try repo.history(of: RecordCode(.enterprise, 1)).pairings.first
        #expect(ended?.endReason == "突击队调往南川" && ended?.endedBy == "dispatcher")
    }

    @Test func requestFormValidatesAsYouTypeAndFiles() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher)
        console.command("file E2")
        #expect(console.screen.contains("为 E2 南川九叶青花椒基地 登记需求"))
        console.type("ppe")
        console.press("Tab")
        console.type("口罩")
        console.press("Tab")
        console.type("-5")
        #expect(console.screen.contains("✗ 数量“-5”无效"))
        console.press("^U")
        console.type("500")
        console.press("Tab")
        console.type("吨")
        #expect(console.screen.contains("✗ masks 不能以“吨”计量"))
        console.press("^U")
        console.type("个")
        console.press("Tab", "Tab")
        console.type("2020-03-01")
        #expect(console.screen.contains("✗ 截止日期 2020-03-01 早于今天（2020-03-10）"))
        console.press("^U")
        console.type("2020-03-20")
        let before = try repo.fingerprint()
        #expect(before.requests.count == 6, "nothing is written while the form is open")
        console.press("Enter")
        let filed = try #require(try repo.snapshot().requests.last)
        #expect(filed.code == RecordCode(.request, 7))
        #expect(filed.enterpriseCode == RecordCode(.enterprise, 2))
        #expect(filed.item == "masks" && filed.unit == "piece" && filed.quantity == Quantity(500))
        #expect(filed.due == Day(year: 2020, month: 3, day: 20))
        #expect(console.screen.contains("已登记需求 R7"))
    }

    @Test func commandLineSharesTheActions() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher)
        console.command("pair B2 E2")
        #expect(try repo.activePairings().contains { $0.branchCode == RecordCode(.branch, 2) && $0.enterpriseCode == RecordCode(.enterprise, 2) })
        let r4 = RecordCode(.request, 4)
        console.command("deliver R4 120 王师傅货车")
        #expect(try repo.request(r4).delivered == Quantity(120))
        #expect(try repo.deliveries(of: r4).last?.note == "王师傅货车")
        #expect(try repo.deliveries(of: r4).last?.operatorLogin == "dispatcher")
        let before = try repo.fingerprint()
        console.command("deliver R4 1000")
        #expect(console.screen.contains("超出需求：R4 仅剩 180"), "the store's refusal is shown in one line")
        #expect(try repo.fingerprint() == before)
        console.command("done R4")
        #expect(console.screen.contains("［需确认］完成需求：R4"), "the same question as x")
        console.press("Enter")
        #expect(try repo.request(r4).status == .done)
        console.command("frobnicate")
        #expect(console.screen.contains("未知命令“frobnicate”"))
        console.command("sort")
        #expect(console.screen.contains("排序：登记时间"), "a key's command without arguments runs the same action")
    }
}

extension HeadlessConsole {
    /// Whether the footer shows the binding as disabled (marked ✗).
    func footerDisabled(_ label: String) -> Bool { lines.last?.contains(label + "✗") == true }
}
