/// The two languages of Tandem's user-facing text.
public enum Lang: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// Picks the language from locale environment variables, in POSIX precedence
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`): Chinese for `zh*`, English otherwise.
    public static func fromEnvironment(_ env: [String: String]) -> Lang {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// A piece of user-facing text in both languages.
public struct Bilingual: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ lang: Lang) -> String { lang == .zh ? zh : en }
}
