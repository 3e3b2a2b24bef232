import TandemCore

/// The pairing screen's two lists and the pair the operator picked.
extension ConsoleState {
    /// Free branches and unpaired enterprises (those needing help first, then by district).
    mutating func rebuildPairing() {
        rebuildPairing(following: highlightedPairingRows)
    }

    /// The branch and enterprise the pairing lists' cursors are on.
    var highlightedPairingRows: (branch: RecordCode?, enterprise: RecordCode?) {
        guard let snapshot else { return (nil, nil) }
        return (pairing.branchRows[safe: pairing.branches.index].map { snapshot.branches[$0].code },
                pairing.enterpriseRows[safe: pairing.enterprises.index].map { snapshot.enterprises[$0].code })
    }

    /// Rebuilds both lists and keeps each cursor on the same record when it is still listed.
    mutating func rebuildPairing(following focus: (branch: RecordCode?, enterprise: RecordCode?)) {
        guard let snapshot else { return }
        pairing.branchRows = snapshot.branches.indices.filter { snapshot.isFree(snapshot.branches[$0]) }
        // Unpaired enterprises, those that need help first: one pass.
        var needs: [Int] = [], rest: [Int] = []
        for i in snapshot.enterprises.indices {
            let code = snapshot.enterprises[i].code
            guard !snapshot.pairingByEnterprise.contains(code) else { continue }
            if snapshot.needsHelp(code) { needs.append(i) } else { rest.append(i) }
        }
        pairing.enterpriseRows = needs + rest
        if let b = pairing.pickedBranch, snapshot.pairingByBranch[b] != nil { pairing.pickedBranch = nil }
        if let e = pairing.pickedEnterprise, snapshot.pairingByEnterprise[e] != nil { pairing.pickedEnterprise = nil }
        if let code = focus.branch, let found = pairing.branchRows.firstIndex(where: { snapshot.branches[$0].code == code }) {
            pairing.branches.index = found
        }
        if let code = focus.enterprise, let found = pairing.enterpriseRows.firstIndex(where: { snapshot.enterprises[$0].code == code }) {
            pairing.enterprises.index = found
        }
        pairing.branches.clamp(count: pairing.branchRows.count)
        pairing.enterprises.clamp(count: pairing.enterpriseRows.count)
    }

    /// The branch and enterprise that `p` would pair: only the two the operator picked with
    /// Space. The highlighted rows are never paired by themselves, so after a pair (which
    /// clears both picks) nothing is armed.
    var pairCandidate: ProposedPair? {
        guard let branch = pairing.pickedBranch, let enterprise = pairing.pickedEnterprise else { return nil }
        return ProposedPair(branch: branch, enterprise: enterprise)
    }
}
