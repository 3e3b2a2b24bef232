/// A unit of measure, such as pieces, barrels, tonnes or person-days.
public struct MeasureUnit: Sendable, Hashable, Codable {
    public var code: String
    public var name: Bilingual
    /// Role `tonnes`: the weight of one unit, so that loads are compared by weight whatever
    /// their unit (a tonne weighs 1, a kilogram 0.001); nil for units that are not a weight.
    public var tonnes: Quantity?
    /// Role `counts: people`: a quantity in this unit is a number of people.
    public var countsPeople: Bool

    public init(code: String, name: Bilingual, tonnes: Quantity? = nil, countsPeople: Bool = false) {
        self.code = code
        self.name = name
        self.tonnes = tonnes
        self.countsPeople = countsPeople
    }

    /// The weight of `quantity` of this unit, in thousandths of a tonne; nil when the unit is not a weight.
    public func weightInThousandthsOfTonne(_ quantity: Quantity) -> Int64? {
        guard let tonnes else { return nil }
        let (product, overflow) = quantity.thousandths.multipliedReportingOverflow(by: tonnes.thousandths)
        return overflow ? Int64.max : product / Quantity.scale
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
    /// Role `staffed_by_branch`: its requests are people the branch itself sends, so a quantity
    /// counted in people is compared with the branch's headcount.
    public var staffedByBranch: Bool

    public init(code: String, name: Bilingual, items: [CatalogItem], staffedByBranch: Bool = false) {
        self.code = code
        self.name = name
        self.items = items
        self.staffedByBranch = staffedByBranch
    }
}

/// The categories, items, units and branch capabilities requests may use (from
/// `config/categories.yaml`). Rules ask the catalog for roles (`carriesHeavyLoads`, `tonnes`,
/// `countsPeople`, `staffedByBranch`), never for a code: renaming a code in the file changes nothing else.
public struct Catalog: Sendable {
    public let categories: [RequestCategory]
    public let units: [MeasureUnit]
    /// In the order declared; a capability's position here is its bit in `CapabilityMask`.
    public let capabilities: [Capability]

    public init(categories: [RequestCategory], units: [MeasureUnit], capabilities: [Capability] = []) {
        self.categories = categories
        self.units = units
        self.capabilities = capabilities
    }

    /// Accepts the code (`labour`), the Chinese or the English name.
    public func capability(matching text: String) -> Capability? {
        let key = text.trimmingWhitespace().lowercased()
        return capabilities.first { $0.code == key || $0.name.zh == key || $0.name.en.lowercased() == key }
    }

    public func capability(code: String) -> Capability? { capabilities.first { $0.code == code } }

    /// The position of a capability in `capabilities`, nil when the catalog does not declare it.
    public func capabilityIndex(_ capability: Capability) -> Int? { capabilities.firstIndex(of: capability) }

    /// A branch's capabilities with the catalog's names and roles, in catalog order; codes the
    /// catalog does not declare (data written under an older catalog) follow, by code.
    public func capabilities(of set: Set<Capability>) -> [Capability] {
        capabilities.filter(set.contains) + set.filter { capability(code: $0.code) == nil }.sorted()
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
