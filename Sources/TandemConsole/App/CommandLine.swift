import TandemCore

/// The `:` command line. Typed commands with arguments (`pair B12 E345`, `deliver R88 40`,
/// `done R88`, `find 永川`) act on the codes given; without arguments a command runs the same
/// action as its key on the current selection. Both go through the same permission checks.
extension ConsoleState {
    mutating func runCommand(_ line: String) -> [Effect] {
        let words = line.trimmingWhitespace().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first?.lowercased() else { return [] }
        let args = Array(words.dropFirst())
        let rest = args.joined(separator: " ")

        func fail(_ zh: String, _ en: String) -> [Effect] {
            notice = Notice(kind: .error, text: bi(zh, en))
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
        func request(_ code: RecordCode) -> Request? { snapshot?.requests.first { $0.code == code } }

        switch (name, args.count) {
        case ("pair", 2):
            var b = code(args[0], .branch), e = code(args[1], .enterprise)
            if b == nil, e == nil { b = code(args[1], .branch); e = code(args[0], .enterprise) }
            guard let b, let e else { return fail("用法：pair B12 E345", "usage: pair B12 E345") }
            if denied(.pair) { return [] }
            return requestPair(ProposedPair(branch: b, enterprise: e), via: .commandLine)
        case ("unpair", 1...):
            guard let target = RecordCode(parsing: args[0]), target.kind != .request else {
                return fail("用法：unpair E345（或 B12）[原因]", "usage: unpair E345 (or B12) [reason]")
            }
            if denied(.unpair) { return [] }
            var form = unpairForm(for: target)
            if form.lines.isEmpty { return fail("\(target) 当前没有结对", "\(target) has no active pairing") }
            form.fields[0].editor = LineEditor(args.dropFirst().joined(separator: " "))
            overlay = .form(validate(form))
            return []
        case ("deliver", 2...):
            guard let r = code(args[0], .request) else { return fail("用法：deliver R88 40 [备注] [over]", "usage: deliver R88 40 [note] [over]") }
            guard let target = request(r) else { return fail("找不到需求 \(r)", "no request \(r)") }
            if denied(.workRequest(enterprise: target.enterpriseCode)) { return [] }
            var noteWords = Array(args.dropFirst(2))
            let over = noteWords.last.map { ["over", "--over", "超额"].contains($0.lowercased()) } ?? false
            if over { noteWords.removeLast() }
            let quantity: Quantity
            switch RequestRules.checkDelivery(of: target, quantity: args[1], allowOver: over) {
            case .success(let checked): quantity = checked
            case .failure(let problem):
                notice = Notice(kind: .error, text: problem.bilingual(wording: ConsoleLineRemedies()))
                return []
            }
            return [.mutate(.deliver(r, quantity, note: noteWords.joined(separator: " "), over: over), via: .commandLine)]
        case ("done", 1):
            guard let r = code(args[0], .request) else { return fail("用法：done R88", "usage: done R88") }
            guard let target = request(r) else { return fail("找不到需求 \(r)", "no request \(r)") }
            if denied(.workRequest(enterprise: target.enterpriseCode)) { return [] }
            // The same question as the x key, with the same warning when some is not delivered.
            if let reason = closedDenial(target) { return fail("不可用（完成）：\(reason.zh)", "not available (done): \(reason.en)") }
            overlay = .form(doneForm(for: target))
            return []
        case ("cancel", 1...), ("reopen", 1...):
            // The same form as C or O, with the reason typed so far; it still asks.
            let reopening = name == "reopen"
            guard let r = code(args[0], .request) else {
                return fail("用法：\(name) R88 原因", "usage: \(name) R88 reason")
            }
            guard let target = request(r) else { return fail("找不到需求 \(r)", "no request \(r)") }
            if denied(.cancelOrReopenRequest(enterprise: target.enterpriseCode)) { return [] }
            if !reopening, let reason = closedDenial(target) { return fail("不可用（取消需求）：\(reason.zh)", "not available (cancel): \(reason.en)") }
            if reopening, target.status.isActive {
                return fail("需求 \(r) 尚未结束，无需重新打开", "request \(r) is still \(target.status.name.en); nothing to reopen")
            }
            var form = reopening ? reopenForm(for: target) : cancelForm(for: target)
            form.fields[0].editor = LineEditor(args.dropFirst().joined(separator: " "))
            overlay = .form(validate(form))
            return []
        case ("correct", 1...):
            guard let r = code(args[0], .request) else {
                return fail("用法：correct R88 [#送达编号 正确数量 原因]", "usage: correct R88 [#delivery right-quantity reason]")
            }
            guard let target = request(r) else { return fail("找不到需求 \(r)", "no request \(r)") }
            if context.isReadOnly { return fail("督导角色只读", "supervisors have read-only access") }
            let effects = startCorrection(target)
            if case .form(var form) = overlay {
                for (i, value) in [args[safe: 1], args[safe: 2], args.count > 3 ? args.dropFirst(3).joined(separator: " ") : nil].enumerated() {
                    if let value { form.fields[i].editor = LineEditor(value) }
                }
                overlay = .form(validate(form))
            }
            return effects
        case ("resume", 2):
            guard let e = code(args[0], .enterprise), let value = Resumption(parsing: args[1]) else {
                return fail("用法：resume E345 closed|60%|resumed", "usage: resume E345 closed|60%|resumed")
            }
            if denied(.updateResumption(enterprise: e)) { return [] }
            return [.mutate(.resumption(e, value), via: .commandLine)]
        case ("file", 1...):
            guard let e = code(args[0], .enterprise) else {
                return fail("用法：file E345 [类别 物品 数量 单位 优先级 截止日期]", "usage: file E345 [category item quantity unit priority due]")
            }
            guard snapshot?.enterprise(e) != nil else { return fail("找不到单位 \(e)", "no enterprise \(e)") }
            if denied(.fileRequest(enterprise: e)) { return [] }
            var form = requestForm(for: e)
            for (i, value) in args.dropFirst().prefix(form.fields.count).enumerated() { form.fields[i].editor = LineEditor(value) }
            form = validate(form)
            form.focus = form.fields.firstIndex { $0.error != nil } ?? 0
            overlay = .form(form)
            return []
        case ("find", _), ("search", _), ("/", _):
            guard tabs.contains(.queue) else { return fail("您的角色没有需求队列", "your role has no request queue") }
            tab = .queue
            queue.search = LineEditor(rest)
            queue.searching = false
            rebuildQueue()
            notice = Notice(kind: .info, text: bi("找到 \(queue.rows.count) 项需求", "\(queue.rows.count) request(s) found"))
            return []
        case ("show", 1):
            guard let target = RecordCode(parsing: args[0]) else {
                return fail("用法：show R88、E345 或 B12", "usage: show R88, E345 or B12")
            }
            return openDetail(target)
        case ("sort", 1):
            guard let sort = QueueSort(rawValue: args[0].lowercased()) else {
                return fail("排序方式：urgency、age、district", "sort by: urgency, age, district")
            }
            queue.sort = sort
            rebuildQueue()
            return []
        case ("accept", 1):
            let all = args[0].lowercased() == "all"
            guard all || Int(args[0]) != nil else {
                return fail("用法：accept N（建议编号）或 accept all", "usage: accept N (proposal number) or accept all")
            }
            if let reason = acceptDenial { return fail("不能接受建议：\(reason.zh)", "cannot accept: \(reason.en)") }
            if all { return perform(.acceptAll) }
            guard let n = Int(args[0]), let pairs = proposals.set?.pairs, pairs.indices.contains(n - 1) else {
                return fail("没有第 \(args[0]) 个建议", "there is no proposal \(args[0])")
            }
            return acceptEffect(n - 1, via: .commandLine)
        case ("theme", 1):
            guard let kind = ThemeKind(rawValue: args[0].lowercased()) else {
                return fail("主题：standard、high-contrast、monochrome", "themes: standard, high-contrast, monochrome")
            }
            theme = kind
            return [.applyTheme(kind)]
        case ("lang", 1):
            guard let value = Lang(rawValue: args[0].lowercased()) else { return fail("语言：zh 或 en", "language: zh or en") }
            lang = value
            return []
        case ("q", 0), ("quit", 0), ("exit", 0):
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
        return fail("未知命令“\(line)”；按 ? 查看本屏命令", "unknown command \(line); press ? for this screen's commands")
    }

    /// Typed commands listed in the help, beyond the per-key ones.
    static let typedCommands: [(String, Bilingual)] = [
        ("pair B12 E345", bi("结对", "pair a branch with an enterprise")),
        ("unpair E345 [原因]", bi("解除结对（会先提示）", "end a pairing (asks first)")),
        ("deliver R88 40 [备注] [over]", bi("登记送达", "record a delivery")),
        ("done R88", bi("标记完成（会先确认）", "mark a request done (asks first)")),
        ("cancel R88 原因", bi("取消需求（会先确认）", "cancel a request (asks first)")),
        ("reopen R88 原因", bi("重新打开需求（会先确认）", "reopen a request (asks first)")),
        ("correct R88 #12 120 原因", bi("更正登错的送达（会先确认）", "correct a mistaken delivery (asks first)")),
        ("resume E345 60%", bi("更新复工状态", "update resumption status")),
        ("file E345 [ppe masks 300 piece]", bi("登记需求（打开表单）", "file a request (opens the form)")),
        ("find 永川", bi("搜索需求", "search the requests")),
        ("show R88|E345|B12", bi("查看需求、单位或突击队的详情和完整历史", "show a request's, enterprise's or branch's details and whole history")),
        ("sort urgency|age|district", bi("排序", "sort the queue")),
        ("accept N | accept all", bi("接受建议", "accept proposals")),
        ("theme high-contrast", bi("切换主题", "switch theme")),
        ("lang en", bi("切换语言", "switch language")),
    ]
}
