import Foundation
import TandemConfig
@testable import TandemCore
import TandemStore
@testable import TandemConsole

/// A small Chongqing in a real Tandem database for console tests: four districts in two groups,
/// the real spring-2020 cases (Yongchuan's tea base, Nanchuan's pepper base, Beibei's
/// blind-massage shop) and a few branches, with Chinese names throughout. The catalog is the
/// real one from `config/`; the store is the real `SQLiteRepository` on a temporary file, so a
/// test presses keys and then reads the database back through the store.
enum Fixture {
    static let today = Day(year: 2020, month: 3, day: 10)

    static let geography = Geography(
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

    static let configuration: TandemConfiguration = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config").path
        do { return try ConfigLoader.load(from: folder) } catch { fatalError("config: \(error)") }
    }()
    /// The real catalog: categories, items, units and which units each item takes.
    static var catalog: Catalog { configuration.catalog }
    /// Capabilities of the real catalog, by code.
    static func capabilities(_ codes: String...) -> Set<Capability> { Set(codes.compactMap(catalog.capability(code:))) }

    static let dispatcher = Operator(login: "dispatcher", displayName: "李调度", role: .dispatcher)
    static let lead1 = Operator(login: "lead1", displayName: "王队长", role: .branchLead(branch: RecordCode(.branch, 1)))
    static let lead2 = Operator(login: "lead2", displayName: "赵队长", role: .branchLead(branch: RecordCode(.branch, 3)))
    static let supervisor = Operator(login: "supervisor", displayName: "陈督导", role: .supervisor(group: nil))
    static let supervisor5 = Operator(login: "supervisor5", displayName: "周督导", role: .supervisor(group: 5))

    static func request(_ n: Int, _ e: Int, _ category: String, _ item: String, _ qty: Int, _ unit: String,
                        priority: Priority = .normal, delivered: Int = 0, due: Day? = nil, notes: String = "") -> Request {
        Request(code: RecordCode(.request, n), enterpriseCode: RecordCode(.enterprise, e), category: category, item: item,
                quantity: Quantity(qty), unit: unit, delivered: Quantity(delivered), priority: priority, due: due,
                status: delivered > 0 ? .inProgress : .open, notes: notes, filed: Day(year: 2020, month: 3, day: n % 9 + 1))
    }

    /// Every test database of this process lives here; the folder is removed when the tests end.
    static let testFolder: String = {
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "tandem-console-tests-\(getpid())") }
        return NSTemporaryDirectory() + "tandem-console-tests-\(getpid())"
    }()

    static let admin = Operator(login: "admin", displayName: "管理员", role: .admin)

    /// 2020-03-10 at 09:00 local time: the store's clock, so that "today" and "overdue" hold.
    static let now: Date = Calendar.current.date(from: DateComponents(year: 2020, month: 3, day: 10, hour: 9))!

    /// A new database file with the fixture's records. E1 tea base (paired with B1), E2 pepper
    /// base (no branch: the only needs in Nanchuan, a blind-spot district), E3 blind-massage shop
    /// (paired with B3), E4 with a hostile name. `pairs` are (branch, enterprise) numbers.
    static func repository(pairs: [(Int, Int)] = [(1, 1), (3, 3)]) -> SQLiteRepository {
        let folder = testFolder + "/\(UUID().uuidString)"
        do {
            let repository = try SQLiteRepository.create(path: folder + "/测试.sqlite", geography: geography, admin: admin,
                                                         now: { now })
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
            try repository.loadSeed(city, by: admin)
            return repository
        } catch { fatalError("fixture database: \(error)") }
    }

    static func console(_ actor: Operator, repository: SQLiteRepository = repository(), lang: Lang = .zh,
                        width: Int = 80, height: Int = 24) -> (HeadlessConsole, SQLiteRepository) {
        let context = ConsoleContext(actor: actor, geography: geography, catalog: catalog, lang: lang, databasePath: "/tmp/测试.sqlite")
        return (HeadlessConsole(repository: repository, context: context, width: width, height: height, today: today), repository)
    }
}

extension HeadlessConsole {
    /// The screen's lines.
    var lines: [String] { screen.components(separatedBy: "\n") }
    /// The line the terminal cursor is on.
    var cursorLine: String? { grid.cursor.map { grid.line($0.y) } }
}

import Foundation

extension SQLiteRepository {
    /// The pairings in force, read back from the database.
    func activePairings() throws -> [Pairing] { try snapshot().activePairings }

    /// Everything a user could see, to prove a refused key press changed nothing.
    struct Fingerprint: Equatable {
        var branches: [Branch]
        var enterprises: [Enterprise]
        var requests: [Request]
        var pairings: [Pairing]
        var auditEvents: Int
    }

    func fingerprint() throws -> Fingerprint {
        let snapshot = try snapshot()
        return Fingerprint(branches: snapshot.branches, enterprises: snapshot.enterprises, requests: snapshot.requests,
                           pairings: snapshot.activePairings, auditEvents: try auditLog(limit: 100_000).count)
    }

    /// The same database opened again, as another operator's process would.
    func otherProcess() throws -> SQLiteRepository { try SQLiteRepository.open(path: path, now: { Fixture.now }) }
}
