import Foundation
import Testing
import TandemCore
import TandemDemo
import TandemPostgres
import TandemTestSupport
@testable import TandemStore

/// The demo city (`tandem init --demo`) loads the same on both stores.
@Suite struct SeedOnBothStoresTests {
    /// What a loaded city holds, store-neutral: pairings by their two codes, deliveries by quantity.
    struct LoadedCity: Equatable {
        var branches: [Branch]
        var enterprises: [Enterprise]
        var requests: [Request]
        var pairings: [String]
        var deliveries: [Int64]
        var operators: [Operator]
        var events: [String]
    }

    private func load(_ backend: StoreBackend, scale: Int) throws -> (StoreFixture, LoadedCity) {
        let f = try StoreFixture(backend)
        let city = DemoCity.build(scale: scale, seed: 2020, geography: StoreFixture.configuration.geography, catalog: f.catalog,
                                  today: Day(year: 2020, month: 3, day: 9))
        switch backend {
        case .sqlite: try f.sqlite.loadSeed(city, by: f.admin)
        case .postgres: try (f.repository as! PostgresRepository).loadSeed(city, by: f.admin)
        }
        let snapshot = try f.repository.snapshot()
        return (f, LoadedCity(
            branches: snapshot.branches, enterprises: snapshot.enterprises, requests: snapshot.requests,
            pairings: snapshot.activePairings.map { "\($0.branchCode)-\($0.enterpriseCode)" },
            deliveries: try f.repository.allDeliveries().map(\.quantity.thousandths),
            operators: try f.repository.operators().sorted { $0.login < $1.login },
            events: try f.repository.auditLog(limit: 10).map { "\($0.action.rawValue) \($0.subject)" }))
    }

    @Test(.enabled(if: PostgresTestServer.available, Comment(rawValue: PostgresTestServer.skipReason)))
    func theDemoCityIsTheSameOnBothStores() throws {
        let (_, sqlite) = try load(.sqlite, scale: 40)
        let (f, postgres) = try load(.postgres, scale: 40)
        #expect(sqlite.branches.count > 40 && sqlite.requests.count > 100 && !sqlite.pairings.isEmpty && !sqlite.deliveries.isEmpty)
        #expect(postgres.branches == sqlite.branches)
        #expect(postgres.enterprises == sqlite.enterprises)
        #expect(postgres.requests == sqlite.requests)
        #expect(postgres.pairings == sqlite.pairings)
        #expect(postgres.deliveries == sqlite.deliveries)
        #expect(postgres.operators == sqlite.operators)
        #expect(postgres.events == sqlite.events && postgres.events.last?.hasPrefix("demo.load") == true)
        #expect(try f.integrityProblems().isEmpty)
        // The store numbered the seeded rows itself: what is added next follows them.
        let next = try f.addBranch("新的突击队")
        #expect(next.code.number == (sqlite.branches.map(\.code.number).max() ?? 0) + 1)
    }

    /// A city goes only into a database without records: refused, nothing written.
    @Test(arguments: StoreBackend.all) func aCityIsNotLoadedOverRecords(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        _ = try f.addBranch()
        let before = try f.fingerprint()
        let city = DemoCity.build(scale: 5, seed: 1, geography: StoreFixture.configuration.geography, catalog: f.catalog,
                                  today: Day(year: 2020, month: 3, day: 9))
        #expect(throws: TandemError.self) {
            switch backend {
            case .sqlite: try f.sqlite.loadSeed(city, by: f.admin)
            case .postgres: try (f.repository as! PostgresRepository).loadSeed(city, by: f.admin)
            }
        }
        #expect(try f.fingerprint() == before)
    }
}
