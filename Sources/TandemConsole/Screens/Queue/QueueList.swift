import TandemCore

/// The queue's rows, recomputed when the data, the sort, a filter or the search changes, and
/// the request under its cursor.
extension QueueState {
    func selectedRequest(_ s: ScreenContext) -> Request? {
        guard let data = s.data, rows.indices.contains(cursor.index) else { return nil }
        return data.snapshot.requests[Int(rows[cursor.index])]
    }

    /// Recomputes the visible queue rows from the sort order, filters and search text. Uses
    /// the packed per-request arrays of `CityData`; while a search is being extended character
    /// by character only the previous matches are searched again. Returns what the message
    /// line should add when the focused request left the list.
    mutating func rebuild(_ s: ScreenContext) -> Bilingual? {
        rebuild(following: selectedRequest(s)?.code, s)
    }

    /// Rebuilds the rows and puts the cursor back on `focus` (a request code, so the cursor
    /// follows the record and not its old position). A search that names a request's code
    /// exactly goes to that request. When `focus` is no longer listed, the cursor moves to the
    /// row now at its place and the message line says so.
    mutating func rebuild(following focus: RecordCode?, _ s: ScreenContext) -> Bilingual? {
        guard let data = s.data else { rows = []; return nil }
        let filter = self.filter
        let needleText = self.search.text.trimmingWhitespace().lowercased()
        let needle = Array(needleText.utf8)
        let key = QueueKey(sort: sort, filter: filter, version: data.snapshot.version)
        let source: [Int32]
        if let previous = lastKey, previous.key == key, !previous.needle.isEmpty, needleText.hasPrefix(previous.needle) {
            source = self.rows      // narrowing: the new matches are a subset of the old ones
        } else {
            source = data.order(sort)
        }
        var districtAllowed = [Bool](repeating: true, count: 256)
        let scope = s.context.scope
        if filter.group != nil || !scope.isWholeCity {
            // In the read scope and, when filtered, in the chosen group; a group outside the scope shows nothing.
            for (i, d) in s.context.geography.districts.enumerated() where i < 255 {
                districtAllowed[i] = scope.includes(district: d.code) && (filter.group.map { d.group == $0 } ?? true)
            }
            districtAllowed[255] = false
        }
        if let district = filter.district {
            let index = data.districtCodes.firstIndex(of: district) ?? 255
            for i in 0..<256 where i != index { districtAllowed[i] = false }
        }
        let wantedCategory: UInt8? = filter.category.map { code in UInt8(data.categoryCodes.firstIndex(of: code) ?? 255) }
        let wantedStatus: UInt8? = filter.status.map(CityData.statusCode)
        let all = filter.allStatuses
        let snapshot = data.snapshot
        let requests = snapshot.requests
        let today = data.today
        let myEnterprise = s.context.leadBranch.flatMap { snapshot.pairedEnterprise(of: $0) }
        /// The quick filter's test (nil: none); reads the request only when one is set.
        let quickTest: ((Int) -> Bool)? = filter.quick.map { quick in
            switch quick {
            case .overdue: { requests[$0].isOverdue(on: today) }
            case .noBranch: { snapshot.pairedBranch(of: requests[$0].enterpriseCode) == nil }
            case .myBranch: { myEnterprise != nil && requests[$0].enterpriseCode == myEnterprise }
            }
        }
        // Narrowing scans only the previous matches; a fresh search marks all matches in one pass.
        let narrowing = source.count < data.status.count / 8
        let search = needle.isEmpty ? nil : data.searchIndex()
        let matched: [Bool]? = (search == nil || narrowing) ? nil : search!.matchAll(needle)
        // A search for a code puts that record's requests first (`E2` before `E21`, `R5` before
        // `R592`), in the sort order among themselves: the positions it names are looked up.
        let exact = SearchedCode(needleText)
        var named: [Bool]? = nil
        if let exact {
            let positions = data.positions(namedBy: exact)
            if !positions.isEmpty {
                var mask = [Bool](repeating: false, count: data.status.count)
                for i in positions { mask[i] = true }
                named = mask
            }
        }
        // The focused record's row is noted while the rows are built: no second walk to find it.
        let focusIndex: Int32 = focus.flatMap { data.requestPosition[$0] }.map { Int32($0) } ?? -1
        var focusRow: Int? = nil
        var rows: [Int32] = [], first: [Int32] = []
        rows.reserveCapacity(source.count)
        data.status.withUnsafeBufferPointer { status in
            data.district.withUnsafeBufferPointer { district in
                data.category.withUnsafeBufferPointer { category in
                    for index in source {
                        let i = Int(index)
                        if let wantedStatus { if status[i] != wantedStatus { continue } } else if !all, status[i] > 1 { continue }
                        if let wantedCategory, category[i] != wantedCategory { continue }
                        if !districtAllowed[Int(district[i])] { continue }
                        if let matched { if !matched[i] { continue } } else if let search, !search.matches(i, needle) { continue }
                        if let quickTest, !quickTest(i) { continue }
                        if let named, named[i] { first.append(index); continue }
                        if index == focusIndex { focusRow = rows.count }
                        rows.append(index)
                    }
                }
            }
        }
        namedRowCount = first.count
        if !first.isEmpty {
            rows = first + rows
        }
        self.rows = rows
        lastKey = (key, needleText)
        if !first.isEmpty {
            cursor.index = 0
        } else if let focusRow {
            cursor.index = focusRow
        } else {
            cursor.clamp(count: rows.count)
            if let focus { return focusMoved(from: focus, to: selectedRequest(s)?.code, s) }
        }
        return nil
    }

    /// Says that the focused request left the list, why, and where the cursor went; added to
    /// what the message line already says (the result of the action that moved it).
    func focusMoved(from code: RecordCode, to neighbour: RecordCode?, _ s: ScreenContext) -> Bilingual {
        let request = s.data?.request(code)
        let why: Bilingual
        if let request, !request.status.isActive, !filter.allStatuses, filter.status != request.status {
            why = bi("\(request.status.name.zh)，不在当前列表中", "is \(request.status.name.en) and no longer listed")
        } else if request != nil, !search.text.trimmingWhitespace().isEmpty {
            why = bi("不匹配搜索“\(search.text.trimmingWhitespace())”", "does not match the search \"\(search.text.trimmingWhitespace())\"")
        } else if request != nil {
            why = bi("不在当前筛选中", "is outside the current filter")
        } else {
            why = bi("已不存在", "no longer exists")
        }
        let moved = neighbour.map { bi("光标移到 \($0)", "focus moved to \($0)") } ?? bi("列表已空", "the list is now empty")
        return bi("\(code) \(why.zh)；\(moved.zh)", "\(code) \(why.en); \(moved.en)")
    }
}
