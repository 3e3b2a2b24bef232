import Foundation
import Testing
import TandemCore
import TandemReports

/// A hand-made city: Nanchuan's Jiuyeqing pepper base (8 t fertiliser, 300 masks, 3 barrels of
/// 84, as in the seeds) paired with the Nanchuan branch, and an unpaired Yongchuan tea base.
private enum Nanchuan {
    static let geography = Geography(
        districts: [
            District(code: "nanchuan", name: Bilingual(zh: "南川区", en: "Nanchuan District"), kind: .district,
                     centroid: GeoPoint(lat: 29.16, lon: 107.10), group: 5, tile: TilePosition(row: 5, col: 6)),
            District(code: "yongchuan", name: Bilingual(zh: "永川区", en: "Yongchuan District"), kind: .district,
                     centroid: GeoPoint(lat: 29.35, lon: 105.93), group: 3, tile: TilePosition(row: 4, col: 1)),
        ],
        groups: [SupervisionGroup(number: 3, name: Bilingual(zh: "第三督促指导小组", en: "Supervision Group 3")),
                 SupervisionGroup(number: 5, name: Bilingual(zh: "第五督促指导小组", en: "Supervision Group 5"))])

    static let catalog = Catalog(
        categories: [
            RequestCategory(code: "ppe", name: Bilingual(zh: "防护消毒物资", en: "PPE"), items: [
                CatalogItem(code: "masks", name: Bilingual(zh: "口罩", en: "masks"), units: ["piece"]),
                CatalogItem(code: "disinfectant84", name: Bilingual(zh: "84消毒液", en: "84 disinfectant"), units: ["barrel"]),
            ]),
            RequestCategory(code: "production", name: Bilingual(zh: "化肥及生产物资", en: "production"), items: [
                CatalogItem(code: "fertiliser", name: Bilingual(zh: "化肥", en: "fertiliser"), units: ["tonne"]),
            ]),
            RequestCategory(code: "labour", name: Bilingual(zh: "劳动力", en: "labour"), items: [
                CatalogItem(code: "tea_pickers", name: Bilingual(zh: "采茶工", en: "tea pickers"), units: ["person"]),
            ]),
        ],
        // Unit names as the config spells them; the bulletin must take them from here.
        units: [MeasureUnit(code: "piece", name: Bilingual(zh: "个", en: "pieces")),
                MeasureUnit(code: "barrel", name: Bilingual(zh: "桶", en: "barrels")),
                MeasureUnit(code: "tonne", name: Bilingual(zh: "吨", en: "tonnes")),
                MeasureUnit(code: "person", name: Bilingual(zh: "人", en: "people"))])

    static func day(_ d: Int) -> Day { Day(year: 2020, month: 3, day: d) }
    static let today = day(10)

    static var snapshot: CitySnapshot {
        let pepper = RecordCode(.enterprise, 1), tea = RecordCode(.enterprise, 2)
        let requests = [
            // Filed 21 Feb (before the week), done on 9 Mar: 8 t of fertiliser.
            Request(code: RecordCode(.request, 1), enterpriseCode: pepper, category: "production", item: "fertiliser",
                    quantity: Quantity(8), unit: "tonne", delivered: Quantity(8), priority: .urgent, status: .done,
                    filed: Day(year: 2020, month: 2, day: 21), completed: day(9)),
            // 300 masks filed on 5 Mar, 120 delivered on 6 Mar, 180 to go.
            Request(code: RecordCode(.request, 2), enterpriseCode: pepper, category: "ppe", item: "masks", quantity: Quantity(300),
                    unit: "piece", delivered: Quantity(120), priority: .urgent, due: day(12), status: .inProgress, filed: day(5)),
            // 3 barrels of 84 filed on 9 Mar.
            Request(code: RecordCode(.request, 3), enterpriseCode: pepper, category: "ppe", item: "disinfectant84", quantity: Quantity(3),
                    unit: "barrel", priority: .high, due: day(11), filed: day(9)),
            // The tea base, unpaired: 100 pickers overdue since 8 Mar.
            Request(code: RecordCode(.request, 4), enterpriseCode: tea, category: "labour", item: "tea_pickers", quantity: Quantity(100),
                    unit: "person", priority: .urgent, due: day(8), filed: day(1)),
        ]
        return CitySnapshot(
            branches: [Branch(code: RecordCode(.branch, 1), name: "南川区残联党支部党员突击队", districtCode: "nanchuan", headcount: 8,
                              capabilities: [Capability(code: "agriculture"), Capability(code: "ppe")])],
            enterprises: [Enterprise(code: pepper, name: "南川九叶青花椒基地", kind: .employmentBase, districtCode: "nanchuan",
                                     resumption: .partial(percent: 50)),
                          Enterprise(code: tea, name: "永川残疾人梦想茶叶基地", kind: .employmentBase, districtCode: "yongchuan",
                                     resumption: .resumed)],
            requests: requests,
            activePairings: [Pairing(id: 1, branchCode: RecordCode(.branch, 1), enterpriseCode: pepper,
                                     startedAt: Timestamp(parsing: "2020-03-04T02:00:00Z")!, startedBy: "dispatcher")])
    }

