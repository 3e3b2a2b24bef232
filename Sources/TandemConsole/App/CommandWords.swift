import TandemCore

/// A word of the `:` line: its English name (the `command` of the key-table row that runs the
/// same action, when there is one), its Chinese aliases and, for commands that take arguments,
/// their syntax and help. The `:` parser, its usage errors, Tab completion, the `?` help and
/// the README key reference all read this one table together with the key tables.
struct CommandWord: Sendable {
    let name: String
    let aliases: [String]
    /// The arguments as typed after the name; nil when the word takes none.
    let arguments: Bilingual?
    /// What the typed form does; nil when it only names a key's command (its help is the key's).
    let help: Bilingual?

    init(_ name: String, _ aliases: [String], _ arguments: Bilingual? = nil, _ help: Bilingual? = nil) {
        self.name = name
        self.aliases = aliases
        self.arguments = arguments
        self.help = help
    }

    /// The first Chinese alias, the name a Chinese screen shows.
    var chineseName: String? { aliases.first { !$0.allSatisfy(\.isASCII) } }

    /// `:pair B12 E345`, or `:结对 B12 E345` on a Chinese screen.
    func syntax(_ lang: Lang) -> String {
        ":" + (lang == .zh ? chineseName ?? name : name) + (arguments.map { " " + $0.text(lang) } ?? "")
    }
}

extension CommandWord {
    /// Every word of the `:` line.
    static let all: [CommandWord] = [
        CommandWord("pair", ["结对"], bi("B12 E345", "B12 E345"), bi("结对", "pair a branch with an enterprise")),
        CommandWord("unpair", ["解除结对", "解对"], bi("E345 [原因]", "E345 [reason]"), bi("解除结对（会先提示）", "end a pairing (asks first)")),
        CommandWord("deliver", ["送达"], bi("R88 40 [备注] [超额]", "R88 40 [note] [over]"), bi("登记送达", "record a delivery")),
        CommandWord("done", ["完成"], bi("R88", "R88"), bi("标记完成（会先确认）", "mark a request done (asks first)")),
        CommandWord("cancel", ["取消"], bi("R88 原因", "R88 reason"), bi("取消需求（会先确认）", "cancel a request (asks first)")),
        CommandWord("reopen", ["重开"], bi("R88 原因", "R88 reason"), bi("重新打开需求（会先确认）", "reopen a request (asks first)")),
        CommandWord("correct", ["更正"], bi("R88 [#送达编号 正确数量 原因]", "R88 [#delivery right-quantity reason]"),
                    bi("更正登错的送达（会先确认）", "correct a mistaken delivery (asks first)")),
        CommandWord("resume", ["复工"], bi("E345 停工|60%|已复工", "E345 closed|60%|resumed"), bi("更新复工状态", "update resumption status")),
        CommandWord("file", ["登记"], bi("E345 [类别 物品 数量 单位 优先级 截止日期]", "E345 [category item quantity unit priority due]"),
                    bi("登记需求（打开表单）", "file a request (opens the form)")),
        CommandWord("find", ["查找", "搜索", "search"], bi("永川", "永川"), bi("搜索需求", "search the requests")),
        CommandWord("show", ["显示", "详情"], bi("R88|E345|B12", "R88|E345|B12"),
                    bi("查看需求、单位或突击队的详情和完整历史", "show a request's, enterprise's or branch's details and whole history")),
        CommandWord("sort", ["排序"], bi("紧急程度|登记时间|区县", "urgency|age|district"), bi("排序", "sort the queue")),
        CommandWord("accept", ["接受"], bi("N|all（全部）", "N|all"), bi("接受第 N 个建议或全部建议", "accept proposal N, or all of them")),
        CommandWord("theme", ["主题"], bi(ThemeKind.allCases.map(\.label.zh).joined(separator: "|"), ThemeKind.allCases.map(\.rawValue).joined(separator: "|")), bi("切换主题", "switch theme")),
        CommandWord("lang", ["语言"], bi("中文|英文", "zh|en"), bi("切换语言", "switch language")),
        CommandWord("accept-all", ["全部接受"]),
        CommandWord("help", ["帮助"]),
        CommandWord("quit", ["退出", "q", "exit"]),
        CommandWord("reload", ["刷新"]),
        CommandWord("redraw", ["重绘"]),
        CommandWord("filter", ["筛选"]),
        CommandWord("clear", ["清除"]),
        CommandWord("propose", ["重算"]),
        CommandWord("pick", ["选定"]),
        CommandWord("side", ["切换"]),
        CommandWord("open", ["展开"]),
        CommandWord("back", ["返回"]),
        CommandWord("by", ["分组"]),
        CommandWord("only", ["快速筛选"]),
        CommandWord("worst", ["最差优先"]),
        CommandWord("next", ["下一屏"]),
        CommandWord("prev", ["上一屏"]),
        CommandWord("up", ["上"]),
        CommandWord("down", ["下"]),
        CommandWord("left", ["左"]),
        CommandWord("right", ["右"]),
        CommandWord("pgup", ["上页"]),
        CommandWord("pgdn", ["下页"]),
        CommandWord("top", ["首行"]),
        CommandWord("bottom", ["末行"]),
        CommandWord("close", ["关闭"]),
        CommandWord("queue", ["队列", "需求队列"]),
        CommandWord("pairing", ["结对屏"]),
        CommandWord("proposals", ["建议"]),
        CommandWord("mine", ["我的", "我的单位"]),
        CommandWord("coverage", ["覆盖"]),
        CommandWord("map", ["地图"]),
    ]

    /// The commands with arguments, as the help and the README list them.
    static func typedCommands(_ lang: Lang) -> [(String, Bilingual)] {
        all.compactMap { word in
            guard let help = word.help else { return nil }
            return (word.syntax(lang), help)
        }
    }

    /// The English name a typed word stands for: itself, or the command it is an alias of.
    static func canonical(_ word: String) -> String {
        let key = normalizedInput(word).lowercased()
        return all.first { $0.name == key || $0.aliases.contains(key) }?.name ?? key
    }

    /// A key's command as a screen in `lang` names it: its Chinese alias on a Chinese screen.
    static func typedName(_ command: String, _ lang: Lang) -> String {
        guard lang == .zh, let chinese = all.first(where: { $0.name == command })?.chineseName else { return command }
        return chinese
    }

    /// "usage: :pair B12 E345 (or :结对 …)", from the table.
    static func usage(_ name: String) -> Bilingual {
        guard let word = Self.all.first(where: { $0.name == name }) else { return bi("用法见 ? 帮助", "see ? for the usage") }
        let alias = word.chineseName
        return bi("用法：" + word.syntax(.zh) + (alias == nil ? "" : "（或 :\(word.name) …）"),
                  "usage: " + word.syntax(.en) + (alias.map { " (or :\($0) …)" } ?? ""))
    }
}
