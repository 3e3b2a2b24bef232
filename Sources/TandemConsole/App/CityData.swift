import Foundation
import TandemCore

/// One snapshot of the city plus everything the screens derive from it, built once per data
/// change. Per-request attributes are packed into flat arrays so that filtering, sorting and
/// searching 100 000 requests stays within a frame. A class so that state copies share it.
final class CityData: @unchecked Sendable {
    let snapshot: CitySnapshot
    /// Only the start screen's records (`FirstScreenQuery`) while the whole city loads: nothing
    /// that needs the whole city (counts, search, pairing, coverage, plans) is taken from it.
    let isFirstScreen: Bool
    let coverage: CoverageReport
    let today: Day
    /// Per request (same index as `snapshot.requests`).
    let status: [UInt8]
    let district: [UInt8]
    let category: [UInt8]
    private let urgencyKey: [Int64]
    private let ageKey: [Int64]
    private let districtKey: [Int64]
    /// District codes by their index in `district` (geography order); 255 = unknown.
    let districtCodes: [String]
    let categoryCodes: [String]
    /// Position in `snapshot.requests` by request code, so that following a record by its
    /// code never walks the requests.
    let requestPosition: CodeTable<Int>
    private let context: ConsoleContext
    private var orders: [QueueSort: [Int32]] = [:]
    private var search: SearchIndex?

    static let unknown: UInt8 = 255

