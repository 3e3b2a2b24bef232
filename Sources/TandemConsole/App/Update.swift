import TandemCore

/// The console's state machine: (state, event) → state + effects. No I/O happens here.
extension ConsoleState {
    mutating func handle(_ event: ConsoleEvent) -> [Effect] {
        let effects = apply(event)
        syncScroll()
        return effects
    }

    /// Keeps the first shown row of the current screen's list such that the selection is visible.
    mutating func syncScroll() {
        let s = screen
        switch tab {
        case .queue: queue.scroll(s)
        case .pairing: pairing.scroll(s)
        case .proposals: proposals.scroll(s)
        case .mine: mine.scroll(s)
        case .coverage: coverage.scroll(s)
        case .map: break
        }
    }

    private mutating func apply(_ event: ConsoleEvent) -> [Effect] {
        switch event {
        case .key(let key):
            return handleKey(key)
        case .resize(let width, let height):
            self.width = width
            self.height = height
            return [.redraw]
        case .loaded(let data):
            // The whole city after the start screen's records counts as the first load too.
            let firstLoad = self.data == nil || self.data?.isFirstScreen == true
            // The records in focus, by code: the new snapshot may list them elsewhere or not at all.
            let before = screen
            let queueFocus = queue.selectedRequest(before)?.code
            let mineFocus = mine.selectedRequest(before)?.code
            let pairingFocus = pairing.highlightedRows(before)
            self.data = data
            loadError = nil
            histories = [:]
            branchHistories = [:]
            let s = screen
            proposals.cityChanged(to: data.snapshot.version)
            noteQueueFocus(queue.rebuild(following: queueFocus, s))
            pairing.rebuild(following: pairingFocus, s)
            if let mineFocus, let moved = mine.follow(mineFocus, s) { addNotice(moved) }
            var effects: [Effect] = []
            if let reload = coverage.historyToReload { effects.append(reload) }
            // The open detail view reads its history again.
            if case .detail(let view) = overlay, let reload = view.reload(s) { effects.append(reload) }
            if let branch = context.leadBranch {
                // The lead's screen shows delivery notes and a change to the pairing.
                effects.append(.loadBranchHistory(branch))
                if let enterprise = s.myEnterprise?.code { effects.append(.loadHistory(enterprise)) }
            }
            if firstLoad, !data.isFirstScreen, tab == .proposals { effects.append(.computeProposals) }
            return effects
        case .loadFailed(let message):
            loadError = message
            notice = Notice(kind: .error, text: message)
            return []
        case .mutated(let mutation, let summary, let step):
            notice = Notice(kind: .success, text: summary)
            if case .pair(let b, let e) = mutation {
                pairing.paired(branch: b, enterprise: e)
                proposals.paired(branch: b, enterprise: e, step: step)
            }
            if case .applyPlan = mutation { proposals.set = nil }
            return [.reload]
        case .mutationFailed(let message):
            notice = Notice(kind: .error, text: message)
            return []
        case .history(let code, let history):
            histories[code] = history
            refreshCorrectionForm(for: code)
            return []
        case .branchHistory(let code, let events):
            branchHistories[code] = events
            return []
        case .proposals(let set):
            proposals.received(set)
            return []
        case .proposalsFailed(let message):
            proposals.failed(message)
            return []
        }
    }

    private mutating func handleKey(_ key: Key) -> [Effect] {
        if case .ctrl("c") = key { quit = true; return [] }
        if tooSmall {
            if key == .char("q") { quit = true }
            return []
        }
        switch overlay {
        case .help(let scroll):
            switch key {
            case .down, .char("j"): overlay = .help(scroll: helpLine(from: scroll, by: 1))
            case .up, .char("k"): overlay = .help(scroll: helpLine(from: scroll, by: -1))
            case .pageDown: overlay = .help(scroll: helpPageLine(from: scroll, by: 1))
            case .pageUp: overlay = .help(scroll: helpPageLine(from: scroll, by: -1))
            default: overlay = nil
            }
            return []
        case .form(var form):
            return handleFormKey(key, &form)
        case .detail:
            guard let binding = bindings().first(where: { $0.keys.contains(key) }) else { return [] }
            return perform(binding.action)
        case .command(var line):
            return handleCommandKey(key, &line)
        case nil:
            break
        }
        notice = nil
        if tab == .queue, queue.searching, let outcome = queue.searchKey(key, screen) {
            return carryOut(outcome)
        }
        guard let binding = bindings().first(where: { $0.keys.contains(key) }) else { return [] }
        if let reason = binding.disabled {
            notice = Notice(kind: .error, text: bi("不可用（\(binding.label.zh)）：\(reason.zh)", "not available (\(binding.label.en)): \(reason.en)"))
            return []
        }
        return perform(binding.action)
    }

