import Foundation

/// Finds changes to requests, deliveries, pairings, operators, branches and enterprises that no
/// audit event explains: the one rule both stores apply in `tandem check` and `log --verify`.
/// Every change Tandem makes writes the record's new state as its event's `after`, so:
/// - a request equals the `after` of its latest event, and its deliveries since the baseline
///   match its `request.deliver` and `request.correct` events since then, one for one,
///   quantity for quantity;
/// - a pairing equals the `after` of the latest `pair` or `unpair` event naming its id;
/// - an operator equals the `after` of its latest `operator.add` or `operator.edit` event (or
///   the `init` event's first admin, or a baseline's list, when that is later);
/// - a branch equals the `after` of its latest `branch.add` or `branch.edit` event, an
///   enterprise that of its latest `enterprise.add` or `enterprise.edit` event with any later
///   `enterprise.resumption` event's status;
/// - a row with no event at all is one a baseline covers (`AuditBaseline`), and the covered
///   rows, with the events since undone, must still have the digests the baseline recorded;
/// - a record that events name but the table lacks was deleted.
///
/// A store feeds it, from one consistent snapshot and in this order: every audit event in id
/// order (`read(_:)` of an `Event`), then its records as a `RecordReader` takes them, then its
/// operators in any order, and takes `finish()`. Rows are compared as
/// the store decodes them, so an edit of any column shows; nothing needs a whole table in memory.
public struct RecordAudit: RecordReader {
    /// An audit event's columns, as stored.
    public struct Event: Sendable {
        public var id: Int64
        public var action: String
        public var request: Int?
        public var branch: Int?
        public var enterprise: Int?
        public var subjectLogin: String?
        public var before: String
        public var after: String

        public init(id: Int64, action: String, request: Int?, branch: Int?, enterprise: Int?, subjectLogin: String?,
                    before: String, after: String) {
            self.id = id
            self.action = action
            self.request = request
            self.branch = branch
            self.enterprise = enterprise
            self.subjectLogin = subjectLogin
            self.before = before
            self.after = after
        }
    }

    private let baselines: [(baseline: AuditBaseline, event: Int64)]
    /// The latest baseline: deliveries and delivery events after it are compared one for one.
    private let baseline: AuditBaseline
    private let baselineEvent: Int64
    private var digesters: [AuditBaseline.Digester]

    private var latestRequest: [Int: (event: Int64, after: String)] = [:]
    private var deliveredByEvents: [Int: [Int64]] = [:]
    private var deliveries: [Int: [Int64]] = [:]
    private var latestPairing: [Int64: (event: Int64, record: Pairing?)] = [:]
    private var latestOperator: [String: (event: Int64, after: String)] = [:]
    private var creation: (event: Int64, admin: Operator)?
    private var latestBranch: [Int: (event: Int64, record: Branch?)] = [:]
    private var latestEnterprise: [Int: (event: Int64, enterprise: Enterprise?)] = [:]
    private var latestResumption: [Int: (event: Int64, resumption: Resumption?)] = [:]

    private var presentRequests = Set<Int>(), presentPairings = Set<Int64>(), presentOperators = Set<String>()
    private var presentBranches = Set<Int>(), presentEnterprises = Set<Int>()
    private var requestProblems: [IntegrityProblem] = [], pairingProblems: [IntegrityProblem] = []
    private var operatorProblems: [IntegrityProblem] = [], branchProblems: [IntegrityProblem] = []
    private var enterpriseProblems: [IntegrityProblem] = []

    /// `baselines`: those in the audit, oldest first, with their events' ids (`AuditBaseline.decode(fromAfter:)`
    /// of the `demo.load` and `schema.migrate` events).
    public init(baselines: [(baseline: AuditBaseline, event: Int64)]) {
        self.baselines = baselines
        (baseline, baselineEvent) = baselines.last ?? (AuditBaseline(), 0)
        digesters = baselines.map { AuditBaseline.Digester($0.baseline, since: $0.event) }
    }

