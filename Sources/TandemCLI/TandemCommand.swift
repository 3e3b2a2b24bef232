import ArgumentParser
import TandemCore

/// The `tandem` command line: every operation of the console, scriptable.
public struct TandemCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Tandem: one-to-one relief dispatch console / 一对一帮扶调度台",
        subcommands: [EngineCommand.self]
    )

    public init() {}

    public mutating func run() throws {
        print("tandem")
    }
}
