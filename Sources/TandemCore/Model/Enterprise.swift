import Foundation

/// The kinds of unit the campaign helped.
public enum EnterpriseKind: String, Sendable, Hashable, CaseIterable, Codable {
    case enterprise
    case employmentBase = "employment_base"
    case auxiliaryEmployment = "auxiliary_employment"
    case blindMassage = "blind_massage"
    case serviceInstitution = "service_institution"

    public var name: Bilingual {
        switch self {
        case .enterprise: Bilingual(zh: "残疾人企业", en: "enterprise")
        case .employmentBase: Bilingual(zh: "就业基地", en: "employment base")
        case .auxiliaryEmployment: Bilingual(zh: "辅助性就业机构", en: "auxiliary employment")
        case .blindMassage: Bilingual(zh: "盲人按摩机构", en: "blind massage")
        case .serviceInstitution: Bilingual(zh: "康复服务机构", en: "service institution")
        }
    }

    public init?(matching text: String) {
        guard let match = NameMatch.first(in: EnterpriseKind.allCases, matching: text, names: { [$0.rawValue, $0.name.zh, $0.name.en] })
        else { return nil }
        self = match
    }
}

/// How far an enterprise has resumed work (复工复产).
public enum Resumption: Sendable, Hashable, Codable, CustomStringConvertible {
    case closed
    /// Partly resumed, with the share of normal capacity in percent (1…99).
    case partial(percent: Int)
    case resumed

    /// Parses `closed`, `resumed`, `partial:60`, `60%` or a percentage `0`…`100`.
    public init?(parsing text: String) {
        let key = normalizedInput(text).lowercased()
        switch key {
        case "closed", "停工", "0", "0%": self = .closed
        case "resumed", "复工", "已复工", "100", "100%": self = .resumed
        default:
            var digits = key
            if digits.hasPrefix("partial:") { digits.removeFirst("partial:".count) }
            if digits.hasSuffix("%") { digits.removeLast() }
            guard let percent = Int(digits), (1...99).contains(percent) else { return nil }
            self = .partial(percent: percent)
        }
    }

    public var percent: Int {
        switch self {
        case .closed: 0
        case .partial(let percent): percent
        case .resumed: 100
        }
    }

    public var description: String {
        switch self {
        case .closed: "closed"
        case .partial(let percent): "partial:\(percent)"
        case .resumed: "resumed"
        }
    }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.closed, .zh): "停工"
        case (.closed, .en): "closed"
        case (.partial(let p), .zh): "部分复工 \(p)%"
        case (.partial(let p), .en): "partly resumed \(p)%"
        case (.resumed, .zh): "已复工"
        case (.resumed, .en): "resumed"
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Resumption(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad resumption \(text)"))
        }
        self = value
    }
}

/// A unit that needs help: a disabled-run enterprise, employment base, auxiliary-employment
/// institution, blind-massage shop or service institution.
public struct Enterprise: Sendable, Hashable, Codable {
    public var code: RecordCode
    public var name: String
    public var kind: EnterpriseKind
    public var districtCode: String
    public var address: String
    public var location: GeoPoint?
    public var contactName: String
    public var contactPhone: String
    public var disabledEmployees: Int
    public var resumption: Resumption

    public init(code: RecordCode, name: String, kind: EnterpriseKind, districtCode: String, address: String = "",
                location: GeoPoint? = nil, contactName: String = "", contactPhone: String = "",
                disabledEmployees: Int = 0, resumption: Resumption = .closed) {
        self.code = code
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
