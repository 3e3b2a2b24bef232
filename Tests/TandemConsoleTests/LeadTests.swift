import Testing
import TandemCore
@testable import TandemConsole

@Suite("Branch lead")
struct LeadTests {
    @Test func myEnterpriseShowsContactResumptionAndProgress() {
        let (console, _) = Fixture.console(Fixture.lead1)
        let screen = console.screen
        #expect(console.lines[1].contains("[1 我的单位]"))
        #expect(screen.contains("我的突击队：B1 永川区残联党支部党员突击队"))
        #expect(screen.contains("E1 永川残疾人梦想茶叶基地"))
        #expect(screen.contains("廖云祥 13800000001"))
        #expect(screen.contains("部分复工 40%"))
        #expect(screen.contains("40/100 人"))
        #expect(screen.contains("████░░░░░░ 40%"))
        #expect(console.cursorLine?.hasPrefix("▶") == true)
    }

    @Test func recordsAPartialDeliveryThenFinishes() throws {
        let (console, repo) = Fixture.console(Fixture.lead1)
        // The first row is R1, the tea pickers (urgent, due in two days): the most urgent.
        #expect(console.cursorLine?.contains("R1") == true)
        console.press("d")
        #expect(console.screen.contains("登记送达：R1"))
        #expect(console.screen.contains("剩余 60 人"))
        console.type("70")
        #expect(console.screen.contains("✗ 超出需求：R1 仅剩 60 人 未送达"), "the unit by its Chinese name, not its code")
        let before = try repo.fingerprint()
        console.press("Enter")    // refused: the form stays, the database is unchanged
        #expect(try repo.fingerprint() == before)
        console.press("^U")
        console.type("25")
        console.press("Tab")
        console.type("大安镇村民上山采茶")
        console.press("Enter")
        let r1 = RecordCode(.request, 1)
        #expect(try repo.request(r1).delivered == Quantity(65))
        #expect(try repo.request(r1).status == .inProgress)
        #expect(try repo.deliveries(of: r1).last?.note == "大安镇村民上山采茶")
        #expect(try repo.deliveries(of: r1).last?.quantity == Quantity(25))
        #expect(try repo.deliveries(of: r1).last?.operatorLogin == "lead1")
        #expect(console.screen.contains("65/100 人"))
        console.press("x")
        #expect(console.screen.contains("［需确认］完成需求：R1"))
        #expect(console.screen.contains("注意：尚有 35 人 未送达"))
        console.press("Enter")
        #expect(try repo.request(r1).status == .done)
        #expect(console.screen.contains("需求 R1 已完成"))
    }

    @Test func updatesResumptionStatus() throws {
        let (console, repo) = Fixture.console(Fixture.lead1)
        console.press("r")
        console.press("^U")
        console.type("150%")
        #expect(console.screen.contains("✗ 应为 closed、1%–99% 或 resumed"))
        console.press("^U")
        console.type("80%")
        console.press("Enter")
        #expect(try repo.snapshot().enterprises[0].resumption == .partial(percent: 80))
        #expect(console.screen.contains("部分复工 80%"))
    }

    @Test func otherBranchesWorkIsVisiblyDisabledWithTheReason() throws {
        let (console, repo) = Fixture.console(Fixture.lead1)
        console.press("2")
        console.command("find 友缘")
        let screen = console.screen
        #expect(screen.contains("R6"))
        #expect(screen.contains("✗ 不能办理此需求：E3 由突击队 B3 负责，您负责的是 B1"))
        #expect(console.footerDisabled("d 送达"))
        #expect(console.footerDisabled("x 完成"))
        let before = try repo.fingerprint()
        console.press("d")
        #expect(console.screen.contains("不可用（送达）：E3 由突击队 B3 负责，您负责的是 B1"))
        #expect(try repo.fingerprint() == before)
        console.command("deliver R6 10")
        #expect(console.screen.contains("不能办理 E3 的需求：E3 由突击队 B3 负责"))
        #expect(try repo.fingerprint() == before)
        #expect(try repo.deliveries(of: RecordCode(.request, 6)).isEmpty)
        console.press("?")
        #expect(console.screen.contains("✗ E3 由突击队 B3 负责，您负责的是 B1"), "the help lists the reason too")
    }

    @Test func englishUserInterface() {
        let (console, _) = Fixture.console(Fixture.lead1, lang: .en)
        let screen = console.screen
        #expect(screen.contains("My branch: B1"))
        #expect(screen.contains("partly resumed 40%"))
        #expect(screen.contains("40/100 people"))
        console.press("L")
        #expect(console.screen.contains("我的突击队"))
    }
}
