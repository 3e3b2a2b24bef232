import Foundation
import Logging
import TandemCore

/// Runs the state machine's effects against the repository and feeds the results back as
/// events. Owns the state; used from one thread (the console loop or a test).
final class ConsoleRuntime {
    let repository: any TandemRepository
    let proposer: ProposalEngine?
    let today: () -> Day
    private(set) var state: ConsoleState
    /// Set when the terminal should repaint everything or change theme.
    var pendingRedraw = false
    var pendingTheme: ThemeKind?
    private var lastCounter: Int64?
    /// Load snapshots on a background thread (the interactive console) instead of inline
    /// (tests, benchmark), so a reload of a large city never freezes the keyboard.
    var loadsInBackground = false
    private let mailbox = Mailbox()
    private var loading = false
    /// Background jobs other than loads (proposals) still running.
    private var pendingJobs = 0
    /// How long the last load took: reading the snapshot, deriving the screens' data (ms).
    private(set) var lastLoad: (snapshotMs: Double, deriveMs: Double) = (0, 0)
    /// Changes the store made and refused so far (the headless script reports each line's outcome).
    private(set) var mutationsApplied = 0
    private(set) var mutationsRefused = 0
    private let logger = Logger(label: "tandem.console")

    init(repository: any TandemRepository, context: ConsoleContext, proposer: ProposalEngine?,
         width: Int, height: Int, today: @escaping () -> Day = { Day.local() }) {
        self.repository = repository
        self.proposer = proposer
        self.today = today
        self.state = ConsoleState(context: context, width: width, height: height)
    }

    /// Handles an event and everything its effects lead to.
    func dispatch(_ event: ConsoleEvent) {
        var queue = [event]
        var index = 0
        while index < queue.count {
            let effects = state.handle(queue[index])
            index += 1
            for effect in effects { queue += execute(effect) }
        }
    }

    func setTheme(_ theme: ThemeKind) { state.theme = theme }

    /// Reads the snapshot and hands it to the state (or starts doing so in the background).
    func load() {
        if loadsInBackground { startBackgroundLoad() } else { dispatch(loadEvent()); ConsoleRuntime.returnFreedMemory() }
    }

    var isLoading: Bool { loading || pendingJobs > 0 }

    /// Before anything is loaded: reads only the start screen's records from the store's
    /// indexes (a few milliseconds whatever the city's size) and shows them, so the first frame
    /// has real rows while the whole city loads. Returns whether they were shown; a failure here
    /// is left to the whole load to report.
    @discardableResult
    func loadFirstScreen() -> Bool {
        guard state.data == nil, let query = state.context.firstScreenQuery(rows: max(1, state.height * 2)) else { return false }
        let start = DispatchTime.now().uptimeNanoseconds
        guard let snapshot = try? repository.firstScreen(query, today: today()) else { return false }
        lastFirstScreenMs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        dispatch(.loaded(CityData(snapshot: snapshot, context: state.context, today: today(), isFirstScreen: true)))
        return true
    }

    /// How long the start screen's query took (ms).
    private(set) var lastFirstScreenMs: Double = 0

