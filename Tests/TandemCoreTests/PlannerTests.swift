import Foundation
import Testing
@testable import TandemCore
import TandemDemo

/// A small city: three districts, two in group 1 and a far one in group 2.
enum PlannerFixture {
    static let geography = Geography(
        districts: [
            District(code: "yuzhong", name: Bilingual(zh: "渝中区", en: "Yuzhong District"), kind: .district,
                     centroid: GeoPoint(lat: 29.55, lon: 106.57), group: 1, tile: TilePosition(row: 0, col: 0)),
            District(code: "jiangbei", name: Bilingual(zh: "江北区", en: "Jiangbei District"), kind: .district,
                     centroid: GeoPoint(lat: 29.61, lon: 106.61), group: 1, tile: TilePosition(row: 0, col: 1)),
            District(code: "wushan", name: Bilingual(zh: "巫山县", en: "Wushan County"), kind: .county,
                     centroid: GeoPoint(lat: 31.07, lon: 109.88), group: 2, tile: TilePosition(row: 0, col: 2)),
        ],
        groups: [SupervisionGroup(number: 1, name: Bilingual(zh: "第一组", en: "Group 1")),
                 SupervisionGroup(number: 2, name: Bilingual(zh: "第二组", en: "Group 2"))])
    static let catalog = Catalog(
        categories: [
            RequestCategory(code: "ppe", name: Bilingual(zh: "防护", en: "PPE"), items: [
                CatalogItem(code: "masks", name: Bilingual(zh: "口罩", en: "masks"), units: ["piece"], capability: .ppe)]),
            RequestCategory(code: "production", name: Bilingual(zh: "生产", en: "production"), items: [
                CatalogItem(code: "fertiliser", name: Bilingual(zh: "化肥", en: "fertiliser"), units: ["tonne"], capability: .agriculture)]),
            RequestCategory(code: "labour", name: Bilingual(zh: "劳动力", en: "labour"), items: [
                CatalogItem(code: "tea_pickers", name: Bilingual(zh: "采茶工", en: "tea pickers"), units: ["person"], capability: .labour)],
                            staffedByBranch: true),
        ],
        units: [MeasureUnit(code: "piece", name: Bilingual(zh: "个", en: "pieces")),
                MeasureUnit(code: "tonne", name: Bilingual(zh: "吨", en: "tonnes"), tonnes: Quantity(1)),
                MeasureUnit(code: "person", name: Bilingual(zh: "人", en: "people"), countsPeople: true)],
        capabilities: Capability.shipped)
    static let today = Day(parsing: "2020-03-05")!

    static func branch(_ n: Int, _ district: String, _ capabilities: Set<Capability>, headcount: Int = 10) -> Branch {
        Branch(code: RecordCode(.branch, n), name: "突击队\(n)", districtCode: district, headcount: headcount, capabilities: capabilities)
    }

    static func enterprise(_ n: Int, _ district: String) -> Enterprise {
        Enterprise(code: RecordCode(.enterprise, n), name: "单位\(n)", kind: .enterprise, districtCode: district)
    }

    static func request(_ n: Int, _ enterprise: Int, _ item: String, _ quantity: Int, priority: Priority = .normal) -> Request {
        let (category, unit) = switch item {
        case "masks": ("ppe", "piece")
        case "fertiliser": ("production", "tonne")
        default: ("labour", "person")
        }
        return Request(code: RecordCode(.request, n), enterpriseCode: RecordCode(.enterprise, enterprise), category: category,
                       item: item, quantity: Quantity(quantity), unit: unit, priority: priority, filed: today)
    }

    static func plan(_ snapshot: CitySnapshot, scope: PlanningScope = PlanningScope(), limit: Int = PairingPlanner.completeGraphLimit) -> PairingPlan {
        PairingPlanner.plan(snapshot: snapshot, geography: geography, catalog: catalog, weights: CostWeights(), today: today,
                            scope: scope, completeGraphLimit: limit)
    }
}

@Suite struct PlannerTests {
    typealias F = PlannerFixture