    private mutating func handleFormKey(_ key: Key, _ form: inout FormState) -> [Effect] {
        let inPickList = form.fields[safe: form.focus]?.visibleChoices.isEmpty == false
        switch key {
        case .escape:
            overlay = nil
            notice = Notice(kind: .info, text: bi("已取消", "cancelled"))
            return []
        case .down where inPickList, .up where inPickList:
            // In a pick list ↑/↓ move the highlight; Tab still moves between fields.
            var field = form.fields[form.focus]
            let count = field.visibleChoices.count
            field.choiceIndex = min(max(0, field.choiceIndex + (key == .down ? 1 : -1)), count - 1)
            field.browsingChoices = true
            form.fields[form.focus] = field
        case .tab, .down:
            if !form.fields.isEmpty { form.focus = (form.focus + 1) % form.fields.count }
        case .backTab, .up:
            if !form.fields.isEmpty { form.focus = (form.focus + form.fields.count - 1) % form.fields.count }
        case .enter where form.fields[safe: form.focus].map(pickPending) == true:
            // Enter on a highlighted choice picks it and moves on; the next Enter submits.
            let field = form.fields[form.focus]
            guard let choice = field.highlightedChoice else { break }
            form.fields[form.focus].editor = LineEditor(choice.value)
            form.fields[form.focus].browsingChoices = false
            if let fill = choice.fills, form.fields.indices.contains(fill.field) { form.fields[fill.field].editor = LineEditor(fill.value) }
            form = screen.validate(form)
            form.fields[form.focus].highlightTypedChoice()
            if form.focus + 1 < form.fields.count { form.focus += 1 }
        case .enter:
            form = screen.validate(form)
            if form.isValid {
                overlay = nil
                return submit(form)
            }
            if let first = form.fields.firstIndex(where: { $0.error != nil }) { form.focus = first }
            notice = Notice(kind: .error, text: bi("请先改正标出的字段", "fix the marked fields first"))
        default:
            if form.fields.indices.contains(form.focus), form.fields[form.focus].editor.handle(key) {
                form = screen.validate(form)
                form.fields[form.focus].browsingChoices = false
                form.fields[form.focus].highlightTypedChoice()
            }
        }
        overlay = .form(form)
        return []
    }

    /// Whether Enter in `field` picks from its list rather than submitting: the operator moved
    /// in the list, typed text that names no choice exactly (code or name) but filters the list to some, or left a
    /// field empty that must be filled (an optional empty field submits: empty means "any").
    private func pickPending(_ field: FormField) -> Bool {
        guard let choice = field.highlightedChoice else { return false }
        if field.browsingChoices { return choice.value != field.value || choice.fills != nil }
        if field.value.isEmpty { return field.error != nil }
        return !field.choices.contains { $0.isNamed(by: field.value) }
    }

    // MARK: Actions

    /// Runs `action`: the console's own (tabs, overlays, language, the forms on the focused
    /// request) here, the rest by the current screen, whose outcome the console carries out.
    mutating func perform(_ action: ConsoleAction) -> [Effect] {
        if data?.isFirstScreen == true, !action.worksOnFirstScreen {
            notice = Notice(kind: .info, text: ConsoleState.waitingForCity)
            return []
        }
        if case .detail(var view) = overlay {
            switch action {
            case .up, .down, .pageUp, .pageDown, .top, .bottom:
                view.scroll(action, screen)
                overlay = .detail(view)
                return []
            case .closeDetail: overlay = nil; return []
            default: overlay = nil
            }
        }
        switch action {
        case .nextTab, .previousTab:
            let index = tabs.firstIndex(of: tab) ?? 0
            let step = action == .nextTab ? 1 : tabs.count - 1
            return switchTo(tabs[(index + step) % tabs.count])
        case .goTo(let target):
            guard tabs.contains(target) else {
                notice = Notice(kind: .error, text: bi("您的角色没有“\(target.title.zh)”屏", "your role has no \(target.title.en) screen"))
                return []
            }
            return switchTo(target)
        case .help: overlay = .help(scroll: 0)
        case .commandLine: overlay = .command(CommandLineState())
        case .quit: quit = true
        case .redraw: return [.redraw]
        case .refresh: return [.reload]
        case .cycleTheme:
            theme = theme.next
            notice = Notice(kind: .info, text: bi("主题：\(theme.label.zh)", "theme: \(theme.label.en)"))
            return [.applyTheme(theme)]
        case .toggleLanguage:
            lang = lang == .zh ? .en : .zh
        case .newRequest, .deliver, .done, .resumption, .cancelRequest, .reopenRequest, .correctDelivery, .unpair:
            return performOnRecord(action)
        case .openDetail:
            guard let code = focusedRecord else { return [] }
            return openDetail(code)
        case .closeDetail:
            overlay = nil
        default:
            return carryOut(performOnScreen(action))
        }
        return []
    }

