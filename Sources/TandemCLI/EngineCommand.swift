import ArgumentParser
import TandemCore

/// `tandem engine …`: the pairing engine on raw instances.
struct EngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Run the pairing engine on a raw assignment instance.",
        subcommands: []
    )
}
