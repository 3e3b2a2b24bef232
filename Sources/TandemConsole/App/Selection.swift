import TandemCore

/// What is selected on each screen, and the lists the screens show.
extension ConsoleState {
    var selectedQueueRequest: Request? {
        guard let data, queue.rows.indices.contains(queue.cursor.index) else { return nil }
        return data.snapshot.requests[Int(queue.rows[queue.cursor.index])]
    }

    /// The lead's paired enterprise.
    var myEnterprise: Enterprise? {
        guard let branch = context.leadBranch, let snapshot, let code = snapshot.pairedEnterprise(of: branch) else { return nil }
        return snapshot.enterprise(code)
    }

    /// The lead's requests as listed: the active ones by urgency (`RequestOrder`, the order of
    /// the queue and of `tandem request list`), then the done and cancelled ones apart, newest first.
    var myRequests: [Request] {
        guard let enterprise = myEnterprise, let data else { return [] }
        let requests = data.snapshot.requests(of: enterprise.code)
        let today = data.today
        let active = requests.filter { $0.status.isActive }.sorted { RequestOrder.isMoreUrgent($0, than: $1, today: today) }
        let closed = requests.filter { !$0.status.isActive }.sorted { $0.code > $1.code }
        return active + closed
    }

    /// How many of `myRequests` are active (listed before the heading of the closed ones).
    var myActiveRequestCount: Int { myRequests.prefix { $0.status.isActive }.count }

    /// The latest end or change of the lead's pairing made by a dispatcher in the last week,
    /// from the branch's audit events (loaded with the data).
    var myPairingChange: PairingChange? {
        guard let branch = context.leadBranch, let data, let events = branchHistories[branch] else { return nil }
        let weekAgo = Timestamp(day: Day(ordinal: data.today.ordinal - 7))
        return PairingChange.latest(of: branch, in: events, current: data.snapshot.pairedEnterprise(of: branch),
                                    viewer: context.actor.login, since: weekAgo)
    }

    var selectedMineRequest: Request? {
        let requests = myRequests
        return requests.indices.contains(mine.cursor.index) ? requests[mine.cursor.index] : nil
    }

    /// Puts the lead's cursor back on `code` after the list changed (a delivery that finishes a
    /// request moves it among the done ones); when it is gone, on the row now at its place, and says so.
    mutating func followMineRequest(_ code: RecordCode) {
        let requests = myRequests
        if let found = requests.firstIndex(where: { $0.code == code }) {
            mine.cursor.index = found
            return
        }
        mine.cursor.clamp(count: requests.count)
        let neighbour = requests[safe: mine.cursor.index]?.code
        let moved = neighbour.map { bi("光标移到 \($0)", "focus moved to \($0)") } ?? bi("列表已空", "the list is now empty")
        addNotice(bi("\(code) 已不在本单位的需求中；\(moved.zh)", "\(code) is no longer among your enterprise's requests; \(moved.en)"))
    }

    /// The branch and enterprise that `p` would pair: only the two the operator picked with
    /// Space. The highlighted rows are never paired by themselves, so after a pair (which
    /// clears both picks) nothing is armed.
    var pairCandidate: ProposedPair? {
        guard let branch = pairing.pickedBranch, let enterprise = pairing.pickedEnterprise else { return nil }
        return ProposedPair(branch: branch, enterprise: enterprise)
    }

    /// Rows of the current drill-down level.
    var drillRows: [DrillRow] {
        guard let data else { return [] }
        let report = data.coverage
        switch coverage.level {
        case .city:
            let rows: [DrillRow] = coverage.byDistrict ? report.districts.map { .district($0) } : report.groups.map { .group($0) }
            return coverage.worstFirst ? DrillRow.worstFirst(rows) : rows
        case .group(let number):
            let rows: [DrillRow] = (report.group(number)?.districts ?? []).map { .district($0) }
            return coverage.worstFirst ? DrillRow.worstFirst(rows) : rows
        case .district(let code):
            let enterprises = data.snapshot.enterprises.filter { $0.districtCode == code }
            return enterprises.map { enterprise in
                let needs = data.snapshot.needsHelp(enterprise.code)
                return .enterprise(enterprise, needs: needs, branch: data.snapshot.pairedBranch(of: enterprise.code))
            }.sorted { a, b in a.sortKey < b.sortKey }
        case .enterprise:
            return []
        }
    }

    var drillCursor: ListCursor {
        get { coverage.cursors.last ?? ListCursor() }
        set { if coverage.cursors.isEmpty { coverage.cursors = [newValue] } else { coverage.cursors[coverage.cursors.count - 1] = newValue } }
    }

    /// Districts on the map, limited to a group supervisor's group.
    var mapDistricts: [District] {
        context.scope.districts(of: context.geography)
    }
}

/// One row of the coverage drill-down.
enum DrillRow: Sendable {
    case group(GroupCoverage)
    case district(DistrictCoverage)
    case enterprise(Enterprise, needs: Bool, branch: RecordCode?)

    var figures: CoverageFigures? {
        switch self {
        case .group(let g): g.figures
        case .district(let d): d.figures
        case .enterprise: nil
        }
    }

    /// Lowest coverage first (the exact share, not the rounded percentage); rows with nobody
    /// in need last; ties by the most enterprises left without a branch, then in their order.
    static func worstFirst(_ rows: [DrillRow]) -> [DrillRow] {
        func key(_ row: DrillRow) -> (Double, Int) {
            guard let f = row.figures, let coverage = f.coverage else { return (2, 0) }
            return (coverage, -(f.needingHelp - f.covered))
        }
        return rows.enumerated().sorted { a, b in
            let (ka, kb) = (key(a.element), key(b.element))
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    /// Blind spots first, then other enterprises needing help, then the rest, by code.
    var sortKey: (Int, Int) {
        switch self {
        case .enterprise(let e, let needs, let branch):
            (needs ? (branch == nil ? 0 : 1) : 2, e.code.number)
        default: (0, 0)
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
