import Foundation
import TandemCore

/// A small Chongqing for tests of every target: four districts in two groups, the real
/// spring-2020 cases (Yongchuan's tea base, Nanchuan's pepper base, Beibei's blind-massage
/// shop) and three branches, with Chinese names throughout and the shipped catalog. E1 tea base
/// (paired with B1), E2 pepper base (no branch: the only needs in Nanchuan, a blind-spot
/// district), E3 blind-massage shop (paired with B3), E4 with a hostile name.
public enum FixtureCity {
    public static let today = Day(year: 2020, month: 3, day: 10)

    public static let geography = Geography(
        districts: [
            District(code: "yongchuan", name: Bilingual(zh: "永川区", en: "Yongchuan District"), kind: .district,
                     centroid: GeoPoint(lat: 29.35, lon: 105.93), group: 3, tile: TilePosition(row: 4, col: 1)),
            District(code: "nanchuan", name: Bilingual(zh: "南川区", en: "Nanchuan District"), kind: .district,
                     centroid: GeoPoint(lat: 29.16, lon: 107.10), group: 5, tile: TilePosition(row: 5, col: 5)),
            District(code: "jiangjin", name: Bilingual(zh: "江津区", en: "Jiangjin District"), kind: .district,
                     centroid: GeoPoint(lat: 29.10, lon: 106.26), group: 5, tile: TilePosition(row: 5, col: 3)),
            District(code: "beibei", name: Bilingual(zh: "北碚区", en: "Beibei District"), kind: .district,
                     centroid: GeoPoint(lat: 29.83, lon: 106.40), group: 3, tile: TilePosition(row: 2, col: 3)),
        ],
        groups: [
            SupervisionGroup(number: 3, name: Bilingual(zh: "第三督促指导小组", en: "Supervision Group 3")),
            SupervisionGroup(number: 5, name: Bilingual(zh: "第五督促指导小组", en: "Supervision Group 5")),
        ])

    /// The real catalog: categories, items, units and which units each item takes.
    public static var catalog: Catalog { ShippedConfiguration.catalog }
    /// Capabilities of the real catalog, by code.
    public static func capabilities(_ codes: String...) -> Set<Capability> { Set(codes.compactMap(catalog.capability(code:))) }

    public static let dispatcher = Operator(login: "dispatcher", displayName: "李调度", role: .dispatcher)
    public static let lead1 = Operator(login: "lead1", displayName: "王队长", role: .branchLead(branch: RecordCode(.branch, 1)))
    public static let lead2 = Operator(login: "lead2", displayName: "赵队长", role: .branchLead(branch: RecordCode(.branch, 3)))
    public static let supervisor = Operator(login: "supervisor", displayName: "陈督导", role: .supervisor(group: nil))
    public static let supervisor5 = Operator(login: "supervisor5", displayName: "周督导", role: .supervisor(group: 5))

    public static func request(_ n: Int, _ e: Int, _ category: String, _ item: String, _ qty: Int, _ unit: String,
                        priority: Priority = .normal, delivered: Int = 0, due: Day? = nil, notes: String = "") -> Request {
        Request(code: RecordCode(.request, n), enterpriseCode: RecordCode(.enterprise, e), category: category, item: item,
                quantity: Quantity(qty), unit: unit, delivered: Quantity(delivered), priority: priority, due: due,
                status: delivered > 0 ? .inProgress : .open, notes: notes, filed: Day(year: 2020, month: 3, day: n % 9 + 1))
    }

    public static let admin = Operator(login: "admin", displayName: "管理员", role: .admin)

    /// 2020-03-10 at 09:00 local time: the store's clock in tests, so that "today" and "overdue" hold.
    public static let now: Date = Calendar.current.date(from: DateComponents(year: 2020, month: 3, day: 10, hour: 9))!

    /// The city as records numbered from 1; `pairs` are (branch, enterprise) numbers.
    public static func seed(pairs: [(Int, Int)] = [(1, 1), (3, 3)]) -> CitySeed {
        var city = CitySeed()
        city.branches = [
            Branch(code: RecordCode(.branch, 1), name: "永川区残联党支部党员突击队", districtCode: "yongchuan",
                   headcount: 9, capabilities: capabilities("labour", "agriculture")),
            Branch(code: RecordCode(.branch, 2), name: "南川区残联党支部党员突击队", districtCode: "nanchuan",
                   headcount: 8, capabilities: capabilities("transport", "ppe", "agriculture")),
            Branch(code: RecordCode(.branch, 3), name: "北碚区残联党支部党员突击队", districtCode: "beibei",
                   headcount: 7, capabilities: capabilities("ppe")),
        ]
        city.enterprises = [
            Enterprise(code: RecordCode(.enterprise, 1), name: "永川残疾人梦想茶叶基地", kind: .employmentBase, districtCode: "yongchuan",
                       address: "永川区大安镇花果山村", contactName: "廖云祥", contactPhone: "13800000001", disabledEmployees: 30,
                       resumption: .partial(percent: 40)),
            Enterprise(code: RecordCode(.enterprise, 2), name: "南川九叶青花椒基地", kind: .employmentBase, districtCode: "nanchuan",
                       address: "南川区南平镇", contactName: "刘毅", disabledEmployees: 32, resumption: .partial(percent: 50)),
            Enterprise(code: RecordCode(.enterprise, 3), name: "友缘盲人按摩店", kind: .blindMassage, districtCode: "beibei",
                       contactName: "杨仁冬", disabledEmployees: 6, resumption: .resumed),
            Enterprise(code: RecordCode(.enterprise, 4), name: "恶意\u{1B}[2J\u{1B}]0;pwned\u{07}企业\n第二行", kind: .enterprise,
                       districtCode: "jiangjin"),
        ]
        city.requests = [
            request(1, 1, "labour", "tea_pickers", 100, "person", priority: .urgent, delivered: 40, due: Day(year: 2020, month: 3, day: 12),
                    notes: "采茶人手不足"),
            request(2, 1, "production", "fertiliser", 2, "tonne", priority: .high),
            request(3, 2, "production", "fertiliser", 8, "tonne", priority: .urgent, due: Day(year: 2020, month: 3, day: 8)),
            request(4, 2, "ppe", "masks", 300, "piece", priority: .urgent),
            request(5, 2, "ppe", "disinfectant84", 3, "barrel", priority: .high),
            request(6, 3, "ppe", "masks", 200, "piece"),
        ].map { CitySeed.SeededRequest(request: $0, deliveries: $0.delivered > Quantity(0) ? [$0.delivered] : []) }
        city.pairings = pairs.map { (RecordCode(.branch, $0.0), RecordCode(.enterprise, $0.1)) }
        city.operators = [dispatcher, lead1, lead2, supervisor, supervisor5]
        return city
    }

    /// The same city as a snapshot, for tests that need no database at all.
    public static func snapshot(pairs: [(Int, Int)] = [(1, 1), (3, 3)]) -> CitySnapshot {
        let city = seed(pairs: pairs)
        let pairings = city.pairings.enumerated().map { index, pair in
            Pairing(id: Int64(index + 1), branchCode: pair.branch, enterpriseCode: pair.enterprise,
                    startedAt: Timestamp(now), startedBy: admin.login)
        }
        return CitySnapshot(branches: city.branches, enterprises: city.enterprises, requests: city.requests.map(\.request),
                            activePairings: pairings)
    }
}
