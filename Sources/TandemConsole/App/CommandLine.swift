import TandemCore

/// The `:` command line. Typed commands with arguments (`pair B12 E345`, `deliver R88 40`,
/// `done R88`, `find 永川`) act on the codes given; without arguments a command runs the same
/// action as its key on the current selection. Both go through the same permission checks.
extension ConsoleState {
    mutating func runCommand(_ line: String) -> [Effect] {
        // Full-width letters, digits and spaces from a Chinese input method read as ASCII.
        let words = normalizedInput(line).split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { return [] }
        let name = CommandWord.canonical(first)
        let args = Array(words.dropFirst())
        let rest = args.joined(separator: " ")

        func fail(_ zh: String, _ en: String) -> [Effect] {
            notice = Notice(kind: .error, text: bi(zh, en))
            return []
        }
        func fail(_ text: Bilingual) -> [Effect] {
            notice = Notice(kind: .error, text: text)
            return []
        }
        func code(_ text: String?, _ kind: RecordKind) -> RecordCode? {
            text.flatMap { RecordCode(parsing: $0, as: kind) }
        }
        func denied(_ action: Action) -> Bool {
            if let reason = context.denial(action, in: snapshot) {
                notice = Notice(kind: .error, text: bi("不能\(action.name.zh)：\(reason.zh)", "cannot \(action.name.en): \(reason.en)"))
                return true
            }
            return false
        }
        func request(_ code: RecordCode) -> Request? { data?.request(code) }

        // Codes typed with a command would be looked up in the start screen's records only.
        if data?.isFirstScreen == true, !args.isEmpty {
            return fail(bi("不可用：\(ConsoleState.waitingForCity.zh)", "not available: \(ConsoleState.waitingForCity.en)"))
        }

        switch (name, args.count) {
        case ("pair", 2):
            var b = code(args[0], .branch), e = code(args[1], .enterprise)
            if b == nil, e == nil { b = code(args[1], .branch); e = code(args[0], .enterprise) }
            guard let b, let e else { return fail(CommandWord.usage("pair")) }
            if denied(.pair) { return [] }
            return carryOut(PairingState.request(ProposedPair(branch: b, enterprise: e), via: .commandLine, screen))
        case ("unpair", 1...):
            guard let target = RecordCode(parsing: args[0]), target.kind != .request else {
                return fail(CommandWord.usage("unpair"))
            }
            if denied(.unpair) { return [] }
            var form = screen.unpairForm(for: target)
            if form.lines.isEmpty { return fail("\(target) 当前没有结对", "\(target) has no active pairing") }
            form.fields[0].editor = LineEditor(args.dropFirst().joined(separator: " "))
            overlay = .form(screen.validate(form))
            return []
        case ("deliver", 2...):
            guard let r = code(args[0], .request) else { return fail(CommandWord.usage("deliver")) }
            guard let target = request(r) else { return fail("找不到需求 \(r)", "no request \(r)") }
            if denied(.workRequest(enterprise: target.enterpriseCode)) { return [] }
            var noteWords = Array(args.dropFirst(2))
            let over = noteWords.last.map { ["over", "--over", "超额"].contains($0.lowercased()) } ?? false
            if over { noteWords.removeLast() }
            let quantity: Quantity
            switch RequestRules.checkDelivery(of: target, quantity: args[1], allowOver: over) {
            case .success(let checked): quantity = checked
            case .failure(let problem):
                notice = Notice(kind: .error, text: problem.namingUnits(context.catalog).bilingual(wording: ConsoleLineRemedies()))
                return []
            }
            return [.mutate(.deliver(r, quantity, note: noteWords.joined(separator: " "), over: over), via: .commandLine)]
        case ("done", 1):
            guard let r = code(args[0], .request) else { return fail(CommandWord.usage("done")) }
            guard let target = request(r) else { return fail("找不到需求 \(r)", "no request \(r)") }
            if denied(.workRequest(enterprise: target.enterpriseCode)) { return [] }
            // The same question as the x key, with the same warning when some is not delivered.
            if let reason = screen.closedDenial(target) { return fail("不可用（完成）：\(reason.zh)", "not available (done): \(reason.en)") }
            overlay = .form(screen.doneForm(for: target))
            return []
        case ("cancel", 1...), ("reopen", 1...):
            // The same form as C or O, with the reason typed so far; it still asks.
            let reopening = name == "reopen"
            guard let r = code(args[0], .request) else {
                return fail(CommandWord.usage(name))
            }
            guard let target = request(r) else { return fail("找不到需求 \(r)", "no request \(r)") }
            if denied(.cancelOrReopenRequest(enterprise: target.enterpriseCode)) { return [] }
            if !reopening, let reason = screen.closedDenial(target) { return fail("不可用（取消需求）：\(reason.zh)", "not available (cancel): \(reason.en)") }
            if reopening, target.status.isActive {
                return fail("需求 \(r) 尚未结束，无需重新打开", "request \(r) is still \(target.status.name.en); nothing to reopen")
            }
            var form = reopening ? screen.reopenForm(for: target) : screen.cancelForm(for: target)
            form.fields[0].editor = LineEditor(args.dropFirst().joined(separator: " "))
            overlay = .form(screen.validate(form))
            return []
        case ("correct", 1...):
            guard let r = code(args[0], .request) else {
                return fail(CommandWord.usage("correct"))
            }
            guard let target = request(r) else { return fail("找不到需求 \(r)", "no request \(r)") }
            if context.isReadOnly { return fail("督导角色只读", "supervisors have read-only access") }
            let effects = startCorrection(target)
            if case .form(var form) = overlay {
                for (i, value) in [args[safe: 1], args[safe: 2], args.count > 3 ? args.dropFirst(3).joined(separator: " ") : nil].enumerated() {
                    if let value { form.fields[i].editor = LineEditor(value) }
                }
                overlay = .form(screen.validate(form))
            }
            return effects
        case ("resume", 2):
            guard let e = code(args[0], .enterprise), let value = Resumption(parsing: args[1]) else {
                return fail(CommandWord.usage("resume"))
            }
            if denied(.updateResumption(enterprise: e)) { return [] }
            return [.mutate(.resumption(e, value), via: .commandLine)]
        case ("file", 1...):
            guard let e = code(args[0], .enterprise) else {
                return fail(CommandWord.usage("file"))
            }
            guard snapshot?.enterprise(e) != nil else { return fail("找不到单位 \(e)", "no enterprise \(e)") }
            if denied(.fileRequest(enterprise: e)) { return [] }
            var form = screen.requestForm(for: e)
            for (i, value) in args.dropFirst().prefix(form.fields.count).enumerated() { form.fields[i].editor = LineEditor(value) }
            form = screen.validate(form)
            form.focus = form.fields.firstIndex { $0.error != nil } ?? 0
            overlay = .form(form)
            return []
        case ("find", _), ("/", _):
            guard tabs.contains(.queue) else { return fail("您的角色没有需求队列", "your role has no request queue") }
            tab = .queue
            return carryOut(queue.find(rest, screen))
        case ("show", 1):
            guard let target = RecordCode(parsing: args[0]) else {
                return fail(CommandWord.usage("show"))
            }
            return openDetail(target)
        case ("sort", 1):
            // By its word in either language: `age` or 登记时间.
            guard let sort = QueueSort.allCases.first(where: { NameMatch.key(args[0]) == $0.rawValue || [$0.label.zh, $0.label.en].contains(args[0]) }) else {
                return fail(CommandWord.usage("sort"))
            }
            noteQueueFocus(queue.changeSort(to: sort, screen))
            return []
        case ("accept", 1):
            let all = ["all", "全部"].contains(args[0].lowercased())
            guard all || Int(args[0]) != nil else {
                return fail(CommandWord.usage("accept"))
            }
            if let reason = proposals.acceptDenial(screen) { return fail("不能接受建议：\(reason.zh)", "cannot accept: \(reason.en)") }
            // Typed on any screen: the proposals screen answers, as its `A` key would.
            if all { return carryOut(proposals.perform(.acceptAll, screen)) }
            guard let n = Int(args[0]), let pairs = proposals.set?.pairs, pairs.indices.contains(n - 1) else {
                return fail("没有第 \(args[0]) 个建议", "there is no proposal \(args[0])")
            }
            return proposals.acceptEffect(n - 1, via: .commandLine)
        case ("theme", 1):
            guard let kind = ThemeKind.allCases.first(where: { args[0].lowercased() == $0.rawValue || [$0.label.zh, $0.label.en].contains(args[0]) }) else {
                return fail(CommandWord.usage("theme"))
            }
            theme = kind
            return [.applyTheme(kind)]
        case ("lang", 1):
            let languages: [String: Lang] = ["zh": .zh, "中文": .zh, "en": .en, "english": .en, "英文": .en]
            guard let value = languages[args[0].lowercased()] else { return fail(CommandWord.usage("lang")) }
            lang = value
            return []
        case ("quit", 0):
            quit = true
            return []
        default:
            break
        }
        // A key's command without arguments: same action, same disabled reason.
        if args.isEmpty, let binding = bindings().first(where: { $0.command == name }) {
            if let reason = binding.disabled {
                return fail("不可用（\(binding.label.zh)）：\(reason.zh)", "not available (\(binding.label.en)): \(reason.en)")
            }
            return perform(binding.action)
        }
        if args.isEmpty, let target = Tab(rawValue: name) { return perform(.goTo(target)) }
        // A known command with the wrong arguments: its usage, from the command table.
        if CommandWord.all.contains(where: { $0.name == name && $0.arguments != nil }) { return fail(CommandWord.usage(name)) }
        return fail("未知命令“\(line)”；按 ? 查看本屏命令", "unknown command \(line); press ? for this screen's commands")
    }
}

