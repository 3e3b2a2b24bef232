import ArgumentParser
import Foundation
import TandemCore

/// The `tandem` command line: every operation of the console, scriptable.
public struct TandemCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Tandem: one-to-one relief dispatch console / 一对一帮扶调度台",
        discussion: """
            Configuration: the files districts.yaml, categories.yaml, engine.yaml, bulletin.yaml and columns.yaml are \
            built into tandem; a folder overrides them file by file, the first that has a file winning: --config DIR, \
            then $TANDEM_CONFIG, then $XDG_CONFIG_HOME/tandem (default ~/.config/tandem), then /etc/tandem. \
            `tandem config show` prints what is in force and from where. \
            配置：五个配置文件内置于程序中；上述文件夹按此顺序逐个文件覆盖内置配置。
            """,
        subcommands: [ConsoleCommand.self, InitCommand.self, BranchCommand.self, EnterpriseCommand.self, OperatorCommand.self,
                      PairCommand.self, UnpairCommand.self, RequestCommand.self, CoverageCommand.self, SuggestCommand.self,
                      LogCommand.self, CheckCommand.self, BackupCommand.self, EngineCommand.self, BulletinCommand.self,
                      ReportCommand.self, ImportCommand.self, ExportCommand.self, ConfigCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )

    public init() {}

    /// Runs the command line and exits: 0 on success; on a refused operation one line on
    /// stderr in the user's language and exit status 1; usage errors as ArgumentParser reports them.
    public static func runMain(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        // Before anything else: a setgid shared-host binary sets its group aside (SharedHost).
        SharedHost.begin()
        LogSetup.bootstrap()
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let error as TandemError {
            Printer.error("tandem: " + error.message(language(for: arguments), wording: CommandLineRemedies()))
            Foundation.exit(1)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue) // the command already said why
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) } // --help, --version
            // Usage errors are one line too; a negative number reads as an unknown option, so name it a quantity.
            let lang = language(for: arguments)
            if let negative = arguments.first(where: { $0.count > 1 && $0.hasPrefix("-") && $0.dropFirst().first?.isNumber == true }) {
                Printer.error("tandem: " + TandemError.invalidQuantity(negative).message(lang))
            } else {
                let hint = lang == .zh ? "（用 --help 查看用法）" : " (see --help)"
                Printer.error("tandem: " + message(for: error).replacingOccurrences(of: "\n", with: " ") + hint)
            }
            Foundation.exit(exitCode(for: error).rawValue)
        }
    }

    /// The language of error messages: `--lang` if given, else the locale.
    static func language(for arguments: [String]) -> Lang {
        for (i, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang="), let lang = Lang(rawValue: String(argument.dropFirst(7))) { return lang }
            if argument == "--lang", i + 1 < arguments.count, let lang = Lang(rawValue: arguments[i + 1]) { return lang }
        }
        return Lang.fromEnvironment(ProcessInfo.processInfo.environment)
    }
}
