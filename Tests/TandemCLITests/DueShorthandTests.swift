import Foundation
import Testing

/// `--due` reads dates through the same core function as the console's form
/// (`DayRules.day(typed:today:)`): `today`, `+3`, `12-05`, full-width digits.
@Suite struct DueShorthandTests {
    func day(inDays days: Int) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        return formatter.string(from: Calendar.current.date(byAdding: .day, value: days, to: Date())!)
    }

    @Test func requestAddTakesTheSameShorthandsAsTheConsole() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["enterprise", "add", "--name", "永川残疾人梦想茶叶基地", "--district", "永川", "--kind", "employment_base"])
        for (n, due) in ["今天", "+3", "＋３"].enumerated() {
            try cli.ok(["request", "add", "E1", "--category", "ppe", "--item", "masks", "--quantity", "３００", "--unit", "piece", "--due", due])
            let shown = try cli.ok(["request", "show", "R\(n + 1)", "--format", "json"])
            let expected = day(inDays: due == "今天" ? 0 : 3)
            #expect(shown.contains(expected), "--due \(due) should be \(expected): \(shown)")
            #expect(shown.contains("300"), "full-width quantity read as 300: \(shown)")
        }
        let refused = try cli.refused(["request", "add", "E1", "--category", "ppe", "--item", "masks", "--quantity", "1", "--unit", "piece",
                                       "--due", "someday"])
        #expect(refused.contains("today") && refused.contains("+3"), "the error names the accepted forms: \(refused)")
    }
}
