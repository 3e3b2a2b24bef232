/// An enterprise's open needs, condensed once so that pricing a branch is a few integer operations.
struct EnterpriseNeeds {
    var enterprise: Enterprise
    var location: GeoPoint
    var group: Int
    /// Open requests needing each capability, indexed like `Catalog.capabilities`.
    var requestsNeeding: [Int]
    /// The capabilities with at least one open request, as bits of `CapabilityMask`.
    var neededMask: UInt64
    var heavyLoads: Int
    var peopleNeeded: Int
    var urgency: Int
    var openRequests: Int
    var overdueRequests: Int
}

/// A set of capabilities as bits, bit `i` for `Catalog.capabilities[i]` (the catalog declares
/// at most `CapabilityMask.maximumCapabilities`).
enum CapabilityMask {
    static let maximumCapabilities = 64

    static func of(_ capabilities: Set<Capability>, in catalog: Catalog) -> UInt64 {
        var mask: UInt64 = 0
        for (index, capability) in catalog.capabilities.enumerated() where capabilities.contains(capability) { mask |= 1 << index }
        return mask
    }
}

/// The cost of pairing a branch with an enterprise, defined once: travel, plus each open request
/// needing a capability the branch lacks, plus heavy loads with no carrier, plus people short,
/// minus a locality bonus. `CostModel.explain` and every path of `CandidateGraph` price pairs here;
/// the graph keeps the terms that many pairs share (`reach` per district, `capabilityCost` per
/// capability set) and adds `peopleShortCost` per branch, which is exactly `cost`.
struct PairCost {
    let weights: CostWeights
    /// The capabilities whose role is `carries_heavy_loads`.
    let heavyCarriers: UInt64

    init(weights: CostWeights, catalog: Catalog) {
        self.weights = weights
        var carriers: UInt64 = 0
        for (index, capability) in catalog.capabilities.enumerated() where capability.carriesHeavyLoads { carriers |= 1 << index }
        heavyCarriers = carriers
    }

    /// Travel minus the locality bonus; nil beyond `maxDistanceKm` (the pair is never proposed).
    @inline(__always) func reach(distanceKm: Double, sameDistrict: Bool, sameGroup: Bool) -> Int? {
        guard distanceKm <= Double(weights.maxDistanceKm) else { return nil }
        let bonus = sameDistrict ? weights.sameDistrictBonus : sameGroup ? weights.sameGroupBonus : 0
        return Int((distanceKm * Double(weights.perKm)).rounded()) - bonus
    }

    /// A lower bound of `reach` at this distance (the largest bonus), for pruning.
    @inline(__always) func reachLowerBound(distanceKm: Double) -> Int {
        Int(distanceKm * Double(weights.perKm)) - max(weights.sameDistrictBonus, weights.sameGroupBonus) - 1
    }

    /// Calls `body` for each gap between the needs and a branch with capabilities `mask`: the
    /// index of a missing capability, or nil for heavy loads without a carrier, with the number of
    /// requests concerned. The one definition of what a branch lacks.
    @inline(__always) func forEachGap(_ needs: EnterpriseNeeds, mask: UInt64, _ body: (_ capability: Int?, _ requests: Int) -> Void) {
        var missing = needs.neededMask & ~mask
        while missing != 0 {
            let index = missing.trailingZeroBitCount
            body(index, needs.requestsNeeding[index])
            missing &= missing - 1
        }
        if needs.heavyLoads > 0 && mask & heavyCarriers == 0 { body(nil, needs.heavyLoads) }
    }

    @inline(__always) func capabilityCost(_ needs: EnterpriseNeeds, mask: UInt64) -> Int {
        var cost = 0
        forEachGap(needs, mask: mask) { capability, requests in
            cost += (capability == nil ? weights.heavyLoadWithoutTransport : weights.missingCapability) * requests
        }
        return cost
    }

    @inline(__always) func peopleShortCost(_ needs: EnterpriseNeeds, headcount: Int) -> Int {
        needs.peopleNeeded > headcount ? weights.perMissingPerson * min(needs.peopleNeeded - headcount, 10_000) : 0
    }

    /// The whole cost of a pair; nil when it is beyond reach.
    @inline(__always) func cost(_ needs: EnterpriseNeeds, mask: UInt64, headcount: Int, distanceKm: Double,
                                sameDistrict: Bool, sameGroup: Bool) -> Int? {
        guard let reach = reach(distanceKm: distanceKm, sameDistrict: sameDistrict, sameGroup: sameGroup) else { return nil }
        return reach + capabilityCost(needs, mask: mask) + peopleShortCost(needs, headcount: headcount)
    }
}

