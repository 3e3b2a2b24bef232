import TandemCore

/// The keys of every screen and the typed `:` commands as Markdown, generated from the same
/// key tables as the footer and the `?` help (`tandem console --keys-markdown`), so that the
/// README cannot drift from the console.
public enum KeyReference {
    public static func markdown(geography: Geography, catalog: Catalog, lang: Lang) -> String {
        func t(_ text: Bilingual) -> String { text.text(lang) }
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        func keys(_ binding: KeyBinding) -> String {
            binding.keys.map { "`\($0.description == "`" ? "backtick" : $0.description)`" }.joined(separator: " ")
        }
        func row(_ b: KeyBinding) -> String {
            let command = b.command.map { "`:\(CommandWord.typedName($0, lang))`" } ?? ""
            let help = t(b.help)
            let asks = lang == .zh ? "需确认" : "asks first"
            let mark = b.dangerous && !help.contains(asks) ? (lang == .zh ? "（需确认）" : " (asks first)") : ""
            return "| \(keys(b)) | \(command) | \(cell(help))\(mark) |"
        }
        let header = lang == .zh ? "| 按键 | 命令 | 作用 |\n|---|---|---|" : "| Keys | Command | What it does |\n|---|---|---|"
        let roles: [(Bilingual, Operator)] = [
            (bi("调度员", "Dispatcher"), Operator(login: "dispatcher", displayName: "", role: .dispatcher)),
            (bi("突击队长", "Branch lead"), Operator(login: "lead", displayName: "", role: .branchLead(branch: RecordCode(.branch, 1)))),
            (bi("督导（只读）", "Supervisor (read-only)"), Operator(login: "supervisor", displayName: "", role: .supervisor(group: nil))),
        ]
        var out: [String] = []
        out.append(lang == .zh ? "| 角色 | 屏幕（按数字键切换） |\n|---|---|" : "| Role | Screens (number keys switch) |\n|---|---|")
        for (name, actor) in roles {
            let tabs = Tab.available(for: actor.role)
            out.append("| \(t(name)) | " + tabs.enumerated().map { "\($0.offset + 1) \(t($0.element.title))" }.joined(separator: " · ") + " |")
        }
        out.append("")
        var state = ConsoleState(context: ConsoleContext(actor: roles[0].1, geography: geography, catalog: catalog, lang: lang,
                                                         databasePath: ""), width: 120, height: 40)
        var shown: Set<Tab> = []
        for (_, actor) in roles {
            state = ConsoleState(context: ConsoleContext(actor: actor, geography: geography, catalog: catalog, lang: lang,
                                                         databasePath: ""), width: 120, height: 40)
            for tab in state.tabs where !shown.contains(tab) {
                shown.insert(tab)
                state.tab = tab
                let global = state.globalBindings().count
                let rows = state.bindings().dropLast(global)
                out.append("**\(t(tab.title))**\n")
                out.append(header)
                out += rows.map(row)
                out.append("")
            }
        }
        out.append(lang == .zh ? "**每一屏都有**\n" : "**On every screen**\n")
        out.append(header)
        out += state.globalBindings().filter { if case .goTo = $0.action { return false } else { return true } }.map(row)
        let most = roles.map { Tab.available(for: $0.1.role).count }.max() ?? 1
        out.append("| `1`…`\(most)` | `:queue` `:pairing` `:proposals` `:mine` `:coverage` `:map` | "
                   + (lang == .zh ? "切换到第 N 屏 |" : "go to screen N |"))
        out.append("")
        out.append(lang == .zh ? "**`:` 命令（带参数）**\n" : "**Typed `:` commands**\n")
        out.append(lang == .zh ? "| 命令 | 作用 |\n|---|---|" : "| Command | What it does |\n|---|---|")
        for word in CommandWord.all where word.help != nil {
            // The other language's name too: either works on any screen.
            let other = lang == .zh ? ":" + word.name : word.chineseName.map { ":" + $0 }
            let also = other.map { lang == .zh ? "（也可 `\($0)`）" : " (also `\($0)`)" } ?? ""
            out.append("| `\(cell(word.syntax(lang)))` | \(cell(t(word.help!)))\(also) |")
        }
        out.append("")
        let aliases = CommandWord.all.filter { $0.help == nil }.compactMap { word -> String? in
            let chinese = word.aliases.filter { !$0.allSatisfy(\.isASCII) }
            return chinese.isEmpty ? nil : chinese.map { "`:\($0)`" }.joined(separator: " ") + " = `:\(word.name)`"
        }
        out.append((lang == .zh ? "按键命令的中文名：" : "Chinese names of the key commands: ") + aliases.joined(separator: ", ") + "\n")
        out.append(lang == .zh ? "不带参数时，每个按键的命令作用于当前选中行，与按键相同。"
                   : "Without arguments, each key's command acts on the selected row, exactly like the key.")
        return out.joined(separator: "\n")
    }
}
