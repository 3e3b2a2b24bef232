import Foundation

/// What a database held without an event per row: the rows a city load wrote in one
/// `demo.load` event, or what existed when the chain began (the SQLite v3 upgrade's
/// `schema.migrate` event). Recorded inside that event's `after`, so the chain protects it.
/// Every row beyond it must be explained by events of its own. Both stores record it (each
/// feeds its own rows to a `Digester`, deliveries as its own row text) and read it back to
/// check the rows it covers (`RecordAudit`).
public struct AuditBaseline: Codable, Equatable, Sendable {
    /// The highest request number, delivery id and pairing id written without their own event.
    public var request: Int64 = 0
    public var delivery: Int64 = 0
    public var pairing: Int64 = 0
    /// SHA-256 of those requests, deliveries and pairings as they were then, so a later edit of
    /// a row that has no event of its own still shows.
    public var requestsDigest = ""
    public var deliveriesDigest = ""
    public var pairingsDigest = ""
    /// Every operator as they were then (a few dozen rows): those a city load registers have no
    /// `operator.add` event, and old events may not hold an operator's full record.
    public var operators: [Operator] = []
    /// The highest branch and enterprise numbers written without their own event, and digests of
    /// those rows as they were then. Nil in a baseline recorded before branches and enterprises
    /// were checked: such a baseline vouches for every branch and enterprise that has no event.
    public var branch: Int64?
    public var enterprise: Int64?
    public var branchesDigest: String?
    public var enterprisesDigest: String?

    public init(request: Int64 = 0, delivery: Int64 = 0, pairing: Int64 = 0, operators: [Operator] = [],
                branch: Int64? = nil, enterprise: Int64? = nil) {
        self.request = request
        self.delivery = delivery
        self.pairing = pairing
        self.operators = operators
        self.branch = branch
        self.enterprise = enterprise
    }

    public var isEmpty: Bool {
        request == 0 && delivery == 0 && pairing == 0 && operators.isEmpty && (branch ?? 0) == 0 && (enterprise ?? 0) == 0
    }

    /// Whether this baseline covers branch `number` (`enterprise` likewise).
    public func covers(branch number: Int) -> Bool { branch.map { $0 >= Int64(number) } ?? true }
    public func covers(enterprise number: Int) -> Bool { enterprise.map { $0 >= Int64(number) } ?? true }

    /// Sets the digests to those of the rows as they are now: `read` feeds the store's records,
    /// in the order a `RecordReader` takes them, to a digester of this baseline.
    public mutating func digestRows(_ read: (inout Digester) throws -> Void) rethrows {
        var digester = Digester(self)
        try read(&digester)
        let digests = digester.finish()
        requestsDigest = digests.requests
        deliveriesDigest = digests.deliveries
        pairingsDigest = digests.pairings
        branchesDigest = digests.branches
        enterprisesDigest = digests.enterprises
    }

    /// The `after` of a baseline event: `{"untracked": {...}}` beside whatever else it says.
    public struct Envelope: Codable, Sendable {
        public var untracked: AuditBaseline
        public init(untracked: AuditBaseline) { self.untracked = untracked }
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(Envelope(untracked: self)), as: UTF8.self)
    }

    /// The baseline inside an event's `after`, nil when it holds none.
    public static func decode(fromAfter text: String) -> AuditBaseline? {
        guard text.contains("\"untracked\"") else { return nil }
        return (try? JSONDecoder().decode(Envelope.self, from: Data(text.utf8)))?.untracked
    }
}

extension AuditBaseline {
    /// The digests of the rows a baseline covers as they were when its event `since` was
    /// written, from the rows as they are now: a row Tandem changed since then has events after
    /// `since`, and undoing them gives the row as it was (a request's or pairing's first later
    /// `before`; for branches and enterprises latest first, an edit's `before` being the whole
    /// row and a resumption update's the old status). A row with none is as it is now;
    /// deliveries never change. With no later events (`since: .max`) it digests the rows as they
    /// are, for a new baseline. Both stores feed it their own rows (`RecordAudit` does in
    /// `check`): the events in id order first, then each table's rows in key order.
    public struct Digester: RecordReader {
        public let baseline: AuditBaseline
        public let since: Int64
        /// Each covered request's first later non-empty `before`, decoded only when its row comes.
        private var requestBefore: [Int: String] = [:]
        private var pairingBefore: [Int64: Pairing] = [:]
        private var branchBefore: [Int: Branch] = [:]
        /// An enterprise's undo steps in event order, up to its first whole-row edit: the steps
        /// after that one are overwritten by it when undone latest first.
        private var enterpriseUndo: [Int: [EnterpriseUndo]] = [:]
        private var requests = SHA256(), deliveries = SHA256(), pairings = SHA256(), branches = SHA256(), enterprises = SHA256()

