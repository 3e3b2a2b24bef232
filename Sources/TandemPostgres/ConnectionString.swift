import CLibpq

/// What a `postgres://` URL or `key=value` connection string says, as libpq reads it.
public struct ConnectionString: Sendable {
    public let text: String
    /// The options the string sets (`host`, `port`, `dbname`, `user`, `sslmode`, …).
    public let options: [String: String]

    /// Throws, with libpq's reason, a string libpq cannot read.
    public init(_ text: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(text, &errorMessage) else {
            let message = errorMessage.map { String(cString: $0) } ?? "not a connection string"
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(sqlState: nil, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        defer { PQconninfoFree(parsed) }
        var options: [String: String] = [:]
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { options[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        self.text = text
        self.options = options
    }

    /// Whether `text` looks like a PostgreSQL connection (a URL), not a file path.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// A password written into the string itself, which then shows in `ps`, shell history and
    /// logs: Tandem refuses it and asks for `~/.pgpass` or peer authentication instead.
    public var hasPassword: Bool { !(options["password"] ?? "").isEmpty }

    /// The connection named for messages, without any password: `postgres://user@host:port/db`.
    public var redacted: String {
        let user = options["user"].map { $0 + "@" } ?? ""
        let host = options["host"] ?? options["hostaddr"] ?? ""
        let port = options["port"].map { ":" + $0 } ?? ""
        let database = options["dbname"].map { "/" + $0 } ?? ""
        return "postgres://\(user)\(host)\(port)\(database)"
    }
}
