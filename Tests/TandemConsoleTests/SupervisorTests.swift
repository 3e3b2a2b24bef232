import Testing
import TandemCore
@testable import TandemConsole

@Suite("Supervisor")
struct SupervisorTests {
    @Test func coverageByGroupWithBarsAndBlindSpots() {
        let (console, _) = Fixture.console(Fixture.supervisor, width: 100, height: 30)
        let screen = console.screen
        #expect(console.lines[0].contains("只读"))
        let group3 = console.lines.first { $0.contains("第3组") }
        let group5 = console.lines.first { $0.contains("第5组") }
        // Group 3: E1 and E3 need help, both paired: 100 %. Group 5: E2 needs help, no branch.
        #expect(group3?.contains("█████") == true && group3?.contains("100%") == true)
        #expect(group5?.contains("0%") == true && group5?.contains("!1 盲区1") == true)
        #expect(screen.contains("全市：需帮扶 3，已结对 2，覆盖率 67%，盲区单位 1，盲区区县 1"))
        #expect(screen.contains("待送达："))
    }

    @Test func drillsDownFromGroupToABlindSpotAndItsHistory() {
        let (console, _) = Fixture.console(Fixture.supervisor, width: 100, height: 30)
        console.press("j")                 // group 5
        console.press("Enter")
        #expect(console.screen.contains("全市 › 第五督促指导小组"))
        let nanchuan = console.lines.first { $0.contains("南川区") }
        #expect(nanchuan?.contains("!盲区") == true)
        // Districts keep the geography's order: Nanchuan, then Jiangjin.
        #expect(console.cursorLine?.contains("南川区") == true)
        console.press("Enter")
        #expect(console.screen.contains("盲区：有需求但无突击队"))
        #expect(console.cursorLine?.contains("E2 南川九叶青花椒基地") == true)
        #expect(console.cursorLine?.contains("!盲区 无突击队") == true)
        console.press("Enter")
        let history = console.screen
        #expect(history.contains("全市 › 第五督促指导小组 › 南川区 › E2"))
        #expect(history.contains("!盲区：有需求但无突击队"))
        #expect(history.contains("R3 化肥 0/8 吨"))
        #expect(history.contains("已逾期"))
        #expect(history.contains("结对历史（共 0 次）："))
        console.press("Bksp", "Bksp", "Bksp")
        #expect(console.screen.contains("全市"))
        #expect(!console.screen.contains("›"))
    }

    @Test func mapShowsDistrictTilesWithWordsNotOnlyColour() {
        let (console, _) = Fixture.console(Fixture.supervisor, width: 100, height: 30)
        console.press("2")
        let screen = console.screen
        #expect(screen.contains("永川"))
        #expect(screen.contains("!0%"), "Nanchuan: needs and no branch")
        #expect(screen.contains("100%"))
        #expect(screen.contains("图例"))
        console.press("Right")
        console.press("Enter")
        #expect(console.screen.contains("›"), "Enter on a tile opens the district")
    }

    @Test func supervisorIsReadOnlyEverywhere() throws {
        let (console, repo) = Fixture.console(Fixture.supervisor)
        let before = try repo.fingerprint()
        console.press("3")
        #expect(console.footerDisabled("d 送达"))
        console.press("d")
        #expect(console.screen.contains("督导角色只读"))
        console.command("pair B2 E2")
        #expect(console.screen.contains("督导角色只读"))
        #expect(try repo.activePairings().count == 2)
        #expect(try repo.fingerprint() == before)
    }

    @Test func groupSupervisorSeesOnlyTheirGroup() {
        let (console, _) = Fixture.console(Fixture.supervisor5)
        #expect(console.screen.contains("第五督促指导小组"))
        #expect(console.screen.contains("南川区"))
        #expect(!console.screen.contains("永川区"))
        console.press("3")
        #expect(console.screen.contains("共 3 项"), "the pepper base's three requests only")
        console.command("show E1")
        #expect(console.screen.contains("E1 不在您可查看的范围（第 5 督导组）"))
    }
}

@Suite("Supervisor coverage by district")
struct CoverageByDistrictTests {
    @Test func cityLevelTogglesBetweenGroupsAndDistricts() {
        let (console, _) = Fixture.console(Fixture.supervisor, width: 100, height: 30)
        console.press("v")
        let screen = console.screen
        #expect(screen.contains("全市（按区县）"))
        #expect(console.lines.contains { $0.contains("南川区 第5组") && $0.contains("!盲区") })
        #expect(console.lines.contains { $0.contains("永川区 第3组") && $0.contains("100%") })
        console.press("j")  // Nanchuan (geography order: Yongchuan, Nanchuan, …)
        console.press("Enter")
        #expect(console.screen.contains("全市（按区县） › 南川区"))
        console.press("Bksp")
        console.press("v")
        #expect(console.lines.contains { $0.contains("第3组") && $0.contains("永川、北碚") })
    }
}

@Suite("Map tile labels")
struct MapTileLabelTests {
    @Test func cutNamesThatWouldReadTheSameKeepTheirEnds() {
        #expect(MapState.tileLabels(["Jiangbei", "Jiangjin", "Wuxi", "Yongchuan"], columns: 5) == ["J'bei", "J'jin", "Wuxi", "Yongc"])
        #expect(MapState.tileLabels(["九龙坡", "江北", "江津"], columns: 5) == ["九龙", "江北", "江津"], "by display width")
    }
}