/// The pairing engine's cost model (weights from `config/engine.yaml`, roles from `config/categories.yaml`).
struct CostModel {
    let geography: Geography
    let catalog: Catalog
    let weights: CostWeights
    let today: Day
    let pricing: PairCost
    /// Per unit code, its weight in thousandths of a tonne per unit (`tonnes` role).
    private let unitsByCode: [String: MeasureUnit]
    private let staffedCategories: Set<String>
    /// Per category then item code, the item's capability position in the catalog.
    private let capabilityOfItem: [String: [String: Int]]
    private let heavyFromThousandths: Int64

    init(geography: Geography, catalog: Catalog, weights: CostWeights, today: Day) {
        self.geography = geography
        self.catalog = catalog
        self.weights = weights
        self.today = today
        pricing = PairCost(weights: weights, catalog: catalog)
        unitsByCode = Dictionary(catalog.units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        staffedCategories = Set(catalog.categories.filter(\.staffedByBranch).map(\.code))
        var capabilityOfItem: [String: [String: Int]] = [:]
        for category in catalog.categories {
            for item in category.items {
                if let capability = item.capability, let index = catalog.capabilityIndex(capability) {
                    capabilityOfItem[category.code, default: [:]][item.code] = index
                }
            }
        }
        self.capabilityOfItem = capabilityOfItem
        heavyFromThousandths = Int64(weights.heavyLoadTonnes) * Quantity.scale
    }

    func needs(of enterprise: Enterprise, requests: [Request]) -> EnterpriseNeeds {
        let district = geography.district(code: enterprise.districtCode)
        var needs = EnterpriseNeeds(enterprise: enterprise,
                                    location: enterprise.location ?? district?.centroid ?? GeoPoint(lat: 0, lon: 0),
                                    group: district?.group ?? 0, requestsNeeding: [Int](repeating: 0, count: catalog.capabilities.count),
                                    neededMask: 0, heavyLoads: 0, peopleNeeded: 0, urgency: 0, openRequests: 0, overdueRequests: 0)
        for request in requests where request.status.isActive {
            needs.openRequests += 1
            if let index = capabilityOfItem[request.category]?[request.item] {
                needs.requestsNeeding[index] += 1
                needs.neededMask |= 1 << index
            }
            let remaining = request.remaining
            let unit = unitsByCode[request.unit]
            if let weight = unit?.weightInThousandthsOfTonne(remaining), weight >= heavyFromThousandths { needs.heavyLoads += 1 }
            if unit?.countsPeople == true && staffedCategories.contains(request.category) {
                needs.peopleNeeded += Int(min(remaining.thousandths / Quantity.scale, 100_000))
            }
            let age = min(max(today.ordinal - request.filed.ordinal, 0), 30)
            needs.urgency += weights.urgency(of: request.priority) + weights.urgencyPerDayOpen * age
            if request.isOverdue(on: today) {
                needs.overdueRequests += 1
                needs.urgency += weights.urgencyOverdue
            }
        }
        return needs
    }

    /// The branch's home: its district's centroid (branches are registered by district).
    func location(of branch: Branch) -> GeoPoint {
        geography.district(code: branch.districtCode)?.centroid ?? GeoPoint(lat: 0, lon: 0)
    }

    func gaps(_ needs: EnterpriseNeeds, _ branch: Branch) -> [CapabilityGap] {
        var gaps: [CapabilityGap] = []
        pricing.forEachGap(needs, mask: CapabilityMask.of(branch.capabilities, in: catalog)) { index, requests in
            gaps.append(index.map { .missing(catalog.capabilities[$0], requests: requests) } ?? .heavyLoadWithoutTransport(requests: requests))
        }
        if needs.peopleNeeded > branch.headcount {
            gaps.append(.shortOfPeople(needed: needs.peopleNeeded, headcount: branch.headcount))
        }
        return gaps
    }

    /// The pair's cost (`PairCost.cost`); nil when the pair is beyond reach.
    func pairCost(_ needs: EnterpriseNeeds, branch: Branch, branchDistrict: District?, distanceKm: Double) -> Int? {
        pricing.cost(needs, mask: CapabilityMask.of(branch.capabilities, in: catalog), headcount: branch.headcount, distanceKm: distanceKm,
                     sameDistrict: branch.districtCode == needs.enterprise.districtCode, sameGroup: branchDistrict?.group == needs.group)
    }

    func explain(_ needs: EnterpriseNeeds, _ branch: Branch) -> ProposalExplanation {
        let district = geography.district(code: branch.districtCode)
        let distance = location(of: branch).distanceKm(to: needs.location)
        let sameDistrict = branch.districtCode == needs.enterprise.districtCode
        let sameGroup = district?.group == needs.group
        let cost = pairCost(needs, branch: branch, branchDistrict: district, distanceKm: distance) ?? 0
        return ProposalExplanation(distanceKm: distance, sameDistrict: sameDistrict, sameGroup: sameGroup, gaps: gaps(needs, branch),
                                   urgency: needs.urgency, openRequests: needs.openRequests, overdueRequests: needs.overdueRequests,
                                   cost: cost)
    }
}
