import Foundation

/// A list several threads append to (failures seen by concurrent writers, say).
public final class ThreadSafeList: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    public init() {}

    public func append(_ item: String) { lock.withLock { storage.append(item) } }

    public var items: [String] { lock.withLock { storage } }
}
