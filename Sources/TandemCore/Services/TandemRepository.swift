/// A branch as entered by a user (codes are assigned by the store).
public struct BranchDraft: Sendable, Hashable {
    public var name: String
    public var districtCode: String
    public var headcount: Int
    public var capabilities: Set<Capability>
    public var active: Bool

    public init(name: String, districtCode: String, headcount: Int, capabilities: Set<Capability>, active: Bool = true) {
        self.name = name
        self.districtCode = districtCode
        self.headcount = headcount
        self.capabilities = capabilities
        self.active = active
    }
}

/// An enterprise as entered by a user (codes are assigned by the store).
public struct EnterpriseDraft: Sendable, Hashable {
    public var name: String
    public var kind: EnterpriseKind
    public var districtCode: String
    public var address: String
    public var location: GeoPoint?
    public var contactName: String
    public var contactPhone: String
    public var disabledEmployees: Int
    public var resumption: Resumption

    public init(name: String, kind: EnterpriseKind, districtCode: String, address: String = "", location: GeoPoint? = nil,
                contactName: String = "", contactPhone: String = "", disabledEmployees: Int = 0, resumption: Resumption = .closed) {
        self.name = name
        self.kind = kind
        self.districtCode = districtCode
        self.address = address
        self.location = location
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.disabledEmployees = disabledEmployees
        self.resumption = resumption
    }
}

/// The history of one enterprise: pairings past and present, requests, deliveries, audit.
public struct EnterpriseHistory: Sendable {
    public var pairings: [Pairing]
    public var deliveries: [Delivery]
    public var events: [AuditEvent]

    public init(pairings: [Pairing], deliveries: [Delivery], events: [AuditEvent]) {
        self.pairings = pairings
        self.deliveries = deliveries
        self.events = events
    }
}

/// Everything the command line and the console can read and change. The store implements it;
/// every mutation checks `Permissions` for `actor` as the operator table says inside the
/// transaction (a demoted or removed operator is refused even in an open console), runs in one transaction with its audit
/// event, and on any error changes nothing.
public protocol TandemRepository: AnyObject, Sendable {
    // Reads
    func snapshot() throws -> CitySnapshot
    /// Only the records a start screen shows (`FirstScreenQuery`), read from indexes so that the
    /// console draws real rows before the whole city is read; `today` decides what is overdue.
    func firstScreen(_ query: FirstScreenQuery, today: Day) throws -> CitySnapshot
    /// A number that changes whenever any process commits a change to the data.
    func changeCounter() throws -> Int64
    func operators() throws -> [Operator]
    func findOperator(login: String) throws -> Operator?
    func request(_ code: RecordCode) throws -> Request
    func deliveries(of request: RecordCode) throws -> [Delivery]
    func history(of enterprise: RecordCode) throws -> EnterpriseHistory
    func auditLog(limit: Int) throws -> [AuditEvent]
    /// The latest `limit` events matching `filter`, oldest first.
    func auditLog(_ filter: AuditFilter, limit: Int) throws -> [AuditEvent]
    /// Every delivery recorded, oldest first, for reports that count them by day.
    func allDeliveries() throws -> [Delivery]
    /// The head of the audit's hash chain, or nil when the audit is not hash-chained.
    func auditChainHead() throws -> AuditChainHead?
    /// Every pairing, active and ended, in the order they were made.
    func pairingHistory() throws -> [Pairing]

    // Records
    @discardableResult func addBranch(_ draft: BranchDraft, by actor: Operator) throws -> Branch
    /// Changes only the given fields, applied to the branch as it is inside the transaction.
    @discardableResult func editBranch(_ code: RecordCode, _ changes: BranchChanges, by actor: Operator) throws -> Branch
    @discardableResult func addEnterprise(_ draft: EnterpriseDraft, by actor: Operator) throws -> Enterprise
    /// Changes only the given fields, applied to the enterprise as it is inside the transaction;
    /// the resumption status alone may be changed by the lead of the paired branch.
    @discardableResult func editEnterprise(_ code: RecordCode, _ changes: EnterpriseChanges, by actor: Operator) throws -> Enterprise
    func addOperator(_ newOperator: Operator, by actor: Operator) throws
    /// Changes only the given fields, applied to the operator as it is inside the transaction.
    @discardableResult func editOperator(login: String, _ changes: OperatorChanges, by actor: Operator) throws -> Operator

    // Pairing
    @discardableResult func pair(branch: RecordCode, enterprise: RecordCode, by actor: Operator) throws -> Pairing
    /// Ends the active pairing of a branch or an enterprise (either code).
    @discardableResult func unpair(_ code: RecordCode, reason: String, by actor: Operator) throws -> Pairing
    /// Ends the active pairings of `ending` (enterprise codes), then writes `pairs`, in one
    /// transaction: all or none. This is how an engine plan is applied.
    @discardableResult func pairAll(_ pairs: [(branch: RecordCode, enterprise: RecordCode)], ending: [RecordCode], reason: String,
                                    by actor: Operator) throws -> [Pairing]

    // Requests
    @discardableResult func addRequest(_ draft: RequestDraft, catalog: Catalog, by actor: Operator) throws -> Request
    @discardableResult func deliver(_ request: RecordCode, quantity: Quantity, note: String, allowOver: Bool, by actor: Operator) throws -> Request
    /// Corrects delivery `delivery` (its id) of `request` to `quantity` (0: it did not happen):
    /// a reversing entry and, unless 0, a new delivery, each with its audit event, in one
    /// transaction. Allowed to whoever recorded the delivery and to dispatchers.
    @discardableResult func correctDelivery(_ request: RecordCode, delivery: Int64, quantity: Quantity, reason: String, allowOver: Bool,
                                            by actor: Operator) throws -> Request
    @discardableResult func markDone(_ request: RecordCode, by actor: Operator) throws -> Request
    @discardableResult func cancel(_ request: RecordCode, reason: String, by actor: Operator) throws -> Request
    @discardableResult func reopen(_ request: RecordCode, reason: String, by actor: Operator) throws -> Request
    @discardableResult func setResumption(_ enterprise: RecordCode, _ resumption: Resumption, by actor: Operator) throws -> Enterprise

    // Import
    /// Writes an import (new and changed rows) in one transaction with an audit event per
    /// record, taking the rows from `feed` as they are planned: all or nothing. Refuses, writing
    /// nothing, a plan with refused rows, and a record changed by someone else since the plan's
    /// snapshot.
    @discardableResult func applyImport(_ feed: ImportFeed, by actor: Operator) throws -> ImportResult
}

extension TandemRepository {
    /// Writes a complete import plan, as `applyImport(_ feed:by:)` does.
    @discardableResult public func applyImport(_ plan: ImportPlan, by actor: Operator) throws -> ImportResult {
        try applyImport(ImportFeed(plan: plan), by: actor)
    }
}

extension TandemRepository {
    /// Writes many pairings in one transaction: all or none.
    @discardableResult public func pairAll(_ pairs: [(branch: RecordCode, enterprise: RecordCode)], by actor: Operator) throws -> [Pairing] {
        try pairAll(pairs, ending: [], reason: "", by: actor)
    }
}