    /// The forms on the focused request or enterprise: the same on the queue and on the lead's
    /// screen, and the console's overlays.
    private mutating func performOnRecord(_ action: ConsoleAction) -> [Effect] {
        let s = screen
        let request = focusedRequest
        switch action {
        case .newRequest:
            let enterprise = tab == .mine ? s.myEnterprise?.code : request?.enterpriseCode
            if let enterprise { overlay = .form(s.requestForm(for: enterprise)) }
        case .deliver:
            if let request { overlay = .form(s.deliverForm(for: request)) }
        case .done:
            if let request { overlay = .form(s.doneForm(for: request)) }
        case .resumption:
            if let enterprise = s.myEnterprise { overlay = .form(s.resumptionForm(for: enterprise)) }
        case .cancelRequest:
            if let request { overlay = .form(s.cancelForm(for: request)) }
        case .reopenRequest:
            if let request { overlay = .form(s.reopenForm(for: request)) }
        case .correctDelivery:
            if let request { return startCorrection(request) }
        case .unpair:
            if let enterprise = request?.enterpriseCode { overlay = .form(s.unpairForm(for: enterprise)) }
        default:
            break
        }
        return []
    }

    /// What the current screen makes of `action`.
    private mutating func performOnScreen(_ action: ConsoleAction) -> ScreenOutcome {
        let s = screen
        switch tab {
        case .map: return map.perform(action, s)
        case .mine: return mine.perform(action, s)
        case .queue: return queue.perform(action, s)
        case .coverage: return coverage.perform(action, s)
        case .pairing: return pairing.perform(action, s)
        case .proposals: return proposals.perform(action, s)
        }
    }

    /// Says that the queue's focused request left its list (`QueueState.rebuild`), when the queue
    /// is the screen in view: a hidden queue tab's cursor moving is not news.
    mutating func noteQueueFocus(_ moved: Bilingual?) {
        if let moved, tab == .queue { addNotice(moved) }
    }

    /// Carries out what a screen asked for: the message line, a form, the coverage drill-down
    /// at a path, and the effects to run.
    mutating func carryOut(_ outcome: ScreenOutcome) -> [Effect] {
        if let notice = outcome.notice { self.notice = notice }
        if let text = outcome.addedNotice { addNotice(text) }
        if let form = outcome.form { overlay = .form(form) }
        if let path = outcome.coveragePath {
            coverage.open(path)
            tab = .coverage
        }
        return outcome.effects
    }

    /// Opens the detail view of `code` when the operator may read it; says why not otherwise.
    mutating func openDetail(_ code: RecordCode) -> [Effect] {
        switch DetailView.open(code, screen) {
        case .success(let opened)?:
            overlay = .detail(opened.view)
            return [opened.load]
        case .failure(let refusal)?:
            notice = Notice(kind: .error, text: refusal.text)
            return []
        case nil:
            return []
        }
    }

    /// The record the focused row of the current screen stands for, for Enter and `:show`.
    var focusedRecord: RecordCode? {
        switch tab {
        case .queue: queue.selectedRequest(screen)?.code
        case .mine: mine.selectedRequest(screen)?.code
        case .pairing: pairing.focusedRecord(screen)
        case .proposals: proposals.focusedRecord
        case .coverage, .map: nil
        }
    }

    /// The request the request keys act on: the focused row of the queue or of "my enterprise".
    var focusedRequest: Request? { tab == .mine ? mine.selectedRequest(screen) : queue.selectedRequest(screen) }

    /// The request under the queue's cursor.
    var selectedQueueRequest: Request? { queue.selectedRequest(screen) }

    private mutating func switchTo(_ target: Tab) -> [Effect] {
        tab = target
        return target == .proposals ? proposals.computeIfNeeded(screen) : []
    }
}
