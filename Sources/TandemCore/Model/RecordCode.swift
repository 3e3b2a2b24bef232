/// The kinds of record that carry a short stable code such as `B12`, `E345` or `R88`.
public enum RecordKind: String, Sendable, CaseIterable, Codable {
    case branch = "B"
    case enterprise = "E"
    case request = "R"

    public var name: Bilingual {
        switch self {
        case .branch: Bilingual(zh: "突击队", en: "branch")
        case .enterprise: Bilingual(zh: "帮扶单位", en: "enterprise")
        case .request: Bilingual(zh: "需求", en: "request")
        }
    }
}

/// A short stable code: a kind letter and a positive number. `B012`, `b12` and `B12`
/// all name the same record; it is always shown without padding, as `B12`.
public struct RecordCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let kind: RecordKind
    public let number: Int

    public init(_ kind: RecordKind, _ number: Int) {
        self.kind = kind
        self.number = number
    }

    /// Parses a code typed by a user; nil when it is not a code of `kind`.
    public init?(parsing text: String, as kind: RecordKind) {
        let trimmed = text.trimmingWhitespace()
        guard let first = trimmed.first, first.uppercased() == kind.rawValue else { return nil }
        let digits = trimmed.dropFirst()
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(digits), number > 0 else { return nil }
        self.init(kind, number)
    }

    /// Parses a code of any kind.
    public init?(parsing text: String) {
        for kind in RecordKind.allCases {
            if let code = RecordCode(parsing: text, as: kind) { self = code; return }
        }
        return nil
    }

    public var description: String { "\(kind.rawValue)\(number)" }

    public static func < (lhs: RecordCode, rhs: RecordCode) -> Bool {
        (lhs.kind.rawValue, lhs.number) < (rhs.kind.rawValue, rhs.number)
    }

    /// Encodes as its text (`"B12"`), as users see it.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = RecordCode(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad code \(text)"))
        }
        self = code
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines (no Foundation needed).
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let c = scalars.first, c.isWhitespace { scalars = scalars.dropFirst() }
        while let c = scalars.last, c.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
