/// What an operator may do in Tandem.
public enum Role: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Pairs branches with enterprises and manages requests.
    case dispatcher
    /// Leads one branch's task force and works its paired enterprise's requests.
    case branchLead(branch: RecordCode)
    /// Watches coverage, read-only: of one supervision group, or of the whole city when nil.
    case supervisor(group: Int?)
    /// Everything, including operators and acting as another operator.
    case admin

    public var kind: String {
        switch self {
        case .dispatcher: "dispatcher"
        case .branchLead: "lead"
        case .supervisor: "supervisor"
        case .admin: "admin"
        }
    }

    /// `dispatcher`, `admin`, `lead:B12`, `supervisor` (whole city) or `supervisor:3`.
    public init?(parsing text: String) {
        let parts = text.trimmingWhitespace().lowercased().split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("dispatcher", 1): self = .dispatcher
        case ("admin", 1): self = .admin
        case ("supervisor", 1):
            self = .supervisor(group: nil)
        case ("supervisor", 2) where parts[1] == "city" || parts[1] == "all":
            self = .supervisor(group: nil)
        case ("supervisor", 2):
            var key = parts[1]
            if key.hasPrefix("g") { key.removeFirst() }
            guard let group = Int(key), (1...99).contains(group) else { return nil }
            self = .supervisor(group: group)
        case ("lead", 2):
            guard let branch = RecordCode(parsing: parts[1], as: .branch) else { return nil }
            self = .branchLead(branch: branch)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .dispatcher: "dispatcher"
        case .admin: "admin"
        case .supervisor(nil): "supervisor"
        case .supervisor(let group?): "supervisor:\(group)"
        case .branchLead(let branch): "lead:\(branch)"
        }
    }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.dispatcher, .zh): "调度员"
        case (.dispatcher, .en): "dispatcher"
        case (.admin, .zh): "管理员"
        case (.admin, .en): "admin"
        case (.supervisor(nil), .zh): "督导（全市）"
        case (.supervisor(nil), .en): "supervisor (city)"
        case (.supervisor(let g?), .zh): "督导（第\(g)组）"
        case (.supervisor(let g?), .en): "supervisor (group \(g))"
        case (.branchLead(let b), .zh): "突击队长（\(b)）"
        case (.branchLead(let b), .en): "branch lead (\(b))"
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let role = Role(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad role \(text)"))
        }
        self = role
    }
}

/// A person who uses Tandem, known by their OS login name.
public struct Operator: Sendable, Hashable, Codable {
    public var login: String
    public var displayName: String
    public var role: Role

    public init(login: String, displayName: String, role: Role) {
        self.login = login
        self.displayName = displayName
        self.role = role
    }
}

extension Collection where Element == Operator {
    /// The operators who lead `branch`, by login. The operator table is the one record of who
    /// leads a branch: the same role grants the lead's rights.
    public func leads(of branch: RecordCode) -> [Operator] {
        filter { $0.role == .branchLead(branch: branch) }.sorted { $0.login < $1.login }
    }
}
