/// What is still to deliver in one category and unit ("300 pieces of PPE", "8 t of fertiliser").
public struct OpenQuantity: Sendable, Hashable {
    public var category: String
    public var unit: String
    public var remaining: Quantity
    /// Active requests that contribute to `remaining`.
    public var requests: Int

    public init(category: String, unit: String, remaining: Quantity, requests: Int) {
        self.category = category
        self.unit = unit
        self.remaining = remaining
        self.requests = requests
    }
}

/// Coverage figures for a set of enterprises (one district, one supervision group, or the city).
///
/// Definitions:
/// - an enterprise *needs help* when it has at least one open or in-progress request;
/// - it is *covered* when it needs help and has an active pairing;
/// - it is a *blind spot* when it needs help and has no active pairing;
/// - a request is *overdue* when it is active and its due day is before today;
/// - *done in the last 7 days* counts requests completed on one of the seven days ending today.
public struct CoverageFigures: Sendable, Hashable {
    /// All registered enterprises.
    public var enterprises: Int = 0
    /// Enterprises with an active pairing, whether or not they need help now.
    public var pairedEnterprises: Int = 0
    public var needingHelp: Int = 0
    /// Enterprises that need help and are paired.
    public var covered: Int = 0
    /// Enterprises that need help and have no branch, in code order.
    public var blindSpots: [RecordCode] = []
    public var activeRequests: Int = 0
    public var overdue: Int = 0
    public var doneLast7Days: Int = 0
    /// Remaining quantities per category and unit, in category then unit order.
    public var openQuantities: [OpenQuantity] = []

    public init() {}

    /// Covered share of the enterprises that need help, 0…1; nil when none needs help.
    public var coverage: Double? {
        needingHelp == 0 ? nil : Double(covered) / Double(needingHelp)
    }

    /// Coverage in whole percent, rounded (`Percent`: 99.6 % is never shown as complete); nil when none needs help.
    public var coveragePercent: Int? { Percent.of(covered, needingHelp) }

    /// The remaining quantity of one category, per unit.
    public func open(category: String) -> [OpenQuantity] {
        openQuantities.filter { $0.category == category }
    }

    mutating func add(_ other: CoverageFigures) {
        enterprises += other.enterprises
        pairedEnterprises += other.pairedEnterprises
        needingHelp += other.needingHelp
        covered += other.covered
        blindSpots += other.blindSpots
        activeRequests += other.activeRequests
        overdue += other.overdue
        doneLast7Days += other.doneLast7Days
        openQuantities = CoverageFigures.merge(openQuantities, other.openQuantities)
    }

    static func merge(_ a: [OpenQuantity], _ b: [OpenQuantity]) -> [OpenQuantity] {
        var byKey: [String: OpenQuantity] = [:]
        for q in a + b {
            let key = q.category + "\u{1}" + q.unit
            if var existing = byKey[key] {
                existing.remaining = existing.remaining + q.remaining
                existing.requests += q.requests
                byKey[key] = existing
            } else {
                byKey[key] = q
            }
        }
        return byKey.values.sorted { ($0.category, $0.unit) < ($1.category, $1.unit) }
    }
}

/// A (category, unit) pair whose open quantities are summed together.
private struct QuantityKey: Hashable {
    var category: String
    var unit: String
}

/// Coverage of one district.
public struct DistrictCoverage: Sendable, Hashable {
    public var district: District
    public var figures: CoverageFigures
    /// Active branches whose home is this district.
    public var homeBranches: Int

    /// A district with needs and no branch working any of them.
    public var isBlindSpot: Bool { figures.needingHelp > 0 && figures.covered == 0 }
}

/// Coverage of one supervision group and its districts.
public struct GroupCoverage: Sendable, Hashable {
    public var group: SupervisionGroup
    public var figures: CoverageFigures
    /// The group's districts, in the geography's order.
    public var districts: [DistrictCoverage]

    public var blindSpotDistricts: [DistrictCoverage] { districts.filter(\.isBlindSpot) }
}

/// Coverage of the campaign per supervision group, per district and for the whole city, computed
/// in one pass over a snapshot. Pure: the same snapshot and day always give the same report.
public struct CoverageReport: Sendable {
    public let today: Day
    /// Every group of the geography, by number.
    public let groups: [GroupCoverage]
    /// Every district, in the geography's order.
    public let districts: [DistrictCoverage]
    public let city: CoverageFigures

