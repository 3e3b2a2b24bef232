import TandemCore

/// A field of a form: a label, the text typed so far, a hint and, after validation, an error.
struct FormField: Sendable {
    var label: Bilingual
    var editor = LineEditor()
    var hint: Bilingual = bi("", "")
    var error: Bilingual?
    /// The values this field may take, listed under it while it has the focus (empty: free text).
    var choices: [FieldChoice] = []
    /// The highlighted row of the visible choices.
    var choiceIndex = 0
    /// True once ↑/↓ moved in the list: the highlighted choice is then what Enter picks.
    var browsingChoices = false

    init(_ label: Bilingual, _ value: String = "", hint: Bilingual = bi("", "")) {
        self.label = label
        self.editor = LineEditor(value)
        self.hint = hint
    }

    var value: String { editor.text.trimmingWhitespace() }
}

/// What a form is for; decides its validation and the effect of submitting it.
enum FormPurpose: Sendable {
    case fileRequest(RecordCode)
    case deliver(RecordCode)
    case resumption(RecordCode)
    case unpair(RecordCode)
    case markDone(RecordCode)
    case cancelRequest(RecordCode)
    case reopenRequest(RecordCode)
    case correctDelivery(RecordCode)
    case filter
    case acceptAll(PlanApplication)
    /// A pair the engine questions (out of reach or with gaps), confirmed before it is made.
    case confirmPair(ProposedPair, CommandOrigin)
}

/// A modal form or confirmation. Validated on every key press: each field shows what is wrong
/// with it as you type, and Enter submits only when nothing is.
struct FormState: Sendable {
    var purpose: FormPurpose
    var title: Bilingual
    /// Lines shown above the fields: context and warnings (prefixed with a word, not only colour).
    var lines: [Bilingual] = []
    var fields: [FormField] = []
    var focus = 0
    var dangerous = false
    var submitLabel: Bilingual = bi("确定", "OK")

    var isValid: Bool { fields.allSatisfy { $0.error == nil } }
}

extension ScreenContext {
    // MARK: Building forms

    func requestForm(for enterprise: RecordCode) -> FormState {
        let catalog = context.catalog
        let name = snapshot?.enterprise(enterprise).map { TerminalText.sanitize($0.name) } ?? ""
        var form = FormState(purpose: .fileRequest(enterprise), title: bi("为 \(enterprise) \(name) 登记需求", "New request for \(enterprise) \(name)"))
        form.fields = [
            FormField(bi("类别", "Category"), hint: bi("可选：" + catalog.categories.map(\.name.zh).joined(separator: "、") + "；或只选物品",
                                                     "one of: " + catalog.categories.map(\.name.en).joined(separator: ", ") + " (or just the item)")),
            FormField(bi("物品", "Item")),
            FormField(bi("数量", "Quantity"), hint: bi("大于 0 的数字，最多三位小数", "a number above 0, at most 3 decimals")),
            FormField(bi("单位", "Unit")),
            FormField(bi("优先级", "Priority"), Priority.normal.name.text(lang), hint: bi("紧急、高、普通、低", "urgent, high, normal or low")),
            FormField(bi("截止日期", "Due date"), hint: bi("可留空；" + DayRules.typedForms.zh, "or empty; " + DayRules.typedForms.en)),
            FormField(bi("备注", "Notes")),
        ]
        form.submitLabel = bi("登记", "File")
        return validate(form)
    }

    func deliverForm(for request: Request) -> FormState {
        let unit = unitName(request.unit)
        var form = FormState(purpose: .deliver(request.code), title: bi("登记送达：\(request.code)", "Record a delivery: \(request.code)"))
        form.lines = [bi("\(itemName(request)) 已送达 \(request.delivered)/\(request.quantity) \(unit)，剩余 \(request.remaining) \(unit)",
                         "\(itemName(request)): \(request.delivered) of \(request.quantity) \(unit) delivered, \(request.remaining) \(unit) left")]
        form.fields = [
            FormField(bi("数量", "Quantity"), hint: bi("本次送达数量（\(unit)）", "quantity delivered now (\(unit))")),
            FormField(bi("备注", "Note"), hint: bi("如：由王师傅货车送达", "e.g. brought by Mr Wang's van")),
            FormField(bi("超额", "Over"), bi("否", "no").text(lang), hint: bi("超出剩余量时选“是”确认", "yes to confirm an over-delivery")),
        ]
        form.fields[2].choices = [bi("否", "no"), bi("是", "yes")].map { FieldChoice(value: $0.text(lang), label: $0.text(lang), names: [$0.zh, $0.en]) }
        form.submitLabel = bi("登记送达", "Record")
        return validate(form)
    }

