import TandemCore

/// Everything a user could see of a database, to prove that a refused command, key press or
/// import changed nothing: records, pairings in force and the number of audit events.
public struct DatabaseFingerprint: Equatable, Sendable {
    public var branches: [Branch]
    public var enterprises: [Enterprise]
    public var requests: [Request]
    public var pairings: [Pairing]
    public var operators: [Operator]
    public var auditEvents: Int

    public init(of repository: any TandemRepository) throws {
        let snapshot = try repository.snapshot()
        branches = snapshot.branches
        enterprises = snapshot.enterprises
        requests = snapshot.requests
        pairings = snapshot.activePairings
        operators = try repository.operators()
        auditEvents = try repository.auditLog(limit: Int.max).count
    }
}