    /// Reads an audit event (every one, in id order: those that change no record are ignored).
    public mutating func read(_ event: Event) {
        for index in digesters.indices { digesters[index].read(event) }
        guard let action = AuditAction(rawValue: event.action) else { return }
        switch action {
        case .addRequest, .editRequest, .deliver, .correctDelivery, .markDone, .cancelRequest, .reopenRequest:
            guard let number = event.request else { return }
            latestRequest[number] = (event.id, event.after)
            // A delivery adds a row of its quantity, a correction's reversing entry a row counted negative.
            if action == .deliver || action == .correctDelivery, event.id > baselineEvent {
                let before = Self.decode(Request.self, event.before)?.delivered.thousandths ?? 0
                let delivered = Self.decode(Request.self, event.after)?.delivered.thousandths ?? 0
                deliveredByEvents[number, default: []].append(delivered - before)
            }
        case .pair, .unpair:
            // The pairing's id is inside its JSON; an event that does not decode explains nothing.
            guard let pairing = Self.decode(Pairing.self, event.after) else { return }
            latestPairing[pairing.id] = (event.id, pairing)
        case .addOperator, .editOperator:
            guard let login = event.subjectLogin else { return }
            latestOperator[login] = (event.id, event.after)
        case .initialize:
            // The first admin has no `operator.add` event: the first `init` event records them.
            guard creation == nil, let summary = Self.decode(CreationSummary.self, event.after) else { return }
            creation = (event.id, summary.admin)
        case .addBranch, .editBranch:
            guard let number = event.branch else { return }
            latestBranch[number] = (event.id, Self.decode(Branch.self, event.after))
        case .addEnterprise, .editEnterprise:
            guard let number = event.enterprise else { return }
            latestEnterprise[number] = (event.id, Self.decode(Enterprise.self, event.after))
        case .updateResumption:
            guard let number = event.enterprise else { return }
            latestResumption[number] = (event.id, Self.decode(Resumption.self, event.after))
        default: return
        }
    }

    public mutating func read(delivery id: Int64, request: Int, signedQuantity: Int64, line: () throws -> String) throws {
        if digesters.contains(where: { $0.covers(delivery: id) }) {
            let text = try line()
            for index in digesters.indices {
                try digesters[index].read(delivery: id, request: request, signedQuantity: signedQuantity) { text }
            }
        }
        if id > baseline.delivery { deliveries[request, default: []].append(signedQuantity) }
    }

    /// The latest baseline event that covers a row, by the row's number or id; nil when none does.
    private func covering(_ covers: (AuditBaseline) -> Bool) -> Int64? {
        baselines.last { covers($0.baseline) }?.event
    }

    private static func differs(_ event: Int64) -> Bilingual {
        Bilingual(zh: "与其最后的审计事件 #\(event) 不符", en: "it differs from its last audit event #\(event)")
    }

    /// A row against the latest event that made it, unless a baseline that covers the row is
    /// later (the baseline's digest checks a row no event changed since); a row that neither
    /// explains is `noEvent`. Nil when all agrees.
    private static func compare<Record: Equatable>(_ row: Record, _ name: Bilingual, latest: (event: Int64, record: Record?)?,
                                                   covered: Int64?, noEvent: Bilingual) -> IntegrityProblem? {
        if let latest, latest.event > covered ?? 0 {
            return latest.record == row ? nil : .unaudited(name, differs(latest.event))
        }
        return covered == nil ? .unaudited(name, noEvent) : nil
    }

    private static let deleted = Bilingual(zh: "审计中有它，表中却没有：被删除了", en: "the audit names it but the table lacks it: deleted")

    public mutating func read(_ request: Request) throws {
        for index in digesters.indices { try digesters[index].read(request) }
        let number = request.code.number
        presentRequests.insert(number)
        let name = Bilingual(zh: "需求 \(request.code)", en: "request \(request.code)")
        let latest = latestRequest[number].map { ($0.event, Self.decode(Request.self, $0.after)) }
        if let problem = Self.compare(request, name, latest: latest, covered: covering { $0.request >= Int64(number) },
                                      noEvent: Bilingual(zh: "没有登记它的审计事件", en: "no audit event filed it")) {
            requestProblems.append(problem)
        }
        let recorded = deliveries[number] ?? [], audited = deliveredByEvents[number] ?? []
        if recorded != audited {
            requestProblems.append(.unaudited(name, Bilingual(
                zh: "送达记录（\(recorded.count) 笔）与送达审计事件（\(audited.count) 笔）不符",
                en: "its deliveries (\(recorded.count)) do not match its delivery events (\(audited.count))")))
        }
    }

