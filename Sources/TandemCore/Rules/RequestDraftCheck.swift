/// The fields of a request draft, in the order forms show them.
public enum RequestField: Int, Sendable, Hashable, CaseIterable, Comparable {
    case category, item, quantity, unit, priority, due, notes

    public var name: Bilingual {
        switch self {
        case .category: Bilingual(zh: "类别", en: "category")
        case .item: Bilingual(zh: "物品", en: "item")
        case .quantity: Bilingual(zh: "数量", en: "quantity")
        case .unit: Bilingual(zh: "单位", en: "unit")
        case .priority: Bilingual(zh: "优先级", en: "priority")
        case .due: Bilingual(zh: "截止日期", en: "due date")
        case .notes: Bilingual(zh: "备注", en: "notes")
        }
    }

    public static func < (lhs: RequestField, rhs: RequestField) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A request exactly as typed, every field text: the console form, the `:file` line and
/// `tandem request add` all fill one of these and ask `RequestRules.check`.
public struct RequestDraftText: Sendable, Hashable {
    public var enterpriseCode: RecordCode
    public var category: String
    public var item: String
    public var quantity: String
    public var unit: String
    /// Empty means normal.
    public var priority: String
    /// Empty means no due date.
    public var due: String
    public var notes: String

    public init(enterpriseCode: RecordCode, category: String, item: String, quantity: String, unit: String,
                priority: String = "", due: String = "", notes: String = "") {
        self.enterpriseCode = enterpriseCode
        self.category = category
        self.item = item
        self.quantity = quantity
        self.unit = unit
        self.priority = priority
        self.due = due
        self.notes = notes
    }

    /// The text a typed draft would have been.
    public init(_ draft: RequestDraft) {
        self.init(enterpriseCode: draft.enterpriseCode, category: draft.category, item: draft.item, quantity: draft.quantity,
                  unit: draft.unit, priority: draft.priority.name.en, due: draft.due?.description ?? "", notes: draft.notes)
    }
}

/// The answer to "is this draft valid?": every field's problem, what matched (so a form can
/// offer the matched category's items and the matched item's units), and, when nothing is
/// wrong, the draft normalised to catalog codes.
public struct RequestDraftCheck: Sendable {
    /// One problem per field at most, in field order.
    public private(set) var problems: [(field: RequestField, error: TandemError)] = []
    public var category: RequestCategory?
    public var item: CatalogItem?
    public var unit: MeasureUnit?
    public var quantity: Quantity?
    public var priority: Priority?
    public var due: Day?
    /// The draft with catalog codes, when there is no problem.
    public var draft: RequestDraft?

    public var isValid: Bool { problems.isEmpty }

    public func problem(_ field: RequestField) -> TandemError? {
        problems.first { $0.field == field }?.error
    }

    /// All problems as one error (the only one, or `several`), nil when valid.
    public var error: TandemError? {
        switch problems.count {
        case 0: nil
        case 1: problems[0].error
        default: .several(problems.map(\.error))
        }
    }

    mutating func add(_ field: RequestField, _ error: TandemError) { problems.append((field, error)) }
}

extension RequestRules {
    /// Checks every field of a typed draft against the catalog and, when `today` is known,
    /// refuses a due date before it. Fields that depend on another (item on category, unit on
    /// item) are checked once what they depend on matched.
    public static func check(_ text: RequestDraftText, catalog: Catalog, today: Day?) -> RequestDraftCheck {
        var check = RequestDraftCheck()
        let categoryText = text.category.trimmingWhitespace()
        if categoryText.isEmpty, let implied = impliedCategory(ofItem: text.item, catalog: catalog) {
            // The item implies its category: `masks` can only be PPE.
            check.category = implied
        } else if categoryText.isEmpty {
            check.add(.category, .missingValue(field: RequestField.category.name))
        } else if let category = catalog.category(matching: categoryText) {
            check.category = category
        } else {
            check.add(.category, .unknownCategory(categoryText, choices: catalog.categories.map(\.code)))
        }
        let itemText = text.item.trimmingWhitespace()
        if let category = check.category {
            if itemText.isEmpty {
                check.add(.item, .missingValue(field: RequestField.item.name))
            } else if let item = catalog.item(matching: itemText, in: category) {
                check.item = item
            } else {
                check.add(.item, .unknownItem(itemText, category: category.code, choices: category.items.map(\.code)))
            }
        }
        let quantityText = text.quantity.trimmingWhitespace()
        if quantityText.isEmpty {
            check.add(.quantity, .missingValue(field: RequestField.quantity.name))
        } else {
            do { check.quantity = try parsePositiveQuantity(quantityText) } catch let error as TandemError {
                check.add(.quantity, error)
            } catch {}
        }
        let unitText = text.unit.trimmingWhitespace()
        if let item = check.item {
            if unitText.isEmpty {
                check.add(.unit, .missingValue(field: RequestField.unit.name))
            } else if let unit = catalog.unit(matching: unitText), item.units.contains(unit.code) {
                check.unit = unit
            } else {
                check.add(.unit, .unknownUnit(unitText, item: item.code, choices: item.units))
            }
        }
        let priorityText = text.priority.trimmingWhitespace()
        if priorityText.isEmpty {
            check.priority = .normal
        } else if let priority = Priority(matching: priorityText) {
            check.priority = priority
        } else {
            check.add(.priority, .invalidValue(field: RequestField.priority.name, value: priorityText,
                                               expected: Bilingual(zh: "urgent、high、normal、low 或 1–4", en: "urgent, high, normal, low or 1–4")))
        }
        let dueText = text.due.trimmingWhitespace()
        if !dueText.isEmpty {
            // Shorthands (`today`, `+3`, `12-05`) need today; without it only full dates read.
            if let due = today.map({ DayRules.day(typed: dueText, today: $0) }) ?? Day(writtenAs: dueText) {
                if let today, due < today {
                    check.add(.due, .dueBeforeToday(due: due, today: today))
                } else if let today, let problem = DayRules.problem(due, today: today) {
                    check.add(.due, problem)
                } else {
                    check.due = due
                }
            } else {
                check.add(.due, .invalidValue(field: Bilingual(zh: "日期", en: "date"), value: dueText, expected: DayRules.typedForms))
            }
        }
        if let problem = TextRules.problem(.note, text.notes) { check.add(.notes, problem) }
        if check.isValid, let category = check.category, let item = check.item, let unit = check.unit,
           let quantity = check.quantity, let priority = check.priority {
            // The quantity as digits (`３００` typed is stored as `300`).
            check.draft = RequestDraft(enterpriseCode: text.enterpriseCode, category: category.code, item: item.code,
                                       quantity: quantity.description, unit: unit.code, priority: priority, due: check.due,
                                       notes: text.notes)
        }
        return check
    }

    /// The one category whose items include `itemText` (by code or name), or nil when none or
    /// several do.
    public static func impliedCategory(ofItem itemText: String, catalog: Catalog) -> RequestCategory? {
        let typed = itemText.trimmingWhitespace()
        guard !typed.isEmpty else { return nil }
        let owners = catalog.categories.filter { catalog.item(matching: typed, in: $0) != nil }
        return owners.count == 1 ? owners[0] : nil
    }
}