        private enum EnterpriseUndo {
            case whole(Enterprise)
            case resumption(Resumption)
            var isWhole: Bool { if case .whole = self { true } else { false } }
        }

        private static let encoder: JSONEncoder = {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return encoder
        }()

        public init(_ baseline: AuditBaseline, since: Int64 = .max) {
            self.baseline = baseline
            self.since = since
        }

        /// Reads an audit event; those up to `since` change nothing.
        public mutating func read(_ event: RecordAudit.Event) {
            guard event.id > since, !event.before.isEmpty else { return }
            if let number = event.request, Int64(number) <= baseline.request, requestBefore[number] == nil {
                requestBefore[number] = event.before
            }
            switch AuditAction(rawValue: event.action) {
            case .unpair:
                if let pairing = RecordAudit.decode(Pairing.self, event.before), pairingBefore[pairing.id] == nil {
                    pairingBefore[pairing.id] = pairing
                }
            case .editBranch:
                if let number = event.branch, branchBefore[number] == nil, let then = RecordAudit.decode(Branch.self, event.before) {
                    branchBefore[number] = then
                }
            case .editEnterprise:
                if let number = event.enterprise, let then = RecordAudit.decode(Enterprise.self, event.before) {
                    undoEnterprise(number, .whole(then))
                }
            case .updateResumption:
                if let number = event.enterprise, let then = RecordAudit.decode(Resumption.self, event.before) {
                    undoEnterprise(number, .resumption(then))
                }
            default: break
            }
        }

        private mutating func undoEnterprise(_ number: Int, _ step: EnterpriseUndo) {
            if enterpriseUndo[number]?.last?.isWhole == true { return }
            enterpriseUndo[number, default: []].append(step)
        }

        public func covers(delivery id: Int64) -> Bool { id <= baseline.delivery }

        /// A delivery is digested as the store's own text of its row (each store writes its
        /// columns its own way).
        public mutating func read(delivery id: Int64, request: Int, signedQuantity: Int64, line: () throws -> String) throws {
            guard covers(delivery: id) else { return }
            deliveries.update(try line())
            deliveries.update("\n")
        }

        public mutating func read(_ request: Request) throws {
            guard Int64(request.code.number) <= baseline.request else { return }
            let then = requestBefore[request.code.number].flatMap { RecordAudit.decode(Request.self, $0) } ?? request
            try Self.add(then, to: &requests)
        }

        public mutating func read(_ pairing: Pairing) throws {
            guard pairing.id <= baseline.pairing else { return }
            try Self.add(pairingBefore[pairing.id] ?? pairing, to: &pairings)
        }

        public mutating func read(_ branch: Branch) throws {
            guard let last = baseline.branch, Int64(branch.code.number) <= last else { return }
            try Self.add(branchBefore[branch.code.number] ?? branch, to: &branches)
        }

        public mutating func read(_ enterprise: Enterprise) throws {
            guard let last = baseline.enterprise, Int64(enterprise.code.number) <= last else { return }
            var then = enterprise
            for step in (enterpriseUndo[enterprise.code.number] ?? []).reversed() {
                switch step {
                case .whole(let whole): then = whole
                case .resumption(let resumption): then.resumption = resumption
                }
            }
            try Self.add(then, to: &enterprises)
        }

        private static func add(_ record: some Encodable, to digest: inout SHA256) throws {
            digest.update(try encoder.encode(record))
            digest.update("\n")
        }

        /// The digests of what was added; nil for branches and enterprises when the baseline does not number them.
        public func finish() -> (requests: String, deliveries: String, pairings: String, branches: String?, enterprises: String?) {
            func hex(_ digest: SHA256) -> String {
                var digest = digest
                return SHA256.hex(digest.finish())
            }
            return (hex(requests), hex(deliveries), hex(pairings), baseline.branch.map { _ in hex(branches) },
                    baseline.enterprise.map { _ in hex(enterprises) })
        }
    }
}

/// What a `demo.load` event records: the city's size and the rows it wrote without their own
/// events (the same JSON on both stores).
public struct SeedSummary: Encodable, Sendable {
    public var branches: Int
    public var enterprises: Int
    public var requests: Int
    public var pairings: Int
    public var untracked: AuditBaseline

    public init(_ city: CitySeed, untracked: AuditBaseline) {
        branches = city.branches.count
        enterprises = city.enterprises.count
        requests = city.requests.count
        pairings = city.pairings.count
        self.untracked = untracked
    }
}
