import TandemCore

/// Who is at the console and what the city looks like: injected by the command line.
public struct ConsoleContext: Sendable {
    public var actor: Operator
    public var geography: Geography
    public var catalog: Catalog
    public var lang: Lang
    /// Shown in the status bar.
    public var databasePath: String
    /// The engine's cost model, for proposals.
    public var weights: CostWeights

    public init(actor: Operator, geography: Geography, catalog: Catalog, lang: Lang, databasePath: String,
                weights: CostWeights = CostWeights()) {
        self.actor = actor
        self.weights = weights
        self.geography = geography
        self.catalog = catalog
        self.lang = lang
        self.databasePath = databasePath
    }

    /// Why the actor may not do `action` now, or nil.
    func denial(_ action: Action, in snapshot: CitySnapshot?) -> Bilingual? {
        Permissions.denial(actor, action) { snapshot?.pairedBranch(of: $0) }
    }

    var isReadOnly: Bool {
        if case .supervisor = actor.role { return true }
        return false
    }

    var leadBranch: RecordCode? {
        if case .branchLead(let branch) = actor.role { return branch }
        return nil
    }

    /// What the actor may see (the core's rule, shared with the command line).
    var scope: ReadScope { Permissions.readScope(of: actor, geography: geography) }

    /// The records the actor's start screen shows, read from the store's indexes before the
    /// whole city (`rows`: how many requests a dispatcher's queue shows at first). Nil for a
    /// supervisor: the start screen, coverage, is a sum over the whole city.
    func firstScreenQuery(rows: Int) -> FirstScreenQuery? {
        switch actor.role {
        case .dispatcher, .admin: .mostUrgent(scope: scope, limit: rows)
        case .branchLead(let branch): .pairedEnterprise(branch: branch)
        case .supervisor: nil
        }
    }

    /// The supervision group a group supervisor is limited to.
    var supervisedGroup: Int? { scope.group }
}

/// Short helpers for bilingual UI text.
struct Text {
    let lang: Lang
    func callAsFunction(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
    func callAsFunction(_ text: Bilingual) -> String { text.text(lang) }
}

func bi(_ zh: String, _ en: String) -> Bilingual { Bilingual(zh: zh, en: en) }

extension District {
    /// The short name, or the full one when the short name would be a single character (忠县).
    func label(_ lang: Lang) -> String {
        let short = shortName(lang)
        return short.count < 2 ? name.text(lang) : short
    }
}