    func resumptionForm(for enterprise: Enterprise) -> FormState {
        var form = FormState(purpose: .resumption(enterprise.code), title: bi("复工状态：\(enterprise.code)", "Resumption status: \(enterprise.code)"))
        form.lines = [bi("当前：\(enterprise.resumption.label(.zh))", "now: \(enterprise.resumption.label(.en))")]
        form.fields = [FormField(bi("复工状态", "Status"), Self.typedResumption(enterprise.resumption, lang),
                                 hint: bi("停工、60%（部分复工）或已复工", "closed, 60% (partly resumed) or resumed"))]
        form.fields[0].choices = [Resumption.closed, .resumed].map { status in
            FieldChoice(value: Self.typedResumption(status, lang), label: status.label(lang), names: [status.label(.zh), status.label(.en), status.description])
        }
        form.submitLabel = bi("更新", "Update")
        return validate(form)
    }

    func unpairForm(for code: RecordCode) -> FormState {
        var form = FormState(purpose: .unpair(code), title: bi("解除结对：\(code)", "End pairing: \(code)"))
        form.dangerous = true
        form.lines = unpairWarnings(for: code)
        form.fields = [FormField(bi("原因", "Reason"), hint: bi("必填，写入历史记录", "required; kept in the history"))]
        form.submitLabel = bi("解除结对", "Unpair")
        return validate(form)
    }

    func doneForm(for request: Request) -> FormState {
        var form = FormState(purpose: .markDone(request.code), title: bi("完成需求：\(request.code)", "Mark done: \(request.code)"))
        form.dangerous = true
        let unit = unitName(request.unit)
        form.lines = [bi("\(itemName(request))：已送达 \(request.delivered)/\(request.quantity) \(unit)。按 Enter 确认，Esc 取消。",
                         "\(itemName(request)): \(request.delivered) of \(request.quantity) \(unit) delivered. Enter to confirm, Esc to cancel.")]
        if request.delivered < request.quantity {
            form.lines.append(bi("注意：尚有 \(request.remaining) \(unit) 未送达", "warning: \(request.remaining) \(unit) not delivered yet"))
        }
        form.submitLabel = bi("完成", "Done")
        return form
    }

    /// The queue's filter form, filled with the filter `f` in force.
    func filterForm(_ f: QueueFilter) -> FormState {
        var form = FormState(purpose: .filter, title: bi("筛选需求", "Filter requests"))
        let status = f.allStatuses ? t("全部", "all") : (f.status?.name.text(lang) ?? "")
        form.fields = [
            FormField(bi("类别", "Category"), f.category.map(categoryName) ?? "", hint: bi("留空为全部；" + context.catalog.categories.map(\.name.zh).joined(separator: "、"),
                                                                      "empty for all; " + context.catalog.categories.map(\.name.en).joined(separator: ", "))),
            FormField(bi("状态", "Status"), status, hint: bi("留空为待办+进行中；待办、进行中、已完成、已取消或全部",
                                                           "empty: open + in progress; open, in progress, done, cancelled or all")),
            FormField(bi("区县", "District"), f.district.flatMap { context.geography.district(code: $0)?.label(lang) } ?? "",
                      hint: bi("留空为全部；如 永川", "empty for all; e.g. Yongchuan")),
            FormField(bi("督导组", "Group"), f.group.map(String.init) ?? "", hint: bi("留空为全部；1–10", "empty for all; 1–10")),
        ]
        for (index, choices) in filterChoices().enumerated() { form.fields[index].choices = choices }
        form.submitLabel = bi("应用", "Apply")
        return validate(form)
    }

    func acceptAllForm(_ application: PlanApplication) -> FormState {
        let pairs = application.pairs
        var form = FormState(purpose: .acceptAll(application), title: bi("接受全部建议", "Accept all proposals"))
        form.dangerous = true
        form.lines = [bi("将一次写入 \(pairs.count) 个结对（全部成功或全部不写）。按 Enter 确认，Esc 取消。",
                         "This writes \(pairs.count) pairings at once (all or none). Enter to confirm, Esc to cancel.")]
        form.submitLabel = bi("全部接受", "Accept all")
        return form
    }

