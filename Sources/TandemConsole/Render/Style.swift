/// What a piece of text *means* on screen. Themes map tones to colours and attributes; every
/// tone is also carried by a word or symbol in the text itself, so no meaning is colour-only.
public enum Tone: Int, Sendable, Hashable, CaseIterable {
    case normal
    case title
    case header
    case selected
    case dim
    case disabled
    case good
    case warn
    case bad
    case accent
    case key
    case input
    case error
    case barFill
    case barEmpty
}

/// The look of one cell: a tone plus optional emphasis.
public struct Style: Sendable, Hashable {
    public var tone: Tone
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ tone: Tone = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.tone = tone
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let normal = Style()
    public static let title = Style(.title, bold: true)
    public static let header = Style(.header, bold: true)
    public static let selected = Style(.selected, reverse: true)
    public static let dim = Style(.dim)
    public static let disabled = Style(.disabled)
    public static let good = Style(.good)
    public static let warn = Style(.warn, bold: true)
    public static let bad = Style(.bad, bold: true)
    public static let accent = Style(.accent)
    public static let key = Style(.key, bold: true)
    public static let input = Style(.input, underline: true)
    public static let error = Style(.error, bold: true)
}

/// The console's themes. `highContrast` uses only black, white and bold; `monochrome` uses no
/// colour at all (chosen automatically when the terminal has none).
public enum ThemeKind: String, Sendable, CaseIterable {
    case standard
    case highContrast = "high-contrast"
    case monochrome

    public var next: ThemeKind {
        let all = ThemeKind.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    public var label: Bilingual {
        switch self {
        case .standard: Bilingual(zh: "标准", en: "standard")
        case .highContrast: Bilingual(zh: "高对比度", en: "high contrast")
        case .monochrome: Bilingual(zh: "单色", en: "monochrome")
        }
    }
}

import TandemCore
