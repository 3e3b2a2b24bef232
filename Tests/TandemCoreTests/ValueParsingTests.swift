import Testing
@testable import TandemCore

@Suite struct RecordCodeTests {
    @Test func acceptsPaddedLowercaseAndPlainCodes() {
        #expect(RecordCode(parsing: "B012", as: .branch) == RecordCode(.branch, 12))
        #expect(RecordCode(parsing: " e345 ", as: .enterprise) == RecordCode(.enterprise, 345))
        #expect(RecordCode(parsing: "R88")?.kind == .request)
        #expect(RecordCode(.branch, 12).description == "B12")
    }

    @Test(arguments: ["", "B", "B0", "B-1", "B1.5", "E12", "B12x", "B１２", "BB12"])
    func refusesWhatIsNotABranchCode(_ text: String) {
        #expect(RecordCode(parsing: text, as: .branch) == nil)
    }
}

@Suite struct QuantityTests {
    @Test func parsesWholeAndDecimalQuantitiesExactly() {
        #expect(Quantity(parsing: "300") == Quantity(300))
        #expect(Quantity(parsing: "0.5")?.thousandths == 500)
        #expect(Quantity(parsing: "1.25")?.description == "1.25")
        #expect(Quantity(parsing: "8.000")?.description == "8")
        // Partial deliveries add up without floating-point drift.
        let sum = Quantity(parsing: "0.1")! + Quantity(parsing: "0.2")!
        #expect(sum == Quantity(parsing: "0.3")!)
    }

    @Test(arguments: ["-5", "abc", "1e3", "1.2345", "", " ", "+3", "1,5", "99999999999", "0x10", "1."])
    func refusesNegativeNonNumericAndOverPreciseText(_ text: String) {
        #expect(Quantity(parsing: text) == nil)
    }

    @Test func zeroParsesButIsRefusedAsARequestQuantity() {
        #expect(Quantity(parsing: "0") == .zero)
        #expect(throws: TandemError.invalidQuantity("0")) { try RequestRules.parsePositiveQuantity("0") }
    }
}

@Suite struct DayTests {
    @Test func roundTripsOrdinalsAndValidatesCalendar() {
        let day = Day(parsing: "2020-02-29")!
        #expect(Day(ordinal: day.ordinal) == day)
        #expect(day.adding(days: 1).description == "2020-03-01")
        #expect(Day(parsing: "2019-02-29") == nil)
        #expect(Day(parsing: "2020-13-01") == nil)
        #expect(Day(parsing: "20-1-1") == nil)
        #expect(Day(parsing: "1970-01-01")!.ordinal == 0)
    }

    /// The stores' `YYYY-MM-DD` is read from its bytes; what else people type still reads.
    @Test func everyDayOfFourYearsReadsBackAndOtherFormsStillParse() {
        var day = Day(year: 2019, month: 12, day: 25)
        for _ in 0..<(366 * 4) {
            #expect(Day(parsing: day.description) == day)
            day = day.adding(days: 1)
        }
        #expect(Day(parsing: " 2020-03-05 ") == Day(year: 2020, month: 3, day: 5))
        #expect(Day(parsing: "2020-3-5") == Day(year: 2020, month: 3, day: 5))
        for bad in ["2020-0a-01", "2020/03/05", "2020-02-30", "2020-00-10", "２０２０-03-05", "2020-03-0５"] {
            #expect(Day(parsing: bad) == nil, "\(bad)")
        }
    }
}

@Suite struct LanguageTests {
    @Test func followsPosixLocalePrecedence() {
        #expect(Lang.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Lang.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"]) == .en)
        #expect(Lang.fromEnvironment(["LC_MESSAGES": "zh_TW.UTF-8", "LANG": "C"]) == .zh)
        #expect(Lang.fromEnvironment([:]) == .en)
    }

    @Test func everyErrorReadsInBothLanguages() {
        let error = TandemError.branchAlreadyPaired(branch: RecordCode(.branch, 1), enterprise: RecordCode(.enterprise, 2))
        #expect(error.message(.zh).contains("已与 E2 结对"))
        #expect(error.message(.en).contains("already paired with E2"))
    }
}

@Suite struct DisplayWidthTests {
    @Test func countsChineseAsDoubleWidth() {
        #expect(DisplayWidth.of("永川") == 4)
        #expect(DisplayWidth.of("B12 永川茶叶基地") == 4 + 12)
        #expect(DisplayWidth.of("（全角）") == 8)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func padsAndTruncatesByColumnsNeverSplittingAWideCharacter() {
        #expect(TerminalText.pad("永川", to: 6) == "永川  ")
        #expect(TerminalText.pad("42", to: 5, alignRight: true) == "   42")
        let cut = TerminalText.truncate("南川九叶青花椒基地", to: 7)
        #expect(DisplayWidth.of(cut) == 7)
        #expect(cut == "南川九…")
        #expect(TerminalText.truncate("南川九叶", to: 6) == "南川… ")
    }

    @Test func sanitizeRemovesEscapeSequencesAndControls() {
        let hostile = "友缘\u{1B}[2J\u{1B}]0;pwned\u{07}按摩\n店\u{9B}31m"
        let clean = TerminalText.sanitize(hostile)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(clean.hasPrefix("友缘"))
        #expect(clean.contains("按摩 店"))
    }
}