    static let deliveries = [
        Delivery(requestCode: RecordCode(.request, 1), quantity: Quantity(5), note: "", operatorLogin: "lead1",
                 at: Timestamp(parsing: "2020-02-28T03:00:00Z")!, overDelivery: false),
        Delivery(requestCode: RecordCode(.request, 1), quantity: Quantity(3), note: "", operatorLogin: "lead1",
                 at: Timestamp(parsing: "2020-03-09T03:00:00Z")!, overDelivery: false),
        Delivery(requestCode: RecordCode(.request, 2), quantity: Quantity(120), note: "第一批", operatorLogin: "lead1",
                 at: Timestamp(parsing: "2020-03-06T03:00:00Z")!, overDelivery: false),
    ]

    static func bulletin(days: Int, ending: Day = today) -> Bulletin {
        Bulletin(snapshot: snapshot, deliveries: deliveries, period: ReportPeriod(ending: ending, days: days), asOf: today,
                 geography: geography, catalog: catalog)
    }

    static let settings = BulletinSettings(
        title: Bilingual(zh: "测试<简报>", en: "Test bulletin"), documentPrefix: Bilingual(zh: "渝残简", en: "CQ"),
        issuers: [Bilingual(zh: "重庆市残疾人联合会", en: "Chongqing DPF")],
        reportTo: [Bilingual(zh: "中国残联办公厅", en: "CDPF")], copyTo: [Bilingual(zh: "各区县残联", en: "district federations")],
        printedBy: Bilingual(zh: "重庆市残疾人联合会办公室", en: "General Office"))
}

@Suite struct BulletinTests {
    @Test func weekCountsOnlyTheWeeksFlows() throws {
        let b = Nanchuan.bulletin(days: 7) // 4–10 Mar
        #expect(b.period.first == Nanchuan.day(4) && b.period.days == 7)
        #expect(b.filedRequests == 2)      // masks (5 Mar), 84 (9 Mar); not fertiliser (21 Feb) nor pickers (1 Mar)
        #expect(b.deliveries == 2)         // 3 t on 9 Mar, 120 masks on 6 Mar; not 5 t on 28 Feb
        #expect(b.completedRequests == 1)
        #expect(b.newPairings == 1)
        let fertiliser = try #require(b.items.first { $0.item == "fertiliser" })
        #expect(fertiliser.deliveredQuantity == Quantity(3) && fertiliser.filedRequests == 0 && fertiliser.completedRequests == 1)
        let masks = try #require(b.items.first { $0.item == "masks" })
        #expect(masks.filedQuantity == Quantity(300) && masks.deliveredQuantity == Quantity(120) && masks.openQuantity == Quantity(180))
        // Catalog order: masks, 84, fertiliser, pickers.
        #expect(b.items.map(\.item) == ["masks", "disinfectant84", "fertiliser", "tea_pickers"])
        #expect(b.notable.map(\.request) == [RecordCode(.request, 1)])
    }

    @Test func oneDayAndLongPeriodsMoveTheFlowsNotTheStates() {
        let day = Nanchuan.bulletin(days: 1, ending: Nanchuan.day(6))
        #expect(day.filedRequests == 0 && day.deliveries == 1 && day.completedRequests == 0 && day.notable.isEmpty)
        let month = Nanchuan.bulletin(days: 30)
        #expect(month.filedRequests == 4 && month.deliveries == 3 && month.completedRequests == 1)
        // States are the data on the day it was read, whatever the period.
        for b in [day, month] {
            #expect(b.coverage.city.needingHelp == 2 && b.coverage.city.covered == 1 && b.coverage.city.coveragePercent == 50)
            #expect(b.overdue.map(\.request) == [RecordCode(.request, 4)] && b.overdue[0].daysOverdue == 2)
            #expect(b.blindSpotDistricts.map(\.district.code) == ["yongchuan"])
            #expect(b.resumption.ratePercent == 100 && b.resumption.averageCapacityPercent == 75)
        }
    }

