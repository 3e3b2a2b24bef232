/// One item's requests in a bulletin: what was asked, brought and finished in the period, and what
/// is still open now, in the request's own unit ("masks, pieces").
public struct ItemFlow: Sendable, Hashable, Codable {
    public var category: String
    public var item: String
    public var unit: String
    /// Requests filed in the period and their total quantity.
    public var filedRequests = 0
    public var filedQuantity = Quantity.zero
    /// Deliveries recorded in the period and their total quantity.
    public var deliveries = 0
    public var deliveredQuantity = Quantity.zero
    /// Requests marked done in the period.
    public var completedRequests = 0
    /// Requests open or in progress now, and what remains of them.
    public var openRequests = 0
    public var openQuantity = Quantity.zero

    public init(category: String, item: String, unit: String) {
        self.category = category
        self.item = item
        self.unit = unit
    }

    /// Nothing happened and nothing is open: not worth a line.
    public var isEmpty: Bool { filedRequests == 0 && deliveries == 0 && completedRequests == 0 && openRequests == 0 }
}

/// How far the enterprises have resumed work (复工复产).
public struct ResumptionFigures: Sendable, Hashable, Codable {
    public struct ByKind: Sendable, Hashable, Codable {
        public var kind: EnterpriseKind
        public var enterprises = 0
        /// Fully or partly resumed.
        public var working = 0
        public var ratePercent: Int? { Percent.of(working, enterprises) }
    }

    public var enterprises = 0
    public var resumed = 0
    public var partial = 0
    public var closed = 0
    /// Sum of every enterprise's capacity percent, for the average.
    var capacitySum = 0
    public var byKind: [ByKind] = []

    /// 复工率: the share of enterprises working again, fully or partly, in whole percent (`Percent`).
    public var ratePercent: Int? { Percent.of(resumed + partial, enterprises) }
    /// The average share of normal capacity over all enterprises (closed ones count 0), rounded (`Percent`).
    public var averageCapacityPercent: Int? { Percent.of(capacitySum, enterprises * 100) }
}

/// An active request past its due day.
public struct OverdueRequest: Sendable, Hashable, Codable {
    public var request: RecordCode
    public var enterprise: RecordCode
    public var enterpriseName: String
    public var districtCode: String
    public var category: String
    public var item: String
    public var unit: String
    public var remaining: Quantity
    public var due: Day
    public var daysOverdue: Int
    public var priority: Priority
    /// The branch working the enterprise, if any.
    public var branch: RecordCode?
}

/// A request finished in the period, told as an example (典型事例).
public struct NotableCompletion: Sendable, Hashable, Codable {
    public var request: RecordCode
    public var enterprise: RecordCode
    public var enterpriseName: String
    public var districtCode: String
    public var category: String
    public var item: String
    public var unit: String
    public var quantity: Quantity
    public var completed: Day
    public var priority: Priority
    /// The branch paired with the enterprise now, and its name.
    public var branch: RecordCode?
    public var branchName: String?
}

/// The figures of a work bulletin (简报), computed from one snapshot, the deliveries with their
/// timestamps and a period. Pure: the same inputs always give the same bulletin.
///
/// Two kinds of figure: *states* (pairings, coverage, open quantities, blind spots, overdue,
/// resumption) are the data as read on `asOf`, exactly as `tandem coverage` shows them that day;
/// *flows* (requests filed, deliveries, completions, new pairings) are counted over the period's days.
public struct Bulletin: Sendable {
    public let period: ReportPeriod
    public let asOf: Day
    /// Coverage on `asOf`, the same computation `tandem coverage` runs.
    public let coverage: CoverageReport
    public let activeBranches: Int
    public let pairedBranches: Int
    /// Active pairings that started in the period.
    public let newPairings: Int
    public let filedRequests: Int
    public let completedRequests: Int
    public let deliveries: Int
    /// Per item and unit, in the catalog's order.
    public let items: [ItemFlow]
    public let resumption: ResumptionFigures
    /// Every overdue request, most overdue first.
    public let overdue: [OverdueRequest]
    /// The largest completion of each category in the period, urgent ones first.
    public let notable: [NotableCompletion]
    /// The day the first request in the data was filed: where issue numbers start by default.
    public let firstFiled: Day?

