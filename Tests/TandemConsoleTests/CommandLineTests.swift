import Testing
import TandemCore
import TandemTestSupport
@testable import TandemConsole

/// The `:` line: history, Tab completion, Chinese aliases and usage from the command table.
@Suite struct CommandLineTests {
    func state(lang: Lang = .en) -> ConsoleState {
        let context = ConsoleContext(actor: FixtureCity.dispatcher, geography: FixtureCity.geography, catalog: FixtureCity.catalog, lang: lang,
                                     databasePath: "/tmp/none.sqlite")
        var state = ConsoleState(context: context, width: 100, height: 30)
        _ = state.handle(.loaded(CityData(snapshot: FixtureCity.snapshot(pairs: [(1, 1), (3, 3)]), context: context, today: FixtureCity.today)))
        return state
    }

    func press(_ state: inout ConsoleState, _ names: String...) {
        for name in names { _ = state.handle(.key(Key.parse(name)!)) }
    }

    func type(_ state: inout ConsoleState, _ text: String) {
        for character in text { _ = state.handle(.key(.char(character))) }
    }

    func line(_ state: ConsoleState) -> String? {
        if case .command(let line) = state.overlay { line.editor.text } else { nil }
    }

    @Test func upAndDownRecallTheLinesOfThisSession() {
        var console = state()
        for command in ["sort age", "find 永川"] {
            press(&console, ":")
            type(&console, command)
            press(&console, "Enter")
        }
        press(&console, ":")
        type(&console, "dra")
        press(&console, "Up")
        #expect(line(console) == "find 永川")
        press(&console, "Up", "Up")
        #expect(line(console) == "sort age", "stops at the oldest")
        press(&console, "Down")
        #expect(line(console) == "find 永川")
        press(&console, "Down")
        #expect(line(console) == "dra", "past the newest: the line being typed comes back")
    }

    @Test func tabCompletesCommandsAliasesAndRecordCodes() {
        var console = state()
        press(&console, ":")
        type(&console, "deli")
        press(&console, "Tab")
        #expect(line(console) == "deliver ")
        press(&console, "Esc", ":")
        type(&console, "送")
        press(&console, "Tab")
        #expect(line(console) == "送达 ", "Chinese aliases complete too")
        type(&console, "R")
        press(&console, "Tab")
        guard case .command(let typed) = console.overlay else { Issue.record("the line stays open"); return }
        #expect(typed.candidates.contains("R1") && typed.candidates.contains("R6"), "\(typed.candidates)")
        #expect(console.render().text.contains("options: R1"), "the candidates are listed under the line")
        type(&console, "6")
        press(&console, "Tab")
        #expect(line(console) == "送达 R6 ")
        press(&console, "Esc", ":")
        type(&console, "show E9")
        press(&console, "Tab")
        #expect(line(console) == "show E9", "no record E9…: nothing to complete")
    }

    @Test func chineseAliasesRunTheSameCommands() {
        var console = state(lang: .zh)
        press(&console, ":")
        type(&console, "完成 R6")
        press(&console, "Enter")
        guard case .form(let form) = console.overlay, case .markDone(let code) = form.purpose else {
            Issue.record("`:完成 R6` asks what `x` asks; got \(String(describing: console.overlay))")
            return
        }
        #expect(code == RecordCode(.request, 6))
        press(&console, "Esc", ":")
        type(&console, "排序 登记时间")
        press(&console, "Enter")
        #expect(console.queue.sort == .age, "arguments in Chinese words too")
        press(&console, ":")
        type(&console, "显示 Ｅ２")
        press(&console, "Enter")
        guard case .detail = console.overlay else { Issue.record("`:显示 Ｅ２` opens E2's details"); return }
    }

    @Test func usageComesFromTheCommandTable() {
        var console = state(lang: .zh)
        press(&console, ":")
        type(&console, "结对 B1")
        #expect(console.render().text.contains("用法：:结对 B12 E345"), "the footer shows the usage while typing")
        press(&console, "Enter")
        #expect(console.notice?.text.zh == "用法：:结对 B12 E345（或 :pair …）")
        // Every word of the table with arguments has a help line, and every key command is a known word.
        let help = console.helpLines().map(\.0).joined(separator: "\n")
        for word in CommandWord.all where word.help != nil { #expect(help.contains(word.syntax(.zh)), "\(word.name)") }
        let names = Set(CommandWord.all.map(\.name))
        for tab in console.tabs {
            console.tab = tab
            for command in console.bindings().compactMap(\.command) { #expect(names.contains(command), "`\(command)` has no row in the command table") }
        }
    }
}
