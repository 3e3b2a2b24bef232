/// How the engine judges one branch–enterprise pair a dispatcher is about to make by hand:
/// the same explanation (distance, capability gaps, locality, urgency) the engine gives for its
/// own proposals, and whether the pair is within the engine's reach (`max_distance_km`).
public struct PairAssessment: Sendable, Hashable {
    public var explanation: ProposalExplanation
    /// False when the two are farther apart than the engine would ever propose.
    public var withinReach: Bool
    public var maxDistanceKm: Int

    /// A pair worth a second look before it is made: out of reach, or with gaps.
    public var needsConfirmation: Bool { !withinReach || !explanation.gaps.isEmpty }
}

extension PairingPlanner {
    /// Judges `branch` with `enterprise` by the engine's own cost model.
    public static func assess(branch: Branch, enterprise: Enterprise, snapshot: CitySnapshot, geography: Geography,
                              catalog: Catalog, weights: CostWeights, today: Day) -> PairAssessment {
        let model = CostModel(geography: geography, catalog: catalog, weights: weights, today: today)
        let needs = model.needs(of: enterprise, requests: snapshot.requests(of: enterprise.code))
        let explanation = model.explain(needs, branch)
        return PairAssessment(explanation: explanation, withinReach: explanation.distanceKm <= Double(weights.maxDistanceKm),
                              maxDistanceKm: weights.maxDistanceKm)
    }
}