    /// - Parameters:
    ///   - deliveries: recorded deliveries (any days: those outside the period are skipped).
    ///   - asOf: the day the data was read (today); overdue and coverage are judged on it.
    ///   - notableLimit: how many completions to name at most.
    public init(snapshot: CitySnapshot, deliveries allDeliveries: [Delivery], period: ReportPeriod, asOf: Day,
                geography: Geography, catalog: Catalog, notableLimit: Int = 3) {
        self.period = period
        self.asOf = asOf
        coverage = CoverageReport(snapshot: snapshot, geography: geography, today: asOf, completions: snapshot.completionDays)
        activeBranches = snapshot.branches.filter(\.active).count
        pairedBranches = snapshot.activePairings.count
        newPairings = snapshot.activePairings.filter {
            period.contains($0.startedAt.day(in: .current))
        }.count

        var flows: [String: ItemFlow] = [:]
        func key(_ r: Request) -> String { r.category + "\u{1}" + r.item + "\u{1}" + r.unit }
        func touch(_ r: Request, _ change: (inout ItemFlow) -> Void) {
            var flow = flows[key(r)] ?? ItemFlow(category: r.category, item: r.item, unit: r.unit)
            change(&flow)
            flows[key(r)] = flow
        }
        var filed = 0, completed = 0
        var firstFiled: Day?
        var requestIndex: [RecordCode: Int] = [:]
        for (i, r) in snapshot.requests.enumerated() {
            requestIndex[r.code] = i
            firstFiled = min(firstFiled ?? r.filed, r.filed)
            if period.contains(r.filed) {
                filed += 1
                touch(r) { $0.filedRequests += 1; $0.filedQuantity = $0.filedQuantity + r.quantity }
            }
            if r.status == .done, let day = r.completed, period.contains(day) {
                completed += 1
                touch(r) { $0.completedRequests += 1 }
            }
            if r.status.isActive {
                touch(r) { $0.openRequests += 1; $0.openQuantity = $0.openQuantity + r.remaining }
            }
        }
        var deliveryCount = 0
        for delivery in allDeliveries {
            guard period.contains(delivery.at.day(in: .current)), let index = requestIndex[delivery.requestCode] else { continue }
            // A correction's reversing entry takes its quantity back and is no delivery of its own.
            if delivery.isReversal {
                touch(snapshot.requests[index]) { $0.deliveredQuantity = $0.deliveredQuantity - delivery.quantity }
                continue
            }
            deliveryCount += 1
            touch(snapshot.requests[index]) { $0.deliveries += 1; $0.deliveredQuantity = $0.deliveredQuantity + delivery.quantity }
        }
        self.filedRequests = filed
        self.completedRequests = completed
        self.deliveries = deliveryCount
        self.firstFiled = firstFiled
        self.items = Bulletin.catalogOrder(Array(flows.values), catalog)

        var resumption = ResumptionFigures()
        var byKind: [EnterpriseKind: ResumptionFigures.ByKind] = [:]
        for e in snapshot.enterprises {
            resumption.enterprises += 1
            resumption.capacitySum += e.resumption.percent
            var kind = byKind[e.kind] ?? ResumptionFigures.ByKind(kind: e.kind)
            kind.enterprises += 1
            switch e.resumption {
            case .resumed: resumption.resumed += 1; kind.working += 1
            case .partial: resumption.partial += 1; kind.working += 1
            case .closed: resumption.closed += 1
            }
            byKind[e.kind] = kind
        }
        resumption.byKind = EnterpriseKind.allCases.compactMap { byKind[$0] }
        self.resumption = resumption

        var notableCandidates: [NotableCompletion] = []
        for r in snapshot.requests where r.status == .done {
            guard let day = r.completed, period.contains(day), let enterprise = snapshot.enterprise(r.enterpriseCode) else { continue }
            let branch = snapshot.pairedBranch(of: r.enterpriseCode)
            notableCandidates.append(NotableCompletion(
                request: r.code, enterprise: enterprise.code, enterpriseName: enterprise.name,
                districtCode: enterprise.districtCode, category: r.category, item: r.item, unit: r.unit,
                quantity: r.quantity, completed: day, priority: r.priority, branch: branch,
                branchName: branch.flatMap { snapshot.branch($0)?.name }))
        }
        self.overdue = OverdueRequest.list(in: snapshot, on: asOf)
        self.notable = Bulletin.pickNotable(notableCandidates, catalog: catalog, limit: notableLimit)
    }

