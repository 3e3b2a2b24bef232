/// The one rule for dates a user types (due dates, report days): a date before 2000-01-01 or
/// more than ten years after today is a typing mistake, not a plan, and is refused.
public enum DayRules {
    public static let earliest = Day(year: 2000, month: 1, day: 1)

    /// The last accepted day: ten years after `today`.
    public static func latest(after today: Day) -> Day {
        let year = today.year + 10
        return Day(year: year, month: today.month, day: min(today.day, Day.daysIn(month: today.month, year: year)))
    }

    /// Why `day` is not accepted as input on `today`, or nil.
    public static func problem(_ day: Day, today: Day) -> TandemError? {
        let latest = latest(after: today)
        guard day >= earliest, day <= latest else { return .dayOutOfRange(day, earliest: earliest, latest: latest) }
        return nil
    }

    /// Parses a typed date (`YYYY-MM-DD`) and checks it lies in the window.
    public static func parse(_ text: String, field: Bilingual, today: Day) throws -> Day {
        guard let day = Day(parsing: text.trimmingWhitespace()) else {
            throw TandemError.invalidValue(field: field, value: text,
                                           expected: Bilingual(zh: "YYYY-MM-DD 格式的日期", en: "a date as YYYY-MM-DD"))
        }
        if let problem = problem(day, today: today) { throw problem }
        return day
    }
}
