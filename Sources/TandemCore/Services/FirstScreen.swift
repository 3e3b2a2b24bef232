/// The records an operator's start screen shows, read before the whole city so that the first
/// frame with data does not wait for every request. The result is a `CitySnapshot` holding only
/// those records (and the enterprises, pairings and branches they name); a surface must treat
/// it as partial: no count, search, coverage or plan may be taken from it.
public enum FirstScreenQuery: Sendable, Hashable {
    /// The `limit` most urgent open and in-progress requests (`RequestOrder`) of the enterprises
    /// in `scope`: a dispatcher's queue.
    case mostUrgent(scope: ReadScope, limit: Int)
    /// Every request of the enterprise that `branch` is paired with: a branch lead's own screen.
    case pairedEnterprise(branch: RecordCode)

    /// The same records taken from a whole snapshot: what a store without a faster query
    /// answers, and what the store's indexed query must equal.
    public func slice(of city: CitySnapshot, today: Day) -> CitySnapshot {
        let requests: [Request]
        switch self {
        case .mostUrgent(let scope, let limit):
            let inScope = city.requests.filter { request in
                request.status.isActive && (scope.isWholeCity || city.enterprise(request.enterpriseCode).map(scope.includes) == true)
            }
            requests = Array(inScope.sorted { RequestOrder.isMoreUrgent($0, than: $1, today: today) }.prefix(max(0, limit)))
        case .pairedEnterprise(let branch):
            requests = city.pairedEnterprise(of: branch).map { city.requests(of: $0) } ?? []
        }
        var enterpriseCodes = Set(requests.map(\.enterpriseCode))
        var branchCodes: Set<RecordCode> = []
        if case .pairedEnterprise(let branch) = self {
            // The lead's own branch and enterprise, even when it has no request (or no enterprise).
            branchCodes.insert(branch)
            if let enterprise = city.pairedEnterprise(of: branch) { enterpriseCodes.insert(enterprise) }
        }
        let pairings = city.activePairings.filter { enterpriseCodes.contains($0.enterpriseCode) }
        branchCodes.formUnion(pairings.map(\.branchCode))
        return CitySnapshot(branches: city.branches.filter { branchCodes.contains($0.code) },
                            enterprises: city.enterprises.filter { enterpriseCodes.contains($0.code) },
                            requests: requests.sorted { $0.code.number < $1.code.number },
                            activePairings: pairings, version: city.version, lastChange: city.lastChange)
    }
}

extension TandemRepository {
    /// The start screen's records taken from the whole snapshot: correct, but no faster than
    /// `snapshot()`. A store answers `firstScreen` from its indexes instead.
    public func firstScreen(_ query: FirstScreenQuery, today: Day) throws -> CitySnapshot {
        query.slice(of: try snapshot(), today: today)
    }
}