    /// Gives memory freed by a large load or plan back to the system, so that the resident
    /// size reflects what the console holds rather than its high-water mark.
    #if os(Linux)
    private typealias MallocTrim = @convention(c) (Int) -> Int32
    private static let mallocTrim: MallocTrim? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: MallocTrim.self)
    }()
    #endif

    static func returnFreedMemory() {
        #if os(Linux)
        // glibc's malloc_trim is not in Swift's Glibc module; look it up once.
        if let trim = ConsoleRuntime.mallocTrim { _ = trim(0) }
        #endif
    }

    private func startBackgroundLoad() {
        guard !loading else { return }
        loading = true
        let repository = self.repository, context = state.context, day = today(), mailbox = self.mailbox
        if let counter = try? repository.changeCounter() { lastCounter = counter }
        DispatchQueue.global(qos: .userInitiated).async {
            let event: ConsoleEvent
            do {
                let snapshot = try repository.snapshot()
                let data = CityData(snapshot: snapshot, context: context, today: day)
                mailbox.post(.loaded(data))
                // The search index follows, so the first search is as fast as the others.
                let index = SearchIndex(snapshot: snapshot, context: context)
                mailbox.postSearch(index, for: data)
                ConsoleRuntime.returnFreedMemory()
                return
            } catch let error as TandemError {
                event = .loadFailed(error.bilingual(wording: ConsoleKeyRemedies()))
            } catch {
                event = .loadFailed(Bilingual(zh: String(describing: error), en: String(describing: error)))
            }
            mailbox.post(event)
        }
    }

    /// Delivers what background loads finished; returns whether anything changed.
    func collectBackgroundResults() -> Bool {
        let (events, searches) = mailbox.take()
        for (index, data) in searches { data.install(index) }
        guard !events.isEmpty else { return !searches.isEmpty }
        for event in events {
            switch event {
            case .proposals, .proposalsFailed: pendingJobs = max(0, pendingJobs - 1)
            default: loading = false
            }
            dispatch(event)
        }
        return true
    }

    private func loadEvent() -> ConsoleEvent {
        do {
            let start = DispatchTime.now().uptimeNanoseconds
            let counter = try repository.changeCounter()
            let snapshot = try repository.snapshot()
            let read = DispatchTime.now().uptimeNanoseconds
            lastCounter = counter
            let data = CityData(snapshot: snapshot, context: state.context, today: today())
            let derived = DispatchTime.now().uptimeNanoseconds
            lastLoad = (Double(read - start) / 1e6, Double(derived - read) / 1e6)
            return .loaded(data)
        } catch {
            return .loadFailed(message(for: error))
        }
    }

    /// Polls the change counter; reloads when another process (or this one) changed the data.
    /// Returns whether anything was reloaded.
    @discardableResult
    func poll() -> Bool {
        guard let counter = try? repository.changeCounter() else { return false }
        guard counter != lastCounter, !loading else { return false }
        load()
        return !loadsInBackground
    }

    private func execute(_ effect: Effect) -> [ConsoleEvent] {
        switch effect {
        case .reload:
            if loadsInBackground { startBackgroundLoad(); return [] }
            return [loadEvent()]
        case .redraw:
            pendingRedraw = true
            return []
        case .applyTheme(let theme):
            pendingTheme = theme
            return []
        case .loadHistory(let code):
            do { return [.history(code, try repository.history(of: code))] }
            catch { return [.mutationFailed(message(for: error))] }
        case .loadBranchHistory(let code):
            do { return [.branchHistory(code, try repository.auditLog(AuditFilter(branch: code), limit: Int(Int32.max)))] }
            catch { return [.mutationFailed(message(for: error))] }
        case .computeProposals:
            guard let proposer else {
                return [.proposalsFailed(bi("本版本未接入配对引擎", "the pairing engine is not available in this build"))]
            }
            guard let snapshot = state.snapshot else { return [] }
            if loadsInBackground {
                // The planner can take seconds on a large city: keep the keyboard live meanwhile.
                let mailbox = self.mailbox
                pendingJobs += 1
                DispatchQueue.global(qos: .userInitiated).async {
                    do { mailbox.post(.proposals(try proposer(snapshot))) }
                    catch { mailbox.post(.proposalsFailed(Bilingual(zh: String(describing: error), en: String(describing: error)))) }
                    ConsoleRuntime.returnFreedMemory()
                }
                return []
            }
            do { return [.proposals(try proposer(snapshot))] }
            catch { return [.proposalsFailed(message(for: error))] }
        case .mutateIfCurrent(let mutation, let origin, let version):
            if let now = try? repository.changeCounter(), now != version {
                mutationsRefused += 1
                return [.mutationFailed(ProposalsState.outOfDate)] + execute(.reload)
            }
            return execute(.mutate(mutation, via: origin))
        case .mutate(let mutation, let origin):
            do {
                let before = try? repository.changeCounter()
                let summary = try apply(mutation)
                mutationsApplied += 1
                let after = try? repository.changeCounter()
                let step = before.flatMap { before in after.map { VersionStep(before: before, after: $0) } }
                return [.mutated(mutation, summary: summary, step: step)]
            } catch {
                mutationsRefused += 1
                logger.debug("mutation refused: \(error)")
                return [.mutationFailed(message(for: error, wording: origin.wording))]
            }
        }
    }

    private func apply(_ mutation: Mutation) throws -> Bilingual {
        let actor = state.context.actor
        switch mutation {
        case .pair(let b, let e):
            try repository.pair(branch: b, enterprise: e, by: actor)
            return bi("已结对：突击队 \(b) ↔ 单位 \(e)", "paired branch \(b) with enterprise \(e)")
        case .unpair(let code, let reason):
            let p = try repository.unpair(code, reason: reason, by: actor)
            return bi("已解除结对：\(p.branchCode) ↔ \(p.enterpriseCode)", "ended pairing \(p.branchCode) ↔ \(p.enterpriseCode)")
        case .applyPlan(let application):
            let written = try application.apply(to: repository, reason: PlanApplication.replanReason.zh, by: actor)
            return bi("已接受 \(written.count) 个结对", "accepted \(written.count) pairing(s)")
        case .addRequest(let draft):
            let r = try repository.addRequest(draft, catalog: state.context.catalog, by: actor)
            return bi("已登记需求 \(r.code)（\(r.enterpriseCode)）", "filed request \(r.code) for \(r.enterpriseCode)")
        case .deliver(let code, let quantity, let note, let over):
            let r = try repository.deliver(code, quantity: quantity, note: note, allowOver: over, by: actor)
            let unit = state.screen.unitName(r.unit)
            return bi("\(code) 送达 \(quantity) \(unit)，累计 \(r.delivered)/\(r.quantity)（\(r.status.name.zh)）",
                      "\(code): delivered \(quantity) \(unit), \(r.delivered) of \(r.quantity) so far (\(r.status.name.en))")
        case .done(let code):
            try repository.markDone(code, by: actor)
            return bi("需求 \(code) 已完成", "request \(code) is done")
        case .cancel(let code, let reason):
            try repository.cancel(code, reason: reason, by: actor)
            return bi("需求 \(code) 已取消", "request \(code) is cancelled")
        case .reopen(let code, let reason):
            let r = try repository.reopen(code, reason: reason, by: actor)
            return bi("需求 \(code) 已重新打开（\(r.status.name.zh)）", "request \(code) is reopened (\(r.status.name.en))")
        case .correctDelivery(let code, let id, let quantity, let reason, let over):
            let r = try repository.correctDelivery(code, delivery: id, quantity: quantity, reason: reason, allowOver: over, by: actor)
            let unit = state.screen.unitName(r.unit)
            return bi("已更正 \(code) 的送达 #\(id) 为 \(quantity) \(unit)，累计 \(r.delivered)/\(r.quantity)（\(r.status.name.zh)）",
                      "\(code): delivery #\(id) corrected to \(quantity) \(unit), \(r.delivered) of \(r.quantity) so far (\(r.status.name.en))")
        case .resumption(let code, let value):
            try repository.setResumption(code, value, by: actor)
            return bi("\(code) 复工状态：\(value.label(.zh))", "\(code) resumption: \(value.label(.en))")
        }
    }

    private func message(for error: Error, wording: some RemedyWording = ConsoleKeyRemedies()) -> Bilingual {
        if let error = error as? TandemError { return error.namingUnits(state.context.catalog).bilingual(wording: wording) }
        let text = TerminalText.sanitize(String(describing: error))
        return Bilingual(zh: text, en: text)
    }
}

/// Results handed from the background loader to the console's thread.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [ConsoleEvent] = []
    private var searches: [(SearchIndex, CityData)] = []

    func post(_ event: ConsoleEvent) {
        lock.lock(); defer { lock.unlock() }
        events.append(event)
    }

    func postSearch(_ index: SearchIndex, for data: CityData) {
        lock.lock(); defer { lock.unlock() }
        searches.append((index, data))
    }

    func take() -> ([ConsoleEvent], [(SearchIndex, CityData)]) {
        lock.lock(); defer { lock.unlock() }
        defer { events = []; searches = [] }
        return (events, searches)
    }
}
