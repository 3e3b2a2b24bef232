import Dispatch
import AssignmentSolver

/// The edges the engine may choose from: every enterprise–branch pair within reach on small
/// cities, and on large ones each enterprise's cheapest branches plus a deterministic sample
/// within reach. Branches live at their district's centroid, so reach is decided per district.
///
/// On a 20 000 city (9950 enterprises × 9341 branches, 451 658 edges) the build takes 0.26 s
/// (median, load 1.3) with the enterprises split in two parts on two cores; in one part it took
/// 0.37 s, as much as before the per-row work was trimmed (0.38 s) under that run's load of 2.5.
struct CandidateGraph: CustomStringConvertible {
    /// The edges as three parallel arrays, rows in increasing order (the assignment problem's own
    /// layout: no array of `AssignmentEdge` to build and convert).
    var edgeRow: [Int32] = []
    var edgeCol: [Int32] = []
    var edgeCost: [Int32] = []
    var edgeCount: Int { edgeRow.count }

    mutating func append(row: Int, col: Int, cost: Int) {
        edgeRow.append(Int32(truncatingIfNeeded: row))
        edgeCol.append(Int32(truncatingIfNeeded: col))
        edgeCost.append(Int32(truncatingIfNeeded: cost))
    }

    /// The assignment problem on these edges (costs are clamped to its range as they are made).
    func problem(rows: Int, cols: Int) -> AssignmentProblem? {
        try? AssignmentProblem(validatedRows: rows, cols: cols, edgeRow: edgeRow, edgeCol: edgeCol, edgeCost: edgeCost)
    }
    /// Free branches within reach of each enterprise (row).
    var branchesInReach: [Int] = []
    /// Per row: needed capabilities that no branch within reach has.
    var missingEverywhere: [[Capability]] = []
    var complete = true

    var description: String {
        complete ? "complete"
            : "pruned: \(PairingPlanner.cheapestPerEnterprise) cheapest + \(PairingPlanner.sampledPerEnterprise) sampled branches per enterprise, "
                + "\(PairingPlanner.enterprisesPerBranch) cheapest enterprises per branch"
    }

