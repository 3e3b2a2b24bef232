import Foundation

/// How long each bounded fuzz run lasts: `TANDEM_FUZZ_SECONDS` (make fuzz sets minutes),
/// else a few seconds so that `swift test` stays quick. `TANDEM_FUZZ_SEED` replays a run.
enum FuzzBudget {
    static var seconds: Double {
        ProcessInfo.processInfo.environment["TANDEM_FUZZ_SECONDS"].flatMap(Double.init) ?? 4
    }

    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["TANDEM_FUZZ_SEED"].flatMap(UInt64.init) ?? 2020
    }

    /// Calls `body` with seeds seed, seed+1, … until the time is up; returns how many ran and
    /// the slowest seed, so an input that takes long (a denial of service) can be replayed.
    static func run(_ body: (UInt64) throws -> Void) rethrows -> (count: Int, slowestSeed: UInt64, slowestSeconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        var count = 0
        var slowest: (seed: UInt64, seconds: Double) = (seed, 0)
        while Date() < deadline {
            let started = Date()
            try body(seed &+ UInt64(count))
            let took = Date().timeIntervalSince(started)
            if took > slowest.seconds { slowest = (seed &+ UInt64(count), took) }
            count += 1
        }
        return (count, slowest.seed, slowest.seconds)
    }
}
