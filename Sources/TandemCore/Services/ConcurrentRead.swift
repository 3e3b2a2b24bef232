import Foundation

/// A read started on another thread at once, whose result is waited for when needed: two
/// reads (of one snapshot, or of a file and the database) overlap on two cores.
public final class ConcurrentRead<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the reading thread before it signals `done`; read after waiting on it.
    private var outcome: Result<Value, any Error>?

    public init(_ body: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            outcome = Result(catching: body)
            done.signal()
        }
    }

    /// The read's value, or its error; waits for it to finish.
    public func result() throws -> Value {
        done.wait()
        return try outcome!.get()
    }
}
