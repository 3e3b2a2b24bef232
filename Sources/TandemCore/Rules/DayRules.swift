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

extension DayRules {
    /// What the date fields accept, for hints and errors.
    public static let typedForms = Bilingual(zh: "YYYY-MM-DD、今天、明天、+3（3 天后）或 12-05（今年或明年的这一天）",
                                             en: "YYYY-MM-DD, today, tomorrow, +3 (in 3 days) or 12-05 (its next coming)")

    /// A day as a person types it into a date field, relative to `today`: a full date in any form
    /// `Day(writtenAs:)` reads (`2026-12-05`, `2026年12月5日`); `today`/`今天`, `tomorrow`/`明天`;
    /// `+N` or `+N天` for N days from today; or a month and day without the year (`12-05`, `12/5`,
    /// `12月5日`), meaning its next coming (this year, or next year when it has passed).
    /// Full-width digits and signs read as ASCII. Nil for anything else. The console's forms and
    /// the CLI's `--due` both read dates through here, so they accept the same.
    public static func day(typed text: String, today: Day) -> Day? {
        let folded = normalizedInput(text)
        let word = folded.lowercased()
        if let day = Day(writtenAs: folded) { return day }
        switch word {
        case "today", "今天", "今日": return today
        case "tomorrow", "明天", "明日": return today.adding(days: 1)
        default: break
        }
        if word.hasPrefix("+") {
            var digits = word.dropFirst()
            if digits.hasSuffix("天") || digits.hasSuffix("日") { digits = digits.dropLast() }
            if digits.hasSuffix("d") { digits = digits.dropLast() }
            guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let days = Int(digits) else { return nil }
            return today.adding(days: days)
        }
        // A month and a day: `12-05`, `12/5`, `12.5`, `12月5日` / `12月5号`.
        var monthDay = folded
        if monthDay.hasSuffix("日") || monthDay.hasSuffix("号") { monthDay = String(monthDay.dropLast()) }
        let parts = monthDay.split(omittingEmptySubsequences: false) { "-/.月".contains($0) }
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[0]), let dayOfMonth = Int(parts[1]), (1...12).contains(month) else { return nil }
        for year in [today.year, today.year + 1] where dayOfMonth >= 1 && dayOfMonth <= Day.daysIn(month: month, year: year) {
            let day = Day(year: year, month: month, day: dayOfMonth)
            if day >= today { return day }
        }
        return nil
    }
}
