import TandemCore

/// The detail view of one request, enterprise or branch: everything about it and its whole
/// history (every pairing, delivery and change, counted), read line by line. Opened with
/// Enter on a focused row or `:show R88|E12|B3`; anyone whose read scope holds the record
/// may open it (`Permissions.readScope`).
struct DetailView: Sendable, Hashable {
    var code: RecordCode
    /// The line being read: the cursor is on it and the view shows its page.
    var scroll = 0
}

/// Why a detail view does not open: the record is missing or outside what the operator may see.
struct DetailRefusal: Error {
    var text: Bilingual
}

extension DetailView {
    /// The detail view of `code` and the history it reads, when the operator may read it; nil
    /// before the city is loaded.
    static func open(_ code: RecordCode, _ s: ScreenContext) -> Result<(view: DetailView, load: Effect), DetailRefusal>? {
        guard let snapshot = s.snapshot else { return nil }
        let enterprise: Enterprise
        switch code.kind {
        case .request:
            guard let request = s.data?.request(code) else {
                return .failure(DetailRefusal(text: bi("找不到需求 \(code)", "no request \(code)")))
            }
            guard let found = snapshot.enterprise(request.enterpriseCode) else { return nil }
            enterprise = found
        case .enterprise:
            guard let found = snapshot.enterprise(code) else {
                return .failure(DetailRefusal(text: bi("找不到单位 \(code)", "no enterprise \(code)")))
            }
            enterprise = found
        case .branch:
            guard let branch = snapshot.branch(code) else {
                return .failure(DetailRefusal(text: bi("找不到突击队 \(code)", "no branch \(code)")))
            }
            if !s.context.scope.includes(branch) { return .failure(outsideScope(code, s)) }
            return .success((DetailView(code: code), .loadBranchHistory(code)))
        }
        if !s.context.scope.includes(enterprise) { return .failure(outsideScope(code, s)) }
        return .success((DetailView(code: code), .loadHistory(enterprise.code)))
    }

    private static func outsideScope(_ code: RecordCode, _ s: ScreenContext) -> DetailRefusal {
        let scope = s.context.scope.name
        return DetailRefusal(text: bi("\(code) 不在您可查看的范围（\(scope.zh)）", "\(code) is outside what you may see (\(scope.en))"))
    }

    /// The history to read again when the city changed under the open view.
    func reload(_ s: ScreenContext) -> Effect? {
        switch code.kind {
        case .branch: .loadBranchHistory(code)
        case .enterprise: .loadHistory(code)
        case .request: s.data?.request(code).map { .loadHistory($0.enterpriseCode) }
        }
    }

    /// Rows of the detail view available for its lines (title and hint lines aside).
    static func viewport(_ s: ScreenContext) -> Int { max(1, s.height - 5) }

    /// Moves the line being read (the cursor's); the view pages to keep it shown.
    mutating func scroll(_ action: ConsoleAction, _ s: ScreenContext) {
        let count = s.detailLines(code).count
        let page = Self.viewport(s)
        let last = max(0, count - 1)
        switch action {
        case .up: scroll -= 1
        case .down: scroll += 1
        // A page turned is read from its top.
        case .pageUp: scroll = max(0, scroll / page - 1) * page
        case .pageDown: scroll = scroll / page * page + page <= last ? scroll / page * page + page : scroll
        case .top: scroll = 0
        case .bottom: scroll = last
        default: break
        }
        scroll = min(max(0, scroll), last)
    }
}
