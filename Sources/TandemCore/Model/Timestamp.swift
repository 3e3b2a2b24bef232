import Foundation

/// An instant in UTC to the millisecond: when a pairing started, a delivery was made, a change
/// was audited. Compared by value; written as ISO 8601 with milliseconds, `2026-11-30T14:53:12.345Z`,
/// which is also the order of the text, so the store's canonical form sorts like the values.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    /// `date` rounded down to the millisecond.
    public init(_ date: Date) {
        self.init(millisecondsSince1970: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// A calendar day at a time of day, in UTC.
    public init(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
        let seconds = Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(millisecondsSince1970: seconds * 1000 + Int64(millisecond))
    }

    public var date: Date { Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000) }

    /// The calendar day of this instant in `timeZone`.
    public func day(in timeZone: TimeZone) -> Day {
        let offset = Int64(timeZone.secondsFromGMT(for: date)) * 1000
        return Day(ordinal: Int(Self.floorDivide(millisecondsSince1970 + offset, 86_400_000)))
    }

    /// Parses ISO 8601 in the forms Tandem has written: `2026-11-30T14:53:12.345Z`, without
    /// the milliseconds, with a space for the `T`, or with an offset (`+08:00`) instead of `Z`.
    /// Nil for anything else, including a day alone.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, let day = Day(parsing: String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = Self.number(bytes[11..<13]), let minute = Self.number(bytes[14..<16]),
              let second = Self.number(bytes[17..<19]), hour < 24, minute < 60, second < 60 else { return nil }
        var index = 19
        var millisecond = 0
        if bytes[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > start, let fraction = Self.number(bytes[start..<min(index, start + 3)]) else { return nil }
            millisecond = fraction * [100, 10, 1][min(index, start + 3) - start - 1]
        }
        var offsetMinutes = 0
        switch index < bytes.count ? bytes[index] : nil {
        case UInt8(ascii: "Z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.count == index + 6, bytes[index + 3] == UInt8(ascii: ":"),
                  let hours = Self.number(bytes[(index + 1)..<(index + 3)]),
                  let minutes = Self.number(bytes[(index + 4)..<(index + 6)]), hours < 24, minutes < 60 else { return nil }
            offsetMinutes = (hours * 60 + minutes) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }
        let local = Timestamp(day: day, hour: hour, minute: minute, second: second, millisecond: millisecond)
        self.init(millisecondsSince1970: local.millisecondsSince1970 - Int64(offsetMinutes) * 60_000)
    }

    /// `2026-11-30T14:53:12.345Z`: always UTC, always with milliseconds.
    public var description: String {
        let day = Day(ordinal: Int(Self.floorDivide(millisecondsSince1970, 86_400_000)))
        let inDay = Int(millisecondsSince1970 - Int64(day.ordinal) * 86_400_000)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(day)T\(pad(inDay / 3_600_000, 2)):\(pad(inDay / 60_000 % 60, 2)):\(pad(inDay / 1000 % 60, 2))."
            + "\(pad(inDay % 1000, 3))Z"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let timestamp = Timestamp(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad timestamp \(text)"))
        }
        self = timestamp
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