    init(snapshot: CitySnapshot, context: ConsoleContext, today: Day, isFirstScreen: Bool = false) {
        self.snapshot = snapshot
        self.isFirstScreen = isFirstScreen
        self.today = today
        self.context = context
        districtCodes = context.geography.districts.map(\.code)
        categoryCodes = context.catalog.categories.map(\.code)
        // Coverage and the per-request keys (with the default sort, which the first frame needs)
        // are independent: build them on two cores at once.
        let results = Results()
        let districtCodes = self.districtCodes, categoryCodes = self.categoryCodes
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                results.coverage = CoverageReport(snapshot: snapshot, geography: context.geography, today: today)
            } else {
                var keys = RequestKeys(snapshot: snapshot, districtCodes: districtCodes, categoryCodes: categoryCodes, today: today)
                keys.urgencyOrder = CityData.sorted(keys.urgency, mask: 0xFFFF_FFFF)
                results.keys = keys
            }
        }
        let keys = results.keys!
        self.coverage = results.coverage!
        self.status = keys.status
        self.district = keys.district
        self.category = keys.category
        self.urgencyKey = keys.urgency
        self.ageKey = keys.age
        self.districtKey = keys.byDistrict
        self.orders[.urgency] = keys.urgencyOrder
        self.requestPosition = keys.position
    }

    /// The request with `code`, looked up by its number.
    func request(_ code: RecordCode) -> Request? {
        requestPosition[code].map { snapshot.requests[$0] }
    }

    /// Positions of the requests a searched code names (the request itself, the enterprise's,
    /// or those of the enterprise the branch works for), looked up rather than searched for.
    func positions(namedBy searched: SearchedCode) -> [Int] {
        switch searched.code.kind {
        case .request: requestPosition[searched.code].map { [$0] } ?? []
        case .enterprise: snapshot.requestsByEnterprise[searched.code] ?? []
        case .branch: snapshot.pairedEnterprise(of: searched.code).flatMap { snapshot.requestsByEnterprise[$0] } ?? []
        }
    }

    /// What the two halves of `init` hand back.
    private final class Results: @unchecked Sendable {
        var coverage: CoverageReport?
        var keys: RequestKeys?
    }

    /// Per-request attributes and sort keys, in `snapshot.requests` order.
    private struct RequestKeys {
        var status: [UInt8]
        var district: [UInt8]
        var category: [UInt8]
        var urgency: [Int64]
        var age: [Int64]
        var byDistrict: [Int64]
        var urgencyOrder: [Int32] = []
        var position: CodeTable<Int>

        init(snapshot: CitySnapshot, districtCodes: [String], categoryCodes: [String], today: Day) {
            var districtIndex: [String: UInt8] = [:]
            for (i, code) in districtCodes.enumerated() where i < 255 { districtIndex[code] = UInt8(i) }
            let count = snapshot.requests.count
            status = [UInt8](repeating: 0, count: count)
            district = [UInt8](repeating: CityData.unknown, count: count)
            category = [UInt8](repeating: CityData.unknown, count: count)
            urgency = [Int64](repeating: 0, count: count)
            age = [Int64](repeating: 0, count: count)
            byDistrict = [Int64](repeating: 0, count: count)
            // District by enterprise: one lookup per enterprise rather than one per request.
            let enterprises = snapshot.enterprises
            for e in enterprises.indices {
                let d = districtIndex[enterprises[e].districtCode] ?? CityData.unknown
                for i in snapshot.requestsByEnterprise[enterprises[e].code] ?? [] { district[i] = d }
            }
            let categoryLimit = min(categoryCodes.count, 255)
            let todayOrdinal = today.ordinal
            // Fields are read in place: copying each 100 000 requests' record would cost more than the keys.
            let requests = snapshot.requests
            position = CodeTable<Int>(kind: .request, capacity: requests.last?.code.number ?? 0)
            for i in requests.indices {
                position[requests[i].code] = i
                let requestStatus = requests[i].status
                status[i] = CityData.statusCode(requestStatus)
                let d = district[i]
                // A handful of categories: comparing short strings beats hashing them.
                var c = CityData.unknown
                for k in 0..<categoryLimit where categoryCodes[k] == requests[i].category { c = UInt8(k); break }
                category[i] = c
                // Sort keys: the fields in the high bits, the request's position in the low 24 bits.
                let dueOrdinal = requests[i].due?.ordinal
                let due = Int64(dueOrdinal.map { $0 - todayOrdinal + 100_000 } ?? 0xFFFFF) & 0xFFFFF
                let priority = Int64(requests[i].priority.rawValue)
                let position = Int64(i)
                // The core's urgency order (the command line sorts by the same key), then position.
                urgency[i] = RequestOrder.urgencyKey(status: requestStatus, priority: requests[i].priority, dueOrdinal: dueOrdinal,
                                                     todayOrdinal: todayOrdinal) << 32 | position
                age[i] = (Int64(requests[i].filed.ordinal + 100_000) & 0xFFFFF) << 32 | position
                byDistrict[i] = Int64(d) << 50 | priority << 46 | due << 24 | (position & 0xFFFFFF)
            }
        }
    }

    /// Positions in key order: keys carry the position in their low bits (`mask`).
    static func sorted(_ keys: [Int64], mask: Int64) -> [Int32] {
        var keys = keys
        keys.sort()
        return keys.map { Int32(truncatingIfNeeded: $0 & mask) }
    }

    static func statusCode(_ status: RequestStatus) -> UInt8 {
        switch status {
        case .open: 0
        case .inProgress: 1
        case .done: 2
        case .cancelled: 3
        }
    }

    /// Request indices in `sort` order (computed once per snapshot and sort).
    func order(_ sort: QueueSort) -> [Int32] {
        if let cached = orders[sort] { return cached }
        let keys: [Int64]
        let mask: Int64
        switch sort {
        case .urgency: keys = urgencyKey; mask = 0xFFFF_FFFF
        case .age: keys = ageKey; mask = 0xFFFF_FFFF
        case .district: keys = districtKey; mask = 0xFF_FFFF
        }
        let indices = CityData.sorted(keys, mask: mask)
        orders[sort] = indices
        return indices
    }

    /// Installs an index built elsewhere (by the background loader).
    func install(_ index: SearchIndex) {
        if search == nil { search = index }
    }

    /// Position of the first occurrence of the needle in `base[from..<to]`. `memchr` looks for
    /// the needle's last byte (for Chinese text a varied continuation byte rather than one of
    /// the few common lead bytes), then the whole needle is compared where it would start.
    static func find(_ needle: UnsafePointer<UInt8>, _ length: Int, in base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        let k = length - 1
        let key = Int32(needle[k])
        var position = from + k
        while position < to {
            guard let hit = memchr(base + position, key, to - position) else { return nil }
            let keyAt = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let at = keyAt - k
            if memcmp(base + at, needle, length) == 0 { return at }
            position = keyAt + 1
        }
        return nil
    }

    /// The search index, built on the first search.
    func searchIndex() -> SearchIndex {
        if let search { return search }
        let built = SearchIndex(snapshot: snapshot, context: context)
        search = built
        return built
    }
}

