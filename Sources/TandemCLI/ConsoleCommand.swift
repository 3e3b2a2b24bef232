import ArgumentParser
import Foundation
import TandemConsole
import TandemCore

/// `tandem console`: the interactive console for dispatchers, branch leads and supervisors.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the interactive console (the default). / 打开交互式控制台（默认）"
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Colour theme: standard, high-contrast or monochrome.")
    var theme: String = "standard"

    @Flag(help: .hidden) var benchmark = false

    /// Prints every screen's keys and the `:` commands as Markdown (for the README).
    @Flag(help: .hidden) var keysMarkdown = false

    init() {}

    func run() throws {
        let started = Date()
        guard let themeKind = ThemeKind(rawValue: theme) else {
            throw ValidationError("unknown theme \(theme); use standard, high-contrast or monochrome")
        }
        if keysMarkdown {
            let configuration = try global.loadConfiguration()
            print(KeyReference.markdown(geography: configuration.geography, catalog: configuration.catalog, lang: global.language))
            return
        }
        if benchmark {
            let figures = try ConsoleBenchmark.run(open: {
                let app = try global.openContext()
                return (app.repository, consoleContext(app))
            }, startedAt: started)
            print(figures.report)
            return
        }
        // A wait for another operator shows on the console's message line, not on stderr.
        let waitingLine = WaitingLine()
        let app = try global.openContext(onWaiting: { waitingLine.show() })
        let console = Console(repository: app.repository, context: consoleContext(app), theme: themeKind,
                              waitingLine: waitingLine)
        do {
            try console.run()
        } catch let error as TerminalUnavailable {
            FileHandle.standardError.write(Data(("tandem: " + error.message.text(app.lang) + "\n").utf8))
            throw ExitCode(2)
        }
    }

    private func consoleContext(_ app: AppContext) -> ConsoleContext {
        ConsoleContext(actor: app.actor, geography: app.geography, catalog: app.catalog, lang: app.lang,
                       databasePath: app.databasePath, weights: app.weights)
    }
}
