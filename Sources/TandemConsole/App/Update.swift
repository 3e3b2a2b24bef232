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
        switch tab {
        case .queue: _ = queue.cursor.scroll(rows: queueViewport, count: queue.rows.count)
        case .pairing:
            _ = pairing.branches.scroll(rows: pairingViewport, count: pairing.branchRows.count)
            _ = pairing.enterprises.scroll(rows: pairingViewport, count: pairing.enterpriseRows.count)
        case .proposals: _ = proposals.cursor.scroll(rows: proposalViewport, count: proposals.set?.pairs.count ?? 0)
        case .mine: scrollMine()
        case .coverage:
            var cursor = drillCursor
            if case .enterprise(let code) = coverage.level {
                _ = cursor.scroll(rows: contentHeight - 1, count: historyLines(code).count)
            } else {
                _ = cursor.scroll(rows: drillViewport, count: drillRows.count)
            }
            drillCursor = cursor
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
            let queueFocus = selectedQueueRequest?.code
            let mineFocus = selectedMineRequest?.code
            let pairingFocus = highlightedPairingRows
            self.data = data
            loadError = nil
            histories = [:]
            branchHistories = [:]
            if let set = proposals.set, set.version != data.snapshot.version { proposals.stale = true }
            rebuildQueue(following: queueFocus)
            rebuildPairing(following: pairingFocus)
            if let mineFocus { followMineRequest(mineFocus) }
            var effects: [Effect] = []
            if case .enterprise(let code) = coverage.level { effects.append(.loadHistory(code)) }
            if case .detail(let view) = overlay {
                // The open detail view reads its history again.
                switch view.code.kind {
                case .branch: effects.append(.loadBranchHistory(view.code))
                case .enterprise: effects.append(.loadHistory(view.code))
                case .request:
                    if let enterprise = data.request(view.code)?.enterpriseCode {
                        effects.append(.loadHistory(enterprise))
                    }
                }
            }
            if let branch = context.leadBranch {
                // The lead's screen shows delivery notes and a change to the pairing.
                effects.append(.loadBranchHistory(branch))
                if let enterprise = myEnterprise?.code { effects.append(.loadHistory(enterprise)) }
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
                if pairing.pickedBranch == b { pairing.pickedBranch = nil }
                if pairing.pickedEnterprise == e { pairing.pickedEnterprise = nil }
                // Accepting one of the proposals, with nobody else writing meanwhile, leaves the
                // others as current as they were: the next one may be accepted too.
                if var set = proposals.set, !proposals.stale, let step, step.isOnlyThisWrite, set.version == step.before,
                   set.pairs.contains(where: { $0.branch == b && $0.enterprise == e }) {
                    set.version = step.after
                    proposals.set = set
                }
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
            proposals.set = set
            proposals.computing = false
            proposals.stale = false
            proposals.error = nil
            proposals.cursor.clamp(count: set.pairs.count)
            return []
        case .proposalsFailed(let message):
            proposals.computing = false
            proposals.error = message
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
        if tab == .queue, queue.searching {
            switch key {
            case .enter, .down, .up:
                queue.searching = false
                if key == .enter { return [] }
            case .escape:
                queue.searching = false
                queue.search = LineEditor()
                rebuildQueue()
                return []
            default:
                if queue.search.handle(key) { rebuildQueue(); return [] }
            }
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
            form = validate(form)
            form.fields[form.focus].highlightTypedChoice()
            if form.focus + 1 < form.fields.count { form.focus += 1 }
        case .enter:
            form = validate(form)
            if form.isValid {
                overlay = nil
                return submit(form)
            }
            if let first = form.fields.firstIndex(where: { $0.error != nil }) { form.focus = first }
            notice = Notice(kind: .error, text: bi("请先改正标出的字段", "fix the marked fields first"))
        default:
            if form.fields.indices.contains(form.focus), form.fields[form.focus].editor.handle(key) {
                form = validate(form)
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

    mutating func perform(_ action: ConsoleAction) -> [Effect] {
        if data?.isFirstScreen == true, !action.worksOnFirstScreen {
            notice = Notice(kind: .info, text: ConsoleState.waitingForCity)
            return []
        }
        if case .detail = overlay {
            switch action {
            case .up, .down, .pageUp, .pageDown, .top, .bottom: scrollDetail(action); return []
            case .closeDetail: overlay = nil; return []
            default: overlay = nil
            }
        }
        if tab == .map {
            switch action {
            case .up: moveOnMap(.up); return []
            case .down: moveOnMap(.down); return []
            case .left: moveOnMap(.left); return []
            case .right: moveOnMap(.right); return []
            default: break
            }
        }
        switch action {
        case .up: moveSelection(by: -1)
        case .down: moveSelection(by: 1)
        case .left, .right: break
        case .pageUp: moveSelection(by: -max(1, listRows - 1))
        case .pageDown: moveSelection(by: max(1, listRows - 1))
        case .top: moveSelection(by: -Int.max / 2)
        case .bottom: moveSelection(by: Int.max / 2)
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
        case .search:
            queue.searching = true
        case .clearSearch:
            queue.search = LineEditor()
            queue.filter = QueueFilter()
            queue.searching = false
            rebuildQueue()
        case .cycleSort:
            let all = QueueSort.allCases
            queue.sort = all[(all.firstIndex(of: queue.sort)! + 1) % all.count]
            rebuildQueue()
            notice = Notice(kind: .info, text: bi("排序：\(queue.sort.label.zh)", "sorted by \(queue.sort.label.en)"))
        case .filter:
            overlay = .form(filterForm())
        case .cycleQuickFilter:
            cycleQuickFilter()
        case .toggleWorstFirst:
            toggleWorstFirst()
        case .switchSide:
            pairing.side = pairing.side == .branches ? .enterprises : .branches
        case .pick:
            pick()
        case .pair:
            guard let candidate = pairCandidate else { return [] }
            return requestPair(candidate, via: .keys)
        case .unpair:
            if let enterprise = selectedQueueRequest?.enterpriseCode { overlay = .form(unpairForm(for: enterprise)) }
        case .newRequest:
            let enterprise = tab == .mine ? myEnterprise?.code : selectedQueueRequest?.enterpriseCode
            if let enterprise { overlay = .form(requestForm(for: enterprise)) }
        case .deliver:
            if let request = tab == .mine ? selectedMineRequest : selectedQueueRequest { overlay = .form(deliverForm(for: request)) }
        case .done:
            if let request = tab == .mine ? selectedMineRequest : selectedQueueRequest { overlay = .form(doneForm(for: request)) }
        case .resumption:
            if let enterprise = myEnterprise { overlay = .form(resumptionForm(for: enterprise)) }
        case .cancelRequest:
            if let request = focusedRequest { overlay = .form(cancelForm(for: request)) }
        case .reopenRequest:
            if let request = focusedRequest { overlay = .form(reopenForm(for: request)) }
        case .correctDelivery:
            if let request = focusedRequest { return startCorrection(request) }
        case .open:
            return drillIn()
        case .openDetail:
            guard let code = focusedRecord else { return [] }
            return openDetail(code)
        case .closeDetail:
            overlay = nil
        case .back:
            drillOut()
        case .toggleGrouping:
            coverage.byDistrict.toggle()
            drillCursor = ListCursor()
        case .computeProposals:
            proposals.computing = true
            return [.computeProposals]
        case .accept:
            return acceptEffect(proposals.cursor.index, via: .keys)
        case .acceptAll:
            // Only the proposals whose branch and enterprise are both still free (the core's rule).
            guard let set = proposals.set, let snapshot else { return [] }
            let application = PlanApplication(proposals: set.pairs.map { PlanApplication.Pair(branch: $0.branch, enterprise: $0.enterprise) },
                                              leftUnpaired: set.unpaired.map(\.enterprise), replan: false, snapshot: snapshot)
            guard !application.isEmpty else {
                notice = Notice(kind: .error, text: bi("这些建议都已结对；按 r 重新计算", "every proposal is already paired; r recomputes"))
                return []
            }
            overlay = .form(acceptAllForm(application))
        }
        return []
    }

    private mutating func switchTo(_ target: Tab) -> [Effect] {
        tab = target
        // Proposals are planned on the whole city only: on the start screen's records they wait for it.
        if target == .proposals, proposals.set == nil || proposals.stale, !proposals.computing, data?.isFirstScreen == false {
            proposals.computing = true
            return [.computeProposals]
        }
        return []
    }

    /// Rows in the current list viewport (for paging).
    var listRows: Int {
        switch tab {
        case .queue: queueViewport
        case .pairing: pairingViewport
        case .proposals: proposalViewport
        case .mine: mineViewport
        case .coverage, .map: drillViewport
        }
    }

    private mutating func moveSelection(by delta: Int) {
        switch tab {
        case .queue: queue.cursor.move(by: delta, count: queue.rows.count)
        case .pairing:
            if pairing.side == .branches { pairing.branches.move(by: delta, count: pairing.branchRows.count) }
            else { pairing.enterprises.move(by: delta, count: pairing.enterpriseRows.count) }
        case .proposals: proposals.cursor.move(by: delta, count: proposals.set?.pairs.count ?? 0)
        case .mine: mine.cursor.move(by: delta, count: myRequests.count)
        case .coverage:
            var cursor = drillCursor
            if case .enterprise(let code) = coverage.level {
                cursor.move(by: delta, count: historyLines(code).count)
            } else {
                cursor.move(by: delta, count: drillRows.count)
            }
            drillCursor = cursor
        case .map: break
        }
    }

    private mutating func pick() {
        guard let snapshot else { return }
        switch pairing.side {
        case .branches:
            guard let index = pairing.branchRows[safe: pairing.branches.index] else { return }
            let code = snapshot.branches[index].code
            pairing.pickedBranch = pairing.pickedBranch == code ? nil : code
            if pairing.pickedBranch != nil { pairing.side = .enterprises }
        case .enterprises:
            guard let index = pairing.enterpriseRows[safe: pairing.enterprises.index] else { return }
            let code = snapshot.enterprises[index].code
            pairing.pickedEnterprise = pairing.pickedEnterprise == code ? nil : code
            if pairing.pickedEnterprise != nil, pairing.pickedBranch == nil { pairing.side = .branches }
        }
    }
}
