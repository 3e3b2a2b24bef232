import TandemCore

/// `districts.yaml` as written.
struct DistrictsFile: Decodable {
    struct Group: Decodable {
        var number: Int
        var name_zh: String
        var name_en: String
    }
    struct Tile: Decodable {
        var row: Int
        var col: Int
    }
    struct Entry: Decodable {
        var code: String
        var name_zh: String
        var name_en: String
        var kind: String
        var lat: Double
        var lon: Double
        var group: Int
        var tile: Tile
    }
    var groups: [Group]
    var districts: [Entry]

    func validated(file: String) throws -> Geography {
        func fail(_ key: String, _ problem: String) -> TandemError { .configInvalid(file: file, key: key, problem: problem) }
        guard !groups.isEmpty else { throw fail("groups", "at least one supervision group is needed") }
        var groupNumbers = Set<Int>()
        for (i, group) in groups.enumerated() where !groupNumbers.insert(group.number).inserted {
            throw fail("groups[\(i)].number", "group \(group.number) appears twice")
        }
        var codes = Set<String>()
        var tiles = Set<TilePosition>()
        var districts: [District] = []
        for (i, entry) in self.districts.enumerated() {
            let key = "districts[\(i)]"
            guard !entry.code.isEmpty, entry.code == entry.code.lowercased(), !entry.code.contains(" ") else {
                throw fail("\(key).code", "a code is lowercase letters without spaces")
            }
            guard codes.insert(entry.code).inserted else { throw fail("\(key).code", "code \(entry.code) appears twice") }
            guard let kind = District.Kind(rawValue: entry.kind) else {
                throw fail("\(key).kind", "expected district or county, found \(entry.kind)")
            }
            guard (-90...90).contains(entry.lat), (-180...180).contains(entry.lon) else {
                throw fail("\(key).lat", "coordinates out of range")
            }
            guard groupNumbers.contains(entry.group) else {
                throw fail("\(key).group", "no supervision group \(entry.group) in groups")
            }
            let tile = TilePosition(row: entry.tile.row, col: entry.tile.col)
            guard tile.row >= 0, tile.col >= 0 else { throw fail("\(key).tile", "row and col must be 0 or more") }
            guard tiles.insert(tile).inserted else {
                throw fail("\(key).tile", "tile (\(tile.row), \(tile.col)) is already used by another district")
            }
            districts.append(District(code: entry.code, name: Bilingual(zh: entry.name_zh, en: entry.name_en), kind: kind,
                                      centroid: GeoPoint(lat: entry.lat, lon: entry.lon), group: entry.group, tile: tile))
        }
        guard !districts.isEmpty else { throw fail("districts", "at least one district is needed") }
        for group in groups where !districts.contains(where: { $0.group == group.number }) {
            throw fail("groups", "supervision group \(group.number) covers no district")
        }
        return Geography(districts: districts,
                         groups: groups.map { SupervisionGroup(number: $0.number, name: Bilingual(zh: $0.name_zh, en: $0.name_en)) })
    }
}

/// `categories.yaml` as written.
struct CategoriesFile: Decodable {
    struct CapabilityEntry: Decodable {
        var code: String
        var name_zh: String
        var name_en: String
        var carries_heavy_loads: Bool?
    }
    struct Unit: Decodable {
        var code: String
        var name_zh: String
        var name_en: String
        /// Decoded as text so that `0.001` is read exactly, as a quantity is.
        var tonnes: YAMLNumberText?
        var counts: String?
    }
    struct Item: Decodable {
        var code: String
        var name_zh: String
        var name_en: String
        var units: [String]
        var capability: String?
    }
    struct Category: Decodable {
        var code: String
        var name_zh: String
        var name_en: String
        var staffed_by_branch: Bool?
        var items: [Item]
    }
    var capabilities: [CapabilityEntry]
    var units: [Unit]
    var categories: [Category]

