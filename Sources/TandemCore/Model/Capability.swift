/// What a task force can bring to an enterprise: labour, transport, PPE procurement… The list is
/// declared in `config/categories.yaml` (`capabilities:`); a capability is identified by its code
/// there, and two values with the same code are the same capability.
public struct Capability: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let code: String
    public let name: Bilingual
    /// Role `carries_heavy_loads`: a branch with this capability can move heavy loads.
    public let carriesHeavyLoads: Bool

    public init(code: String, name: Bilingual, carriesHeavyLoads: Bool = false) {
        self.code = code
        self.name = name
        self.carriesHeavyLoads = carriesHeavyLoads
    }

    /// A capability known only by its code, as stored data holds it; `Catalog.capabilities(of:)`
    /// gives it the names and roles the catalog declares.
    public init(code: String) {
        self.init(code: code, name: Bilingual(zh: code, en: code))
    }

    public static func == (lhs: Capability, rhs: Capability) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
    /// By code: a fixed order for storage and JSON. Screens list capabilities in catalog order.
    public static func < (lhs: Capability, rhs: Capability) -> Bool { lhs.code < rhs.code }

    public var description: String { code }

    /// Encoded as its code, the form a file or another program can look up in the catalog.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public init(from decoder: Decoder) throws {
        self.init(code: try decoder.singleValueContainer().decode(String.self))
    }
}
