import Testing
@testable import TandemCore

/// A two-group city of three districts, enough to exercise every coverage figure.
private enum CoverageFixture {
    static let geography = Geography(
        districts: [
            District(code: "yongchuan", name: Bilingual(zh: "永川区", en: "Yongchuan District"), kind: .district,
                     centroid: GeoPoint(lat: 29.35, lon: 105.93), group: 1, tile: TilePosition(row: 3, col: 1)),
            District(code: "nanchuan", name: Bilingual(zh: "南川区", en: "Nanchuan District"), kind: .district,
                     centroid: GeoPoint(lat: 29.16, lon: 107.10), group: 1, tile: TilePosition(row: 4, col: 4)),
            District(code: "beibei", name: Bilingual(zh: "北碚区", en: "Beibei District"), kind: .district,
                     centroid: GeoPoint(lat: 29.83, lon: 106.40), group: 2, tile: TilePosition(row: 2, col: 3)),
        ],
        groups: [
            SupervisionGroup(number: 1, name: Bilingual(zh: "第一组", en: "Group 1")),
            SupervisionGroup(number: 2, name: Bilingual(zh: "第二组", en: "Group 2")),
        ])

    static let today = Day(year: 2020, month: 3, day: 10)

    static func request(_ n: Int, _ e: Int, _ category: String, _ qty: Int, _ unit: String, delivered: Int = 0,
                        status: RequestStatus = .open, due: Day? = nil) -> Request {
        Request(code: RecordCode(.request, n), enterpriseCode: RecordCode(.enterprise, e), category: category, item: "x",
                quantity: Quantity(qty), unit: unit, delivered: Quantity(delivered), due: due, status: status,
                filed: Day(year: 2020, month: 3, day: 1))
    }

    static var snapshot: CitySnapshot {
        let enterprises = [
            Enterprise(code: RecordCode(.enterprise, 1), name: "永川茶叶基地", kind: .employmentBase, districtCode: "yongchuan"),
            Enterprise(code: RecordCode(.enterprise, 2), name: "永川竹编", kind: .enterprise, districtCode: "yongchuan"),
            Enterprise(code: RecordCode(.enterprise, 3), name: "南川花椒基地", kind: .employmentBase, districtCode: "nanchuan"),
            Enterprise(code: RecordCode(.enterprise, 4), name: "北碚盲人按摩", kind: .blindMassage, districtCode: "beibei"),
            Enterprise(code: RecordCode(.enterprise, 5), name: "北碚康复中心", kind: .serviceInstitution, districtCode: "beibei"),
        ]
        let branches = [
            Branch(code: RecordCode(.branch, 1), name: "永川一支部", districtCode: "yongchuan", headcount: 8, capabilities: [.labour]),
            Branch(code: RecordCode(.branch, 2), name: "北碚二支部", districtCode: "beibei", headcount: 5, capabilities: [.ppe]),
            Branch(code: RecordCode(.branch, 3), name: "停用支部", districtCode: "nanchuan", headcount: 5, capabilities: [], active: false),
        ]
        let requests = [
            // E1 paired, needs pickers (partly delivered, overdue).
            request(1, 1, "labour", 30, "people", delivered: 10, status: .inProgress, due: Day(year: 2020, month: 3, day: 5)),
            // E2 unpaired, needs masks: blind spot in Yongchuan.
            request(2, 2, "ppe", 300, "piece"),
            // E3 unpaired, needs fertiliser and masks: Nanchuan is a blind-spot district.
            request(3, 3, "fertiliser", 8, "tonne", due: Day(year: 2020, month: 3, day: 10)),
            request(4, 3, "ppe", 300, "piece", delivered: 120, status: .inProgress),
            // E4 paired, all done (one this week, one long ago), cancelled one ignored.
            request(5, 4, "ppe", 50, "piece", delivered: 50, status: .done),
            request(6, 4, "ppe", 50, "piece", delivered: 50, status: .done),
            request(7, 4, "other", 1, "piece", status: .cancelled),
        ]
        let pairings = [
            Pairing(id: 1, branchCode: RecordCode(.branch, 1), enterpriseCode: RecordCode(.enterprise, 1), startedAt: Timestamp(day: Day(year: 2020, month: 3, day: 1)), startedBy: "d"),
            Pairing(id: 2, branchCode: RecordCode(.branch, 2), enterpriseCode: RecordCode(.enterprise, 4), startedAt: Timestamp(day: Day(year: 2020, month: 3, day: 1)), startedBy: "d"),
        ]
        return CitySnapshot(branches: branches, enterprises: enterprises, requests: requests, activePairings: pairings)
    }

    static let completions = [
        RecordCode(.request, 5): Day(year: 2020, month: 3, day: 4),   // within the 7 days ending 03-10
        RecordCode(.request, 6): Day(year: 2020, month: 3, day: 3),   // 8 days ago: outside
    ]
}

