import TandemCore

/// The lead's enterprise and its requests as listed.
extension ConsoleState {
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
}
