import TandemCore

enum QueueSort: String, Sendable, CaseIterable {
    case urgency, age, district

    var label: Bilingual {
        switch self {
        case .urgency: bi("紧急程度", "urgency")
        case .age: bi("登记时间", "age")
        case .district: bi("区县", "district")
        }
    }
}

/// A one-key narrowing of the queue (`F` cycles through them): the requests a dispatcher or a
/// lead most often looks for.
enum QuickFilter: Sendable, Hashable, CaseIterable {
    /// Past their due day and still active.
    case overdue
    /// Of an enterprise no branch works for (a blind spot).
    case noBranch
    /// Of the enterprise the lead's own branch works for.
    case myBranch

    var label: Bilingual {
        switch self {
        case .overdue: bi("已逾期", "overdue")
        case .noBranch: bi("无突击队", "no branch")
        case .myBranch: bi("本突击队", "my branch")
        }
    }

    /// The quick filters a role can use: only a lead has a branch of their own.
    static func available(for role: Role) -> [QuickFilter] {
        if case .branchLead = role { return allCases }
        return [.overdue, .noBranch]
    }
}

/// Which requests the queue shows. `status == nil` means active ones (open or in progress).
struct QueueFilter: Sendable, Hashable {
    var category: String?
    var status: RequestStatus?
    var allStatuses = false
    var district: String?
    var group: Int?
    var quick: QuickFilter?

    var isEmpty: Bool { category == nil && status == nil && !allStatuses && district == nil && group == nil && quick == nil }
}

struct QueueState: Sendable {
    var sort: QueueSort = .urgency
    var filter = QueueFilter()
    var search = LineEditor()
    var searching = false
    /// Visible request indices, in order.
    var rows: [Int32] = []
    var cursor = ListCursor()
    /// How many of `rows` (at the top) are the requests an exact code search names.
    var namedRowCount = 0
    /// What `rows` were computed from, to narrow a search as it is typed.
    var lastKey: (key: QueueKey, needle: String)?
}

struct QueueKey: Sendable, Hashable {
    var sort: QueueSort
    var filter: QueueFilter
    var version: Int64
}