    /// What unpairing `code` would leave uncovered.
    func unpairWarnings(for code: RecordCode) -> [Bilingual] {
        guard let data else { return [] }
        let snapshot = data.snapshot
        let enterpriseCode: RecordCode? = code.kind == .enterprise ? code : snapshot.pairedEnterprise(of: code)
        guard let enterpriseCode, let enterprise = snapshot.enterprise(enterpriseCode),
              let branch = snapshot.pairedBranch(of: enterpriseCode) else { return [] }
        var lines = [bi("突击队 \(branch) 将不再负责 \(enterprise.code) \(TerminalText.sanitize(enterprise.name))",
                        "Branch \(branch) will stop working for \(enterprise.code) \(TerminalText.sanitize(enterprise.name))")]
        let open = snapshot.requests(of: enterpriseCode).filter { $0.status.isActive }.count
        if open > 0 {
            lines.append(bi("警告：该单位还有 \(open) 项未完成需求，将成为盲区（无突击队负责）",
                            "WARNING: it has \(open) unfinished request(s) and will become a blind spot (no branch)"))
            if let district = data.coverage.district(enterprise.districtCode), district.figures.covered == 1 {
                let name = district.district.name
                lines.append(bi("警告：\(name.zh) 将没有任何突击队负责其 \(district.figures.needingHelp) 家有需求的单位",
                                "WARNING: \(name.en) will have no branch working any of its \(district.figures.needingHelp) enterprise(s) in need"))
            }
        }
        return lines
    }

    // MARK: Validation

    func validate(_ form: FormState) -> FormState {
        var form = form
        for index in form.fields.indices { form.fields[index].error = nil }
        let v = form.fields.map(\.value)
        let catalog = context.catalog
        switch form.purpose {
        case .fileRequest(let enterprise):
            // The core's per-field check, the same the `:file` line and `tandem request add` ask.
            let check = RequestRules.check(Self.requestText(enterprise, v), catalog: catalog, today: data?.today)
            for problem in check.problems { form.fields[problem.field.rawValue].error = problem.error.bilingual(wording: ConsoleKeyRemedies()) }
            let choices = requestChoices(check)
            form.fields[0].choices = choices.categories
            form.fields[1].choices = choices.items
            form.fields[3].choices = choices.units
            form.fields[4].choices = choices.priorities
            if let category = check.category {
                form.fields[1].hint = bi("可选：" + category.items.map(\.name.zh).joined(separator: "、"),
                                         "one of: " + category.items.map(\.name.en).joined(separator: ", "))
                if v[0].isEmpty { form.fields[0].hint = bi("由物品带出：\(category.name.zh)", "from the item: \(category.name.en)") }
            } else {
                form.fields[1].hint = bi("↑↓ 选择物品（会带出类别）", "↑↓ to pick an item (it fills the category)")
                // No category to check the item against: still say when the text names no item.
                if !v[1].isEmpty { form.fields[1].error = bi("从列表中选一项物品", "pick an item from the list") }
            }
            if let item = check.item {
                form.fields[3].hint = bi("可选：" + item.units.map { code in catalog.unit(code: code)?.name.zh ?? code }.joined(separator: "、"),
                                         "one of: " + item.units.map { code in catalog.unit(code: code)?.name.en ?? code }.joined(separator: ", "))
            } else {
                form.fields[3].hint = bi("先填写物品", "enter the item first")
            }
            if let due = check.due { form.fields[5].hint = bi("即 \(due)", "that is \(due)") }
        case .deliver(let code):
            let over = ["y", "yes", "是"].contains(v[2].lowercased())
            if !["", "n", "no", "否"].contains(v[2].lowercased()) && !over {
                form.fields[2].error = bi("填 y 或 n", "enter y or n")
            }
            // Quantity and over-delivery: the core's rule, worded for this form.
            if let request = data?.request(code),
               case .failure(let problem) = RequestRules.checkDelivery(of: request, quantity: v[0], allowOver: over) {
                form.fields[0].error = problem.namingUnits(catalog).bilingual(wording: ConsoleKeyRemedies())
            }
            if let problem = TextRules.problem(.note, v[1]) { form.fields[1].error = problem.bilingual(wording: ConsoleKeyRemedies()) }
        case .resumption:
            if Resumption(parsing: v[0]) == nil {
                form.fields[0].error = bi("应为 closed、1%–99% 或 resumed", "expected closed, 1%–99% or resumed")
            }
        case .cancelRequest, .reopenRequest:
            if v[0].isEmpty { form.fields[0].error = TandemError.reasonRequired.problemText }
            if let problem = TextRules.problem(.reason, v[0]) { form.fields[0].error = problem.bilingual(wording: ConsoleKeyRemedies()) }
        case .correctDelivery(let code):
            checkCorrection(&form, code)
        case .unpair:
            if v[0].isEmpty { form.fields[0].error = TandemError.reasonRequired.problemText }
            if let problem = TextRules.problem(.reason, v[0]) { form.fields[0].error = problem.bilingual(wording: ConsoleKeyRemedies()) }
        case .filter:
            if !v[0].isEmpty, catalog.category(matching: v[0]) == nil { form.fields[0].error = bi("没有类别“\(v[0])”", "no category \(v[0])") }
            if !v[1].isEmpty, !Self.meansAll(v[1]), RequestStatus(matching: v[1]) == nil {
                form.fields[1].error = bi("没有状态“\(v[1])”", "no status \(v[1])")
            }
            if !v[2].isEmpty, context.geography.district(matching: v[2]) == nil { form.fields[2].error = bi("没有区县“\(v[2])”", "no district \(v[2])") }
            if !v[3].isEmpty, context.geography.group(matching: v[3]) == nil { form.fields[3].error = bi("没有督导组“\(v[3])”", "no group \(v[3])") }
        case .markDone, .acceptAll, .confirmPair:
            break
        }
        for index in form.fields.indices where !form.fields[index].browsingChoices { form.fields[index].highlightTypedChoice() }
        return form
    }

