/// The edges the engine may choose from: every enterprise–branch pair within reach on small
/// cities, and on large ones each enterprise's cheapest branches plus a deterministic sample
/// within reach. Branches live at their district's centroid, so reach is decided per district.
struct CandidateGraph: CustomStringConvertible {
    var edges: [AssignmentEdge] = []
    /// Free branches within reach of each enterprise (row).
    var branchesInReach: [Int] = []
    /// Per row: needed capabilities that no branch within reach has.
    var missingEverywhere: [[Capability]] = []
    var complete = true

    var description: String {
        complete ? "complete"
            : "pruned: \(PairingPlanner.cheapestPerEnterprise) cheapest + \(PairingPlanner.sampledPerEnterprise) sampled branches per enterprise"
    }

    static func build(needs: [EnterpriseNeeds], branches: [Branch], model: CostModel, completeGraphLimit: Int) -> CandidateGraph {
        var graph = CandidateGraph()
        let rows = needs.count
        graph.complete = rows * branches.count <= completeGraphLimit
        // Branches grouped by home district, with each district's combined capabilities.
        var districtSlot: [String: Int] = [:]
        var districts: [District?] = []
        var members: [[Int]] = []
        var capabilityUnion: [Set<Capability>] = []
        for (col, branch) in branches.enumerated() {
            let slot: Int
            if let existing = districtSlot[branch.districtCode] {
                slot = existing
            } else {
                slot = districts.count
                districtSlot[branch.districtCode] = slot
                districts.append(model.geography.district(code: branch.districtCode))
                members.append([])
                capabilityUnion.append([])
            }
            members[slot].append(col)
            capabilityUnion[slot].formUnion(branch.capabilities)
        }
        let centroids = districts.map { $0?.centroid ?? GeoPoint(lat: 0, lon: 0) }
        let weights = model.weights
        let maxBonus = max(weights.sameDistrictBonus, weights.sameGroupBonus)
        // A constant that keeps `cost - urgency` non-negative; the same for every pair, so it
        // does not change which maximum matching is cheapest.
        let offset = (needs.map(\.urgency).max() ?? 0) + maxBonus
        let limit = AssignmentProblem.maximumCost
        graph.branchesInReach.reserveCapacity(rows)
        graph.missingEverywhere.reserveCapacity(rows)

        var reach: [(slot: Int, km: Double)] = []
        for (row, need) in needs.enumerated() {
            reach.removeAll(keepingCapacity: true)
            for slot in 0..<districts.count {
                let km = centroids[slot].distanceKm(to: need.location)
                if km <= Double(weights.maxDistanceKm) { reach.append((slot, km)) }
            }
            reach.sort { ($0.km, $0.slot) < ($1.km, $1.slot) }
            graph.branchesInReach.append(reach.reduce(0) { $0 + members[$1.slot].count })
            var reachable = Set<Capability>()
            for (slot, _) in reach { reachable.formUnion(capabilityUnion[slot]) }
            graph.missingEverywhere.append(CostModel.capabilities.enumerated().compactMap { index, capability in
                need.requestsNeeding[index] > 0 && !reachable.contains(capability) ? capability : nil
            })
            func edgeCost(_ col: Int, _ slot: Int, _ km: Double) -> Int? {
                guard let cost = model.pairCost(need, branch: branches[col], branchDistrict: districts[slot], distanceKm: km) else {
                    return nil
                }
                return min(max(cost - need.urgency + offset, 0), limit)
            }
            if graph.complete {
                for (slot, km) in reach {
                    for col in members[slot] {
                        if let cost = edgeCost(col, slot, km) { graph.edges.append(AssignmentEdge(row: row, col: col, cost: cost)) }
                    }
                }
                continue
            }
            // The cheapest branches, ties broken by a hash so that enterprises spread over equals.
            var best = BoundedBest(capacity: PairingPlanner.cheapestPerEnterprise)
            for (slot, km) in reach {
                if best.isFull, Int(km * Double(weights.perKm)) - maxBonus - need.urgency + offset > best.worstCost { break }
                for col in members[slot] {
                    if let cost = edgeCost(col, slot, km) { best.offer(cost: cost, tieBreak: Self.mix(row, col), col: col) }
                }
            }
            var chosen = Set(best.entries.map(\.col))
            for entry in best.entries { graph.edges.append(AssignmentEdge(row: row, col: entry.col, cost: entry.cost)) }
            // A sample across everything within reach keeps the matching large.
            let total = graph.branchesInReach[row]
            if total > 0 {
                for draw in 0..<PairingPlanner.sampledPerEnterprise {
                    var index = Int(Self.mix(row, draw &+ 7_919) % UInt64(total))
                    for (slot, km) in reach {
                        if index < members[slot].count {
                            let col = members[slot][index]
                            if chosen.insert(col).inserted, let cost = edgeCost(col, slot, km) {
                                graph.edges.append(AssignmentEdge(row: row, col: col, cost: cost))
                            }
                            break
                        }
                        index -= members[slot].count
                    }
                }
            }
        }
        return graph
    }

    /// A fixed, well-mixed hash of two numbers (SplitMix64's finaliser).
    static func mix(_ a: Int, _ b: Int) -> UInt64 {
        var z = UInt64(truncatingIfNeeded: a) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: b)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Keeps the `capacity` smallest (cost, tie-break) entries offered.
struct BoundedBest {
    struct Entry { var cost: Int; var tieBreak: UInt64; var col: Int }
    let capacity: Int
    private(set) var entries: [Entry] = []
    private var worstIndex = 0

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(capacity)
    }

    var isFull: Bool { entries.count >= capacity }
    var worstCost: Int { entries.isEmpty ? Int.max : entries[worstIndex].cost }

    mutating func offer(cost: Int, tieBreak: UInt64, col: Int) {
        let entry = Entry(cost: cost, tieBreak: tieBreak, col: col)
        if entries.count < capacity {
            entries.append(entry)
            if entries.count == capacity { findWorst() }
            return
        }
        let worst = entries[worstIndex]
        if (cost, tieBreak) < (worst.cost, worst.tieBreak) {
            entries[worstIndex] = entry
            findWorst()
        }
    }

    private mutating func findWorst() {
        var index = 0
        for i in 1..<entries.count where (entries[i].cost, entries[i].tieBreak) > (entries[index].cost, entries[index].tieBreak) {
            index = i
        }
        worstIndex = index
    }
}
