/// The order requests are worked in. The command line sorts with `isMoreUrgent`; the console
/// packs the same key into its precomputed sort keys.
public enum RequestOrder {
    /// Most urgent first: overdue ones, then by priority, then the earliest due date (none
    /// last). Smaller is more urgent; fits in 24 bits.
    public static func urgencyKey(status: RequestStatus, priority: Priority, dueOrdinal: Int?, todayOrdinal: Int) -> Int64 {
        let overdue: Int64 = (status.isActive && dueOrdinal.map { $0 < todayOrdinal } == true) ? 0 : 1
        let due = Int64(dueOrdinal.map { $0 - todayOrdinal + 100_000 } ?? 0xFFFFF) & 0xFFFFF
        return overdue << 23 | Int64(priority.rawValue) << 20 | due
    }

    public static func urgencyKey(_ request: Request, today: Day) -> Int64 {
        urgencyKey(status: request.status, priority: request.priority, dueOrdinal: request.due?.ordinal, todayOrdinal: today.ordinal)
    }

    /// The urgency order, ties broken by request code.
    public static func isMoreUrgent(_ a: Request, than b: Request, today: Day) -> Bool {
        (urgencyKey(a, today: today), a.code.number) < (urgencyKey(b, today: today), b.code.number)
    }

    /// A range of active requests that the urgency order takes whole, one after another: one
    /// priority, and a due day before `today`, from `today` on, or none. Read in this order, each
    /// by due day then number (`RequestOrder.ranges`), they give the requests in urgency order:
    /// what a store's index on (priority, due, number) reads without sorting the city.
    public struct Range: Sendable, Hashable {
        public enum Due: Sendable, Hashable {
            case before(Day)
            case from(Day)
            case none
        }

        public var priority: Priority
        public var due: Due
    }

    /// The ranges in urgency order: every priority's overdue requests, then, priority by
    /// priority, the dated ones due from today on and the undated ones.
    public static func ranges(today: Day) -> [Range] {
        let priorities = Priority.allCases.sorted { $0.rawValue < $1.rawValue }
        return priorities.map { Range(priority: $0, due: .before(today)) }
            + priorities.flatMap { [Range(priority: $0, due: .from(today)), Range(priority: $0, due: .none)] }
    }
}
