/// An exact, non-negative quantity with three decimals (8 t, 0.5 t, 300 pieces).
/// Stored as thousandths so that partial deliveries add up without rounding drift.
public struct Quantity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public static let scale: Int64 = 1000
    /// The largest accepted quantity: a billion units is far beyond any real request.
    public static let maximum = Quantity(thousandths: 1_000_000_000 * scale)

    public let thousandths: Int64

    public init(thousandths: Int64) { self.thousandths = thousandths }
    public init(_ whole: Int) { self.thousandths = Int64(whole) * Quantity.scale }

    public static let zero = Quantity(thousandths: 0)

    /// Parses `300`, `8`, `0.5`, `1.25` (full-width `３００`, `０．５` and `0。5` too); nil for anything
    /// else (signs, exponents, letters, more than three decimals, more than the maximum).
    public init?(parsing text: String) {
        // `。` is what a Chinese input method gives for the decimal point's key.
        let trimmed = String(normalizedInput(text).map { $0 == "。" ? "." : $0 })
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let wholeText = parts.first, !wholeText.isEmpty,
              wholeText.count <= 10, wholeText.allSatisfy({ $0.isASCII && $0.isNumber }),
              let whole = Int64(wholeText) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let fractionText = parts[1]
            guard !fractionText.isEmpty, fractionText.count <= 3,
                  fractionText.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let digits = Int64(fractionText) else { return nil }
            fraction = digits * [100, 10, 1][fractionText.count - 1]
        }
        let value = Quantity(thousandths: whole * Quantity.scale + fraction)
        guard value <= Quantity.maximum else { return nil }
        self = value
    }

    public var isZero: Bool { thousandths == 0 }
    public var doubleValue: Double { Double(thousandths) / Double(Quantity.scale) }

    public var description: String {
        let whole = thousandths / Quantity.scale
        var fraction = thousandths % Quantity.scale
        guard fraction != 0 else { return String(whole) }
        var digits = 3
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.thousandths < rhs.thousandths }
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(thousandths: lhs.thousandths + rhs.thousandths) }
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(thousandths: lhs.thousandths - rhs.thousandths) }

    /// Encodes as a plain number in JSON (`120`, `0.5`).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if thousandths % Quantity.scale == 0 {
            try container.encode(thousandths / Quantity.scale)
        } else {
            try container.encode(doubleValue)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        self.init(thousandths: Int64((value * Double(Quantity.scale)).rounded()))
    }
}
