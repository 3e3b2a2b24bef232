extension Day {
    /// Parses a day as people write it in lists: `2020-03-05`, `2020/3/5`, `2020.3.5`,
    /// `2020年3月5日` (full-width digits too). Nil for anything else or an impossible day.
    public init?(writtenAs text: String) {
        var key = normalizedInput(text)
        if key.hasSuffix("日") || key.hasSuffix("号") { key.removeLast() }
        let parts = key.split(whereSeparator: { "-/.年月".contains($0) }).map(String.init)
        guard parts.count == 3, key.split(whereSeparator: { "-/.年月".contains($0) }).count == 3,
              parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        self.init(parsing: "\(parts[0])-\(parts[1])-\(parts[2])")
    }

    /// The day of an Excel date serial (days since 1899-12-30, as Excel counts from 1900-03-01
    /// on; its phantom 1900-02-29 makes earlier serials off by one, so they are refused).
    /// A time of day (the fraction) is dropped. Nil outside 1900-03-01 … 9999-12-31.
    public init?(excelSerial serial: Double) {
        guard serial.isFinite, serial >= 61, serial < 2_958_466 else { return nil }
        self = Day(year: 1899, month: 12, day: 30).adding(days: Int(serial.rounded(.down)))
    }

    /// The Excel serial of this day.
    public var excelSerial: Int { ordinal - Day(year: 1899, month: 12, day: 30).ordinal }
}
