/// What part of the city an operator may see: the whole city, or the districts of one
/// supervision group for a group supervisor. Every list, coverage report and plan, on the
/// command line and in the console, is limited by it (`Permissions.readScope`).
public struct ReadScope: Sendable, Hashable {
    /// The supervision group the operator is limited to; nil for the whole city.
    public let group: Int?
    /// The districts in scope; nil for every district.
    public let districtCodes: Set<String>?

    public static let city = ReadScope(group: nil, districtCodes: nil)

    init(group: Int?, districtCodes: Set<String>?) {
        self.group = group
        self.districtCodes = districtCodes
    }

    public var isWholeCity: Bool { districtCodes == nil }

    /// "whole city" or "supervision group 3", for messages.
    public var name: Bilingual {
        guard let group else { return Bilingual(zh: "全市", en: "whole city") }
        return Bilingual(zh: "第 \(group) 督导组", en: "supervision group \(group)")
    }

    public func includes(district code: String) -> Bool { districtCodes?.contains(code) ?? true }
    public func includes(group number: Int) -> Bool { group == nil || group == number }
    public func includes(_ enterprise: Enterprise) -> Bool { includes(district: enterprise.districtCode) }
    public func includes(_ branch: Branch) -> Bool { includes(district: branch.districtCode) }

    /// The districts in scope, in the geography's order.
    public func districts(of geography: Geography) -> [District] {
        geography.districts.filter { includes(district: $0.code) }
    }

    /// Throws unless the district is in scope (for an explicit `--district` or `:show`).
    public func require(district: District) throws {
        guard includes(district: district.code) else { throw TandemError.outsideReadScope(what: district.code, scope: name) }
    }

    /// Throws unless the group is in scope (for an explicit `--group` or a filter).
    public func require(group number: Int) throws {
        guard includes(group: number) else { throw TandemError.outsideReadScope(what: "G\(number)", scope: name) }
    }

    /// The geography in scope: the group's districts and the group alone, for reports whose
    /// rows are districts and groups (bulletin, coverage page).
    public func filter(_ geography: Geography) -> Geography {
        guard !isWholeCity else { return geography }
        return Geography(districts: districts(of: geography), groups: geography.groups.filter { includes(group: $0.number) })
    }

    /// Throws unless the enterprise is in scope (for `show`, history and single-record reads).
    public func require(_ enterprise: Enterprise) throws {
        guard includes(enterprise) else { throw TandemError.outsideReadScope(what: enterprise.code.description, scope: name) }
    }

    /// Throws unless the branch is in scope.
    public func require(_ branch: Branch) throws {
        guard includes(branch) else { throw TandemError.outsideReadScope(what: branch.code.description, scope: name) }
    }

    /// The snapshot's rows in scope: enterprises of its districts with their requests and
    /// pairings, branches of its districts. The whole snapshot when the scope is the city.
    public func filter(_ snapshot: CitySnapshot) -> CitySnapshot {
        guard !isWholeCity else { return snapshot }
        let enterprises = snapshot.enterprises.filter(includes)
        var inScope = CodeTable<Bool>(kind: .enterprise, capacity: enterprises.last?.code.number ?? 0)
        for enterprise in enterprises { inScope[enterprise.code] = true }
        return CitySnapshot(branches: snapshot.branches.filter(includes), enterprises: enterprises,
                            requests: snapshot.requests.filter { inScope.contains($0.enterpriseCode) },
                            activePairings: snapshot.activePairings.filter { inScope.contains($0.enterpriseCode) },
                            version: snapshot.version, lastChange: snapshot.lastChange)
    }

    /// The planner's scope within this read scope: a group supervisor plans for their group
    /// (branches anywhere may still be proposed: distance decides reach).
    public func planningScope(district: District?, group: Int?, replan: Bool) throws -> PlanningScope {
        if let district { try require(district: district) }
        if let group { try require(group: group) }
        return PlanningScope(districtCode: district?.code, group: group ?? self.group, replan: replan)
    }
}

extension Permissions {
    /// What `actor` may see. Group supervisors see their group's districts; everyone else the
    /// whole city (a branch lead reads the city's queue and works only their own enterprise).
    public static func readScope(of actor: Operator, geography: Geography) -> ReadScope {
        guard case .supervisor(let group?) = actor.role else { return .city }
        return ReadScope(group: group, districtCodes: Set(geography.districts(inGroup: group).map(\.code)))
    }
}
