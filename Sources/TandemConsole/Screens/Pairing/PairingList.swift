import TandemCore

/// The pairing screen's two lists and the pair the operator picked.
extension PairingState {
    /// Free branches and unpaired enterprises (those needing help first, then by district).
    mutating func rebuild(_ s: ScreenContext) {
        rebuild(following: highlightedRows(s), s)
    }

    /// The branch and enterprise the pairing lists' cursors are on.
    func highlightedRows(_ s: ScreenContext) -> (branch: RecordCode?, enterprise: RecordCode?) {
        guard let snapshot = s.snapshot else { return (nil, nil) }
        return (branchRows[safe: branches.index].map { snapshot.branches[$0].code },
                enterpriseRows[safe: enterprises.index].map { snapshot.enterprises[$0].code })
    }

    /// Rebuilds both lists and keeps each cursor on the same record when it is still listed.
    mutating func rebuild(following focus: (branch: RecordCode?, enterprise: RecordCode?), _ s: ScreenContext) {
        guard let snapshot = s.snapshot else { return }
        branchRows = snapshot.branches.indices.filter { snapshot.isFree(snapshot.branches[$0]) }
        // Unpaired enterprises, those that need help first: one pass.
        var needs: [Int] = [], rest: [Int] = []
        for i in snapshot.enterprises.indices {
            let code = snapshot.enterprises[i].code
            guard !snapshot.pairingByEnterprise.contains(code) else { continue }
            if snapshot.needsHelp(code) { needs.append(i) } else { rest.append(i) }
        }
        enterpriseRows = needs + rest
        if let b = pickedBranch, snapshot.pairingByBranch[b] != nil { pickedBranch = nil }
        if let e = pickedEnterprise, snapshot.pairingByEnterprise[e] != nil { pickedEnterprise = nil }
        if let code = focus.branch, let found = branchRows.firstIndex(where: { snapshot.branches[$0].code == code }) {
            branches.index = found
        }
        if let code = focus.enterprise, let found = enterpriseRows.firstIndex(where: { snapshot.enterprises[$0].code == code }) {
            enterprises.index = found
        }
        branches.clamp(count: branchRows.count)
        enterprises.clamp(count: enterpriseRows.count)
    }

    /// The branch and enterprise that `p` would pair: only the two the operator picked with
    /// Space. The highlighted rows are never paired by themselves, so after a pair (which
    /// clears both picks) nothing is armed.
    var pairCandidate: ProposedPair? {
        guard let branch = pickedBranch, let enterprise = pickedEnterprise else { return nil }
        return ProposedPair(branch: branch, enterprise: enterprise)
    }

    /// The highlighted record of the list in focus, for Enter.
    func focusedRecord(_ s: ScreenContext) -> RecordCode? {
        side == .branches ? highlightedRows(s).branch : highlightedRows(s).enterprise
    }

    /// `branch` and `enterprise` were paired: neither stays picked.
    mutating func paired(branch: RecordCode, enterprise: RecordCode) {
        if pickedBranch == branch { pickedBranch = nil }
        if pickedEnterprise == enterprise { pickedEnterprise = nil }
    }
}