    /// Blind-spot districts: needs and no branch working any of them, in the geography's order.
    public var blindSpotDistricts: [DistrictCoverage] { coverage.blindSpotDistricts }

    /// Items in the catalog's order of categories, items and units; unknown ones last by code.
    static func catalogOrder(_ flows: [ItemFlow], _ catalog: Catalog) -> [ItemFlow] {
        func rank(_ f: ItemFlow) -> (Int, Int, Int, String) {
            guard let c = catalog.categories.firstIndex(where: { $0.code == f.category }) else { return (Int.max, 0, 0, f.category + f.item + f.unit) }
            let items = catalog.categories[c].items
            guard let i = items.firstIndex(where: { $0.code == f.item }) else { return (c, Int.max, 0, f.item + f.unit) }
            return (c, i, items[i].units.firstIndex(of: f.unit) ?? Int.max, f.unit)
        }
        return flows.sorted { rank($0) < rank($1) }
    }

    /// The largest completion of each category (one per enterprise), then the most urgent and
    /// most recent first: varied examples, as a bulletin tells them.
    static func pickNotable(_ candidates: [NotableCompletion], catalog: Catalog, limit: Int) -> [NotableCompletion] {
        let ordered = candidates.sorted {
            ($0.quantity, -$0.priority.rawValue, $0.completed, -$0.request.number)
                > ($1.quantity, -$1.priority.rawValue, $1.completed, -$1.request.number)
        }
        var picked: [NotableCompletion] = []
        var categories = Set<String>(), enterprises = Set<RecordCode>()
        for c in ordered where !categories.contains(c.category) && !enterprises.contains(c.enterprise) {
            picked.append(c)
            categories.insert(c.category)
            enterprises.insert(c.enterprise)
        }
        // Fewer categories than places: fill with the next largest, still one per enterprise.
        for c in ordered where picked.count < limit && !enterprises.contains(c.enterprise) {
            picked.append(c)
            enterprises.insert(c.enterprise)
        }
        return Array(picked.sorted {
            ($0.priority, $1.completed, $0.request.number) < ($1.priority, $0.completed, $1.request.number)
        }.prefix(max(0, limit)))
    }
}

extension OverdueRequest {
    /// Every active request of `snapshot` past its due day on `day`, most overdue first, then the
    /// most urgent; the same requests `CoverageFigures.overdue` counts.
    public static func list(in snapshot: CitySnapshot, on day: Day) -> [OverdueRequest] {
        var overdue: [OverdueRequest] = []
        for r in snapshot.requests where r.isOverdue(on: day) {
            guard let due = r.due, let enterprise = snapshot.enterprise(r.enterpriseCode) else { continue }
            overdue.append(OverdueRequest(request: r.code, enterprise: enterprise.code, enterpriseName: enterprise.name,
                                          districtCode: enterprise.districtCode, category: r.category, item: r.item, unit: r.unit,
                                          remaining: r.remaining, due: due, daysOverdue: day.ordinal - due.ordinal,
                                          priority: r.priority, branch: snapshot.pairedBranch(of: r.enterpriseCode)))
        }
        return overdue.sorted {
            ($0.daysOverdue, -$0.priority.rawValue, -$0.request.number) > ($1.daysOverdue, -$1.priority.rawValue, -$1.request.number)
        }
    }
}
