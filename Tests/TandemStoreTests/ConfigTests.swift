import Foundation
import Testing
import TandemConfig
import TandemCore

@Suite struct ConfigTests {
    @Test func shippedConfigDescribesChongqing() throws {
        let configuration = StoreFixture.configuration
        #expect(configuration.geography.districts.count == 38)
        #expect(configuration.geography.districts.filter { $0.kind == .county }.count == 12)
        #expect(configuration.geography.groups.count == 10)
        #expect(configuration.geography.district(matching: "永川")?.code == "yongchuan")
        #expect(configuration.catalog.category(code: "ppe")?.items.contains { $0.code == "masks" } == true)
    }

    func brokenCopy(_ file: String, _ edit: (String) -> String) throws -> String {
        let folder = NSTemporaryDirectory() + "tandem-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["districts.yaml", "categories.yaml", "engine.yaml"] {
            let text = try String(contentsOfFile: StoreFixture.configDirectory + "/" + name, encoding: .utf8)
            try (name == file ? edit(text) : text).write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        return folder
    }

    func expectConfigError(_ folder: String, file: String, key: String) {
        #expect {
            try ConfigLoader.load(from: folder)
        } throws: { error in
            guard case .configInvalid(let f, let k, _) = error as? TandemError else { return false }
            return f.hasSuffix(file) && k.contains(key)
        }
    }

    /// The error of loading `folder`: file, key and problem.
    func configError(_ folder: String) -> (file: String, key: String, problem: String)? {
        do {
            _ = try ConfigLoader.load(from: folder)
            return nil
        } catch TandemError.configInvalid(let file, let key, let problem) {
            return (file, key, problem)
        } catch {
            return nil
        }
    }

    @Test func anItemNamingAnUnknownCapabilityIsRefused() throws {
        let folder = try brokenCopy("categories.yaml") {
            $0.replacingOccurrences(of: "units: [session, person], capability: technical", with: "units: [session, person], capability: teaching")
        }
        let error = try #require(configError(folder))
        #expect(error.file == folder + "/categories.yaml")
        #expect(error.key == "categories[3].items[0].capability")
        #expect(error.problem.hasPrefix("unknown capability teaching; declare it under capabilities"))
        #expect(error.problem.contains("labour, transport, ppe, agriculture, technical"))
    }

    @Test func catalogRolesAreChecked() throws {
        let catalog = StoreFixture.configuration.catalog
        #expect(catalog.capabilities.filter(\.carriesHeavyLoads).map(\.code) == ["transport"])
        #expect(catalog.unit(code: "kg")?.weightInThousandthsOfTonne(Quantity(1500)) == 1500)
        #expect(catalog.units.filter(\.countsPeople).map(\.code) == ["person", "person_day"])
        #expect(catalog.categories.filter(\.staffedByBranch).map(\.code) == ["labour"])
        #expect(catalog.capability(matching: "车辆运输")?.code == "transport" && catalog.capability(matching: "PPE Procurement")?.code == "ppe")

        let badWeight = try #require(configError(try brokenCopy("categories.yaml") { $0.replacingOccurrences(of: "tonnes: 0.001", with: "tonnes: 0.0001") }))
        #expect(badWeight.key == "units[5].tonnes" && badWeight.problem.contains("0.0001"))
        let badCount = try #require(configError(try brokenCopy("categories.yaml") {
            $0.replacingOccurrences(of: "name_en: people,      counts: people", with: "name_en: people,      counts: sheep")
        }))
        #expect(badCount.key == "units[7].counts" && badCount.problem.contains("sheep"))
        let twice = try #require(configError(try brokenCopy("categories.yaml") {
            $0.replacingOccurrences(of: "{ code: technical,", with: "{ code: ppe,")
        }))
        #expect(twice.key == "capabilities[4].code" && twice.problem == "capability ppe appears twice")
    }

    @Test func errorsNameTheFileAndTheKey() throws {
        expectConfigError(try brokenCopy("engine.yaml") { $0 + "\nper_mile: 3\n" }, file: "engine.yaml", key: "per_mile")
        expectConfigError(try brokenCopy("engine.yaml") { $0.replacingOccurrences(of: "per_km: 10", with: "per_km: ten") },
                          file: "engine.yaml", key: "per_km")
        expectConfigError(try brokenCopy("categories.yaml") { $0.replacingOccurrences(of: "units: [piece, box],    capability: ppe",
                                                                                      with: "units: [crate],    capability: ppe") },
                          file: "categories.yaml", key: "categories[0].items[0].units")
        expectConfigError(try brokenCopy("districts.yaml") { $0.replacingOccurrences(of: "group: 3\n", with: "group: 42\n") },
                          file: "districts.yaml", key: ".group")
        expectConfigError(try brokenCopy("districts.yaml") { $0.replacingOccurrences(of: "    lat:", with: "    latitude:") },
                          file: "districts.yaml", key: "lat")
    }
}
