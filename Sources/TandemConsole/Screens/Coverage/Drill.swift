import TandemCore

/// The supervisor's drill-down: its rows at each level and moving through the levels.
extension CoverageState {
    /// Rows of the current drill-down level.
    func rows(_ s: ScreenContext) -> [DrillRow] {
        guard let data = s.data else { return [] }
        let report = data.coverage
        switch level {
        case .city:
            let rows: [DrillRow] = byDistrict ? report.districts.map { .district($0) } : report.groups.map { .group($0) }
            return worstFirst ? DrillRow.worstFirst(rows) : rows
        case .group(let number):
            let rows: [DrillRow] = (report.group(number)?.districts ?? []).map { .district($0) }
            return worstFirst ? DrillRow.worstFirst(rows) : rows
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

    /// The cursor of the level shown.
    var cursor: ListCursor {
        get { cursors.last ?? ListCursor() }
        set { if cursors.isEmpty { cursors = [newValue] } else { cursors[cursors.count - 1] = newValue } }
    }

    mutating func drillIn(_ s: ScreenContext) -> [Effect] {
        guard let row = rows(s)[safe: cursor.index] else { return [] }
        let next: DrillLevel
        switch row {
        case .group(let g): next = .group(g.group.number)
        case .district(let d):
            next = .district(d.district.code)
        case .enterprise(let e, _, _): next = .enterprise(e.code)
        }
        path.append(next)
        cursors.append(ListCursor())
        if case .enterprise(let code) = next { return [.loadHistory(code)] }
        return []
    }

    mutating func drillOut() {
        guard path.count > 1 else { return }
        path.removeLast()
        cursors.removeLast()
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
