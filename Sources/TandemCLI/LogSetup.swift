import Foundation
import Logging

/// Where Tandem's logs go. The console owns the screen and every refused command prints exactly
/// one line on stderr, so logs are quiet unless asked for: `TANDEM_LOG=debug|info|warning|error`
/// sets the level, `TANDEM_LOG_FILE=PATH` appends them to a file instead of stderr.
enum LogSetup {
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = environment["TANDEM_LOG"].flatMap { Logger.Level(rawValue: $0.lowercased()) }
        let file = environment["TANDEM_LOG_FILE"].flatMap { path -> FileHandle? in
            if !FileManager.default.fileExists(atPath: path),
               !FileManager.default.createFile(atPath: path, contents: nil) { return nil }
            let handle = FileHandle(forWritingAtPath: path)
            handle?.seekToEndOfFile()
            return handle
        }
        LoggingSystem.bootstrap { label in
            var handler: LogHandler = file.map { FileLogHandler(label: label, file: $0) } ?? StreamLogHandler.standardError(label: label)
            handler.logLevel = level ?? (file == nil ? .critical : .info)
            return handler
        }
    }
}

/// Appends one line per log event to a file.
struct FileLogHandler: LogHandler {
    let label: String
    let file: FileHandle
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let stamp = Date().formatted(.iso8601)
        file.write(Data("\(stamp) \(event.level) \(label): \(event.message)\n".utf8))
    }
}