    /// From `parallelFrom` rows the enterprises are split in two parts built on two cores.
    static func build(needs: [EnterpriseNeeds], branches: [Branch], model: CostModel, completeGraphLimit: Int,
                      parallelFrom: Int = 4_000) -> CandidateGraph {
        var graph = CandidateGraph()
        let rows = needs.count
        graph.complete = rows * branches.count <= completeGraphLimit
        let weights = model.weights
        let pairCost = model.pricing
        // Branches grouped by home district, and within it by capability set (a class: one per
        // distinct mask): all branches of one class cost an enterprise the same but for a
        // headcount shortfall.
        let masks = branches.map { CapabilityMask.of($0.capabilities, in: model.catalog) }
        var classOfMask: [UInt64: Int] = [:]
        var classMasks: [UInt64] = []
        let classOf = masks.map { mask in
            if let known = classOfMask[mask] { return known }
            classOfMask[mask] = classMasks.count
            classMasks.append(mask)
            return classMasks.count - 1
        }
        let classCount = classMasks.count
        var districtSlot: [String: Int] = [:]
        var districts: [District?] = []
        var members: [[Int]] = []
        var classes: [[[Int]]] = []
        var slotClasses: [[Int]] = []
        var capabilityUnion: [UInt64] = []
        for (col, branch) in branches.enumerated() {
            let slot: Int
            if let existing = districtSlot[branch.districtCode] {
                slot = existing
            } else {
                slot = districts.count
                districtSlot[branch.districtCode] = slot
                districts.append(model.geography.district(code: branch.districtCode))
                members.append([])
                classes.append([[Int]](repeating: [], count: classCount))
                slotClasses.append([])
                capabilityUnion.append(0)
            }
            members[slot].append(col)
            if classes[slot][classOf[col]].isEmpty { slotClasses[slot].append(classOf[col]) }
            classes[slot][classOf[col]].append(col)
            capabilityUnion[slot] |= masks[col]
        }
        let centroids = districts.map { $0?.centroid ?? GeoPoint(lat: 0, lon: 0) }
        // Looked up once, not per pair: copying a `District` retains its strings.
        let slotGroups = districts.map { $0?.group }
        let headcounts = branches.map(\.headcount)
        let maxBonus = max(weights.sameDistrictBonus, weights.sameGroupBonus)
        // A constant that keeps `cost - urgency` non-negative; the same for every pair, so it
        // does not change which maximum matching is cheapest.
        let offset = (needs.map(\.urgency).max() ?? 0) + maxBonus
        let limit = AssignmentProblem.maximumCost
        // Branch side (pruned graphs only): each capability class of each district keeps the
        // enterprises it serves most cheaply, a few per branch, so that when branches are scarce the
        // most urgent enterprises near them are still connected to them.
        let complete = graph.complete
        // Rows are independent but for the class heaps, which keep the cheapest (cost, row)
        // entries offered: each part of the rows keeps its own and the union's cheapest are the
        // same entries, so the graph does not depend on how rows are split.
        struct Part {
            var classBest: [[MaxHeap]] = []
            var rowEdges: [[(col: Int, cost: Int)]] = []
            var branchesInReach: [Int] = []
            var missingEverywhere: [[Capability]] = []
            /// Complete graphs: the part's edges, rows in order.
            var edges = CandidateGraph()
        }
        func buildPart(_ rowRange: Range<Int>) -> Part {
        var part = Part()
        part.classBest = complete ? [] : classes.map { byMask in
            byMask.map { MaxHeap(capacity: $0.count * PairingPlanner.enterprisesPerBranch) }
        }
        // Per (slot, class): an offer must cost less than this to enter the class's heap (rows come in
        // increasing order, so a tie with the heap's worst never enters).
        var classBar = [Int](repeating: Int.max, count: complete ? 0 : classes.count * classCount)
        var chosenStamp = [Int32](repeating: -1, count: complete ? 0 : branches.count)
        part.rowEdges = complete ? [] : Array(repeating: [], count: rowRange.count)
        part.branchesInReach.reserveCapacity(rowRange.count)
        part.missingEverywhere.reserveCapacity(rowRange.count)
        var reach: [(slot: Int, km: Double, base: Int)] = []
        var gapByClass = [Int](repeating: 0, count: classCount)
        for row in rowRange {
            let need = needs[row]
            let local = row - rowRange.lowerBound
            // What each capability set lacks for this enterprise, priced once.
            for classIndex in 0..<classCount { gapByClass[classIndex] = pairCost.capabilityCost(need, mask: classMasks[classIndex]) }
            reach.removeAll(keepingCapacity: true)
            var reachableMask: UInt64 = 0
            var inReach = 0
            let ownSlot = districtSlot[need.enterprise.districtCode] ?? -1
            for slot in 0..<districts.count {
                let km = centroids[slot].distanceKm(to: need.location)
                guard let travel = pairCost.reach(distanceKm: km, sameDistrict: slot == ownSlot,
                                                  sameGroup: slotGroups[slot] == need.group) else { continue }
                reach.append((slot, km, travel - need.urgency + offset))
                reachableMask |= capabilityUnion[slot]
                inReach += members[slot].count
            }
            reach.sort { ($0.km, $0.slot) < ($1.km, $1.slot) }
            part.branchesInReach.append(inReach)
            let missing = need.neededMask & ~reachableMask
            part.missingEverywhere.append(missing == 0 ? [] : model.catalog.capabilities.indices.compactMap { index in
                missing & (1 << index) != 0 ? model.catalog.capabilities[index] : nil
            })
            // `PairCost.cost` minus urgency plus the offset, its shared terms looked up.
            @inline(__always) func cost(_ base: Int, _ classIndex: Int, _ col: Int) -> Int {
                let cost = base + gapByClass[classIndex] + pairCost.peopleShortCost(need, headcount: headcounts[col])
                return min(max(cost, 0), limit)
            }
            if complete {
                for (slot, _, base) in reach {
                    for col in members[slot] {
                        part.edges.append(row: row, col: col, cost: cost(base, classOf[col], col))
                    }
                }
                continue
            }
            // The cheapest branches: districts by distance, skipping whole districts and capability
            // classes that cannot beat the worst kept so far; ties spread by a hash of the pair.
            var best = BoundedBest(capacity: PairingPlanner.cheapestPerEnterprise)
            // A branch's cheapest enterprises are near it: offer this one to the nearest districts only.
            for (slot, _, base) in reach.prefix(PairingPlanner.districtsOfferedTo) {
                for classIndex in slotClasses[slot] {
                    let cost = base + gapByClass[classIndex], bar = slot * classCount + classIndex
                    guard cost < classBar[bar] else { continue }
                    part.classBest[slot][classIndex].offer(cost: cost, row: row)
                    classBar[bar] = part.classBest[slot][classIndex].entryBar
                }
            }
            for (slot, km, base) in reach {
                if best.isFull, pairCost.reachLowerBound(distanceKm: km) - need.urgency + offset > best.worstCost { break }
                for classIndex in slotClasses[slot] {
                    let classCost = base + gapByClass[classIndex]
                    if best.isFull, classCost > best.worstCost { continue }
                    let group = classes[slot][classIndex]
                    // Start at a row-dependent place so that equal branches are shared out.
                    let mask = Int(truncatingIfNeeded: classMasks[classIndex])
                    let start = Int(Self.mix(row, slot &* 32 &+ mask) % UInt64(group.count))
                    for step in 0..<group.count {
                        let col = group[(start + step) % group.count]
                        let c = cost(base, classIndex, col)
                        if best.isFull && c >= best.worstCost {
                            if need.peopleNeeded == 0 { break } // the rest of the class costs the same
                            continue
                        }
                        best.offer(cost: c, tieBreak: Self.mix(row, col), col: col)
                    }
                }
            }
            for entry in best.entries {
                chosenStamp[entry.col] = Int32(row)
                part.rowEdges[local].append((entry.col, entry.cost))
            }
            // A sample across everything within reach keeps the matching large.
            if inReach > 0 {
                for draw in 0..<PairingPlanner.sampledPerEnterprise {
                    var index = Int(Self.mix(row, draw &+ 7_919) % UInt64(inReach))
                    for (slot, _, base) in reach {
                        if index < members[slot].count {
                            let col = members[slot][index]
                            if chosenStamp[col] != Int32(row) {
                                chosenStamp[col] = Int32(row)
                                part.rowEdges[local].append((col, cost(base, classOf[col], col)))
                            }
                            break
                        }
                        index -= members[slot].count
                    }
                }
            }
        }
        return part
        }

        // Two parts on two cores from 4 000 rows (a 20 000 city: 0.37 -> 0.2 s when a core is free).
        let parts: [Part]
        if rows >= max(parallelFrom, 2) {
            let split = rows / 2
            // Each part reads shared immutable inputs and writes only its own slot.
            final class Shared: @unchecked Sendable {
                let build: (Range<Int>) -> Part
                var results: [Part?] = [nil, nil]
                init(_ build: @escaping (Range<Int>) -> Part) { self.build = build }
            }
            let shared = Shared(buildPart)
            shared.results.withUnsafeMutableBufferPointer { buffer in
                let results = UncheckedSendable(buffer)
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    results.value[index] = shared.build(index == 0 ? 0..<split : split..<rows)
                }
            }
            parts = shared.results.map { $0! }
        } else {
            parts = [buildPart(0..<rows)]
        }
        graph.branchesInReach = parts.flatMap(\.branchesInReach)
        graph.missingEverywhere = parts.flatMap(\.missingEverywhere)
        if complete {
            graph.edgeRow = parts.flatMap(\.edges.edgeRow)
            graph.edgeCol = parts.flatMap(\.edges.edgeCol)
            graph.edgeCost = parts.flatMap(\.edges.edgeCost)
        }
        if !graph.complete {
            var rowEdges = parts.flatMap(\.rowEdges)
            // Share each class's cheapest enterprises out among its branches, round robin.
            for slot in 0..<classes.count {
                for classIndex in slotClasses[slot] {
                    let group = classes[slot][classIndex]
                    let capacity = parts[0].classBest[slot][classIndex].capacity
                    let entries = parts.count == 1 ? parts[0].classBest[slot][classIndex].sorted()
                        : Array(parts.flatMap { $0.classBest[slot][classIndex].all }.sorted().prefix(capacity))
                    for (index, entry) in entries.enumerated() {
                        let col = group[index % group.count]
                        // The class's shared terms plus this branch's own: `PairCost.cost` as on every path.
                        let cost = entry.cost + pairCost.peopleShortCost(needs[entry.row], headcount: headcounts[col])
                        rowEdges[entry.row].append((col, min(max(cost, 0), limit)))
                    }
                }
            }
            var seen = [Int32](repeating: -1, count: branches.count)
            let total = rowEdges.reduce(0) { $0 + $1.count }
            graph.edgeRow.reserveCapacity(total)
            graph.edgeCol.reserveCapacity(total)
            graph.edgeCost.reserveCapacity(total)
            for (row, edges) in rowEdges.enumerated() {
                for (col, cost) in edges where seen[col] != Int32(row) {
                    seen[col] = Int32(row)
                    graph.append(row: row, col: col, cost: cost)
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

/// Keeps the `capacity` cheapest (cost, row) entries offered, in a binary max-heap.
struct MaxHeap {
    struct Entry: Comparable {
        var cost: Int
        var row: Int
        static func < (a: Entry, b: Entry) -> Bool { (a.cost, a.row) < (b.cost, b.row) }
    }
    let capacity: Int
    private var heap: [Entry] = []

    init(capacity: Int) { self.capacity = capacity }

    mutating func offer(cost: Int, row: Int) {
        let entry = Entry(cost: cost, row: row)
        if heap.count < capacity {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[parent] < heap[child] else { break }
                heap.swapAt(parent, child)
                child = parent
            }
        } else if capacity > 0, entry < heap[0] {
            heap[0] = entry
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var largest = parent
                if left < heap.count, heap[largest] < heap[left] { largest = left }
                if right < heap.count, heap[largest] < heap[right] { largest = right }
                if largest == parent { break }
                heap.swapAt(parent, largest)
                parent = largest
            }
        }
    }

    func sorted() -> [Entry] { heap.sorted() }

    /// The entries kept, in heap order.
    var all: [Entry] { heap }

    /// Offers of a later row enter only below this cost.
    var entryBar: Int { heap.count < capacity ? Int.max : capacity == 0 ? Int.min : heap[0].cost }
}

/// Keeps the `capacity` smallest (cost, tie-break) entries offered, in a binary max-heap (a
/// linear search for the worst after each replacement was 6 % of `suggest` on a 20 000 city).
struct BoundedBest {
    struct Entry { var cost: Int; var tieBreak: UInt64; var col: Int }
    let capacity: Int
    /// In heap order: the worst entry first.
    private(set) var entries: [Entry] = []

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(capacity)
    }

    var isFull: Bool { entries.count >= capacity }
    var worstCost: Int { entries.isEmpty ? Int.max : entries[0].cost }

    @inline(__always) private static func worse(_ a: Entry, _ b: Entry) -> Bool {
        (a.cost, a.tieBreak) > (b.cost, b.tieBreak)
    }

    mutating func offer(cost: Int, tieBreak: UInt64, col: Int) {
        let entry = Entry(cost: cost, tieBreak: tieBreak, col: col)
        if entries.count < capacity {
            entries.append(entry)
            var child = entries.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(entries[child], entries[parent]) else { break }
                entries.swapAt(parent, child)
                child = parent
            }
            return
        }
        guard capacity > 0, Self.worse(entries[0], entry) else { return }
        entries[0] = entry
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var largest = parent
            if left < entries.count, Self.worse(entries[left], entries[largest]) { largest = left }
            if right < entries.count, Self.worse(entries[right], entries[largest]) { largest = right }
            if largest == parent { break }
            entries.swapAt(parent, largest)
            parent = largest
        }
    }
}

/// A value handed to concurrent code that only touches disjoint parts of it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
