import TandemCore

/// The console's screens, shown as tabs. Which ones an operator sees depends on the role.
enum Tab: String, Sendable, CaseIterable {
    case queue, pairing, proposals, mine, coverage, map

    var title: Bilingual {
        switch self {
        case .queue: bi("需求队列", "Requests")
        case .pairing: bi("结对", "Pairing")
        case .proposals: bi("引擎建议", "Proposals")
        case .mine: bi("我的单位", "My enterprise")
        case .coverage: bi("覆盖情况", "Coverage")
        case .map: bi("覆盖地图", "Map")
        }
    }

    static func available(for role: Role) -> [Tab] {
        switch role {
        case .dispatcher, .admin: [.queue, .pairing, .proposals, .coverage, .map]
        case .branchLead: [.mine, .queue]
        case .supervisor: [.coverage, .map, .queue]
        }
    }
}

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

struct PairingState: Sendable {
    enum Side: Sendable { case branches, enterprises }
    var side: Side = .branches
    var branches = ListCursor()
    var enterprises = ListCursor()
    var pickedBranch: RecordCode?
    var pickedEnterprise: RecordCode?
    /// Free branches and unpaired enterprises (those needing help first), by index.
    var branchRows: [Int] = []
    var enterpriseRows: [Int] = []
}

/// Where the supervisor is in the drill-down: city → group → district → enterprise.
enum DrillLevel: Sendable, Hashable {
    case city
    case group(Int)
    case district(String)
    case enterprise(RecordCode)
}

struct CoverageState: Sendable {
    /// At the top level: rows per district instead of per supervision group.
    var byDistrict = false
    /// Groups and districts listed by coverage, worst first (`s`), instead of in code order.
    var worstFirst = false
    var path: [DrillLevel] = [.city]
    var cursors: [ListCursor] = [ListCursor()]
    var level: DrillLevel { path.last ?? .city }
}

struct MapState: Sendable {
    var selected: String?
}

struct MineState: Sendable {
    var cursor = ListCursor()
}

/// A message in the line above the footer; errors are marked with a word, not colour alone.
struct Notice: Sendable {
    enum Kind: Sendable { case info, success, error }
    var kind: Kind
    var text: Bilingual
}

/// What is drawn over the current screen.
enum Overlay: Sendable {
    /// `scroll` is the help line being read: the view keeps it shown, the cursor is on it.
    case help(scroll: Int)
    case form(FormState)
    case command(CommandLineState)
    /// A request's, enterprise's or branch's details and whole history.
    case detail(DetailView)
}

/// The whole console state. Changed only by `ConsoleState.handle(_:)`, a function of
/// (state, event) that returns the effects to run.
struct ConsoleState: Sendable {
    let context: ConsoleContext
    var lang: Lang
    var theme: ThemeKind = .standard
    var width: Int
    var height: Int
    var data: CityData?
    var tabs: [Tab]
    var tab: Tab
    var queue = QueueState()
    var pairing = PairingState()
    var proposals = ProposalsState()
    var mine = MineState()
    var coverage = CoverageState()
    var map = MapState()
    var overlay: Overlay?
    var notice: Notice?
    /// Lines run from the `:` line this session, oldest first, for ↑/↓.
    var commandHistory: [String] = []
    var histories: [RecordCode: EnterpriseHistory] = [:]
    /// Every audit event naming a branch, oldest first, for its detail view.
    var branchHistories: [RecordCode: [AuditEvent]] = [:]
    var quit = false
    /// Counts frames that changed what is shown, for tests.
    var loadError: Bilingual?

    init(context: ConsoleContext, width: Int = 80, height: Int = 24) {
        self.context = context
        self.lang = context.lang
        self.width = width
        self.height = height
        self.tabs = Tab.available(for: context.actor.role)
        self.tab = tabs[0]
        if let group = context.supervisedGroup {
            coverage.path = [.group(group)]
        }
    }

    var t: Text { Text(lang: lang) }
    var snapshot: CitySnapshot? { data?.snapshot }

    static let minimumWidth = 80
    static let minimumHeight = 24
    var tooSmall: Bool { width < ConsoleState.minimumWidth || height < ConsoleState.minimumHeight }

    /// Rows available to a screen between the tab line and the message line.
    var contentTop: Int { 2 }
    var contentHeight: Int { max(0, height - 4) }
}
