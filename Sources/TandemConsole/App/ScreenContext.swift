import TandemCore

/// What a screen may read of the whole console: who is at it, the language, the terminal's
/// size, the city and the histories read so far. `ConsoleState.screen` builds one per key and
/// per frame; it copies no records (the city is a class, `CityData`, and the histories are
/// copy-on-write dictionaries), so building it costs a few reference counts.
struct ScreenContext: Sendable {
    let context: ConsoleContext
    let lang: Lang
    let width: Int
    let height: Int
    let data: CityData?
    let histories: [RecordCode: EnterpriseHistory]
    /// Every audit event naming a branch, oldest first, by branch.
    let branchHistories: [RecordCode: [AuditEvent]]
    /// Whether the help, a form, the `:` line or a detail view is drawn over the screen: the
    /// terminal cursor is then theirs.
    let overlayOpen: Bool

    var t: Text { Text(lang: lang) }
    var snapshot: CitySnapshot? { data?.snapshot }

    /// Rows available to a screen between the tab line and the message line.
    var contentTop: Int { 2 }
    var contentHeight: Int { max(0, height - 4) }
}

/// What a screen asks of the whole console after an action or a data change (the detail view
/// of the focused record is the console's: Enter asks each screen for its `focusedRecord`). Screens change
/// only their own state; the message line, overlays, tabs and other screens are the
/// console's, which carries out the outcome (`ConsoleState.carryOut`).
struct ScreenOutcome: Sendable {
    var effects: [Effect] = []
    /// Replaces the message line.
    var notice: Notice?
    /// Said after what the message line already says (after `notice`, when both are set).
    var addedNotice: Bilingual?
    /// A form or a question to open over the screen.
    var form: FormState?
    /// The coverage drill-down to open at this path (the map's Enter opens a district there).
    var coveragePath: [DrillLevel]?

    static let none = ScreenOutcome()

    static func effects(_ effects: [Effect]) -> ScreenOutcome { ScreenOutcome(effects: effects) }
    static func info(_ text: Bilingual) -> ScreenOutcome { ScreenOutcome(notice: Notice(kind: .info, text: text)) }
    static func error(_ text: Bilingual) -> ScreenOutcome { ScreenOutcome(notice: Notice(kind: .error, text: text)) }
    static func form(_ form: FormState) -> ScreenOutcome { ScreenOutcome(form: form) }
}

extension ListCursor {
    /// Moves for a movement action (↑↓, pages, first and last) in a list of `count` rows
    /// showing `page` at once; false for any other action.
    mutating func perform(_ action: ConsoleAction, count: Int, page: Int) -> Bool {
        switch action {
        case .up: move(by: -1, count: count)
        case .down: move(by: 1, count: count)
        case .pageUp: move(by: -max(1, page - 1), count: count)
        case .pageDown: move(by: max(1, page - 1), count: count)
        case .top: move(by: -Int.max / 2, count: count)
        case .bottom: move(by: Int.max / 2, count: count)
        default: return false
        }
        return true
    }
}

extension ScreenContext {
    // MARK: Names

    func unitName(_ code: String) -> String {
        TerminalText.sanitize(context.catalog.unit(code: code)?.name.text(lang) ?? code)
    }

    func itemName(_ request: Request) -> String {
        TerminalText.sanitize(context.catalog.item(code: request.item, category: request.category)?.name.text(lang) ?? request.item)
    }

    func categoryName(_ code: String) -> String {
        TerminalText.sanitize(context.catalog.category(code: code)?.name.text(lang) ?? code)
    }

    /// `2020-03-10 09:00`, local time.
    func minute(_ at: Timestamp) -> String {
        String(at.description.replacingOccurrences(of: "T", with: " ").prefix(16))
    }

    /// The lead's paired enterprise.
    var myEnterprise: Enterprise? {
        guard let branch = context.leadBranch, let snapshot, let code = snapshot.pairedEnterprise(of: branch) else { return nil }
        return snapshot.enterprise(code)
    }

    /// Districts on the map, limited to a group supervisor's group.
    var mapDistricts: [District] {
        context.scope.districts(of: context.geography)
    }

    /// "PPE: 300 pieces, 3 barrels · fertiliser: 8 tonnes · labour: 30 people".
    func openSummary(_ f: CoverageFigures) -> String {
        guard !f.openQuantities.isEmpty else { return t("无", "nothing") }
        var parts: [String] = []
        var byCategory: [String: [OpenQuantity]] = [:]
        for q in f.openQuantities { byCategory[q.category, default: []].append(q) }
        // Categories in catalog order, as `tandem coverage` lists its columns; codes the catalog
        // no longer declares follow.
        let declared = context.catalog.categories.map(\.code)
        let order = declared.filter { byCategory[$0] != nil } + byCategory.keys.filter { !declared.contains($0) }.sorted()
        for category in order {
            let amounts = byCategory[category]!.map { "\($0.remaining) \(unitName($0.unit))" }.joined(separator: t("、", ", "))
            parts.append(categoryName(category) + t("：", ": ") + amounts)
        }
        return parts.joined(separator: " · ")
    }
}