    func validated(file: String) throws -> Catalog {
        func fail(_ key: String, _ problem: String) -> TandemError { .configInvalid(file: file, key: key, problem: problem) }
        func checkCode(_ code: String, _ key: String) throws {
            guard !code.isEmpty, code == code.lowercased(), !code.contains(" ") else {
                throw fail(key, "a code is lowercase letters without spaces, found \(code)")
            }
        }
        var capabilities: [Capability] = []
        for (i, entry) in self.capabilities.enumerated() {
            try checkCode(entry.code, "capabilities[\(i)].code")
            guard !capabilities.contains(where: { $0.code == entry.code }) else {
                throw fail("capabilities[\(i)].code", "capability \(entry.code) appears twice")
            }
            capabilities.append(Capability(code: entry.code, name: Bilingual(zh: entry.name_zh, en: entry.name_en),
                                           carriesHeavyLoads: entry.carries_heavy_loads ?? false))
        }
        guard capabilities.count <= 64 else { throw fail("capabilities", "at most 64 capabilities, found \(capabilities.count)") }
        var unitCodes = Set<String>()
        var units: [MeasureUnit] = []
        for (i, unit) in self.units.enumerated() {
            try checkCode(unit.code, "units[\(i)].code")
            guard unitCodes.insert(unit.code).inserted else { throw fail("units[\(i)].code", "unit \(unit.code) appears twice") }
            var tonnes: Quantity?
            if let text = unit.tonnes?.text {
                guard let weight = Quantity(parsing: text), !weight.isZero else {
                    throw fail("units[\(i)].tonnes", "the weight of one unit in tonnes, a number above 0 with at most 3 decimals; found \(text)")
                }
                tonnes = weight
            }
            var countsPeople = false
            if let counts = unit.counts {
                guard counts == "people" else { throw fail("units[\(i)].counts", "the only value is people, found \(counts)") }
                countsPeople = true
            }
            guard tonnes == nil || !countsPeople else {
                throw fail("units[\(i)]", "a unit is a weight (tonnes) or counts people, not both")
            }
            units.append(MeasureUnit(code: unit.code, name: Bilingual(zh: unit.name_zh, en: unit.name_en), tonnes: tonnes,
                                     countsPeople: countsPeople))
        }
        var categoryCodes = Set<String>()
        var categories: [RequestCategory] = []
        var categoryNames = Set<String>()
        for (c, category) in self.categories.enumerated() {
            try checkCode(category.code, "categories[\(c)].code")
            // Coverage shows one column per category, headed by its name.
            guard categoryNames.insert("zh:" + category.name_zh).inserted, categoryNames.insert("en:" + category.name_en).inserted else {
                throw fail("categories[\(c)]", "another category has the name \(category.name_zh) or \(category.name_en)")
            }
            guard categoryCodes.insert(category.code).inserted else {
                throw fail("categories[\(c)].code", "category \(category.code) appears twice")
            }
            guard !category.items.isEmpty else { throw fail("categories[\(c)].items", "a category needs at least one item") }
            var itemCodes = Set<String>()
            var items: [CatalogItem] = []
            for (i, item) in category.items.enumerated() {
                let key = "categories[\(c)].items[\(i)]"
                guard itemCodes.insert(item.code).inserted else { throw fail("\(key).code", "item \(item.code) appears twice") }
                guard !item.units.isEmpty else { throw fail("\(key).units", "an item needs at least one unit") }
                for unit in item.units where !unitCodes.contains(unit) {
                    throw fail("\(key).units", "unknown unit \(unit); declare it under units")
                }
                var capability: Capability?
                if let text = item.capability {
                    guard let known = capabilities.first(where: { $0.code == text }) else {
                        throw fail("\(key).capability", "unknown capability \(text); declare it under capabilities (declared: "
                                   + capabilities.map(\.code).joined(separator: ", ") + ")")
                    }
                    capability = known
                }
                items.append(CatalogItem(code: item.code, name: Bilingual(zh: item.name_zh, en: item.name_en),
                                         units: item.units, capability: capability))
            }
            categories.append(RequestCategory(code: category.code, name: Bilingual(zh: category.name_zh, en: category.name_en), items: items,
                                              staffedByBranch: category.staffed_by_branch ?? false))
        }
        guard !categories.isEmpty else { throw fail("categories", "at least one category is needed") }
        return Catalog(categories: categories, units: units, capabilities: capabilities)
    }
}

/// `engine.yaml` as written: every key optional, unknown keys refused.
struct EngineFile: Decodable {
    var values: [String: Int]

    init(from decoder: Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: Int].self)
    }

    func validated(file: String) throws -> CostWeights {
        var weights = CostWeights()
        let setters: [String: (inout CostWeights, Int) -> Void] = [
            "per_km": { $0.perKm = $1 },
            "max_distance_km": { $0.maxDistanceKm = $1 },
            "missing_capability": { $0.missingCapability = $1 },
            "heavy_load_tonnes": { $0.heavyLoadTonnes = $1 },
            "heavy_load_without_transport": { $0.heavyLoadWithoutTransport = $1 },
            "per_missing_person": { $0.perMissingPerson = $1 },
            "same_district_bonus": { $0.sameDistrictBonus = $1 },
            "same_group_bonus": { $0.sameGroupBonus = $1 },
            "urgency_urgent": { $0.urgencyUrgent = $1 },
            "urgency_high": { $0.urgencyHigh = $1 },
            "urgency_normal": { $0.urgencyNormal = $1 },
            "urgency_low": { $0.urgencyLow = $1 },
            "urgency_per_day_open": { $0.urgencyPerDayOpen = $1 },
            "urgency_overdue": { $0.urgencyOverdue = $1 },
        ]
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let set = setters[key] else {
                throw TandemError.configInvalid(file: file, key: key,
                                                problem: "unknown key; known keys: \(setters.keys.sorted().joined(separator: ", "))")
            }
            guard (0...1_000_000).contains(value) else {
                throw TandemError.configInvalid(file: file, key: key, problem: "must be a whole number from 0 to 1000000")
            }
            set(&weights, value)
        }
        guard weights.maxDistanceKm > 0 else {
            throw TandemError.configInvalid(file: file, key: "max_distance_km", problem: "must be greater than 0")
        }
        return weights
    }
}

/// A YAML scalar kept as its text (`1`, `0.001`), so that a decimal is parsed exactly by `Quantity`.
struct YAMLNumberText: Decodable {
    var text: String

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let int = try? container.decode(Int.self) {
            text = String(int)
        } else {
            text = try container.decode(String.self)
        }
    }
}
