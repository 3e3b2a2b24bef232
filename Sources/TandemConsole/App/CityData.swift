import TandemCore

/// One snapshot of the city plus everything the screens derive from it, built once per data
/// change: coverage, search keys, sort orders. A class so that state copies share it.
final class CityData: @unchecked Sendable {
    let snapshot: CitySnapshot
    let coverage: CoverageReport
    let today: Day
    /// Lower-cased UTF-8 search text per request: codes, enterprise, item and district names.
    let requestKeys: [[UInt8]]
    /// District of each request's enterprise (by request index), for filters.
    let requestDistrict: [String]
    private var orders: [QueueSort: [Int32]] = [:]

    init(snapshot: CitySnapshot, context: ConsoleContext, today: Day) {
        self.snapshot = snapshot
        self.today = today
        self.coverage = CoverageReport(snapshot: snapshot, geography: context.geography, today: today)
        var keys: [[UInt8]] = []
        var districts: [String] = []
        keys.reserveCapacity(snapshot.requests.count)
        districts.reserveCapacity(snapshot.requests.count)
        var itemNames: [String: String] = [:]
        for category in context.catalog.categories {
            for item in category.items { itemNames[category.code + "/" + item.code] = "\(item.name.zh) \(item.name.en)" }
        }
        var enterpriseText: [RecordCode: String] = [:]
        for enterprise in snapshot.enterprises {
            let district = context.geography.district(code: enterprise.districtCode)
            enterpriseText[enterprise.code] = "\(enterprise.code) \(enterprise.name) \(district?.name.zh ?? "") \(district?.name.en ?? enterprise.districtCode)"
        }
        for request in snapshot.requests {
            let enterprise = enterpriseText[request.enterpriseCode] ?? request.enterpriseCode.description
            let item = itemNames[request.category + "/" + request.item] ?? request.item
            keys.append(Array("\(request.code) \(enterprise) \(item) \(request.item)".lowercased().utf8))
            districts.append(snapshot.enterprise(request.enterpriseCode)?.districtCode ?? "")
        }
        self.requestKeys = keys
        self.requestDistrict = districts
    }

    /// Request indices in `sort` order (computed once per snapshot and sort).
    func order(_ sort: QueueSort, geography: Geography) -> [Int32] {
        if let cached = orders[sort] { return cached }
        let requests = snapshot.requests
        let today = self.today
        var indices = Array(0..<Int32(requests.count))
        switch sort {
        case .urgency:
            indices.sort { a, b in
                let x = requests[Int(a)], y = requests[Int(b)]
                let xo = x.isOverdue(on: today), yo = y.isOverdue(on: today)
                if xo != yo { return xo }
                if x.priority != y.priority { return x.priority < y.priority }
                let xd = x.due?.ordinal ?? Int.max, yd = y.due?.ordinal ?? Int.max
                if xd != yd { return xd < yd }
                return a < b
            }
        case .age:
            indices.sort { a, b in
                let x = requests[Int(a)].filed.ordinal, y = requests[Int(b)].filed.ordinal
                return x != y ? x < y : a < b
            }
        case .district:
            var rank: [String: Int] = [:]
            for (position, district) in geography.districts.enumerated() { rank[district.code] = position }
            let district = requestDistrict
            indices.sort { a, b in
                let x = rank[district[Int(a)]] ?? Int.max, y = rank[district[Int(b)]] ?? Int.max
                if x != y { return x < y }
                let p = requests[Int(a)].priority, q = requests[Int(b)].priority
                return p != q ? p < q : a < b
            }
        }
        orders[sort] = indices
        return indices
    }

    /// Whether the request's search text contains `needle` (already lower-cased UTF-8).
    func matches(_ index: Int, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        let hay = requestKeys[index]
        let n = needle.count
        guard hay.count >= n else { return false }
        let first = needle[0]
        var i = 0
        let last = hay.count - n
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
