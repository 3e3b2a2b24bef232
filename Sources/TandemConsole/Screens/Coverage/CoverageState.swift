import TandemCore

/// Where the supervisor is in the drill-down: city → group → district → enterprise.
enum DrillLevel: Sendable, Hashable {
    case city
    case group(Int)
    case district(String)
    case enterprise(RecordCode)
}

struct CoverageState: Sendable {
    /// At the top level: rows per district instead of per supervision group.
    var byDistrict = false
    /// Groups and districts listed by coverage, worst first (`s`), instead of in code order.
    var worstFirst = false
    var path: [DrillLevel] = [.city]
    var cursors: [ListCursor] = [ListCursor()]
    var level: DrillLevel { path.last ?? .city }

    /// Shows the drill-down at `path`, each level from its first row.
    mutating func open(_ path: [DrillLevel]) {
        self.path = path
        cursors = path.map { _ in ListCursor() }
    }
}