    @Test func pairsEachEnterpriseWithTheBranchThatCanDoTheJob() {
        let snapshot = CitySnapshot(
            branches: [F.branch(1, "yuzhong", [.ppe]), F.branch(2, "yuzhong", [.agriculture, .transport])],
            enterprises: [F.enterprise(1, "yuzhong"), F.enterprise(2, "yuzhong")],
            requests: [F.request(1, 1, "fertiliser", 8), F.request(2, 2, "masks", 300)], activePairings: [])
        let plan = F.plan(snapshot)
        let pairs = Set(plan.proposals.map { "\($0.branch)-\($0.enterprise)" })
        #expect(pairs == ["B2-E1", "B1-E2"])
        #expect(plan.proposals.allSatisfy { $0.explanation.gaps.isEmpty && $0.explanation.sameDistrict })
        #expect(plan.candidateGraph == "complete")
    }

    @Test func whenBranchesAreScarceTheMostUrgentEnterpriseIsServed() {
        let snapshot = CitySnapshot(
            branches: [F.branch(1, "jiangbei", [.ppe])],
            enterprises: [F.enterprise(1, "yuzhong"), F.enterprise(2, "jiangbei")],
            requests: [F.request(1, 1, "masks", 300, priority: .urgent), F.request(2, 2, "masks", 300, priority: .low)],
            activePairings: [])
        let plan = F.plan(snapshot)
        // E2 is nearer (same district) but E1 is urgent: urgency outweighs the locality bonus.
        #expect(plan.proposals.map(\.enterprise) == [RecordCode(.enterprise, 1)])
        guard case .outnumbered(let inReach, _, _) = plan.unpaired.first?.reason else {
            Issue.record("E2 should be outnumbered")
            return
        }
        #expect(inReach == 1)
    }

    @Test func farEnterprisesAndMissingCapabilitiesAreExplained() {
        let snapshot = CitySnapshot(
            branches: [F.branch(1, "yuzhong", [.ppe])],
            enterprises: [F.enterprise(1, "wushan"), F.enterprise(2, "yuzhong")],
            requests: [F.request(1, 1, "masks", 100), F.request(2, 2, "fertiliser", 8)], activePairings: [])
        let plan = F.plan(snapshot)
        #expect(plan.unpaired.first { $0.enterprise == RecordCode(.enterprise, 1) }?.reason == .noBranchInReach(maxKm: 150))
        let proposal = plan.proposals.first { $0.enterprise == RecordCode(.enterprise, 2) }
        #expect(proposal?.explanation.gaps.contains(.missing(.agriculture, requests: 1)) == true)
        #expect(proposal?.explanation.gaps.contains(.heavyLoadWithoutTransport(requests: 1)) == true)
        #expect(proposal?.explanation.text(.en).contains("no vehicle") == true)
    }

    @Test func activePairingsAreKeptUnlessReplanning() {
        let pairing = Pairing(id: 1, branchCode: RecordCode(.branch, 1), enterpriseCode: RecordCode(.enterprise, 1), startedAt: Timestamp(millisecondsSince1970: 0), startedBy: "d")
        let snapshot = CitySnapshot(
            branches: [F.branch(1, "wushan", [.labour]), F.branch(2, "yuzhong", [.labour], headcount: 100)],
            enterprises: [F.enterprise(1, "yuzhong")],
            requests: [F.request(1, 1, "tea_pickers", 100, priority: .urgent)], activePairings: [pairing])
        let kept = F.plan(snapshot)
        #expect(kept.proposals.isEmpty && kept.keptPairings == 1)
        let replanned = F.plan(snapshot, scope: PlanningScope(replan: true))
        #expect(replanned.proposals.map(\.branch) == [RecordCode(.branch, 2)])
    }