    /// - Parameters:
    ///   - completions: the day each done request was completed, overriding `Request.completed`.
    ///     Done requests with neither do not count in `doneLast7Days`.
    public init(snapshot: CitySnapshot, geography: Geography, today: Day, completions: [RecordCode: Day] = [:]) {
        self.today = today
        // One slot per district in the geography's order; enterprises of a district outside the
        // geography are not counted. Figures are updated in place (no copy per enterprise), and
        // open quantities are summed per (category, unit) slot rather than keyed by text.
        let districtCount = geography.districts.count
        var perDistrict = [CoverageFigures](repeating: CoverageFigures(), count: districtCount)
        var slotOf: [QuantityKey: Int] = [:]
        var slotKeys: [QuantityKey] = []
        var remaining: [[Int64]] = Array(repeating: [], count: districtCount)
        var counts: [[Int]] = Array(repeating: [], count: districtCount)
        var lastKey: QuantityKey?
        var lastSlot = 0
        let weekStart = today.adding(days: -6)
        var slotByDistrictCode: [String: Int] = [:]
        for (i, district) in geography.districts.enumerated() { slotByDistrictCode[district.code] = i }
        var lastDistrictCode: String?
        var lastDistrict: Int?

        // Fields are read in place (no copy of whole records) and the pairing is only looked up,
        // not copied: this loop runs on every data change of a 100 000-request city.
        let enterprises = snapshot.enterprises, requests = snapshot.requests
        for e in enterprises.indices {
            let districtCode = enterprises[e].districtCode
            let d: Int
            if districtCode == lastDistrictCode, let lastDistrict { d = lastDistrict } else {
                guard let found = slotByDistrictCode[districtCode] else { continue }
                lastDistrictCode = districtCode
                lastDistrict = found
                d = found
            }
            let code = enterprises[e].code
            perDistrict[d].enterprises += 1
            let paired = snapshot.pairingByEnterprise.contains(code)
            if paired { perDistrict[d].pairedEnterprises += 1 }
            var needs = false
            for index in snapshot.requestsByEnterprise[code] ?? [] {
                let status = requests[index].status
                if status.isActive {
                    needs = true
                    perDistrict[d].activeRequests += 1
                    if let due = requests[index].due, due < today { perDistrict[d].overdue += 1 }
                    let key = QuantityKey(category: requests[index].category, unit: requests[index].unit)
                    let slot: Int
                    if key == lastKey { slot = lastSlot } else if let known = slotOf[key] { slot = known } else {
                        slot = slotKeys.count
                        slotOf[key] = slot
                        slotKeys.append(key)
                    }
                    lastKey = key
                    lastSlot = slot
                    if remaining[d].count <= slot {
                        remaining[d] += [Int64](repeating: 0, count: slot + 1 - remaining[d].count)
                        counts[d] += [Int](repeating: 0, count: slot + 1 - counts[d].count)
                    }
                    remaining[d][slot] += requests[index].remaining.thousandths
                    counts[d][slot] += 1
                } else if status == .done, let day = (completions.isEmpty ? nil : completions[requests[index].code]) ?? requests[index].completed,
                          day >= weekStart, day <= today {
                    perDistrict[d].doneLast7Days += 1
                }
            }
            if needs {
                perDistrict[d].needingHelp += 1
                if paired { perDistrict[d].covered += 1 } else { perDistrict[d].blindSpots.append(code) }
            }
        }

        var homeBranches = [String: Int]()
        for branch in snapshot.branches where branch.active { homeBranches[branch.districtCode, default: 0] += 1 }

        var districts: [DistrictCoverage] = []
        districts.reserveCapacity(districtCount)
        for (d, district) in geography.districts.enumerated() {
            var figures = perDistrict[d]
            figures.blindSpots.sort()
            figures.openQuantities = counts[d].indices.compactMap { slot in
                counts[d][slot] == 0 ? nil : OpenQuantity(category: slotKeys[slot].category, unit: slotKeys[slot].unit,
                                                          remaining: Quantity(thousandths: remaining[d][slot]), requests: counts[d][slot])
            }.sorted { ($0.category, $0.unit) < ($1.category, $1.unit) }
            districts.append(DistrictCoverage(district: district, figures: figures, homeBranches: homeBranches[district.code] ?? 0))
        }

        var groups: [GroupCoverage] = []
        var city = CoverageFigures()
        for group in geography.groups {
            let members = districts.filter { $0.district.group == group.number }
            var figures = CoverageFigures()
            for member in members { figures.add(member.figures) }
            figures.blindSpots.sort()
            groups.append(GroupCoverage(group: group, figures: figures, districts: members))
            city.add(figures)
        }
        // Districts outside every group (a config mistake) still count for the city.
        let grouped = Set(geography.groups.map(\.number))
        for member in districts where !grouped.contains(member.district.group) { city.add(member.figures) }
        city.blindSpots.sort()

        self.groups = groups
        self.districts = districts
        self.city = city
    }

    public func group(_ number: Int) -> GroupCoverage? { groups.first { $0.group.number == number } }
    public func district(_ code: String) -> DistrictCoverage? { districts.first { $0.district.code == code } }

    /// Districts with needs and no branch working any of them, in the geography's order.
    public var blindSpotDistricts: [DistrictCoverage] { districts.filter(\.isBlindSpot) }
}
