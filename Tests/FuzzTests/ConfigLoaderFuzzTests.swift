import Foundation
import TandemConfig
import TandemCore
import Testing

/// The configuration folder: a mutated `districts.yaml`, `categories.yaml`, `engine.yaml` or
/// `bulletin.yaml` either loads or is refused with a `configInvalid` error naming the file;
/// nothing traps.
@Suite("Fuzz: config loader")
struct ConfigLoaderFuzzTests {
    static let files = ["districts.yaml", "categories.yaml", "engine.yaml", "bulletin.yaml"]

    static var configFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config")
    }

    @Test("mutated configuration files load or give a clear error")
    func mutatedConfiguration() throws {
        let originals = try Self.files.map { try Array(Data(contentsOf: Self.configFolder.appendingPathComponent($0))) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-fuzz-config-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in zip(Self.files, originals) {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        let runs = try FuzzBudget.run { seed in
            var mutator = Mutator(seed: seed)
            let index = mutator.below(Self.files.count)
            let target = folder.appendingPathComponent(Self.files[index])
            try Data(mutator.mutate(originals[index])).write(to: target)
            defer { try? Data(originals[index]).write(to: target) }
            do {
                if Self.files[index] == "bulletin.yaml" {
                    _ = try ConfigLoader.loadBulletin(from: folder.path)
                } else {
                    _ = try ConfigLoader.load(from: folder.path)
                }
            } catch let error as TandemError {
                guard case .configInvalid(let file, _, let problem) = error else {
                    Issue.record("seed \(seed): unexpected error \(error)")
                    return
                }
                #expect(file.hasSuffix(Self.files[index]) && !problem.isEmpty, "seed \(seed): \(error)")
            } catch {
                Issue.record("seed \(seed): not a TandemError: \(error)")
            }
        }
        print("fuzz: \(runs.count) mutated configuration files, seeds \(FuzzBudget.seed)…, no trap;"
              + " slowest seed \(runs.slowestSeed) took \(Int(runs.slowestSeconds * 1000)) ms")
        #expect(runs.count > 0)
    }
}
