import TandemCore

/// A queue search that is exactly a record code (`R88`, `E2`, `B3`): the requests it names are
/// listed first, and when the filter hides them the message says so instead of "no match".
struct SearchedCode: Sendable, Hashable {
    var code: RecordCode

    init?(_ needle: String) {
        guard let code = RecordCode(parsing: needle) else { return nil }
        self.code = code
    }
}

extension QueueState {
    /// Why the record a code search names is not listed although it exists: its status, the
    /// filters or the read scope hide it. Nil when it is listed, or does not exist (then the
    /// queue says "no match").
    func hiddenSearchedRecord(_ s: ScreenContext) -> Bilingual? {
        guard let snapshot = s.snapshot, let searched = SearchedCode(search.text.trimmingWhitespace()) else { return nil }
        let code = searched.code
        if namedRowCount > 0 { return nil }
        let hint = bi("（Esc 清除筛选，f 更改筛选）", " (Esc clears the filter, f changes it)")
        switch code.kind {
        case .request:
            guard let request = s.data?.request(code) else { return nil }
            if let enterprise = snapshot.enterprise(request.enterpriseCode), !s.context.scope.includes(enterprise) {
                return outside(code, s)
            }
            let status = request.status.name
            return bi("\(code) \(status.zh)：被筛选隐藏\(hint.zh)", "\(code) is \(status.en): hidden by the filter\(hint.en)")
        case .enterprise:
            guard let enterprise = snapshot.enterprise(code) else { return nil }
            if !s.context.scope.includes(enterprise) { return outside(code, s) }
            let count = snapshot.requests(of: code).count
            if count == 0 { return bi("\(code) 没有需求", "\(code) has no requests") }
            return bi("\(code) 的 \(count) 项需求均被筛选隐藏\(hint.zh)", "all \(count) request(s) of \(code) are hidden by the filter\(hint.en)")
        case .branch:
            guard let branch = snapshot.branch(code) else { return nil }
            if !s.context.scope.includes(branch) { return outside(code, s) }
            guard let enterprise = snapshot.pairedEnterprise(of: code) else {
                return bi("突击队 \(code) 没有结对单位，没有需求", "branch \(code) is not paired: no requests")
            }
            let count = snapshot.requests(of: enterprise).count
            if count == 0 { return bi("突击队 \(code) 负责的 \(enterprise) 没有需求", "\(enterprise), which branch \(code) works for, has no requests") }
            return bi("突击队 \(code) 负责的 \(enterprise) 的 \(count) 项需求均被筛选隐藏\(hint.zh)",
                      "all \(count) request(s) of \(enterprise), which branch \(code) works for, are hidden by the filter\(hint.en)")
        }
    }

    private func outside(_ code: RecordCode, _ s: ScreenContext) -> Bilingual {
        let scope = s.context.scope.name
        return bi("\(code) 不在您可查看的范围（\(scope.zh)）", "\(code) is outside what you may see (\(scope.en))")
    }
}

extension QueueState {
    /// The quick filters in the order `F` steps through them, for the help line.
    func quickFilterCycle(_ s: ScreenContext) -> Bilingual {
        let labels = QuickFilter.available(for: s.context.actor.role).map(\.label)
        return bi(labels.map(\.zh).joined(separator: " → "), labels.map(\.en).joined(separator: " → "))
    }

    /// `F`: the next quick filter (overdue → no branch → my branch for a lead → none).
    mutating func cycleQuickFilter(_ s: ScreenContext) -> ScreenOutcome {
        let cycle: [QuickFilter?] = QuickFilter.available(for: s.context.actor.role) + [nil]
        let next = cycle[((cycle.firstIndex(of: filter.quick) ?? cycle.count - 1) + 1) % cycle.count]
        filter.quick = next
        _ = rebuild(s)
        return .info(next.map { bi("快速筛选：\($0.label.zh)（共 \(rows.count) 项）", "quick filter: \($0.label.en) (\(rows.count) shown)") }
                     ?? bi("快速筛选已关闭", "quick filter off"))
    }
}
