import TandemCore

/// Everything an operator can do in the console. Keys and `:` commands both map to these.
enum ConsoleAction: Sendable, Hashable {
    // Movement and navigation
    case up, down, left, right, pageUp, pageDown, top, bottom
    case nextTab, previousTab, goTo(Tab)
    case open, back, switchSide, toggleGrouping, toggleWorstFirst
    /// The detail view of the focused record, and closing it.
    case openDetail, closeDetail
    // Everyone
    case help, commandLine, quit, redraw, cycleTheme, toggleLanguage, refresh
    // Queue
    case search, clearSearch, cycleSort, filter, cycleQuickFilter
    // Pairing
    case pick, pair, unpair
    // Requests
    case newRequest, deliver, done, resumption, cancelRequest, reopenRequest, correctDelivery
    // Proposals
    case computeProposals, accept, acceptAll
}

extension ConsoleAction {
    /// Whether the action works while only the start screen's records are loaded: moving in
    /// the list, reading a record, going to another screen (which says it is loading), help
    /// and the like. Everything else needs the whole city (search, sort, filters, pairing,
    /// plans) or acts on it, and waits for it.
    var worksOnFirstScreen: Bool {
        switch self {
        case .up, .down, .pageUp, .pageDown, .top, .bottom, .back, .openDetail, .closeDetail,
             .nextTab, .previousTab, .goTo,
             .help, .commandLine, .quit, .redraw, .cycleTheme, .toggleLanguage: true
        default: false
        }
    }
}

/// One row of a screen's key table: the single source for the footer, the `?` help and the
/// `:` command line.
struct KeyBinding: Sendable {
    var keys: [Key]
    var action: ConsoleAction
    /// Short label for the footer.
    var label: Bilingual
    /// One line for the help screen.
    var help: Bilingual
    /// The `:` command that runs the same action (with optional arguments, see `CommandLine`).
    var command: String?
    var footer: Bool = true
    /// Why the action cannot be used now; shown in the footer (marked ✗), the help and when pressed.
    var disabled: Bilingual? = nil
    /// Changes that are hard to undo ask for confirmation first and are marked `!` in the help.
    var dangerous: Bool = false

    var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}
