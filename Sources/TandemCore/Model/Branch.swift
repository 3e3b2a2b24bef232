/// What a task force can bring to an enterprise.
public enum Capability: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case labour
    case transport
    case ppe
    case agriculture
    case technical

    public var name: Bilingual {
        switch self {
        case .labour: Bilingual(zh: "劳动力", en: "labour")
        case .transport: Bilingual(zh: "车辆运输", en: "transport")
        case .ppe: Bilingual(zh: "防护物资采购", en: "PPE procurement")
        case .agriculture: Bilingual(zh: "农资农技", en: "farm supplies")
        case .technical: Bilingual(zh: "技术指导", en: "technical help")
        }
    }

    /// Accepts the code (`labour`) or either name.
    public init?(matching text: String) {
        let key = text.trimmingWhitespace().lowercased()
        guard let match = Capability.allCases.first(where: {
            $0.rawValue == key || $0.name.zh == key || $0.name.en.lowercased() == key
        }) else { return nil }
        self = match
    }

    public static func < (lhs: Capability, rhs: Capability) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A Party branch's task force (党员突击队).
public struct Branch: Sendable, Hashable, Codable {
    public var code: RecordCode
    public var name: String
    public var districtCode: String
    /// Login of the operator who leads the task force, if one is registered.
    public var leadLogin: String?
    public var headcount: Int
    public var capabilities: Set<Capability>
    public var active: Bool

    public init(code: RecordCode, name: String, districtCode: String, leadLogin: String? = nil,
                headcount: Int, capabilities: Set<Capability>, active: Bool = true) {
        self.code = code
        self.name = name
        self.districtCode = districtCode
        self.leadLogin = leadLogin
        self.headcount = headcount
        self.capabilities = capabilities
        self.active = active
    }

    public var sortedCapabilities: [Capability] { capabilities.sorted() }

    private enum CodingKeys: String, CodingKey { case code, name, districtCode, leadLogin, headcount, capabilities, active }

    /// Capabilities are written in a fixed order, so the same branch always reads the same in JSON.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(districtCode, forKey: .districtCode)
        try container.encodeIfPresent(leadLogin, forKey: .leadLogin)
        try container.encode(headcount, forKey: .headcount)
        try container.encode(sortedCapabilities, forKey: .capabilities)
        try container.encode(active, forKey: .active)
    }
}
