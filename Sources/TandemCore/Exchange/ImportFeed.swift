import Foundation

/// The rows of an import passed from the planner to the store while both run: the planner
/// (one thread) hands over each planned row as it is decided, the store (another thread) writes
/// it inside its one transaction, and at the end the store asks for the whole plan and rolls
/// everything back unless it is applicable. On two cores the file is planned and written at
/// the same time instead of one after the other, which is what brings a 100 000-row import
/// within its budget; all or nothing still holds, since nothing commits before the plan is
/// complete and checked.
///
/// The store may also hand the planner's thread a step of its own (`prepare(with:)`), run on
/// each row in file order before the row is passed over: the store's thread then only writes,
/// and the work is shared more evenly by the two cores.
public final class ImportFeed: @unchecked Sendable {
    public typealias Preparation = (ImportRow) -> (any Sendable)?

    public let table: ExchangeTable
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pending: [(row: ImportRow, prepared: (any Sendable)?)] = []
    private var plan: ImportPlan?
    private var abandoned = false
    private var preparation: Preparation?
    private let batchSize: Int
    /// How many rows the file has (an upper bound on the rows to write), for a store that
    /// writes a large import differently from a small one.
    public let fileRows: Int

    public init(table: ExchangeTable, fileRows: Int = 0, batchSize: Int = 512) {
        self.table = table
        self.fileRows = fileRows
        self.batchSize = batchSize
    }

    /// A feed of an already complete plan (for callers that plan first, then write).
    public convenience init(plan: ImportPlan) {
        self.init(table: plan.table, fileRows: plan.rows.count)
        pending = plan.rows.map { ($0, nil) }
        self.plan = plan
    }

    // MARK: Planner side

    /// Hands over one planned row, prepared first by the store's step when it has given one;
    /// waits while the store is a few batches behind, so a huge file is never held twice in memory.
    public func push(_ row: ImportRow) {
        condition.lock()
        let preparation = preparation
        condition.unlock()
        // Outside the lock: the store's thread goes on writing meanwhile. Only this (the
        // planner's) thread pushes, so rows are prepared in file order.
        var prepared = preparation?(row)
        condition.lock()
        defer { condition.unlock() }
        while pending.count >= batchSize * 8 && !abandoned { condition.wait() }
        if abandoned { return }
        // The step arrived after it was looked up: this row is prepared now, before any later one.
        if preparation == nil, let step = self.preparation { prepared = step(row) }
        pending.append((row, prepared))
        if pending.count % batchSize == 0 { condition.broadcast() }
    }

    /// The complete plan: no more rows follow.
    public func finish(_ plan: ImportPlan) {
        condition.lock()
        self.plan = plan
        condition.broadcast()
        condition.unlock()
    }

    // MARK: Store side

    /// Has `step` run on every row not yet taken, in file order: on the rows already waiting
    /// here at once (on the caller's thread), then on each row the planner pushes (on its
    /// thread). Call once, before taking any row; `step` is never run on two threads at once.
    public func prepare(with step: @escaping Preparation) {
        condition.lock()
        defer { condition.unlock() }
        precondition(preparation == nil, "ImportFeed: one preparation per feed")
        pending = pending.map { ($0.row, $0.prepared ?? step($0.row)) }
        preparation = step
    }

    /// The next rows planned, in file order, each with what the store's step made of it (nil
    /// without a step); empty when the plan is finished and every row has been taken.
    public func nextPreparedBatch() -> [(row: ImportRow, prepared: (any Sendable)?)] {
        condition.lock()
        defer { condition.unlock() }
        while pending.count < batchSize && plan == nil { condition.wait() }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        condition.broadcast()
        return batch
    }

    /// The next rows planned, in file order; empty when the plan is finished and every row
    /// has been taken.
    public func nextBatch() -> [ImportRow] { nextPreparedBatch().map(\.row) }

    /// The complete plan, waiting for the planner to finish.
    public func completePlan() -> ImportPlan {
        condition.lock()
        defer { condition.unlock() }
        while plan == nil { condition.wait() }
        return plan!
    }

    /// The store stopped taking rows (an error): the planner no longer waits for it.
    public func abandon() {
        condition.lock()
        abandoned = true
        pending.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

extension ImportPlanner {
    /// Plans `sheet` on a thread of its own, feeding each row to `feed` as it is decided and
    /// finishing the feed with the complete plan.
    public static func plan(_ table: ExchangeTable, sheet: Table, context: ImportContext, into feed: ImportFeed) {
        let thread = Thread {
            feed.finish(plan(table, sheet: sheet, context: context, onRow: feed.push))
        }
        // The planner keeps a few dictionaries of a large file's names; the default secondary
        // thread stack (512 KiB) is ample, but say so rather than rely on it.
        thread.stackSize = 8 << 20
        thread.start()
    }
}