    public mutating func read(_ pairing: Pairing) throws {
        for index in digesters.indices { try digesters[index].read(pairing) }
        presentPairings.insert(pairing.id)
        let name = Bilingual(zh: "结对 #\(pairing.id)（\(pairing.branchCode)–\(pairing.enterpriseCode)）",
                             en: "pairing #\(pairing.id) (\(pairing.branchCode)–\(pairing.enterpriseCode))")
        if let problem = Self.compare(pairing, name, latest: latestPairing[pairing.id], covered: covering { $0.pairing >= pairing.id },
                                      noEvent: Bilingual(zh: "没有结对的审计事件", en: "no audit event paired them")) {
            pairingProblems.append(problem)
        }
    }

    public mutating func read(_ op: Operator) {
        presentOperators.insert(op.login)
        // An operator is as the latest record of it says: its latest event, the `init` event for
        // the first admin, or a baseline listing every operator as they were then.
        var recorded: (event: Int64, operator: Operator?)?
        func note(_ event: Int64, _ then: Operator?) {
            if event > recorded?.event ?? 0 { recorded = (event, then) }
        }
        if let (event, after) = latestOperator[op.login] { note(event, Self.decode(Operator.self, after)) }
        if let creation, creation.admin.login == op.login { note(creation.event, creation.admin) }
        for (baseline, event) in baselines {
            if let then = baseline.operators.first(where: { $0.login == op.login }) { note(event, then) }
        }
        let name = Bilingual(zh: "操作员 \(op.login)", en: "operator \(op.login)")
        if let (event, then) = recorded {
            if then != op {
                operatorProblems.append(.unaudited(name, Bilingual(zh: "与其最后的记录（审计事件 #\(event)）不符",
                                                                   en: "it differs from its last record, audit event #\(event)")))
            }
        } else {
            operatorProblems.append(.unaudited(name, Bilingual(zh: "没有添加它的审计事件", en: "no audit event added it")))
        }
    }

    public mutating func read(_ branch: Branch) throws {
        for index in digesters.indices { try digesters[index].read(branch) }
        let number = branch.code.number
        presentBranches.insert(number)
        let name = Bilingual(zh: "突击队 \(branch.code)", en: "branch \(branch.code)")
        if let problem = Self.compare(branch, name, latest: latestBranch[number], covered: covering { $0.covers(branch: number) },
                                      noEvent: Bilingual(zh: "没有登记它的审计事件", en: "no audit event added it")) {
            branchProblems.append(problem)
        }
    }

    public mutating func read(_ enterprise: Enterprise) throws {
        for index in digesters.indices { try digesters[index].read(enterprise) }
        let number = enterprise.code.number
        presentEnterprises.insert(number)
        let name = Bilingual(zh: "帮扶单位 \(enterprise.code)", en: "enterprise \(enterprise.code)")
        let covered = covering { $0.covers(enterprise: number) } ?? 0
        // The latest whole record of the enterprise, and the latest resumption status after it.
        let whole = latestEnterprise[number].flatMap { $0.event > covered ? $0 : nil }
        let status = latestResumption[number].flatMap { $0.event > max(covered, whole?.event ?? 0) ? $0 : nil }
        if let whole {
            var expected = whole.enterprise
            if let status {
                // A status event that does not decode explains nothing.
                if let resumption = status.resumption { expected?.resumption = resumption } else { expected = nil }
            }
            if expected != enterprise {
                enterpriseProblems.append(.unaudited(name, Self.differs(max(whole.event, status?.event ?? 0))))
            }
        } else if let status {
            // A row the baseline covers: its digest checks the rest, the event its status.
            if status.resumption != enterprise.resumption { enterpriseProblems.append(.unaudited(name, Self.differs(status.event))) }
        } else if covered == 0 {
            enterpriseProblems.append(.unaudited(name, Bilingual(zh: "没有登记它的审计事件", en: "no audit event added it")))
        }
    }

