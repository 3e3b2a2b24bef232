import Foundation
import Testing
import TandemConfig
import TandemTestSupport
import TandemCore
import TandemDemo
@testable import TandemCLI

/// `suggest --format json` writes plans directly for speed; the text must stay exactly what
/// `JSONEncoder` writes (pretty, sorted keys), which scripts reading it were written against.
@Suite struct PlanJSONTests {
    @Test func directWriterMatchesTheEncoder() throws {
        let configuration = ShippedConfiguration.configuration
        let today = Day(parsing: "2020-03-05")!
        let seed = DemoCity.build(scale: 60, seed: 11, geography: configuration.geography, catalog: configuration.catalog, today: today)
        let city = CitySnapshot(branches: seed.branches, enterprises: seed.enterprises, requests: seed.requests.map(\.request),
                                activePairings: [])
        let noBranches = CitySnapshot(branches: [], enterprises: seed.enterprises, requests: seed.requests.map(\.request),
                                      activePairings: [])
        for snapshot in [city, noBranches] {
            let plan = PairingPlanner.plan(snapshot: snapshot, geography: configuration.geography, catalog: configuration.catalog,
                                           weights: configuration.weights, today: today)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let expected = String(decoding: try encoder.encode(plan), as: UTF8.self)
            #expect(plan.prettyJSON() == expected)
            #expect(snapshot.branches.isEmpty ? plan.proposals.isEmpty : plan.proposals.count > 10)
        }
    }
}
