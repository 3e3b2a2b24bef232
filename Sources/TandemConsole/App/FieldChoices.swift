import TandemCore

/// One value a form field may take, as its pick list shows it.
struct FieldChoice: Sendable, Hashable {
    /// The text the field gets when this is picked, in the UI language (the core reads it back).
    var value: String
    /// The row in the list, e.g. `口罩  masks`.
    var label: String
    /// What typing filters against: the code and both names.
    var names: [String]
    /// Another field this pick fills too (an item fills its category), by index and text.
    var fills: (field: Int, value: String)? = nil

    static func == (lhs: FieldChoice, rhs: FieldChoice) -> Bool { lhs.value == rhs.value && lhs.label == rhs.label }
    func hash(into hasher: inout Hasher) { hasher.combine(value); hasher.combine(label) }

    /// Whether typed text names this choice exactly: its value, code or a name, as the core matches.
    func isNamed(by typed: String) -> Bool {
        let key = NameMatch.key(normalizedInput(typed))
        return typed == value || names.contains { NameMatch.key($0) == key }
    }

    /// Whether typed text keeps this choice in the list: empty text keeps all; otherwise any
    /// name containing the text (full-width folded, case and `-`/`_`/space ignored).
    func matches(_ typed: String) -> Bool {
        let key = NameMatch.key(normalizedInput(typed))
        guard !key.isEmpty else { return true }
        return names.contains { NameMatch.key($0).contains(key) }
    }
}

extension FormField {
    /// The choices left by what is typed; when the text already names one choice exactly, the
    /// whole list, so that ↑/↓ can still move to another.
    var visibleChoices: [FieldChoice] {
        guard !choices.isEmpty else { return [] }
        if choices.contains(where: { $0.value == value }) { return choices }
        return choices.filter { $0.matches(value) }
    }

    /// The highlighted row of `visibleChoices`, kept in range.
    var highlightedChoice: FieldChoice? {
        let visible = visibleChoices
        guard !visible.isEmpty else { return nil }
        return visible[min(max(0, choiceIndex), visible.count - 1)]
    }

    /// Points the highlight at the choice the text names, or at the first left by filtering.
    mutating func highlightTypedChoice() {
        choiceIndex = visibleChoices.firstIndex { $0.value == value } ?? 0
    }
}

extension ScreenContext {
    /// Pick lists of the request form, from the catalog and what is already typed: items of the
    /// matched category (of every category before one is chosen; picking one fills its
    /// category), units of the matched item, and the priorities.
    func requestChoices(_ check: RequestDraftCheck) -> (categories: [FieldChoice], items: [FieldChoice], units: [FieldChoice], priorities: [FieldChoice]) {
        let catalog = context.catalog
        let categories = catalog.categories.map { category in
            FieldChoice(value: category.name.text(lang), label: TerminalText.sanitize(category.name.text(lang)),
                        names: [category.code, category.name.zh, category.name.en])
        }
        var items: [FieldChoice] = []
        for category in check.category.map({ [$0] }) ?? catalog.categories {
            for item in category.items {
                let owner = check.category == nil ? "  · \(category.name.text(lang))" : ""
                items.append(FieldChoice(value: item.name.text(lang), label: TerminalText.sanitize(item.name.text(lang) + owner),
                                         names: [item.code, item.name.zh, item.name.en],
                                         fills: check.category == nil ? (RequestField.category.rawValue, category.name.text(lang)) : nil))
            }
        }
        let units = (check.item?.units ?? []).compactMap { code in catalog.unit(code: code) }.map { unit in
            FieldChoice(value: unit.name.text(lang), label: TerminalText.sanitize(unit.name.text(lang)),
                        names: [unit.code, unit.name.zh, unit.name.en])
        }
        let priorities = Priority.allCases.map { priority in
            FieldChoice(value: priority.name.text(lang), label: priority.name.text(lang), names: [priority.name.zh, priority.name.en, String(priority.rawValue)])
        }
        return (categories, items, units, priorities)
    }

    /// Pick lists of the filter form: categories, statuses, districts and supervision groups.
    func filterChoices() -> [[FieldChoice]] {
        let catalog = context.catalog, geography = context.geography
        let categories = catalog.categories.map { category in
            FieldChoice(value: category.name.text(lang), label: TerminalText.sanitize(category.name.text(lang)),
                        names: [category.code, category.name.zh, category.name.en])
        }
        let all = bi("全部", "all")
        let statuses = [FieldChoice(value: all.text(lang), label: t("全部（含已结束）", "all (finished too)"), names: [all.zh, all.en])]
            + RequestStatus.allCases.map { status in
                FieldChoice(value: status.name.text(lang), label: status.name.text(lang), names: [status.rawValue, status.name.zh, status.name.en])
            }
        let districts = geography.districts.map { district in
            FieldChoice(value: district.label(lang), label: TerminalText.sanitize(district.name.text(lang)),
                        names: [district.code, district.name.zh, district.shortNameZh, district.name.en, district.shortNameEn])
        }
        let groups = geography.groups.map { group in
            FieldChoice(value: String(group.number), label: TerminalText.sanitize("\(group.number)  \(group.name.text(lang))"),
                        names: [String(group.number), "G\(group.number)", group.name.zh, group.name.en])
        }
        return [categories, statuses, districts, groups]
    }
}