    @Test func chineseSectionsSayWhatHappenedInTheirOwnUnits() {
        let document = BulletinDocument(bulletin: Nanchuan.bulletin(days: 7), settings: Nanchuan.settings, issue: 2, chainHead: nil,
                                        geography: Nanchuan.geography, catalog: Nanchuan.catalog, lang: .zh, escape: Escaping.plain)
        let text = BulletinLayout.text(document)
        #expect(text.hasPrefix("渝残简〔2020〕2号\n\n测试<简报>\n（第2期）\n\n重庆市残疾人联合会\n2020年3月10日\n"))
        #expect(text.contains("全市登记帮扶单位2家，其中有待办需求的2家，已有党员突击队结对帮扶1家，覆盖率50%"))
        #expect(text.contains("本期（3月4日至3月10日）新提出需求2条，记录送达2批次，办结需求1条；目前尚有3条需求在办，其中逾期1条。"))
        #expect(text.contains("口罩：新增300个，送达120个，尚待送达180个（在办1条）"))
        #expect(text.contains("84消毒液：新增3桶，送达0桶，尚待送达3桶（在办1条）"))
        #expect(text.contains("化肥：新增0吨，送达3吨，办结1条，已无待送"))
        #expect(text.contains("已全面复工1家，部分复工1家，尚未复工0家，复工率100%，平均产能恢复至75%"))
        #expect(text.contains("1个区县有需求但尚无党员突击队结对：永川区（1家待帮扶）"))
        #expect(text.contains("R4 永川残疾人梦想茶叶基地（永川区）采茶工尚差100人，应于3月8日前送达，已逾期2天，尚无结对突击队"))
        #expect(text.contains("南川九叶青花椒基地（南川区）：化肥8吨已全部送达，3月9日办结，由南川区残联党支部党员突击队结对帮扶。"))
        #expect(text.contains("报送：中国残联办公厅。\n抄送：各区县残联。\n\n重庆市残疾人联合会办公室　2020年3月10日印发\n"))
        #expect(!text.contains("审计链"))
    }

    @Test func englishAndTheChainHeadWhenThereIsOne() {
        let head = AuditChainHead(events: 42, hash: "9f2c")
        let document = BulletinDocument(bulletin: Nanchuan.bulletin(days: 7), settings: Nanchuan.settings, issue: 2, chainHead: head,
                                        geography: Nanchuan.geography, catalog: Nanchuan.catalog, lang: .en, escape: Escaping.plain)
        let text = BulletinLayout.text(document)
        #expect(text.contains("[Requests]") && text.contains("masks: 300 pieces requested, 120 pieces delivered, 180 pieces still to deliver"))
        #expect(text.contains("fertiliser, 8 tonnes, all delivered and completed on 9 Mar"))
        #expect(text.hasSuffix("Audit chain head after 42 events: 9f2c\n"))
    }

    @Test func htmlEscapesDataAndPrintsOnA4() {
        var snapshot = Nanchuan.snapshot
        var enterprises = snapshot.enterprises
        enterprises[0].name = "<img src=x onerror=alert(1)>花椒"
        snapshot = CitySnapshot(branches: snapshot.branches, enterprises: enterprises, requests: snapshot.requests,
                                activePairings: snapshot.activePairings)
        let b = Bulletin(snapshot: snapshot, deliveries: Nanchuan.deliveries, period: ReportPeriod(ending: Nanchuan.today, days: 7),
                         asOf: Nanchuan.today, geography: Nanchuan.geography, catalog: Nanchuan.catalog)
        let html = BulletinLayout.html(BulletinDocument(bulletin: b, settings: Nanchuan.settings, issue: 2, chainHead: nil,
                                                        geography: Nanchuan.geography, catalog: Nanchuan.catalog, lang: .zh,
                                                        escape: Escaping.html))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;花椒") && !html.contains("<img"))
        #expect(html.contains("测试&lt;简报&gt;") && html.contains("@page { size: A4"))
        let page = CoveragePage(report: b.coverage, overdue: b.overdue, geography: Nanchuan.geography, catalog: Nanchuan.catalog,
                                lang: .zh).html()
        #expect(page.contains("role=\"img\"") && page.contains("<th scope=\"col\">") && page.contains("<caption>"))
        #expect(page.contains("永川") && page.contains("! 盲区") && page.contains("逾期需求：共1条"))
        #expect(!page.contains("<script") && !page.contains("src=\"http"))
    }
}
