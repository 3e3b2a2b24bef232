import TandemCore

/// The console without a terminal: press keys, read the screen as text. Used by the tests and
/// by the benchmark; the same runtime and state machine as the real console.
public final class HeadlessConsole {
    let runtime: ConsoleRuntime

    /// `loadsData`: read the start screen's records, then the whole city, as the console does
    /// (the benchmark times the two itself).
    public init(repository: any TandemRepository, context: ConsoleContext, width: Int = 80, height: Int = 24,
                today: Day? = nil, loadsData: Bool = true) {
        let day = today
        runtime = ConsoleRuntime(repository: repository, context: context,
                                 proposer: Console.defaultProposer(context, today: { day ?? Day.local() }),
                                 width: width, height: height, today: { day ?? Day.local() })
        if loadsData {
            runtime.loadFirstScreen()
            runtime.load()
        }
    }

    var state: ConsoleState { runtime.state }

    /// Presses keys given by name: single characters, or `Enter`, `Esc`, `Down`, `^L`, `F1`…
    public func press(_ keys: String...) {
        for name in keys {
            guard let key = Key.parse(name) else { preconditionFailure("unknown key \(name)") }
            runtime.dispatch(.key(key))
        }
    }

    public func press(_ key: Key) { runtime.dispatch(.key(key)) }

    /// Types text character by character.
    public func type(_ text: String) {
        for character in text { runtime.dispatch(.key(.char(character))) }
    }

    /// Runs a `:` command as if typed.
    public func command(_ line: String) {
        press(":")
        type(line)
        press("Enter")
    }

    public func resize(width: Int, height: Int) { runtime.dispatch(.resize(width: width, height: height)) }

    /// Checks for changes by other processes, as the console does every 500 ms.
    @discardableResult public func poll() -> Bool { runtime.poll() }

    public var grid: Grid { runtime.state.render() }
    public var screen: String { grid.text }
    public var isQuitting: Bool { runtime.state.quit }
}
