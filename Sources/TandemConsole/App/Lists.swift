import TandemCore

/// The lists screens show, recomputed when the data, the sort, a filter or the search changes.
extension ConsoleState {
    // MARK: Derived lists

    /// Recomputes the visible queue rows from the sort order, filters and search text. Uses
    /// the packed per-request arrays of `CityData`; while a search is being extended character
    /// by character only the previous matches are searched again.
    mutating func rebuildQueue() {
        guard let data else { queue.rows = []; return }
        let keep = queue.rows[safe: queue.cursor.index]
        let filter = queue.filter
        let needleText = queue.search.text.trimmingWhitespace().lowercased()
        let needle = Array(needleText.utf8)
        let key = QueueKey(sort: queue.sort, filter: filter, version: data.snapshot.version)
        let source: [Int32]
        if let previous = queue.lastKey, previous.key == key, !previous.needle.isEmpty, needleText.hasPrefix(previous.needle) {
            source = queue.rows      // narrowing: the new matches are a subset of the old ones
        } else {
            source = data.order(queue.sort)
        }
        var districtAllowed = [Bool](repeating: true, count: 256)
        let scope = context.scope
        if filter.group != nil || !scope.isWholeCity {
            // In the read scope and, when filtered, in the chosen group; a group outside the scope shows nothing.
            for (i, d) in context.geography.districts.enumerated() where i < 255 {
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
        // Narrowing scans only the previous matches; a fresh search marks all matches in one pass.
        let narrowing = source.count < data.status.count / 8
        let search = needle.isEmpty ? nil : data.searchIndex()
        let matched: [Bool]? = (search == nil || narrowing) ? nil : search!.matchAll(needle)
        var rows: [Int32] = []
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
                        rows.append(index)
                    }
                }
            }
        }
        queue.rows = rows
        queue.lastKey = (key, needleText)
        if let keep, let position = rows.firstIndex(of: keep) {
            queue.cursor.index = position
        } else {
            queue.cursor.clamp(count: rows.count)
        }
    }

    /// Free branches and unpaired enterprises (those needing help first, then by district).
    mutating func rebuildPairing() {
        guard let snapshot else { return }
        pairing.branchRows = snapshot.branches.indices.filter { snapshot.isFree(snapshot.branches[$0]) }
        // Unpaired enterprises, those that need help first: one pass.
        var needs: [Int] = [], rest: [Int] = []
        for i in snapshot.enterprises.indices {
            let code = snapshot.enterprises[i].code
            guard !snapshot.pairingByEnterprise.contains(code) else { continue }
            if snapshot.needsHelp(code) { needs.append(i) } else { rest.append(i) }
        }
        pairing.enterpriseRows = needs + rest
        if let b = pairing.pickedBranch, snapshot.pairingByBranch[b] != nil { pairing.pickedBranch = nil }
        if let e = pairing.pickedEnterprise, snapshot.pairingByEnterprise[e] != nil { pairing.pickedEnterprise = nil }
        pairing.branches.clamp(count: pairing.branchRows.count)
        pairing.enterprises.clamp(count: pairing.enterpriseRows.count)
    }
}