@Suite("Coverage report")
struct CoverageTests {
    let report = CoverageReport(snapshot: CoverageFixture.snapshot, geography: CoverageFixture.geography,
                                today: CoverageFixture.today, completions: CoverageFixture.completions)

    @Test func districtFigures() throws {
        let yongchuan = try #require(report.district("yongchuan"))
        #expect(yongchuan.figures.enterprises == 2)
        #expect(yongchuan.figures.needingHelp == 2)
        #expect(yongchuan.figures.covered == 1)
        #expect(yongchuan.figures.coveragePercent == 50)
        #expect(yongchuan.figures.blindSpots == [RecordCode(.enterprise, 2)])
        #expect(yongchuan.figures.overdue == 1)
        #expect(yongchuan.homeBranches == 1)
        #expect(!yongchuan.isBlindSpot)
    }

    @Test func blindSpotDistrictHasNeedsAndNoBranchWorkingThem() throws {
        let nanchuan = try #require(report.district("nanchuan"))
        #expect(nanchuan.isBlindSpot)
        #expect(nanchuan.figures.coveragePercent == 0)
        #expect(nanchuan.homeBranches == 0, "inactive branches do not count")
        #expect(nanchuan.figures.overdue == 0, "due today is not overdue yet")
        #expect(report.blindSpotDistricts.map(\.district.code) == ["nanchuan"])
        #expect(report.group(1)?.blindSpotDistricts.map(\.district.code) == ["nanchuan"])
    }

    @Test func districtWithoutNeedsHasNoCoverageFigure() throws {
        let beibei = try #require(report.district("beibei"))
        #expect(beibei.figures.needingHelp == 0)
        #expect(beibei.figures.coverage == nil)
        #expect(beibei.figures.coveragePercent == nil)
        #expect(!beibei.isBlindSpot)
        #expect(beibei.figures.pairedEnterprises == 1)
        #expect(beibei.figures.doneLast7Days == 1)
    }

    @Test func openQuantitiesAddUpPerCategoryAndUnit() throws {
        let group1 = try #require(report.group(1))
        #expect(group1.figures.openQuantities == [
            OpenQuantity(category: "fertiliser", unit: "tonne", remaining: Quantity(8), requests: 1),
            OpenQuantity(category: "labour", unit: "people", remaining: Quantity(20), requests: 1),
            OpenQuantity(category: "ppe", unit: "piece", remaining: Quantity(480), requests: 2),
        ])
        #expect(group1.figures.open(category: "ppe").first?.remaining == Quantity(480))
        #expect(group1.districts.map(\.district.code) == ["yongchuan", "nanchuan"])
    }

    @Test func cityTotalsAreTheSumOfGroups() {
        #expect(report.city.enterprises == 5)
        #expect(report.city.needingHelp == 3)
        #expect(report.city.covered == 1)
        #expect(report.city.coveragePercent == 33)
        #expect(report.city.blindSpots == [RecordCode(.enterprise, 2), RecordCode(.enterprise, 3)])
        #expect(report.city.activeRequests == 4)
        #expect(report.city.overdue == 1)
        #expect(report.city.doneLast7Days == 1)
        #expect(report.groups.map(\.figures.needingHelp) == [3, 0])
    }

    @Test func withoutCompletionDaysNothingCountsAsDoneThisWeek() {
        let plain = CoverageReport(snapshot: CoverageFixture.snapshot, geography: CoverageFixture.geography, today: CoverageFixture.today)
        #expect(plain.city.doneLast7Days == 0)
    }

    @Test func completedDayOnTheRequestCountsWithoutCompletions() {
        var snapshot = CoverageFixture.snapshot
        var requests = snapshot.requests
        requests[4].completed = Day(year: 2020, month: 3, day: 10)
        snapshot = CitySnapshot(branches: snapshot.branches, enterprises: snapshot.enterprises, requests: requests,
                                activePairings: snapshot.activePairings)
        let report = CoverageReport(snapshot: snapshot, geography: CoverageFixture.geography, today: CoverageFixture.today)
        #expect(report.city.doneLast7Days == 1)
        #expect(report.district("beibei")?.figures.doneLast7Days == 1)
    }

    @Test func emptyCityHasEveryDistrictAndGroup() {
        let empty = CoverageReport(snapshot: CitySnapshot(branches: [], enterprises: [], requests: [], activePairings: []),
                                   geography: CoverageFixture.geography, today: CoverageFixture.today)
        #expect(empty.districts.count == 3)
        #expect(empty.groups.count == 2)
        #expect(empty.city.coverage == nil)
        #expect(empty.blindSpotDistricts.isEmpty)
    }
}