/// The `:` line being typed: the text, where ↑/↓ stand in the session's history, and the
/// words Tab offered last.
struct CommandLineState: Sendable {
    var editor = LineEditor()
    /// Index into `ConsoleState.commandHistory` while recalling; nil when typing a new line.
    var historyIndex: Int?
    /// The new line typed before ↑ recalled older ones, given back by ↓ past the newest.
    var draft = ""
    /// What the last Tab could complete to, when more than one word fits.
    var candidates: [String] = []
}

extension ConsoleState {
    mutating func handleCommandKey(_ key: Key, _ line: inout CommandLineState) -> [Effect] {
        switch key {
        case .escape:
            overlay = nil
            return []
        case .enter:
            overlay = nil
            let text = line.editor.text.trimmingWhitespace()
            if !text.isEmpty, commandHistory.last != text { commandHistory.append(text) }
            return runCommand(text)
        case .up:
            guard !commandHistory.isEmpty else { break }
            if line.historyIndex == nil { line.draft = line.editor.text }
            let index = max(0, (line.historyIndex ?? commandHistory.count) - 1)
            line.historyIndex = index
            line.editor = LineEditor(commandHistory[index])
            line.candidates = []
        case .down:
            guard let index = line.historyIndex else { break }
            if index + 1 < commandHistory.count {
                line.historyIndex = index + 1
                line.editor = LineEditor(commandHistory[index + 1])
            } else {
                line.historyIndex = nil
                line.editor = LineEditor(line.draft)
            }
            line.candidates = []
        case .tab:
            complete(&line)
        default:
            if line.editor.handle(key) { line.candidates = [] }
        }
        overlay = .command(line)
        return []
    }

