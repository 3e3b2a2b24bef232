/// The fields of an enterprise that one edit changes; nil leaves a field as it is. The store
/// applies these to the row as it is inside the write transaction, so two edits of different
/// fields at the same moment both take effect (neither writes back the other's old values).
public struct EnterpriseChanges: Sendable, Hashable {
    public var name: String?
    public var kind: EnterpriseKind?
    public var districtCode: String?
    public var address: String?
    /// `.some(nil)` removes the location.
    public var location: GeoPoint??
    public var contactName: String?
    public var contactPhone: String?
    public var disabledEmployees: Int?
    public var resumption: Resumption?

    public init(name: String? = nil, kind: EnterpriseKind? = nil, districtCode: String? = nil, address: String? = nil,
                location: GeoPoint?? = nil, contactName: String? = nil, contactPhone: String? = nil,
                disabledEmployees: Int? = nil, resumption: Resumption? = nil) {
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

    public var isEmpty: Bool { self == EnterpriseChanges() }

    /// Only the resumption status changes: what a branch lead may do for their own enterprise.
    public var isResumptionOnly: Bool {
        guard resumption != nil else { return false }
        var rest = self
        rest.resumption = nil
        return rest.isEmpty
    }

    /// Checks the typed values by the core's rules (text, counts); the store also checks the district.
    public func check() throws {
        var problems: [TandemError] = []
        if let name, let problem = RecordRules.nameProblem(name) { problems.append(problem) }
        let texts: [(TextField, String?)] = [(.address, address), (.contactName, contactName), (.contactPhone, contactPhone)]
        for case let (field, value?) in texts { if let problem = TextRules.problem(field, value) { problems.append(problem) } }
        if let disabledEmployees, let problem = RecordRules.countProblem(disabledEmployees, field: RecordRules.disabledEmployeesField) {
            problems.append(problem)
        }
        try TandemError.raise(problems)
    }

    /// `enterprise` with these changes made.
    public func applied(to enterprise: Enterprise) -> Enterprise {
        var result = enterprise
        if let name { result.name = name.trimmingWhitespace() }
        if let kind { result.kind = kind }
        if let districtCode { result.districtCode = districtCode }
        if let address { result.address = address }
        if let location { result.location = location }
        if let contactName { result.contactName = contactName }
        if let contactPhone { result.contactPhone = contactPhone }
        if let disabledEmployees { result.disabledEmployees = disabledEmployees }
        if let resumption { result.resumption = resumption }
        return result
    }
}

/// The fields of a branch that one edit changes; nil leaves a field as it is.
public struct BranchChanges: Sendable, Hashable {
    public var name: String?
    public var districtCode: String?
    public var headcount: Int?
    /// Replaces the whole set.
    public var capabilities: Set<Capability>?
    public var active: Bool?

    public init(name: String? = nil, districtCode: String? = nil, headcount: Int? = nil, capabilities: Set<Capability>? = nil,
                active: Bool? = nil) {
        self.name = name
        self.districtCode = districtCode
        self.headcount = headcount
        self.capabilities = capabilities
        self.active = active
    }

    public var isEmpty: Bool { self == BranchChanges() }

    public func check() throws {
        var problems: [TandemError] = []
        if let name, let problem = RecordRules.nameProblem(name) { problems.append(problem) }
        if let headcount, let problem = RecordRules.countProblem(headcount, field: RecordRules.headcountField) {
            problems.append(problem)
        }
        try TandemError.raise(problems)
    }

    public func applied(to branch: Branch) -> Branch {
        var result = branch
        if let name { result.name = name.trimmingWhitespace() }
        if let districtCode { result.districtCode = districtCode }
        if let headcount { result.headcount = headcount }
        if let capabilities { result.capabilities = capabilities }
        if let active { result.active = active }
        return result
    }
}

/// The fields of an operator that one edit changes; nil leaves a field as it is. Like the record
/// changes above, the store applies these to the row as it is inside the write transaction.
public struct OperatorChanges: Sendable, Hashable {
    public var displayName: String?
    public var role: Role?

    public init(displayName: String? = nil, role: Role? = nil) {
        self.displayName = displayName
        self.role = role
    }

    public var isEmpty: Bool { self == OperatorChanges() }

    public func check() throws {
        if let displayName { try TextRules.check(.name, displayName) }
    }

    public func applied(to op: Operator) -> Operator {
        var result = op
        if let displayName { result.displayName = displayName }
        if let role { result.role = role }
        return result
    }
}

/// Rules for branch and enterprise records that every surface and the store share.
public enum RecordRules {
    public static let headcountField = Bilingual(zh: "人数", en: "headcount")
    public static let disabledEmployeesField = Bilingual(zh: "残疾职工人数", en: "disabled employees")

    /// A record's name must not be blank and must pass the text rules.
    public static func nameProblem(_ name: String) -> TandemError? {
        if name.trimmingWhitespace().isEmpty { return .missingValue(field: TextField.name.label) }
        return TextRules.problem(.name, name)
    }

    /// A count must be a whole number from 0 to 1 000 000.
    public static func countProblem(_ value: Int, field: Bilingual) -> TandemError? {
        guard value >= 0, value <= 1_000_000 else {
            return .invalidValue(field: field, value: String(value),
                                 expected: Bilingual(zh: "0 到 1000000 的整数", en: "a whole number from 0 to 1000000"))
        }
        return nil
    }

    /// Checks a whole enterprise (as added or as it will be after an edit).
    public static func check(_ enterprise: Enterprise) throws {
        try EnterpriseChanges(name: enterprise.name, address: enterprise.address, contactName: enterprise.contactName,
                              contactPhone: enterprise.contactPhone, disabledEmployees: enterprise.disabledEmployees).check()
    }

    /// Checks a whole branch (as added or as it will be after an edit).
    public static func check(_ branch: Branch) throws {
        try BranchChanges(name: branch.name, headcount: branch.headcount).check()
    }
}
