import Foundation
import TandemCore

/// The interactive console. `run()` checks the terminal, starts curses, and loops: draw what
/// changed, wait up to 500 ms for a key, poll the data's change counter. Nothing is redrawn
/// while idle unless the data changed.
public struct Console {
    let repository: any TandemRepository
    let context: ConsoleContext
    let theme: ThemeKind
    /// Where the store reports a wait for another operator (see `WaitingLine`).
    let waitingLine: WaitingLine?

    public init(repository: any TandemRepository, context: ConsoleContext, theme: ThemeKind = .standard,
                waitingLine: WaitingLine? = nil) {
        self.repository = repository
        self.context = context
        self.theme = theme
        self.waitingLine = waitingLine
    }

    /// Runs until the operator quits. Throws `TerminalUnavailable` (before touching the
    /// terminal) when there is no TTY, the locale is not UTF-8 or `TERM` is unknown. The
    /// terminal is restored on return, on any thrown error and on signals.
    public func run(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try CursesTerminal.preflight(environment: environment)
        // NO_COLOR (https://no-color.org) asks for no colour: the monochrome theme.
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let terminal = try CursesTerminal(theme: noColor && theme == .standard ? .monochrome : theme)
        defer { terminal.shutdown() }
        waitingLine?.attach(to: terminal, lang: context.lang)
        defer { waitingLine?.attach(nil) }
        let size = terminal.size
        let runtime = ConsoleRuntime(repository: repository, context: context, proposer: Console.defaultProposer(context, today: { Day.local() }),
                                     width: size.width, height: size.height)
        runtime.setTheme(terminal.theme)
        runtime.loadsInBackground = true
        terminal.draw(runtime.state.render())
        // The start screen's own records, read from the store's indexes, are drawn first (the
        // whole city's read would compete with them for the cores); then the whole city loads in
        // the background and replaces them.
        if runtime.loadFirstScreen() { terminal.draw(runtime.state.render()) }
        runtime.load()
        var dirty = true
        // A store that announces its changes (PostgreSQL) is waited on, not polled.
        let watcher = ChangeWatcher(repository)
        defer { watcher?.stop() }
        let pollInterval = 0.5
        var lastPoll = Date()
        while !runtime.state.quit {
            if dirty {
                if let theme = runtime.pendingTheme {
                    terminal.setTheme(theme)
                    runtime.pendingTheme = nil
                }
                if runtime.pendingRedraw {
                    terminal.invalidate()
                    runtime.pendingRedraw = false
                }
                terminal.draw(runtime.state.render())
                dirty = false
            }
            let waited = Date().timeIntervalSince(lastPoll)
            // While a load runs in the background, wake up often to show it as soon as it lands.
            let limit = runtime.isLoading ? 20.0 : 500.0
            let timeout = Int32(max(10, min(limit, (pollInterval - waited) * 1000)))
            switch terminal.readKey(timeoutMs: timeout) {
            case .key(let key)?:
                runtime.dispatch(.key(key))
                dirty = true
            case .resize?:
                let size = terminal.size
                terminal.invalidate()
                runtime.dispatch(.resize(width: size.width, height: size.height))
                dirty = true
            case .ignored?, nil:
                break
            }
            if runtime.collectBackgroundResults() { dirty = true }
            if let watcher {
                switch watcher.take() {
                case .changed?: if runtime.poll() { dirty = true }
                // Changes announced while the connection was down were lost: read everything.
                case .reconnected?:
                    runtime.load()
                    dirty = true
                case .timedOut?, nil: break
                }
            } else if Date().timeIntervalSince(lastPoll) >= pollInterval {
                lastPoll = Date()
                if runtime.poll() { dirty = true }
            }
        }
    }
}
