import TandemCore

/// A change to the data the runtime asks the repository to make.
enum Mutation: Sendable {
    case pair(branch: RecordCode, enterprise: RecordCode)
    case unpair(RecordCode, reason: String)
    case applyPlan(PlanApplication)
    case addRequest(RequestDraft)
    case deliver(RecordCode, Quantity, note: String, over: Bool)
    case done(RecordCode)
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
    case loadHistory(RecordCode)
    case computeProposals
    case applyTheme(ThemeKind)
    case redraw
}

/// Everything that can happen to the console.
enum ConsoleEvent: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case loaded(CityData)
    case loadFailed(Bilingual)
    case mutated(Mutation, summary: Bilingual)
    case mutationFailed(Bilingual)
    case history(RecordCode, EnterpriseHistory)
    case proposals(ProposalSet)
    case proposalsFailed(Bilingual)
}
