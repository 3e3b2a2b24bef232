import TandemCore

struct PairingState: Sendable {
    enum Side: Sendable { case branches, enterprises }
    var side: Side = .branches
    var branches = ListCursor()
    var enterprises = ListCursor()
    var pickedBranch: RecordCode?
    var pickedEnterprise: RecordCode?
    /// Free branches and unpaired enterprises (those needing help first), by index.
    var branchRows: [Int] = []
    var enterpriseRows: [Int] = []
}