    /// The plan is a maximum matching of minimum cost: compared with every matching of small cities.
    @Test(arguments: 1...40)
    func isOptimalAgainstBruteForce(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let districts = ["yuzhong", "jiangbei", "wushan"]
        let branchCount = random.between(1, 5), enterpriseCount = random.between(1, 5)
        let branches = (1...branchCount).map { n in
            F.branch(n, random.pick(districts), Set(Capability.shipped.filter { _ in random.chance(50) }), headcount: random.between(1, 60))
        }
        let enterprises = (1...enterpriseCount).map { F.enterprise($0, random.pick(districts)) }
        var requests: [Request] = []
        for e in 1...enterpriseCount {
            for _ in 0..<random.between(1, 3) {
                requests.append(F.request(requests.count + 1, e, random.pick(["masks", "fertiliser", "tea_pickers"]), random.between(1, 80),
                                          priority: random.pick(Priority.allCases)))
            }
        }
        let snapshot = CitySnapshot(branches: branches, enterprises: enterprises, requests: requests, activePairings: [])
        let plan = F.plan(snapshot)
        let model = CostModel(geography: F.geography, catalog: F.catalog, weights: CostWeights(), today: F.today)
        let needs = enterprises.map { model.needs(of: $0, requests: snapshot.requests(of: $0.code)) }
        func cost(_ e: Int, _ b: Int) -> Int? {
            let km = model.location(of: branches[b]).distanceKm(to: needs[e].location)
            return model.pairCost(needs[e], branch: branches[b], branchDistrict: F.geography.district(code: branches[b].districtCode),
                                  distanceKm: km).map { $0 - needs[e].urgency }
        }
        // Brute force: best (size, -cost) over all partial matchings.
        var best = (size: 0, cost: 0)
        func search(_ e: Int, _ used: Set<Int>, _ size: Int, _ total: Int) {
            if e == enterpriseCount {
                if size > best.size || (size == best.size && total < best.cost) { best = (size, total) }
                return
            }
            search(e + 1, used, size, total)
            for b in 0..<branchCount where !used.contains(b) {
                if let c = cost(e, b) { search(e + 1, used.union([b]), size + 1, total + c) }
            }
        }
        search(0, [], 0, 0)
        let planned = plan.proposals.reduce(0) { $0 + $1.explanation.cost - $1.explanation.urgency }
        #expect(plan.proposals.count == best.size)
        #expect(planned == best.cost)
        #expect(Set(plan.proposals.map(\.branch)).count == plan.proposals.count)
    }

    /// On large cities the graph is pruned; the sample keeps the matching as large as the complete graph's.
    @Test func prunedGraphKeepsTheMatchingSize() {
        var random = SeededGenerator(seed: 99)
        let districts = ["yuzhong", "jiangbei"]
        let branches = (1...300).map { F.branch($0, random.pick(districts), [.ppe, .labour], headcount: 20) }
        let enterprises = (1...300).map { F.enterprise($0, random.pick(districts)) }
        let requests = (1...300).map { F.request($0, $0, "masks", 100) }
        let snapshot = CitySnapshot(branches: branches, enterprises: enterprises, requests: requests, activePairings: [])
        let complete = F.plan(snapshot)
        let pruned = F.plan(snapshot, limit: 1000)
        #expect(pruned.candidateGraph.hasPrefix("pruned"))
        #expect(pruned.candidateEdges < complete.candidateEdges / 5)
        #expect(pruned.proposals.count == complete.proposals.count)
        #expect(pruned.proposals.count == 300)
        #expect(pruned.totalCost == complete.totalCost)
    }

    /// Large cities build the candidate graph in two parts on two cores: the same graph as in one.
    @Test func candidateGraphBuiltInTwoPartsIsTheSame() {
        var random = SeededGenerator(seed: 5)
        let districts = ["yuzhong", "jiangbei", "wushan"]
        let branches = (1...120).map { F.branch($0, random.pick(districts), $0 % 2 == 0 ? [.ppe] : [.ppe, .labour], headcount: $0 % 40) }
        let enterprises = (1...150).map { F.enterprise($0, random.pick(districts)) }
        let requests = (1...150).map { F.request($0, $0, $0 % 3 == 0 ? "tea_pickers" : "masks", 10 + $0 % 50) }
        let model = CostModel(geography: F.geography, catalog: F.catalog, weights: CostWeights(), today: F.today)
        let snapshot = CitySnapshot(branches: branches, enterprises: enterprises, requests: requests, activePairings: [])
        let needs = enterprises.map { model.needs(of: $0, requests: snapshot.requests(of: $0.code)) }
        for limit in [1000, PairingPlanner.completeGraphLimit] {
            let one = CandidateGraph.build(needs: needs, branches: branches, model: model, completeGraphLimit: limit, parallelFrom: .max)
            let two = CandidateGraph.build(needs: needs, branches: branches, model: model, completeGraphLimit: limit, parallelFrom: 1)
            #expect(one.edgeRow == two.edgeRow && one.edgeCol == two.edgeCol && one.edgeCost == two.edgeCost)
            #expect(one.branchesInReach == two.branchesInReach && one.missingEverywhere == two.missingEverywhere)
            #expect(one.complete == (limit > 1000) && one.edgeCount > 0)
        }
    }
}
