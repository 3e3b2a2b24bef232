import Testing
import TandemTestSupport
import TandemCore
import TandemDemo
@testable import TandemStore
import TandemPostgres

/// The start screen's records read from the indexes are exactly those the whole snapshot
/// gives by the core's urgency order (`FirstScreenQuery.slice`), so the first frame shows the
/// rows the whole city will show at the top.
@Suite("First screen from the indexes")
struct FirstScreenTests {
    let today = Day(year: 2026, month: 11, day: 30)

    func loadedCity(_ backend: StoreBackend) throws -> StoreFixture {
        let f = try StoreFixture(backend)
        let city = DemoCity.build(scale: 40, seed: 11, geography: StoreFixture.configuration.geography, catalog: f.catalog, today: today)
        switch backend {
        case .sqlite: try f.sqlite.loadSeed(city, by: f.admin)
        case .postgres: try (f.repository as! PostgresRepository).loadSeed(city, by: f.admin)
        }
        // An active request without a due day, which the urgency order puts last in its priority.
        _ = try f.addMasksRequest(for: try #require(try f.repository.snapshot().enterprises.first))
        return f
    }

    func summary(_ city: CitySnapshot) -> [String] {
        city.requests.map { "\($0.code) \($0.status) \($0.priority) \($0.due?.description ?? "-")" }
            + city.enterprises.map(\.code.description) + city.branches.map(\.code.description)
            + city.activePairings.map { "\($0.branchCode)-\($0.enterpriseCode)" }
    }

    @Test(arguments: StoreBackend.all) func theMostUrgentRequestsAreThoseOfTheUrgencyOrder(_ backend: StoreBackend) throws {
        let f = try loadedCity(backend)
        let whole = try f.repository.snapshot()
        let active = whole.requests.filter(\.status.isActive)
        #expect(active.contains { $0.due.map { $0 < today } == true } && active.contains { $0.due.map { $0 >= today } == true },
                "the city has overdue and later requests")
        for limit in [1, 7, 40, active.count + 5] {
            let query = FirstScreenQuery.mostUrgent(scope: .city, limit: limit)
            let indexed = try f.repository.firstScreen(query, today: today)
            #expect(indexed.requests.count == min(limit, active.count))
            #expect(summary(indexed) == summary(query.slice(of: whole, today: today)), "limit \(limit)")
        }
    }

    @Test(arguments: StoreBackend.all) func aGroupSupervisorsScopeLimitsTheRequests(_ backend: StoreBackend) throws {
        let f = try loadedCity(backend)
        let whole = try f.repository.snapshot()
        let group = StoreFixture.configuration.geography.groups[1].number
        let scope = Permissions.readScope(of: Operator(login: "s", displayName: "S", role: .supervisor(group: group)),
                                          geography: StoreFixture.configuration.geography)
        let query = FirstScreenQuery.mostUrgent(scope: scope, limit: 25)
        let indexed = try f.repository.firstScreen(query, today: today)
        #expect(!indexed.requests.isEmpty)
        #expect(indexed.enterprises.allSatisfy(scope.includes))
        #expect(summary(indexed) == summary(query.slice(of: whole, today: today)))
    }

    @Test(arguments: StoreBackend.all) func aLeadGetsEveryRequestOfTheirEnterpriseAndNothingElse(_ backend: StoreBackend) throws {
        let f = try loadedCity(backend)
        let whole = try f.repository.snapshot()
        let pairing = try #require(whole.activePairings.first { !whole.requests(of: $0.enterpriseCode).isEmpty })
        let query = FirstScreenQuery.pairedEnterprise(branch: pairing.branchCode)
        let indexed = try f.repository.firstScreen(query, today: today)
        #expect(indexed.requests.map(\.code) == whole.requests(of: pairing.enterpriseCode).map(\.code))
        #expect(indexed.enterprises.map(\.code) == [pairing.enterpriseCode])
        #expect(indexed.branches.map(\.code) == [pairing.branchCode])
        #expect(summary(indexed) == summary(query.slice(of: whole, today: today)))
        // An unpaired branch: its own branch, no enterprise, no request.
        let free = try #require(whole.branches.first { whole.isFree($0) })
        let alone = try f.repository.firstScreen(.pairedEnterprise(branch: free.code), today: today)
        #expect(alone.requests.isEmpty && alone.enterprises.isEmpty && alone.branches.map(\.code) == [free.code])
    }
}
