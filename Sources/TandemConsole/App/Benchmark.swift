import Foundation
import TandemCore

/// Responsiveness figures of the console on a real database, measured headless (no terminal):
/// the same state machine, runtime and rendering into the cell grid as the interactive console.
package enum ConsoleBenchmark {
    package struct Figures: Sendable {
        package var requests: Int
        package var enterprises: Int
        package var branches: Int
        package var firstFrameMs: Double
        /// The first frame showing real rows: the start screen's records, before the whole city.
        package var firstRowsFrameMs: Double
        package var firstScreenQueryMs: Double
        package var firstRows: Int
        package var chromeFrameMs: Double
        package var openMs: Double
        package var snapshotMs: Double
        package var deriveMs: Double
        /// Coverage alone (part of `deriveMs`, which builds it beside the sort keys on a second core).
        package var coverageMs: Double
        package var reloadMs: Double
        package var searchIndexMs: Double
        package var keyP50Ms: Double
        package var keyP99Ms: Double
        package var keyMaxMs: Double
        package var keyPresses: Int
        package var searchP99Ms: Double
        package var searchMaxMs: Double
        package var filterMaxMs: Double
        package var rssMB: Double
        package var rssBeforePlanMB: Double
        package var planMs: Double
        package var proposals: Int
        /// One delivery of 1 unit at a time through the store (a transaction with its audit event).
        package var deliveryP50Ms: Double
        package var deliveryP99Ms: Double
        package var deliveries: Int
        /// Why no delivery was timed (a read-only database, an operator who may not deliver…).
        package var deliveriesSkipped: String?

        package var report: String {
            func ms(_ v: Double) -> String { String(format: "%.1f ms", v) }
            return """
            console benchmark: \(enterprises) enterprises, \(branches) branches, \(requests) requests (headless 120x40)
              first frame drawn (status bar, tabs, "loading"; the snapshot loads in the background): \(ms(chromeFrameMs))
              \(firstRows > 0 ? "first frame with data (the \(firstRows) most urgent requests from the store's index, drawn)"
                : firstRowsFrameMs == firstFrameMs ? "first frame with data (this operator's start screen, coverage, needs the whole city in their scope)"
                : "first frame of the start screen (the city has no open requests: it shows none)"): \(ms(firstRowsFrameMs))   target < 300 ms
                of which: open + config \(ms(openMs)), start screen query \(ms(firstScreenQueryMs))
              whole city loaded and drawn (replaces the first screen): \(ms(firstFrameMs))
                of which: read snapshot \(ms(snapshotMs)), derive (coverage, sort keys) \(ms(deriveMs)), lists + render \(ms(firstFrameMs - (firstRowsFrameMs == firstFrameMs ? chromeFrameMs : firstRowsFrameMs) - snapshotMs - deriveMs))
                (coverage alone, single-threaded: \(ms(coverageMs)))
              live refresh after another process's change (reload + frame, off the key thread): \(ms(reloadMs))
              search index build (in the background after each load): \(ms(searchIndexMs))
              key press to updated frame: p50 \(ms(keyP50Ms)), p99 \(ms(keyP99Ms)), max \(ms(keyMaxMs)) over \(keyPresses) keys   target p99 < 16 ms
              incremental search over all requests (per keystroke): p99 \(ms(searchP99Ms)), max \(ms(searchMaxMs))   target < 20 ms
              filter over all requests: max \(ms(filterMaxMs))   target < 20 ms
              engine proposals for the whole city (background in the console): \(proposals) pairs in \(ms(planMs))
              resident memory: \(String(format: "%.0f", rssBeforePlanMB)) MB browsing, \(String(format: "%.0f", rssMB)) MB after the city-wide plan   target < 150 MB
              \(deliveries > 0 ? "delivery committed (1 unit, one transaction with its audit event, writes to this database): p50 \(ms(deliveryP50Ms)), p99 \(ms(deliveryP99Ms)) over \(deliveries)   target p50 < 5 ms"
                : "delivery committed: not measured (\(deliveriesSkipped ?? "no open request left"))")
            """
        }
    }

    /// Runs the benchmark. `open` opens the repository (timed as part of the first frame).
    package static func run(open: () throws -> (any TandemRepository, ConsoleContext), startedAt: Date = Date()) throws -> Figures {
        let (repository, context) = try open()
        let opened = Date().timeIntervalSince(startedAt) * 1000
        _ = ConsoleState(context: context, width: 120, height: 40).render()
        let chromeFrame = Date().timeIntervalSince(startedAt) * 1000
        let console = HeadlessConsole(repository: repository, context: context, width: 120, height: 40, loadsData: false)
        // The first frame with data counts only when the start screen's records were read (a
        // city with no open request has none to show, and the report says so). A supervisor's
        // start screen is coverage, which needs the whole city (within their scope): for them the
        // first frame with data is the whole city's.
        let startsFromIndex = context.firstScreenQuery(rows: 80) != nil
        var firstRows = 0
        var firstRowsFrame = 0.0
        if startsFromIndex {
            guard console.runtime.loadFirstScreen(), console.state.data?.isFirstScreen == true else {
                throw TandemError.conflict(detail: "the start screen's records could not be read")
            }
            firstRows = console.state.queue.rows.count
            _ = console.grid
            firstRowsFrame = Date().timeIntervalSince(startedAt) * 1000
        }
        console.runtime.load()
        _ = console.grid
        let firstFrame = Date().timeIntervalSince(startedAt) * 1000
        if !startsFromIndex { firstRowsFrame = firstFrame }
        let firstLoad = console.runtime.lastLoad
        // Only the counts and a few names are kept: holding this snapshot past the reload below
        // would count two cities in the memory figure.
        guard let snapshot = console.state.snapshot else {
            throw TandemError.conflict(detail: "could not read the database")
        }
        let counts = (requests: snapshot.requests.count, enterprises: snapshot.enterprises.count, branches: snapshot.branches.count)

        func timed(_ body: () -> Void) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            _ = console.grid
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        }

        // The interactive console builds the search index in the background right after loading.
        let indexStart = DispatchTime.now().uptimeNanoseconds
        _ = console.state.data?.searchIndex()
        let searchIndexMs = Double(DispatchTime.now().uptimeNanoseconds - indexStart) / 1e6

        // Key presses: movement, paging, sorting, tab switches, help, forms.
        var keys: [Double] = []
        for _ in 0..<400 { keys.append(timed { console.press("Down") }) }
        for _ in 0..<50 { keys.append(timed { console.press("PgDn") }) }
        for _ in 0..<50 { keys.append(timed { console.press("PgUp") }) }
        for _ in 0..<3 { keys.append(timed { console.press("o") }) }
        for _ in 0..<10 { keys.append(timed { console.press("?") }); keys.append(timed { console.press("Esc") }) }
        // Screens (the proposals screen computes its plan in the background in the console;
        // here it is timed separately below).
        for _ in 0..<10 {
            for tab in console.state.tabs where tab != .proposals {
                keys.append(timed { console.runtime.dispatch(.key(.char(Character(String(console.state.tabs.firstIndex(of: tab)! + 1))))) })
            }
        }
        // Back to the request queue, whichever tab it is for this operator (a supervisor's
        // first tab is coverage): the forms, search and filters below are the queue's.
        console.press(String((console.state.tabs.firstIndex(of: .queue) ?? 0) + 1))
        for _ in 0..<10 { keys.append(timed { console.press("d") }); keys.append(timed { console.press("Esc") }) }
        for _ in 0..<100 { keys.append(timed { console.press("Up") }) }

        // Incremental search, one key at a time, over every request.
        var search: [Double] = []
        let district = context.geography.districts.first?.shortNameZh ?? "永川"
        let enterpriseName = snapshot.enterprises.dropFirst(snapshot.enterprises.count / 2).first?.name ?? "茶"
        for text in [district, "R1", "E12", String(enterpriseName.prefix(3)), "masks", "口罩"] {
            search.append(timed { console.press("/") })
            for character in text { search.append(timed { console.type(String(character)) }) }
            for _ in text { search.append(timed { console.press("Bksp") }) }
            search.append(timed { console.press("Esc") })
        }
        // Filters: category, status, district, group through the filter form.
        var filters: [Double] = []
        let firstCategory = context.catalog.categories.first?.code ?? "", lastCategory = context.catalog.categories.last?.code ?? ""
        for values in [[firstCategory, "", "", ""], ["", "all", "", ""], ["", "", district, ""], [lastCategory, "done", "", "3"]] {
            console.press("f")
            for (i, value) in values.enumerated() {
                console.press("^U")
                console.type(value)
                if i < values.count - 1 { console.press("Tab") }
            }
            filters.append(timed { console.press("Enter") })
            filters.append(timed { console.press("Esc") })
        }

        // A full reload, as after another operator's change.
        let reloadStart = DispatchTime.now().uptimeNanoseconds
        console.runtime.load()
        _ = console.grid
        let reload = Double(DispatchTime.now().uptimeNanoseconds - reloadStart) / 1e6

        let rssBeforePlan = residentMB()
        let planStart = DispatchTime.now().uptimeNanoseconds
        console.press(Key.char(Character(String((console.state.tabs.firstIndex(of: .proposals) ?? 0) + 1))))
        let planMs = Double(DispatchTime.now().uptimeNanoseconds - planStart) / 1e6
        let proposals = console.state.proposals.set?.pairs.count ?? 0
        ConsoleRuntime.returnFreedMemory()
        let rss = residentMB()

        // Coverage alone, timed last so that its garbage does not weigh on the memory figures.
        let coverageStart = DispatchTime.now().uptimeNanoseconds
        if let current = console.state.snapshot { _ = CoverageReport(snapshot: current, geography: context.geography, today: Day.local()) }
        let coverageMs = Double(DispatchTime.now().uptimeNanoseconds - coverageStart) / 1e6

        // Deliveries through the store, one at a time, as leads record them: the commit, not the
        // screen. Skipped, and said, where this operator may not write.
        var commits: [Double] = []
        var deliveriesSkipped: String?
        if context.isReadOnly {
            deliveriesSkipped = "read-only"
        } else if let current = console.state.snapshot {
            let unit = Quantity(thousandths: 1000)
            for request in current.requests where request.status.isActive
                && request.quantity.thousandths - request.delivered.thousandths >= unit.thousandths {
                let start = DispatchTime.now().uptimeNanoseconds
                do {
                    try repository.deliver(request.code, quantity: unit, note: "benchmark", allowOver: false, by: context.actor)
                } catch {
                    deliveriesSkipped = (error as? TandemError)?.message(.en) ?? "\(error)"
                    break
                }
                commits.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                if commits.count == 50 { break }
            }
        }

        func percentile(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
        }
        return Figures(requests: counts.requests, enterprises: counts.enterprises, branches: counts.branches,
                       firstFrameMs: firstFrame, firstRowsFrameMs: firstRowsFrame, firstScreenQueryMs: console.runtime.lastFirstScreenMs,
                       firstRows: firstRows, chromeFrameMs: chromeFrame, openMs: opened, snapshotMs: firstLoad.snapshotMs, deriveMs: firstLoad.deriveMs, coverageMs: coverageMs,
                       reloadMs: reload, searchIndexMs: searchIndexMs, keyP50Ms: percentile(keys, 0.5), keyP99Ms: percentile(keys, 0.99),
                       keyMaxMs: keys.max() ?? 0, keyPresses: keys.count,
                       searchP99Ms: percentile(search, 0.99), searchMaxMs: search.max() ?? 0,
                       filterMaxMs: filters.max() ?? 0, rssMB: rss, rssBeforePlanMB: rssBeforePlan, planMs: planMs,
                       proposals: proposals, deliveryP50Ms: percentile(commits, 0.5), deliveryP99Ms: percentile(commits, 0.99),
                       deliveries: commits.count, deliveriesSkipped: deliveriesSkipped)
    }

    /// Resident set size of this process, from /proc (Linux).
    static func residentMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let digits = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return digits / 1024
        }
        return 0
    }
}
