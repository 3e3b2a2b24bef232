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

    /// What the screens read of the console, for one key or one frame.
    var screen: ScreenContext {
        ScreenContext(context: context, lang: lang, width: width, height: height, data: data,
                      histories: histories, branchHistories: branchHistories, overlayOpen: overlay != nil)
    }

    var t: Text { Text(lang: lang) }
    var snapshot: CitySnapshot? { data?.snapshot }

    static let minimumWidth = 80
    static let minimumHeight = 24
    var tooSmall: Bool { width < ConsoleState.minimumWidth || height < ConsoleState.minimumHeight }
}

extension ConsoleState {
    /// Adds `text` to the message line after what it already says (the result of the action
    /// that led to it), or shows it alone.
    mutating func addNotice(_ text: Bilingual) {
        if let previous = notice {
            notice = Notice(kind: previous.kind, text: bi(previous.text.zh + "。" + text.zh, previous.text.en + ". " + text.en))
        } else {
            notice = Notice(kind: .info, text: text)
        }
    }
}
