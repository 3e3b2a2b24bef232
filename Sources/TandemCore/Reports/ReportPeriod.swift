import Foundation

/// The days a bulletin reports on: `days` consecutive days ending with `last`, both included.
public struct ReportPeriod: Sendable, Hashable, Codable {
    public let first: Day
    public let last: Day

    /// - Parameter days: 1 for a daily bulletin, 7 for a weekly one; at least 1.
    public init(ending last: Day, days: Int) {
        self.last = last
        self.first = last.adding(days: -(max(1, days) - 1))
    }

    public var days: Int { last.ordinal - first.ordinal + 1 }

    public func contains(_ day: Day) -> Bool { day >= first && day <= last }
}

/// The head of a hash-chained audit log: how many events it holds and the hash of the last one.
/// A printed bulletin that carries it witnesses the history up to that event.
public struct AuditChainHead: Sendable, Hashable, Codable {
    public var events: Int
    public var hash: String

    public init(events: Int, hash: String) {
        self.events = events
        self.hash = hash
    }
}
