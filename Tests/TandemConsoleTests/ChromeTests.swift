import Foundation
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemConsole

@Suite("Console frame, help, live refresh")
struct ChromeTests {
    @Test func tooSmallTerminalShowsANoticeAndResizeRecovers() {
        let (console, _) = Fixture.console(Fixture.dispatcher, width: 60, height: 15)
        #expect(console.screen.contains("终端太小"))
        #expect(console.screen.contains("当前 60×15"))
        console.press("j")   // ignored, no crash
        console.resize(width: 80, height: 24)
        #expect(console.screen.contains("需求队列"))
        console.resize(width: 3, height: 1)
        _ = console.screen
        console.resize(width: 0, height: 0)
        #expect(console.screen == "")
    }

    @Test func helpAndFooterComeFromTheKeyTable() {
        let (console, _) = Fixture.console(Fixture.dispatcher)
        let footer = console.lines.last ?? ""
        #expect(footer.contains("/ 搜索") && footer.contains("? 帮助") && footer.contains("q 退出"))
        console.press("?")
        let help = console.screen
        #expect(help.contains("“需求队列”屏的按键"))
        #expect(help.contains(":送达"), "a Chinese screen names the command in Chinese (`:deliver` works too)")
        #expect(help.contains("! 将需求标记为完成"), "dangerous actions are marked")
        // The help turns whole pages (a screen reader hears one new line per ↓, not a screenful).
        console.press("PgDn")
        #expect(console.screen.contains(":结对 B12 E345"), "typed commands by their Chinese names on a Chinese screen")
        console.press("x")
        #expect(!console.screen.contains("“需求队列”屏的按键"))
    }

    @Test func everyFooterActionHasACommand() {
        for actor in [Fixture.dispatcher, Fixture.lead1, Fixture.supervisor] {
            let (console, _) = Fixture.console(actor)
            for tab in console.state.tabs {
                console.command(tab.rawValue)
                for binding in console.state.bindings() where binding.footer && binding.action != .commandLine {
                    #expect(binding.command != nil, "\(binding.label.en) on \(tab) has no : command")
                }
            }
        }
    }

    @Test func databaseStringsAreSanitizedBeforeDrawing() {
        let (console, _) = Fixture.console(Fixture.dispatcher)
        console.press("2")
        console.press("Right", "j")
        let screen = console.screen
        #expect(screen.contains("恶意[2J]0;pwned企业 第二行"))
        #expect(!screen.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func changesByOtherProcessesAppearWithoutAKeyPress() throws {
        let (console, repo) = Fixture.console(Fixture.supervisor, width: 100, height: 30)
        #expect(console.poll() == false, "nothing changed: no reload, no redraw")
        let before = console.grid
        #expect(console.poll() == false)
        #expect(console.grid == before)
        _ = try repo.otherProcess().pair(branch: RecordCode(.branch, 2), enterprise: RecordCode(.enterprise, 2), by: Fixture.dispatcher)
        #expect(console.poll() == true)
        #expect(console.screen.contains("全市：需帮扶 3，已结对 3，覆盖率 100%"))
    }

    @Test func themeCyclesThroughHighContrastAndMonochrome() {
        let (console, _) = Fixture.console(Fixture.dispatcher)
        console.press("T")
        #expect(console.state.theme == .highContrast)
        #expect(console.screen.contains("主题：高对比度"))
        console.command("theme monochrome")
        #expect(console.state.theme == .monochrome)
    }

    @Test func quitWithQ() {
        let (console, _) = Fixture.console(Fixture.lead1)
        console.press("q")
        #expect(console.isQuitting)
    }
}

@Suite("Background loading")
struct BackgroundLoadingTests {
    @Test func loadsOffTheKeyThreadAndDeliversDataThenTheSearchIndex() throws {
        let repo = Fixture.repository()
        let context = ConsoleContext(actor: Fixture.dispatcher, geography: Fixture.geography, catalog: Fixture.catalog,
                                     lang: .zh, databasePath: "")
        let runtime = ConsoleRuntime(repository: repo, context: context, proposer: nil, width: 80, height: 24, today: { Fixture.today })
        runtime.loadsInBackground = true
        runtime.load()
        #expect(runtime.state.render().text.contains("正在读取数据…"), "the first frame does not wait for the data")
        var waited = 0
        while runtime.state.data == nil, waited < 400 {
            _ = runtime.collectBackgroundResults()
            usleep(5_000); waited += 1
        }
        #expect(runtime.state.data != nil)
        #expect(runtime.state.render().text.contains("南川九叶青花椒基地"))
        // Keys keep working; a change elsewhere is picked up by the next poll.
        runtime.dispatch(.key(.char("j")))
        _ = try repo.otherProcess().setResumption(RecordCode(.enterprise, 3), .closed, by: Fixture.admin)
        #expect(runtime.poll() == false, "in the background the poll only starts the load")
        waited = 0
        while runtime.isLoading, waited < 400 { _ = runtime.collectBackgroundResults(); usleep(5_000); waited += 1 }
        #expect(runtime.state.data?.snapshot.version == (try repo.changeCounter()))
        #expect(runtime.state.data?.snapshot.enterprises[2].resumption == .closed, "the other process's change is on screen data")
    }
}


@Suite("Layout at 80 columns")
struct NarrowLayoutTests {
    @Test func englishQueueKeepsTheEnterpriseReadable() {
        let (console, _) = Fixture.console(Fixture.dispatcher, lang: .en)
        let row = console.lines.first { $0.contains("R3 ") }
        #expect(row?.contains("南川九叶青") == true, "the enterprise column has room at 80 columns")
        #expect(row?.contains(" none!") == true, "the branch column is not cut")
        #expect(console.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    @Test func statusBarKeepsTheRoleAndTheDatabaseFileName() {
        let (console, _) = Fixture.console(Fixture.dispatcher, lang: .en)
        let bar = console.lines[0]
        #expect(bar.contains("dispatcher ·"), "the role comes before the name")
        #expect(bar.contains("测试.sqlite"), "a long path shows its file name")
    }
}

@Suite("Key reference")
struct KeyReferenceTests {
    @Test func readmeShowsTheKeysOfTheCurrentKeyTables() throws {
        let markdown = KeyReference.markdown(geography: ShippedConfiguration.geography, catalog: Fixture.catalog, lang: .en)
        #expect(markdown.contains("| `d` | `:deliver` | record a delivery (quantity, note) |"))
        #expect(markdown.contains("| `?` `F1` | `:help` |"))
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(markdown), "README is stale: paste `tandem console --keys-markdown --lang en` into its console section")
    }
}
