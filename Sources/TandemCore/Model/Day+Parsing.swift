extension Day {
    /// Parses a day as people write it in lists: `2020-03-05`, `2020/3/5`, `2020.3.5`,
    /// `2020年3月5日` (full-width digits too). Nil for anything else or an impossible day.
    public init?(writtenAs text: String) {
        // Scanned by scalar: lists hold tens of thousands of dates.
        var numbers: [Int] = []
        var digits = 0
        var current = 0
        var separators: [Unicode.Scalar] = []
        for scalar in normalizedInput(text).unicodeScalars {
            if let digit = scalar.properties.numericType == .decimal && scalar.isASCII ? Int(scalar.value) - 48 : nil {
                current = current * 10 + digit
                digits += 1
                guard digits <= 4 else { return nil }
            } else {
                guard digits > 0 else { return nil }
                numbers.append(current)
                if numbers.count == 1 && digits != 4 || numbers.count > 1 && digits > 2 { return nil }
                separators.append(scalar)
                (current, digits) = (0, 0)
            }
        }
        if digits > 0 {
            guard digits <= 2 else { return nil }
            numbers.append(current)
        }
        // 2020-3-5, 2020/3/5, 2020.3.5 (one separator twice) or 2020年3月5日 / 号.
        let western = separators.count == 2 && separators[0] == separators[1] && "-/.".unicodeScalars.contains(separators[0])
        let chinese = separators.count == 3 && separators[0] == "年" && separators[1] == "月" && (separators[2] == "日" || separators[2] == "号")
            || separators.count == 2 && separators[0] == "年" && separators[1] == "月"
        guard numbers.count == 3, western || chinese, (1...12).contains(numbers[1]),
              numbers[2] >= 1, numbers[2] <= Day.daysIn(month: numbers[1], year: numbers[0]) else { return nil }
        self.init(year: numbers[0], month: numbers[1], day: numbers[2])
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
