import Foundation
import Testing
import TandemConfig
import TandemCore
import TandemDemo
import TandemStore

/// Codes in `config/categories.yaml` are names, not rules: renaming a capability and a unit
/// consistently (`transport` → `vehicles`, `tonne` → `t`) changes no pairing cost, no gap and no
/// coverage column, because the rules read roles (`carries_heavy_loads`, `tonnes`), not codes.
@Suite struct CatalogRenameTests {
    static let shippedFolder = CLIHarness.packageRoot.appendingPathComponent("config").path

    /// A copy of the shipped config whose categories.yaml renames the transport capability and the tonne unit.
    static func renamedConfig() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-renamed-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["districts.yaml", "engine.yaml", "categories.yaml"] {
            var text = try String(contentsOfFile: shippedFolder + "/" + name, encoding: .utf8)
            if name == "categories.yaml" {
                let before = text
                text = text.replacingOccurrences(of: "{ code: transport,   name_zh: 车辆运输", with: "{ code: vehicles,    name_zh: 车辆运输")
                    .replacingOccurrences(of: "capability: transport", with: "capability: vehicles")
                    .replacingOccurrences(of: "{ code: tonne,", with: "{ code: t,")
                // Unit lists: `[tonne, kg, bag]`, `[kg, tonne, piece, box]`.
                    .replacingOccurrences(of: "[tonne,", with: "[t,").replacingOccurrences(of: " tonne,", with: " t,")
                    .replacingOccurrences(of: " tonne]", with: " t]")
                #expect(text != before)
            }
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The demo city written in the renamed catalog's codes.
    static func renamed(_ city: CitySeed, into catalog: Catalog) -> CitySeed {
        var copy = city
        for index in copy.branches.indices {
            copy.branches[index].capabilities = Set(copy.branches[index].capabilities.map { capability in
                capability.code == "transport" ? catalog.capability(code: "vehicles")! : capability
            })
        }
        for index in copy.requests.indices where copy.requests[index].request.unit == "tonne" {
            copy.requests[index].request.unit = "t"
        }
        return copy
    }

    /// What a plan says, in words and numbers but not in codes.
    static func summary(_ plan: PairingPlan) -> [String] {
        plan.proposals.map { p in
            "\(p.branch)-\(p.enterprise) cost \(p.explanation.cost) gaps \(p.explanation.gaps.map { $0.text(.en) + "/" + $0.text(.zh) })"
        } + plan.unpaired.map { "\($0.enterprise) unpaired: \($0.text(.en)) / \($0.text(.zh))" } + ["total \(plan.totalCost)"]
    }

    @Test func renamingACapabilityAndAUnitChangesNoCostAndNoCoverageColumn() throws {
        let shipped = try ConfigLoader.load(from: Self.shippedFolder)
        let renamedFolder = try Self.renamedConfig()
        let renamed = try ConfigLoader.load(from: renamedFolder)
        #expect(renamed.catalog.capability(code: "transport") == nil && renamed.catalog.unit(code: "tonne") == nil)

        let today = Day.local()
        let city = DemoCity.build(scale: 400, seed: 7, geography: shipped.geography, catalog: shipped.catalog, today: today)
        let renamedCity = Self.renamed(city, into: renamed.catalog)

        // Both cities stored, each read back through the store and planned with its own catalog.
        let original = try CLIHarness()
        var other = try CLIHarness()
        other.environmentOverride(config: renamedFolder)
        var plans: [PairingPlan] = []
        for (harness, demo, configuration) in [(original, city, shipped), (other, renamedCity, renamed)] {
            try harness.ok(["init"])
            let repository = try SQLiteRepository.open(path: harness.database)
            let admin = try #require(try repository.operators().first)
            try repository.loadSeed(demo, by: admin)
            plans.append(PairingPlanner.plan(snapshot: try repository.snapshot(), geography: configuration.geography,
                                             catalog: configuration.catalog, weights: configuration.weights, today: today))
        }
        #expect(plans[0].proposals.count > 100)
        // The renamed roles are in play: heavy loads and missing vehicles are priced in both plans.
        let gaps = plans[0].proposals.flatMap(\.explanation.gaps)
        #expect(gaps.contains { if case .heavyLoadWithoutTransport = $0 { true } else { false } })
        #expect(gaps.contains(.missing(shipped.catalog.capability(code: "transport")!, requests: 1)))
        #expect(plans[1].proposals.flatMap(\.explanation.gaps).contains(.missing(renamed.catalog.capability(code: "vehicles")!, requests: 1)))
        #expect(Self.summary(plans[0]) == Self.summary(plans[1]))

        // The command line shows the same coverage columns and figures, and the same suggestions.
        for arguments in [["coverage"], ["coverage", "--by", "district"], ["coverage", "--lang", "en"], ["suggest", "--lang", "en"]] {
            // `suggest` reports how long it took: the one figure allowed to differ.
            func withoutTiming(_ text: String) -> String {
                text.replacingOccurrences(of: #"[0-9]+\.[0-9]+ s\."#, with: "… s.", options: .regularExpression)
            }
            let first = withoutTiming(try original.ok(arguments)), second = withoutTiming(try other.ok(arguments))
            if first != second {
                let a = first.split(separator: "\n"), b = second.split(separator: "\n")
                let diff = zip(a, b).filter { $0 != $1 }.prefix(3).map { "\($0)\n\($1)" }
                Issue.record("tandem \(arguments.joined(separator: " ")) differs: \(diff) (\(a.count) vs \(b.count) lines)")
            }
        }
        let header = try original.ok(["coverage", "--lang", "en"]).split(separator: "\n").first.map(String.init) ?? ""
        for category in shipped.catalog.categories { #expect(header.contains("open " + category.name.en)) }
        #expect(try original.ok(["coverage", "--lang", "zh"]).contains("吨"))
    }
}

extension CLIHarness {
    /// Reads its configuration from `config` instead of the shipped folder.
    mutating func environmentOverride(config: String) { environment["TANDEM_CONFIG"] = config }
}
