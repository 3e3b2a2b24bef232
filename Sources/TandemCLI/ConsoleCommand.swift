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

    /// Runs a console session from a script of `:` commands and keys (`-` reads standard input)
    /// and prints each line's outcome (`HeadlessScript`): how the stress harness drives consoles.
    @Option(help: .hidden) var headlessScript: String?

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
        if let headlessScript {
            try runScript(headlessScript)
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

    private func runScript(_ path: String) throws {
        // A wait for another operator is said on stderr, as by every other command.
        let app = try global.openContext()
        let input: FileHandle
        if path == "-" {
            input = FileHandle.standardInput
        } else {
            guard let file = FileHandle(forReadingAtPath: path) else {
                throw ValidationError("cannot read the script \(path) / 无法读取脚本 \(path)")
            }
            input = file
        }
        let console = HeadlessConsole(repository: app.repository, context: consoleContext(app), width: 100, height: 30)
        var lines = LineReader(input)
        HeadlessScript.run(console, nextLine: { lines.next() }, output: { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        })
    }

    private func consoleContext(_ app: AppContext) -> ConsoleContext {
        ConsoleContext(actor: app.actor, geography: app.geography, catalog: app.catalog, lang: app.lang,
                       databasePath: app.databasePath, weights: app.weights)
    }
}

/// Lines from a file handle as they arrive (a pipe gives one line at a time, and the reply to
/// each must be written before the next is read).
private struct LineReader {
    let handle: FileHandle
    var buffer: [UInt8] = []
    var ended = false

    init(_ handle: FileHandle) { self.handle = handle }

    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            if ended {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let chunk = handle.availableData
            if chunk.isEmpty { ended = true } else { buffer += chunk }
        }
    }
}
