import TandemCore

/// The lead's enterprise and its requests as listed.
extension MineState {
    /// The lead's requests as listed: the active ones by urgency (`RequestOrder`, the order of
    /// the queue and of `tandem request list`), then the done and cancelled ones apart, newest first.
    func requests(_ s: ScreenContext) -> [Request] {
        guard let enterprise = s.myEnterprise, let data = s.data else { return [] }
        let requests = data.snapshot.requests(of: enterprise.code)
        let today = data.today
        let active = requests.filter { $0.status.isActive }.sorted { RequestOrder.isMoreUrgent($0, than: $1, today: today) }
        let closed = requests.filter { !$0.status.isActive }.sorted { $0.code > $1.code }
        return active + closed
    }

    /// How many of `requests` are active (listed before the heading of the closed ones).
    func activeRequestCount(_ s: ScreenContext) -> Int { requests(s).prefix { $0.status.isActive }.count }

    /// The latest end or change of the lead's pairing made by a dispatcher in the last week,
    /// from the branch's audit events (loaded with the data).
    func pairingChange(_ s: ScreenContext) -> PairingChange? {
        guard let branch = s.context.leadBranch, let data = s.data, let events = s.branchHistories[branch] else { return nil }
        let weekAgo = Timestamp(day: Day(ordinal: data.today.ordinal - 7))
        return PairingChange.latest(of: branch, in: events, current: data.snapshot.pairedEnterprise(of: branch),
                                    viewer: s.context.actor.login, since: weekAgo)
    }

    func selectedRequest(_ s: ScreenContext) -> Request? {
        let requests = requests(s)
        return requests.indices.contains(cursor.index) ? requests[cursor.index] : nil
    }

    /// Puts the lead's cursor back on `code` after the list changed (a delivery that finishes a
    /// request moves it among the done ones); when it is gone, on the row now at its place, and
    /// says so (the words returned, for the message line).
    mutating func follow(_ code: RecordCode, _ s: ScreenContext) -> Bilingual? {
        let requests = requests(s)
        if let found = requests.firstIndex(where: { $0.code == code }) {
            cursor.index = found
            return nil
        }
        cursor.clamp(count: requests.count)
        let neighbour = requests[safe: cursor.index]?.code
        let moved = neighbour.map { bi("光标移到 \($0)", "focus moved to \($0)") } ?? bi("列表已空", "the list is now empty")
        return bi("\(code) 已不在本单位的需求中；\(moved.zh)", "\(code) is no longer among your enterprise's requests; \(moved.en)")
    }
}
