/// An enterprise's open needs, condensed once so that pricing a branch is a few integer operations.
struct EnterpriseNeeds {
    var enterprise: Enterprise
    var location: GeoPoint
    var group: Int
    /// Open requests needing each capability, indexed like `Capability.allCases`.
    var requestsNeeding: [Int]
    var heavyLoads: Int
    var peopleNeeded: Int
    var urgency: Int
    var openRequests: Int
    var overdueRequests: Int
}

/// The pairing engine's cost model (weights from `config/engine.yaml`).
struct CostModel {
    let geography: Geography
    let catalog: Catalog
    let weights: CostWeights
    let today: Day
    static let capabilities = Capability.allCases

    func needs(of enterprise: Enterprise, requests: [Request]) -> EnterpriseNeeds {
        let district = geography.district(code: enterprise.districtCode)
        var needs = EnterpriseNeeds(enterprise: enterprise,
                                    location: enterprise.location ?? district?.centroid ?? GeoPoint(lat: 0, lon: 0),
                                    group: district?.group ?? 0, requestsNeeding: [Int](repeating: 0, count: Self.capabilities.count),
                                    heavyLoads: 0, peopleNeeded: 0, urgency: 0, openRequests: 0, overdueRequests: 0)
        for request in requests where request.status.isActive {
            needs.openRequests += 1
            let item = catalog.item(code: request.item, category: request.category)
            if let capability = item?.capability, let index = Self.capabilities.firstIndex(of: capability) {
                needs.requestsNeeding[index] += 1
            }
            let remaining = request.remaining
            if request.unit == "tonne" && remaining >= Quantity(weights.heavyLoadTonnes) { needs.heavyLoads += 1 }
            if request.category == "labour" && (request.unit == "person" || request.unit == "person_day") {
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
        for (index, capability) in Self.capabilities.enumerated() where needs.requestsNeeding[index] > 0 {
            if !branch.capabilities.contains(capability) { gaps.append(.missing(capability, requests: needs.requestsNeeding[index])) }
        }
        if needs.heavyLoads > 0 && !branch.capabilities.contains(.transport) {
            gaps.append(.heavyLoadWithoutTransport(requests: needs.heavyLoads))
        }
        if needs.peopleNeeded > branch.headcount {
            gaps.append(.shortOfPeople(needed: needs.peopleNeeded, headcount: branch.headcount))
        }
        return gaps
    }

    /// Distance, gaps and locality of a pair; nil when the pair is beyond reach.
    func pairCost(_ needs: EnterpriseNeeds, branch: Branch, branchDistrict: District?, distanceKm: Double) -> Int? {
        guard distanceKm <= Double(weights.maxDistanceKm) else { return nil }
        var cost = Int((distanceKm * Double(weights.perKm)).rounded())
        for (index, capability) in Self.capabilities.enumerated() where needs.requestsNeeding[index] > 0 {
            if !branch.capabilities.contains(capability) { cost += weights.missingCapability * needs.requestsNeeding[index] }
        }
        if needs.heavyLoads > 0 && !branch.capabilities.contains(.transport) {
            cost += weights.heavyLoadWithoutTransport * needs.heavyLoads
        }
        if needs.peopleNeeded > branch.headcount {
            cost += weights.perMissingPerson * min(needs.peopleNeeded - branch.headcount, 10_000)
        }
        if branch.districtCode == needs.enterprise.districtCode {
            cost -= weights.sameDistrictBonus
        } else if branchDistrict?.group == needs.group {
            cost -= weights.sameGroupBonus
        }
        return cost
    }

    func explain(_ needs: EnterpriseNeeds, _ branch: Branch) -> ProposalExplanation {
        let district = geography.district(code: branch.districtCode)
        let distance = location(of: branch).distanceKm(to: needs.location)
        let cost = pairCost(needs, branch: branch, branchDistrict: district, distanceKm: distance) ?? 0
        return ProposalExplanation(distanceKm: distance, sameDistrict: branch.districtCode == needs.enterprise.districtCode,
                                   sameGroup: district?.group == needs.group, gaps: gaps(needs, branch), urgency: needs.urgency,
                                   openRequests: needs.openRequests, overdueRequests: needs.overdueRequests, cost: cost)
    }
}
