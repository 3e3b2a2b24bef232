import TandemCore

/// A change to the data the runtime asks the repository to make.
enum Mutation: Sendable {
    case pair(branch: RecordCode, enterprise: RecordCode)
    case unpair(RecordCode, reason: String)
    case applyPlan(PlanApplication)
    case addRequest(RequestDraft)
    case deliver(RecordCode, Quantity, note: String, over: Bool)
    case done(RecordCode)
    case cancel(RecordCode, reason: String)
    case reopen(RecordCode, reason: String)
    /// Delivery `delivery` (its id) of the request corrected to `quantity`: a reversing entry, then the right quantity.
    case correctDelivery(RecordCode, delivery: Int64, quantity: Quantity, reason: String, over: Bool)
    case resumption(RecordCode, Resumption)
}

struct ProposedPair: Sendable, Hashable {
    var branch: RecordCode
    var enterprise: RecordCode
}

/// What the state machine asks the runtime to do after an event.
enum Effect: Sendable {
    case reload
    /// A change, with where it was asked for (which words a refusal's remedy).
    case mutate(Mutation, via: CommandOrigin = .keys)
    /// A change worked out from data of `version` (an engine proposal): refused when the data
    /// changed since, even before the console's next poll has noticed.
    case mutateIfCurrent(Mutation, via: CommandOrigin, version: Int64)
    case loadHistory(RecordCode)
    case loadBranchHistory(RecordCode)
    case computeProposals
    case applyTheme(ThemeKind)
    case redraw
}

/// The data version around one write of this console: `after == before + 1` means nobody else
/// committed in between, so whatever was computed at `before` is overtaken by this write alone.
struct VersionStep: Sendable, Hashable {
    var before: Int64
    var after: Int64

    var isOnlyThisWrite: Bool { after == before + 1 }
}

/// Everything that can happen to the console.
enum ConsoleEvent: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case loaded(CityData)
    case loadFailed(Bilingual)
    /// `step` is the data version just before and just after the write, when both could be read.
    case mutated(Mutation, summary: Bilingual, step: VersionStep? = nil)
    case mutationFailed(Bilingual)
    case history(RecordCode, EnterpriseHistory)
    case branchHistory(RecordCode, [AuditEvent])
    case proposals(ProposalSet)
    case proposalsFailed(Bilingual)
}
