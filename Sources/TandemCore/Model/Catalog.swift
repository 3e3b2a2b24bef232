/// A unit of measure, such as pieces, barrels, tonnes or person-days.
public struct MeasureUnit: Sendable, Hashable, Codable {
    public var code: String
    public var name: Bilingual

    public init(code: String, name: Bilingual) {
        self.code = code
        self.name = name
    }
}

/// Something an enterprise can ask for, with the units it may be counted in.
public struct CatalogItem: Sendable, Hashable, Codable {
    public var code: String
    public var name: Bilingual
    public var units: [String]
    /// The capability a branch needs to bring this item, if any.
    public var capability: Capability?

    public init(code: String, name: Bilingual, units: [String], capability: Capability? = nil) {
        self.code = code
        self.name = name
        self.units = units
        self.capability = capability
    }
}

/// A request category: PPE, fertiliser and production materials, labour, other.
public struct RequestCategory: Sendable, Hashable, Codable {
    public var code: String
    public var name: Bilingual
    public var items: [CatalogItem]

    public init(code: String, name: Bilingual, items: [CatalogItem]) {
        self.code = code
        self.name = name
        self.items = items
    }
}

/// The categories, items and units requests may use (from `config/categories.yaml`).
public struct Catalog: Sendable {
    public let categories: [RequestCategory]
    public let units: [MeasureUnit]

    public init(categories: [RequestCategory], units: [MeasureUnit]) {
        self.categories = categories
        self.units = units
    }

    public func category(matching text: String) -> RequestCategory? {
        NameMatch.first(in: categories, matching: text) { [$0.code, $0.name.zh, $0.name.en] }
    }

    public func item(matching text: String, in category: RequestCategory) -> CatalogItem? {
        NameMatch.first(in: category.items, matching: text) { [$0.code, $0.name.zh, $0.name.en] }
    }

    public func unit(matching text: String) -> MeasureUnit? {
        NameMatch.first(in: units, matching: text) { [$0.code, $0.name.zh, $0.name.en] }
    }

    public func unit(code: String) -> MeasureUnit? { units.first { $0.code == code } }
    public func category(code: String) -> RequestCategory? { categories.first { $0.code == code } }

    public func item(code: String, category: String) -> CatalogItem? {
        self.category(code: category)?.items.first { $0.code == code }
    }
}
