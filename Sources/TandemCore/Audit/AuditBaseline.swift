import Foundation

/// What a database held without an event per row: the rows a city load wrote in one
/// `demo.load` event, or what existed when the chain began (the SQLite v3 upgrade's
/// `schema.migrate` event). Recorded inside that event's `after`, so the chain protects it.
/// Every row beyond it must be explained by events of its own. Both stores record it (each
/// computes the digests from its own rows: `digest(of:)` for records, its own row text for
/// deliveries) and read it back to check the rows it covers.
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

    /// The digest of records in the order given: each one's JSON (sorted keys) and a newline.
    public static func digest<Record: Encodable>(of records: some Sequence<Record>) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var digest = SHA256()
        for record in records {
            digest.update(try encoder.encode(record))
            digest.update("\n")
        }
        return SHA256.hex(digest.finish())
    }

    /// The digest of rows already written as text lines (a store's own delivery columns).
    public static func digest(ofLines lines: some Sequence<String>) -> String {
        var digest = SHA256()
        for line in lines {
            digest.update(line)
            digest.update("\n")
        }
        return SHA256.hex(digest.finish())
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