    /// Completes the word before the caret at the end of the line: a command name (or alias) as
    /// the first word, a record code (R, E or B, present in the loaded city) after it. One fit
    /// completes with a space; several extend to what they share and are listed.
    mutating func complete(_ line: inout CommandLineState) {
        let text = line.editor.text
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        let partial = normalizedInput(String(words.last ?? ""))
        let fits: [String]
        if words.count <= 1 {
            let key = partial.lowercased()
            fits = commandNames().filter { $0.lowercased().hasPrefix(key) }
        } else {
            fits = recordCodes(startingWith: partial)
        }
        line.candidates = fits.count > 1 ? fits : []
        guard !fits.isEmpty else {
            line.candidates = []
            notice = Notice(kind: .info, text: bi("没有可补全的“\(partial)”", "nothing completes \(partial)"))
            return
        }
        let shared = fits.count == 1 ? fits[0] + " " : Self.sharedPrefix(fits)
        guard shared.count >= partial.count else { return }
        let head = words.dropLast().joined(separator: " ")
        line.editor = LineEditor((words.count > 1 ? head + " " : "") + shared)
    }

    /// Codes of the loaded city's records starting with `partial` (`R5` → R5, R50…), shortest
    /// first; at most 200, which is more than a line can show.
    func recordCodes(startingWith partial: String) -> [String] {
        guard let snapshot, let kindLetter = partial.uppercased().first else { return [] }
        let prefix = partial.uppercased()
        var codes: [String] = []
        func scan(_ all: [RecordCode]) {
            for code in all {
                let text = code.description
                if text.hasPrefix(prefix) { codes.append(text) }
            }
        }
        switch kindLetter {
        case "R": scan(snapshot.requests.map(\.code))
        case "E": scan(snapshot.enterprises.map(\.code))
        case "B": scan(snapshot.branches.map(\.code))
        default: return []
        }
        return Array(codes.sorted { ($0.count, $0) < ($1.count, $1) }.prefix(200))
    }

    static func sharedPrefix(_ words: [String]) -> String {
        guard var shared = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.lowercased().hasPrefix(shared.lowercased()) { shared.removeLast() }
        }
        return shared
    }

    /// The footer while the `:` line is open: the candidates of the last Tab, else the usage
    /// of the command typed so far, else how to use the line.
    func commandLineHint(_ line: CommandLineState) -> Bilingual {
        if !line.candidates.isEmpty {
            let shown = line.candidates.prefix(12).joined(separator: " ")
            let more = line.candidates.count > 12 ? " …(\(line.candidates.count))" : ""
            return bi("可选：" + shown + more, "options: " + shown + more)
        }
        let first = line.editor.text.split(separator: " ").first.map(String.init) ?? ""
        let name = CommandWord.canonical(first)
        if let word = CommandWord.all.first(where: { $0.name == name }), word.arguments != nil {
            return CommandWord.usage(name)
        }
        return bi("Tab 补全命令和编号 · ↑↓ 历史 · Enter 执行 · Esc 取消", "Tab: complete commands and codes · ↑↓: history · Enter: run · Esc: cancel")
    }

    /// Every word the `:` line knows on this screen: key-table commands, typed commands, their
    /// aliases and the screens' names, each once, in table order.
    func commandNames() -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        func add(_ name: String) { if seen.insert(name).inserted { names.append(name) } }
        for binding in bindings() { if let command = binding.command { add(command) } }
        for word in CommandWord.all where word.help != nil || seen.contains(word.name) || tabs.contains(where: { $0.rawValue == word.name }) {
            add(word.name)
            word.aliases.forEach(add)
        }
        return names
    }
}
