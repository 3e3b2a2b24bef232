import ArgumentParser
import TandemCore

/// `tandem request add|list|show|deliver|done|cancel|reopen`.
struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "File and work enterprises' requests: PPE, fertiliser, labour… / 需求",
        subcommands: [Add.self, List.self, Show.self, Deliver.self, Correct.self, Done.self, Cancel.self, Reopen.self]
    )

    static func itemName(_ r: Request, _ context: AppContext) -> String {
        context.catalog.item(code: r.item, category: r.category)?.name.text(context.lang) ?? r.item
    }

    static func unitName(_ r: Request, _ context: AppContext) -> String {
        context.catalog.unit(code: r.unit)?.name.text(context.lang) ?? r.unit
    }

    static func summary(_ r: Request, _ context: AppContext) -> String {
        let status = r.status.name.text(context.lang)
        return "\(r.code) \(itemName(r, context)) \(r.delivered)/\(r.quantity) \(unitName(r, context)) [\(status)]"
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "File a request for an enterprise.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Enterprise code, e.g. E345.") var enterprise: String
        @Option(help: "ppe, production, labour or other (see config/categories.yaml).") var category: String
        @Option(help: "Item, e.g. masks, disinfectant84, fertiliser, tea_pickers.") var item: String
        @Option(help: "How many, e.g. 300 or 0.5.") var quantity: String
        @Option(help: "Unit, e.g. piece, barrel, tonne, person.") var unit: String
        @Option(help: "urgent, high, normal or low.") var priority: String = "normal"
        @Option(help: "Due date: YYYY-MM-DD, today, tomorrow, +3 (in 3 days) or 12-05 (its next coming).") var due: String?
        @Option(help: "Notes. \(TextField.note.helpLimit)") var notes: String = ""

        func run() throws {
            let context = try global.openContext()
            let typed = RequestDraftText(enterpriseCode: try context.code(enterprise, .enterprise), category: category, item: item,
                                         quantity: quantity, unit: unit, priority: priority, due: due ?? "", notes: notes)
            // The same per-field check as the console's form: every problem at once, in the same words.
            let check = RequestRules.check(typed, catalog: context.catalog, today: context.today)
            if let error = check.error { throw error }
            guard let draft = check.draft else { return }
            let request = try context.repository.addRequest(draft, catalog: context.catalog, by: context.actor)
            Printer.say(context.lang == .zh ? "已登记需求 \(RequestCommand.summary(request, context))"
                  : "filed request \(RequestCommand.summary(request, context))")
        }
    }

    enum Sort: String, ExpressibleByArgument, CaseIterable { case urgency, age, district, code }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List requests (open and in progress unless --status or --all).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this enterprise.") var enterprise: String?
        @Option(help: "open, in_progress, done or cancelled.") var status: String?
        @Flag(help: "Every status.") var all = false
        @Option(help: "Only this category.") var category: String?
        @Option(help: "Only this district.") var district: String?
        @Option(help: "Only this supervision group.") var group: String?
        @Flag(help: "Only overdue requests.") var overdue = false
        @Option(help: "urgency, age, district or code.") var sort: Sort = .urgency

        func run() throws {
            let context = try global.openContext()
            let snapshot = context.scope.filter(try context.repository.snapshot())
            let enterpriseCode = try enterprise.map { try context.code($0, .enterprise) }
            let statusFilter = try status.map { text in
                guard let value = RequestStatus(matching: text) else {
                    throw TandemError.invalidValue(field: Bilingual(zh: "状态", en: "status"), value: text,
                                                   expected: Bilingual(zh: "open、in_progress、done 或 cancelled",
                                                                       en: "open, in_progress, done or cancelled"))
                }
                return value
            }
            let categoryCode = try category.map { text in
                guard let found = context.catalog.category(matching: text) else {
                    throw TandemError.unknownCategory(text, choices: context.catalog.categories.map(\.code))
                }
                return found.code
            }
            let inArea = try context.areaFilter(district: district, group: group)
            let today = context.today
            func districtOf(_ r: Request) -> String { snapshot.enterprise(r.enterpriseCode)?.districtCode ?? "" }
            var list = snapshot.requests.filter { r in
                (enterpriseCode == nil || r.enterpriseCode == enterpriseCode)
                    && (statusFilter.map { r.status == $0 } ?? (all || r.status.isActive))
                    && (categoryCode == nil || r.category == categoryCode)
                    && inArea(districtOf(r))
                    && (!overdue || r.isOverdue(on: today))
            }
            switch sort {
            case .urgency:
                list.sort { RequestOrder.isMoreUrgent($0, than: $1, today: today) }
            case .age: list.sort { ($0.filed.ordinal, $0.code.number) < ($1.filed.ordinal, $1.code.number) }
            case .district: list.sort { (districtOf($0), $0.code.number) < (districtOf($1), $1.code.number) }
            case .code: list.sort { $0.code.number < $1.code.number }
            }
            let lang = context.lang
            let tabular = Tabular(
                headers: [Bilingual(zh: "编号", en: "code"), Bilingual(zh: "单位", en: "enterprise"), Bilingual(zh: "区县", en: "district"),
                          Bilingual(zh: "物品", en: "item"), Bilingual(zh: "已送达", en: "delivered"), Bilingual(zh: "需求量", en: "requested"),
                          Bilingual(zh: "单位", en: "unit"), Bilingual(zh: "优先级", en: "priority"), Bilingual(zh: "截止", en: "due"),
                          Bilingual(zh: "状态", en: "status")],
                rows: list.map { r in
                    [r.code.description, snapshot.enterprise(r.enterpriseCode)?.name ?? r.enterpriseCode.description,
                     context.geography.district(code: districtOf(r))?.shortName(lang) ?? "",
                     RequestCommand.itemName(r, context), r.delivered.description, r.quantity.description,
                     RequestCommand.unitName(r, context), r.priority.name.text(lang),
                     (r.due?.description ?? "—") + (r.isOverdue(on: today) ? (lang == .zh ? " 逾期" : " overdue") : ""),
                     r.status.name.text(lang)]
                },
                numericColumns: [4, 5])
            try Printer.emit(list, tabular, format: output.format, lang: lang)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one request with its deliveries.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Request code, e.g. R88.") var code: String

        struct Detail: Encodable {
            var request: Request
            var deliveries: [Delivery]
        }

        func run() throws {
            let context = try global.openContext()
            let requestCode = try context.code(code, .request)
            let request = try context.repository.request(requestCode)
            // Only a group supervisor's scope needs the enterprise's district: the whole city sees every request.
            let scope = context.scope
            if !scope.isWholeCity, let enterprise = try context.repository.snapshot().enterprise(request.enterpriseCode) {
                try scope.require(enterprise)
            }
            let deliveries = try context.repository.deliveries(of: requestCode)
            let lang = context.lang
            let unit = RequestCommand.unitName(request, context)
            let fields: [(Bilingual, String)] = [
                (Bilingual(zh: "编号", en: "code"), request.code.description),
                (Bilingual(zh: "单位", en: "enterprise"), request.enterpriseCode.description),
                (Bilingual(zh: "类别", en: "category"), context.catalog.category(code: request.category)?.name.text(lang) ?? request.category),
                (Bilingual(zh: "物品", en: "item"), RequestCommand.itemName(request, context)),
                (Bilingual(zh: "进度", en: "progress"), "\(request.delivered) / \(request.quantity) \(unit)"),
                (Bilingual(zh: "优先级", en: "priority"), request.priority.name.text(lang)),
                (Bilingual(zh: "截止", en: "due"), request.due?.description ?? "—"),
                (Bilingual(zh: "登记日期", en: "filed"), request.filed.description),
                (Bilingual(zh: "状态", en: "status"), request.status.name.text(lang)),
                (Bilingual(zh: "备注", en: "notes"), request.notes),
                (Bilingual(zh: "送达记录", en: "deliveries"), deliveries.isEmpty ? "—" : deliveries.map { d in
                    let amount = d.reverses.map { original in "−\(d.quantity)" + (lang == .zh ? "（冲销 #\(original)）" : " (reverses #\(original))") }
                        ?? "+\(d.quantity)\(d.overDelivery ? (lang == .zh ? "（超额）" : " (over)") : "")"
                    return "#\(d.id) \(d.at) \(d.operatorLogin) \(amount)" + (d.note.isEmpty ? "" : " \(d.note)")
                }.joined(separator: "; ")),
            ]
            try Printer.emitRecord(Detail(request: request, deliveries: deliveries), fields: fields, format: output.format, lang: lang)
        }
    }

    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a delivery against a request (deliveries add up).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Request code, e.g. R88.") var code: String
        @Argument(help: "Quantity delivered, e.g. 120.") var quantity: String
        @Option(help: "A note on this delivery. \(TextField.note.helpLimit)") var note: String = ""
        @Flag(help: "Allow delivering more than remains.") var over = false

        func run() throws {
            let context = try global.openContext()
            let request = try context.namingUnits {
                try context.repository.deliver(try context.code(code, .request), quantity: try RequestRules.parsePositiveQuantity(quantity),
                                               note: note, allowOver: over, by: context.actor)
            }
            Printer.say(context.lang == .zh ? "已记录送达：\(RequestCommand.summary(request, context))"
                  : "delivery recorded: \(RequestCommand.summary(request, context))")
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a mistaken delivery: a reversing entry, then the right quantity (nothing is deleted).",
            discussion: "The delivery is named by its number (#N in `tandem request show`). Allowed to whoever recorded it and to dispatchers.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Request code, e.g. R88.") var code: String
        @Option(help: "The delivery's number, as `request show` lists it (#12 or 12).") var delivery: String
        @Option(help: "The right quantity of that delivery; 0 if it did not happen.") var quantity: String
        @Option(help: "Why it is corrected (kept in the history). \(TextField.reason.helpLimit)") var reason: String = ""
        @Flag(help: "Allow the corrected total to exceed the requested quantity.") var over = false

        func run() throws {
            let context = try global.openContext()
            let number = delivery.hasPrefix("#") ? String(delivery.dropFirst()) : delivery
            guard let id = Int64(number.trimmingWhitespace()), id > 0 else {
                throw TandemError.invalidValue(field: Bilingual(zh: "送达编号", en: "delivery number"), value: delivery,
                                               expected: Bilingual(zh: "如 #12", en: "like #12"))
            }
            let request = try context.namingUnits {
                try context.repository.correctDelivery(try context.code(code, .request), delivery: id,
                                                       quantity: try RequestRules.parseCorrectedQuantity(quantity),
                                                       reason: reason, allowOver: over, by: context.actor)
            }
            Printer.say(context.lang == .zh ? "已更正送达 #\(id)：\(RequestCommand.summary(request, context))"
                  : "delivery #\(id) corrected: \(RequestCommand.summary(request, context))")
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a request done, whatever share was delivered.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Request code, e.g. R88.") var code: String

        func run() throws {
            let context = try global.openContext()
            let request = try context.repository.markDone(try context.code(code, .request), by: context.actor)
            Printer.say(context.lang == .zh ? "已完成：\(RequestCommand.summary(request, context))" : "done: \(RequestCommand.summary(request, context))")
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a request, with a reason.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Request code, e.g. R88.") var code: String
        @Option(help: "Why it is cancelled. \(TextField.reason.helpLimit)") var reason: String = ""

        func run() throws {
            let context = try global.openContext()
            let request = try context.repository.cancel(try context.code(code, .request), reason: reason, by: context.actor)
            Printer.say(context.lang == .zh ? "已取消：\(RequestCommand.summary(request, context))" : "cancelled: \(RequestCommand.summary(request, context))")
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a done or cancelled request, with a reason.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Request code, e.g. R88.") var code: String
        @Option(help: "Why it is reopened. \(TextField.reason.helpLimit)") var reason: String = ""

        func run() throws {
            let context = try global.openContext()
            let request = try context.repository.reopen(try context.code(code, .request), reason: reason, by: context.actor)
            Printer.say(context.lang == .zh ? "已重新打开：\(RequestCommand.summary(request, context))" : "reopened: \(RequestCommand.summary(request, context))")
        }
    }
}
