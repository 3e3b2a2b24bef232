import Testing
@testable import TandemCore

/// Whole percentages are rounded to the nearest, except that an incomplete share never reads
/// 100 % and a share that is not nothing never reads 0 %: the console, the command line and
/// the bulletin all show `Percent`'s figure.
@Suite struct PercentTests {
    @Test func roundsToTheNearestWholePercent() {
        #expect(Percent.of(2, 3) == 67)
        #expect(Percent.of(1, 3) == 33)
        #expect(Percent.of(1, 8) == 13)      // 12.5 rounds half up
        #expect(Percent.of(5, 5) == 100)
        #expect(Percent.of(0, 5) == 0)
        #expect(Percent.of(1, 0) == nil)
    }

    @Test func neverCallsAnIncompleteShareCompleteOrASmallShareNothing() {
        #expect(Percent.of(996, 1000) == 99)
        #expect(Percent.of(3, 1000) == 1)
        #expect(Percent.of(7, 5) == 100, "more than the whole reads 100")
    }

    @Test func coverageAndDeliveriesUseTheSameRule() {
        var figures = CoverageFigures()
        figures.needingHelp = 3
        figures.covered = 2
        #expect(figures.coveragePercent == 67)
        #expect(Percent.delivered(Quantity(thousandths: 1_333), of: Quantity(2)) == 67)
    }
}
