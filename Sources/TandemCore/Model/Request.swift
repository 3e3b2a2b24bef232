import Foundation

/// How urgent a request is; `urgent` first.
public enum Priority: Int, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case urgent = 1
    case high = 2
    case normal = 3
    case low = 4

    public var name: Bilingual {
        switch self {
        case .urgent: Bilingual(zh: "紧急", en: "urgent")
        case .high: Bilingual(zh: "高", en: "high")
        case .normal: Bilingual(zh: "普通", en: "normal")
        case .low: Bilingual(zh: "低", en: "low")
        }
    }

    public init?(matching text: String) {
        if let number = Int(text.trimmingWhitespace()), let value = Priority(rawValue: number) { self = value; return }
        guard let match = NameMatch.first(in: Priority.allCases, matching: text, names: { [$0.name.en, $0.name.zh] }) else { return nil }
        self = match
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A request's life: open → in progress (after a first delivery) → done, or cancelled.
/// A done or cancelled request can be reopened with a reason.
public enum RequestStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case open
    case inProgress = "in_progress"
    case done
    case cancelled

    public var name: Bilingual {
        switch self {
        case .open: Bilingual(zh: "待办", en: "open")
        case .inProgress: Bilingual(zh: "进行中", en: "in progress")
        case .done: Bilingual(zh: "已完成", en: "done")
        case .cancelled: Bilingual(zh: "已取消", en: "cancelled")
        }
    }

    /// Still needs work: open or in progress.
    public var isActive: Bool { self == .open || self == .inProgress }

    public init?(matching text: String) {
        guard let match = NameMatch.first(in: RequestStatus.allCases, matching: text, names: { [$0.rawValue, $0.name.zh, $0.name.en] })
        else { return nil }
        self = match
    }
}

/// A calendar day, `YYYY-MM-DD`, compared as text.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(parsing text: String) {
        // The stores' own form, `2026-11-30`, read straight from its bytes: a province's snapshot
        // parses a few hundred thousand of them.
        if let exact = text.utf8.withContiguousStorageIfAvailable(Day.exactISO), let exact {
            self = exact
            return
        }
        let parts = text.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y) else { return nil }
        (year, month, day) = (y, m, d)
    }

    public init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// `YYYY-MM-DD` exactly (ten ASCII bytes, a real date), else nil: the general parser decides.
    private static func exactISO(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(bytes[i]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
              (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// How many days `month` has in `year` (Gregorian).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for age and overdue arithmetic.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    public var description: String {
        // Written for every day an import reads and writes (100 000 requests: a few per row),
        // so a four-digit year is written digit by digit into one small string.
        guard (1000...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(year)-\(pad(month))-\(pad(day))"
        }
        return String(unsafeUninitializedCapacity: 10) { out in
            func put(_ value: Int, at start: Int, width: Int) {
                var rest = value
                for index in stride(from: start + width - 1, through: start, by: -1) {
                    out[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 0, width: 4)
            out[4] = UInt8(ascii: "-")
            put(month, at: 5, width: 2)
            out[7] = UInt8(ascii: "-")
            put(day, at: 8, width: 2)
            return 10
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad day \(text)"))
        }
        self = day
    }
}

/// What an enterprise asked for: masks, 84 disinfectant, fertiliser, tea pickers…
public struct Request: Sendable, Hashable, Codable {
    public var code: RecordCode
    public var enterpriseCode: RecordCode
    public var category: String
    public var item: String
    public var quantity: Quantity
    public var unit: String
    public var delivered: Quantity
    public var priority: Priority
    public var due: Day?
    public var status: RequestStatus
    public var notes: String
    /// The day the request was filed.
    public var filed: Day
    /// The day it was finished (status done), if it is done.
    public var completed: Day?

    public init(code: RecordCode, enterpriseCode: RecordCode, category: String, item: String, quantity: Quantity,
                unit: String, delivered: Quantity = .zero, priority: Priority = .normal, due: Day? = nil,
                status: RequestStatus = .open, notes: String = "", filed: Day, completed: Day? = nil) {
        self.code = code
        self.enterpriseCode = enterpriseCode
        self.category = category
        self.item = item
        self.quantity = quantity
        self.unit = unit
        self.delivered = delivered
        self.priority = priority
        self.due = due
        self.status = status
        self.notes = notes
        self.filed = filed
        self.completed = completed
    }

    /// What is still to deliver; zero once delivered reaches the quantity.
    public var remaining: Quantity { delivered >= quantity ? .zero : quantity - delivered }

    public func isOverdue(on today: Day) -> Bool {
        guard status.isActive, let due else { return false }
        return due < today
    }
}

/// One recorded delivery against a request; deliveries accumulate.
/// A correction never deletes or changes a delivery: it adds a reversing entry (`reverses` set
/// to the delivery's id, same quantity, counted negative) and, unless the right quantity is 0,
/// a new delivery of the right quantity.
public struct Delivery: Sendable, Hashable, Codable {
    /// The store's number for it, shown as `#12`; 0 before it is stored.
    public var id: Int64
    /// For a reversing entry, the id of the delivery it takes back.
    public var reverses: Int64?
    public var requestCode: RecordCode
    public var quantity: Quantity
    public var note: String
    public var operatorLogin: String
    public var at: Timestamp
    public var overDelivery: Bool

    public init(id: Int64 = 0, reverses: Int64? = nil, requestCode: RecordCode, quantity: Quantity, note: String, operatorLogin: String,
                at: Timestamp, overDelivery: Bool) {
        self.id = id
        self.reverses = reverses
        self.requestCode = requestCode
        self.quantity = quantity
        self.note = note
        self.operatorLogin = operatorLogin
        self.at = at
        self.overDelivery = overDelivery
    }

    public var isReversal: Bool { reverses != nil }
}

extension Day {
    /// The calendar day of `date` in the local time zone.
    public static func local(_ date: Date = Date()) -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
