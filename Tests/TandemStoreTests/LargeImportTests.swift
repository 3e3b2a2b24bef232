import Testing
import TandemTestSupport
@testable import TandemCore
@testable import TandemStore

/// An import at least as large as the requests already there rebuilds the urgency index once
/// instead of inserting into it row by row: afterwards the index is there and answers the start
/// screen exactly as the whole snapshot does, and a refused import leaves it as it was.
@Suite("Large imports and the urgency index")
struct LargeImportTests {
    let today = Day(year: 2026, month: 11, day: 30)

    func requestsPlan(_ f: StoreFixture, enterprise: Enterprise, count: Int, refuseLast: Bool) -> ImportPlan {
        var rows: [ImportRow] = []
        for index in 0..<count {
            let priority = Priority.allCases[index % Priority.allCases.count]
            let due = index % 5 == 0 ? nil : Day(year: 2026, month: 11, day: 1 + index % 28)
            let request = Request(code: RecordCode(.request, 0), enterpriseCode: enterprise.code, category: "ppe", item: "masks",
                                  quantity: Quantity(1 + index % 300), unit: "piece", priority: priority, due: due, filed: today)
            let outcome: ImportOutcome = refuseLast && index == count - 1
                ? .refused([ImportProblem(row: index + 2, column: "", reason: Bilingual(zh: "错", en: "wrong"))]) : .new(.request(request))
            rows.append(ImportRow(row: index + 2, outcome: outcome))
        }
        return ImportPlan(table: .requests, rows: rows)
    }

    func urgencyIndexExists(_ f: StoreFixture) throws -> Bool {
        try f.rawQueue().read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'request_active_by_urgency'") == true
        }
    }

    @Test func aLargeImportRebuildsTheIndexAndTheStartScreenStillMatches() throws {
        let f = try StoreFixture()
        let enterprise = try f.addEnterprise()
        let result = try f.repository.applyImport(requestsPlan(f, enterprise: enterprise, count: 10_000, refuseLast: false), by: f.dispatcher)
        #expect(result.added.count == 10_000)
        #expect(try urgencyIndexExists(f))
        let query = FirstScreenQuery.mostUrgent(scope: .city, limit: 40)
        let indexed = try f.repository.firstScreen(query, today: today)
        #expect(indexed.requests.map(\.code) == query.slice(of: try f.repository.snapshot(), today: today).requests.map(\.code))
        #expect(indexed.requests.count == 40)
    }

    @Test func aRefusedLargeImportLeavesTheIndexAndTheRequestsAsTheyWere() throws {
        let f = try StoreFixture()
        let enterprise = try f.addEnterprise()
        _ = try f.addMasksRequest(for: enterprise)
        let before = try f.fingerprint()
        #expect(throws: TandemError.self) {
            try f.repository.applyImport(requestsPlan(f, enterprise: enterprise, count: 10_000, refuseLast: true), by: f.dispatcher)
        }
        #expect(try f.fingerprint() == before)
        #expect(try urgencyIndexExists(f))
    }
}