/// Lower-cased UTF-8 search text of every request (codes, enterprise, item, district and
/// branch names) in one flat buffer, scanned without allocating.
struct SearchIndex: Sendable {
    private let bytes: [UInt8]
    private let offsets: [Int32]

    init(snapshot: CitySnapshot, context: ConsoleContext) {
        var itemNames: [String: String] = [:]
        for category in context.catalog.categories {
            for item in category.items { itemNames[category.code + "/" + item.code] = "\(item.name.zh) \(item.name.en) \(item.code)".lowercased() }
        }
        var enterpriseText: [String] = []
        enterpriseText.reserveCapacity(snapshot.enterprises.count)
        for enterprise in snapshot.enterprises {
            let district = context.geography.district(code: enterprise.districtCode)
            // The branch working for it, so that a branch's code or name finds its requests.
            let branch = snapshot.pairedBranch(of: enterprise.code).map { code in "\(code) \(snapshot.branch(code)?.name ?? "")" } ?? ""
            enterpriseText.append("\(enterprise.code) \(enterprise.name) \(district?.name.zh ?? "") \(district?.name.en ?? enterprise.districtCode) \(branch)".lowercased())
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(snapshot.requests.count * 96)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(snapshot.requests.count + 1)
        for request in snapshot.requests {
            bytes.append(contentsOf: request.code.description.lowercased().utf8)
            bytes.append(0x20)
            if let e = snapshot.enterpriseIndex[request.enterpriseCode] { bytes.append(contentsOf: enterpriseText[e].utf8) }
            bytes.append(0x20)
            bytes.append(contentsOf: (itemNames[request.category + "/" + request.item] ?? request.item.lowercased()).utf8)
            offsets.append(Int32(bytes.count))
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    /// Marks every request whose text contains `needle` (lower-cased UTF-8): one `memmem`
    /// pass over the whole buffer, skipping to the next request after each hit.
    func matchAll(_ needle: [UInt8]) -> [Bool] {
        let count = offsets.count - 1
        var matched = [Bool](repeating: needle.isEmpty, count: count)
        guard !needle.isEmpty, count > 0 else { return matched }
        bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return }
                var position = 0
                var request = 0
                while position < hay.count {
                    guard let at = CityData.find(pinBase, pin.count, in: base, from: position, to: hay.count) else { break }
                    // Advance to the request containing `at` (offsets are increasing).
                    while request < count && Int(offsets[request + 1]) <= at { request += 1 }
                    guard request < count else { break }
                    if at + pin.count <= Int(offsets[request + 1]) {
                        matched[request] = true
                        position = Int(offsets[request + 1])
                        request += 1
                    } else {
                        position = at + 1 // straddles two requests: not a match
                    }
                }
            }
        }
        return matched
    }

    /// Whether request `index`'s text contains `needle` (lower-cased UTF-8).
    func matches(_ index: Int, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        return bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                let start = Int(offsets[index]), end = Int(offsets[index + 1])
                guard end - start >= n else { return false }
                let first = pin[0]
                var i = start
                let last = end - n
                while i <= last {
                    if hay[i] == first {
                        var j = 1
                        while j < n && hay[i + j] == pin[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
