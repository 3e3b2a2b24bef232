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

    /// Coverage in whole percent, rounded down so that 99.6 % is never shown as complete; nil when none needs help.
    public var coveragePercent: Int? {
        needingHelp == 0 ? nil : covered * 100 / needingHelp
    }

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
        var perDistrict = [String: CoverageFigures](minimumCapacity: geography.districts.count)
        var quantities = [String: [String: OpenQuantity]]()
        let weekStart = today.adding(days: -6)

        for enterprise in snapshot.enterprises {
            var figures = perDistrict[enterprise.districtCode] ?? CoverageFigures()
            figures.enterprises += 1
            let paired = snapshot.pairingByEnterprise[enterprise.code] != nil
            if paired { figures.pairedEnterprises += 1 }
            var needs = false
            for index in snapshot.requestsByEnterprise[enterprise.code] ?? [] {
                let request = snapshot.requests[index]
                if request.status.isActive {
                    needs = true
                    figures.activeRequests += 1
                    if request.isOverdue(on: today) { figures.overdue += 1 }
                    let remaining = request.remaining
                    let key = request.category + "\u{1}" + request.unit
                    var entry = quantities[enterprise.districtCode, default: [:]][key]
                        ?? OpenQuantity(category: request.category, unit: request.unit, remaining: .zero, requests: 0)
                    entry.remaining = entry.remaining + remaining
                    entry.requests += 1
                    quantities[enterprise.districtCode, default: [:]][key] = entry
                } else if request.status == .done, let day = completions[request.code] ?? request.completed, day >= weekStart, day <= today {
                    figures.doneLast7Days += 1
                }
            }
            if needs {
                figures.needingHelp += 1
                if paired { figures.covered += 1 } else { figures.blindSpots.append(enterprise.code) }
            }
            perDistrict[enterprise.districtCode] = figures
        }

        var homeBranches = [String: Int]()
        for branch in snapshot.branches where branch.active { homeBranches[branch.districtCode, default: 0] += 1 }

        var districts: [DistrictCoverage] = []
        districts.reserveCapacity(geography.districts.count)
        for district in geography.districts {
            var figures = perDistrict[district.code] ?? CoverageFigures()
            figures.blindSpots.sort()
            figures.openQuantities = (quantities[district.code] ?? [:]).values
                .sorted { ($0.category, $0.unit) < ($1.category, $1.unit) }
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
