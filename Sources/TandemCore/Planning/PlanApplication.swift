/// What applying an engine plan writes: the pairings to end and the pairs to write, in one
/// `TandemRepository.pairAll` transaction. `tandem suggest --apply` and the console's
/// "accept all" both build one of these.
public struct PlanApplication: Sendable, Hashable {
    public struct Pair: Sendable, Hashable {
        public var branch: RecordCode
        public var enterprise: RecordCode

        public init(branch: RecordCode, enterprise: RecordCode) {
            self.branch = branch
            self.enterprise = enterprise
        }
    }

    /// Enterprises whose active pairing ends first.
    public var ending: [RecordCode]
    public var pairs: [Pair]

    public var isEmpty: Bool { ending.isEmpty && pairs.isEmpty }

    /// From proposed pairs and the enterprises the plan left unpaired. Without `replan`, only
    /// proposals whose branch and enterprise are both still free in `snapshot` are written
    /// (the data may have moved since the plan). With `replan`, the active pairings of every
    /// enterprise the plan reconsidered end unless the plan keeps them as they are.
    public init(proposals: [Pair], leftUnpaired: [RecordCode], replan: Bool, snapshot: CitySnapshot) {
        var ending: [RecordCode] = []
        var pairs: [Pair] = []
        if replan {
            var proposedFor = CodeTable<RecordCode>(kind: .enterprise)
            for proposal in proposals { proposedFor[proposal.enterprise] = proposal.branch }
            let reconsidered = Set(leftUnpaired)
            for pairing in snapshot.activePairings
            where proposedFor.contains(pairing.enterpriseCode) || reconsidered.contains(pairing.enterpriseCode) {
                if proposedFor[pairing.enterpriseCode] != pairing.branchCode { ending.append(pairing.enterpriseCode) }
            }
            let ended = Set(ending)
            var freedBranches = Set<RecordCode>()
            for code in ending { if let branch = snapshot.pairedBranch(of: code) { freedBranches.insert(branch) } }
            for proposal in proposals where snapshot.pairingByEnterprise[proposal.enterprise]?.branchCode != proposal.branch {
                let enterpriseFree = snapshot.pairingByEnterprise[proposal.enterprise] == nil || ended.contains(proposal.enterprise)
                let branchFree = snapshot.pairingByBranch[proposal.branch] == nil || freedBranches.contains(proposal.branch)
                if enterpriseFree && branchFree { pairs.append(proposal) }
            }
        } else {
            pairs = proposals.filter { snapshot.pairingByBranch[$0.branch] == nil && snapshot.pairingByEnterprise[$0.enterprise] == nil }
        }
        self.ending = ending
        self.pairs = pairs
    }

    public init(plan: PairingPlan, replan: Bool, snapshot: CitySnapshot) {
        self.init(proposals: plan.proposals.map { Pair(branch: $0.branch, enterprise: $0.enterprise) },
                  leftUnpaired: plan.unpaired.map(\.enterprise), replan: replan, snapshot: snapshot)
    }

    /// Writes it, all or nothing.
    @discardableResult
    public func apply(to repository: any TandemRepository, reason: String, by actor: Operator) throws -> [Pairing] {
        try repository.pairAll(pairs.map { (branch: $0.branch, enterprise: $0.enterprise) }, ending: ending, reason: reason, by: actor)
    }

    /// The reason recorded for pairings a re-plan ends.
    public static let replanReason = Bilingual(zh: "按引擎建议重新结对", en: "re-planned by the engine")
}
