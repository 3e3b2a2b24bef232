/// A Party branch's task force (党员突击队). Who leads it is not a field here: an operator's
/// role (`Role.branchLead`) says so, and that role is what grants the lead's rights.
public struct Branch: Sendable, Hashable, Codable {
    public var code: RecordCode
    public var name: String
    public var districtCode: String
    public var headcount: Int
    public var capabilities: Set<Capability>
    public var active: Bool

    public init(code: RecordCode, name: String, districtCode: String, headcount: Int, capabilities: Set<Capability>, active: Bool = true) {
        self.code = code
        self.name = name
        self.districtCode = districtCode
        self.headcount = headcount
        self.capabilities = capabilities
        self.active = active
    }

    /// By code: the fixed order of storage and JSON (`Catalog.capabilities(of:)` gives catalog order).
    public var sortedCapabilities: [Capability] { capabilities.sorted() }

    private enum CodingKeys: String, CodingKey { case code, name, districtCode, headcount, capabilities, active }

    /// Capabilities are written in a fixed order, so the same branch always reads the same in JSON.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(districtCode, forKey: .districtCode)
        try container.encode(headcount, forKey: .headcount)
        try container.encode(sortedCapabilities, forKey: .capabilities)
        try container.encode(active, forKey: .active)
    }
}