    /// The request form's fields as the core's typed draft (fields in `RequestField` order).
    static func requestText(_ enterprise: RecordCode, _ v: [String]) -> RequestDraftText {
        RequestDraftText(enterpriseCode: enterprise, category: v[0], item: v[1], quantity: v[2], unit: v[3], priority: v[4],
                         due: v[5], notes: v[6])
    }

    /// `all` / `全部` in the filter's status field.
    static func meansAll(_ text: String) -> Bool { ["all", "全部"].contains(normalizedInput(text).lowercased()) }

    /// A resumption status as the form shows it, in words `Resumption(parsing:)` reads back.
    static func typedResumption(_ status: Resumption, _ lang: Lang) -> String {
        switch status {
        case .closed: lang == .zh ? "停工" : "closed"
        case .partial(let percent): "\(percent)%"
        case .resumed: lang == .zh ? "已复工" : "resumed"
        }
    }
}

extension ConsoleState {
    /// The effect of submitting a valid form, or a state change for local forms (filter).
    mutating func submit(_ form: FormState) -> [Effect] {
        let v = form.fields.map(\.value)
        let catalog = context.catalog
        switch form.purpose {
        case .fileRequest(let enterprise):
            // Normalised to catalog codes by the core's check.
            guard let draft = RequestRules.check(ScreenContext.requestText(enterprise, v), catalog: catalog, today: data?.today).draft else { return [] }
            return [.mutate(.addRequest(draft))]
        case .deliver(let code):
            let over = ["y", "yes", "是"].contains(v[2].lowercased())
            guard let quantity = Quantity(parsing: v[0]) else { return [] }
            return [.mutate(.deliver(code, quantity, note: v[1], over: over))]
        case .resumption(let code):
            guard let value = Resumption(parsing: v[0]) else { return [] }
            return [.mutate(.resumption(code, value))]
        case .unpair(let code):
            return [.mutate(.unpair(code, reason: v[0]))]
        case .markDone(let code):
            return [.mutate(.done(code))]
        case .cancelRequest(let code):
            return [.mutate(.cancel(code, reason: v[0]))]
        case .reopenRequest(let code):
            return [.mutate(.reopen(code, reason: v[0]))]
        case .correctDelivery(let code):
            return screen.correctionMutation(form, code).map { [.mutate($0)] } ?? []
        case .acceptAll(let application):
            return proposals.acceptAllEffect(application)
        case .confirmPair(let pair, let origin):
            return [.mutate(.pair(branch: pair.branch, enterprise: pair.enterprise), via: origin)]
        case .filter:
            var filter = QueueFilter()
            filter.category = v[0].isEmpty ? nil : catalog.category(matching: v[0])?.code
            if ScreenContext.meansAll(v[1]) { filter.allStatuses = true } else if !v[1].isEmpty { filter.status = RequestStatus(matching: v[1]) }
            filter.district = v[2].isEmpty ? nil : context.geography.district(matching: v[2])?.code
            filter.group = v[3].isEmpty ? nil : context.geography.group(matching: v[3])?.number
            noteQueueFocus(queue.apply(filter, screen))
            return []
        }
    }

    /// The correction form rebuilt when the history it lists arrives, keeping what was typed.
    mutating func refreshCorrectionForm(for enterprise: RecordCode) {
        guard case .form(let form) = overlay, case .correctDelivery(let code) = form.purpose,
              let request = data?.request(code), request.enterpriseCode == enterprise else { return }
        overlay = .form(screen.correctForm(for: request, keeping: form))
    }

    /// Opens the correction form for `request` and reads its deliveries.
    mutating func startCorrection(_ request: Request) -> [Effect] {
        overlay = .form(screen.correctForm(for: request))
        return [.loadHistory(request.enterpriseCode)]
    }
}
