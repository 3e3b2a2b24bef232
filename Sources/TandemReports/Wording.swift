import TandemCore

/// How reports word codes, days and quantities in one language, with names from the catalog and
/// the geography (never literals), and every piece of data text passed through `escape`.
struct Wording {
    let lang: Lang
    let catalog: Catalog
    let geography: Geography
    /// Makes data text (names from the database or config) safe for the output format.
    let escape: (String) -> String

    var zh: Bool { lang == .zh }

    func text(_ value: Bilingual) -> String { escape(value.text(lang)) }
    func data(_ value: String) -> String { escape(value) }

    func district(_ code: String) -> String { escape(geography.district(code: code)?.name.text(lang) ?? code) }
    func itemName(_ item: String, category: String) -> String {
        escape(catalog.item(code: item, category: category)?.name.text(lang) ?? item)
    }
    func categoryName(_ code: String) -> String { escape(catalog.category(code: code)?.name.text(lang) ?? code) }
    func unitName(_ code: String) -> String { escape(catalog.unit(code: code)?.name.text(lang) ?? code) }

    /// "300个" / "300 pieces".
    func amount(_ quantity: Quantity, _ unit: String) -> String {
        zh ? "\(quantity)\(unitName(unit))" : "\(quantity) \(unitName(unit))"
    }

    private static let monthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "11月30日" / "30 Nov".
    func shortDay(_ day: Day) -> String {
        zh ? "\(day.month)月\(day.day)日" : "\(day.day) \(Self.monthsEn[day.month - 1])"
    }

    /// "2026年11月30日" / "30 Nov 2026".
    func longDay(_ day: Day) -> String {
        zh ? "\(day.year)年\(day.month)月\(day.day)日" : "\(day.day) \(Self.monthsEn[day.month - 1]) \(day.year)"
    }

    /// "11月24日至11月30日" / "24–30 Nov"; one day is named alone.
    func period(_ period: ReportPeriod) -> String {
        if period.days == 1 { return shortDay(period.last) }
        let first = period.first.year == period.last.year ? shortDay(period.first) : longDay(period.first)
        return zh ? "\(first)至\(shortDay(period.last))" : "\(first) to \(shortDay(period.last))"
    }

    func percent(_ value: Int?) -> String { value.map { "\($0)%" } ?? "—" }

    /// Joins a list as a sentence does: "A、B、C" / "A, B and C".
    func series(_ parts: [String]) -> String {
        if zh { return parts.joined(separator: "、") }
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
    }

    /// "1 家" / "1 enterprise", "3 enterprises".
    func count(_ n: Int, zh measure: String, en noun: String, plural: String? = nil) -> String {
        zh ? "\(n)\(measure)" : "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }
}