    /// Everything found: the baselines' digests first, then requests, pairings, operators,
    /// branches and enterprises, each kind's deleted records after its rows.
    public func finish() -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        for digester in digesters {
            let (recorded, event) = (digester.baseline, digester.since)
            let found = digester.finish()
            let digests: [(String, String?, String?)] = [("request", recorded.requestsDigest, found.requests),
                                       ("delivery", recorded.deliveriesDigest, found.deliveries),
                                       ("pairing", recorded.pairingsDigest, found.pairings),
                                       ("branch", recorded.branchesDigest, found.branches),
                                       ("enterprise", recorded.enterprisesDigest, found.enterprises)]
            for (table, then, now) in digests where then != now {
                problems.append(.unaudited(
                    Bilingual(zh: "审计事件 #\(event) 之前已有的 \(table) 行", en: "\(table) rows that existed before audit event #\(event)"),
                    Bilingual(zh: "其摘要与该事件记下的不符", en: "their digest differs from the one that event recorded")))
            }
        }
        problems += requestProblems
        for number in Set(latestRequest.keys).union(deliveries.keys).subtracting(presentRequests).sorted() {
            problems.append(.unaudited(Bilingual(zh: "需求 \(RecordCode(.request, number))", en: "request \(RecordCode(.request, number))"),
                                       Self.deleted))
        }
        problems += pairingProblems
        for id in Set(latestPairing.keys).subtracting(presentPairings).sorted() {
            problems.append(.unaudited(Bilingual(zh: "结对 #\(id)", en: "pairing #\(id)"), Self.deleted))
        }
        problems += operatorProblems
        for login in Set(latestOperator.keys).subtracting(presentOperators).sorted() {
            problems.append(.unaudited(Bilingual(zh: "操作员 \(login)", en: "operator \(login)"), Self.deleted))
        }
        problems += branchProblems
        for number in Set(latestBranch.keys).subtracting(presentBranches).sorted() {
            problems.append(.unaudited(Bilingual(zh: "突击队 \(RecordCode(.branch, number))", en: "branch \(RecordCode(.branch, number))"),
                                       Self.deleted))
        }
        problems += enterpriseProblems
        for number in Set(latestEnterprise.keys).union(latestResumption.keys).subtracting(presentEnterprises).sorted() {
            problems.append(.unaudited(Bilingual(zh: "帮扶单位 \(RecordCode(.enterprise, number))",
                                                 en: "enterprise \(RecordCode(.enterprise, number))"), Self.deleted))
        }
        return problems
    }

    private static let decoder = JSONDecoder()

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? decoder.decode(type, from: Data(text.utf8))
    }
}

/// What reads a store's records: `RecordAudit`, and `AuditBaseline.Digester` for the digests a
/// new baseline records. The store feeds every delivery in id order, then the requests by
/// number, the pairings by id, the branches and the enterprises by number (the digests depend
/// on the order).
public protocol RecordReader {
    /// A delivery row: its id, its request, its quantity counted negative for a reversing entry,
    /// and the row as the store's own text (`line`, asked only for a row a baseline covers).
    mutating func read(delivery id: Int64, request: Int, signedQuantity: Int64, line: () throws -> String) throws
    mutating func read(_ request: Request) throws
    mutating func read(_ pairing: Pairing) throws
    mutating func read(_ branch: Branch) throws
    mutating func read(_ enterprise: Enterprise) throws
}

/// What the `init` event records: the city's size and the first admin, who has no
/// `operator.add` event of their own (the same JSON on both stores).
public struct CreationSummary: Codable, Sendable {
    public var districts: Int
    public var admin: Operator

    public init(districts: Int, admin: Operator) {
        self.districts = districts
        self.admin = admin
    }
}
