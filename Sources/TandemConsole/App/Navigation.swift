import TandemCore

/// Moving through the supervisor's drill-down and the coverage map.
extension ConsoleState {
    // MARK: Drill-down

    mutating func drillIn() -> [Effect] {
        if tab == .map {
            guard let code = map.selected ?? mapDistricts.first?.code,
                  let district = context.geography.district(code: code) else { return [] }
            var path: [DrillLevel] = context.supervisedGroup == nil ? [.city, .group(district.group)] : [.group(district.group)]
            path.append(.district(code))
            coverage.path = path
            coverage.cursors = path.map { _ in ListCursor() }
            tab = .coverage
            return []
        }
        let rows = drillRows
        guard let row = rows[safe: drillCursor.index] else { return [] }
        let next: DrillLevel
        switch row {
        case .group(let g): next = .group(g.group.number)
        case .district(let d):
            next = .district(d.district.code)
        case .enterprise(let e, _, _): next = .enterprise(e.code)
        }
        coverage.path.append(next)
        coverage.cursors.append(ListCursor())
        if case .enterprise(let code) = next { return [.loadHistory(code)] }
        return []
    }

    mutating func drillOut() {
        guard coverage.path.count > 1 else { return }
        coverage.path.removeLast()
        coverage.cursors.removeLast()
    }

    // MARK: Map

    enum MapMove { case up, down, left, right }

    /// Moves to the nearest district in the direction pressed.
    mutating func moveOnMap(_ move: MapMove) {
        let districts = mapDistricts
        // Nothing chosen yet means the first district, which the map already shows focused:
        // the first arrow moves from it rather than merely choosing it.
        guard let current = districts.first(where: { $0.code == map.selected }) ?? districts.first else { return }
        let candidates = districts.filter { d in
            switch move {
            case .up: d.tile.row < current.tile.row
            case .down: d.tile.row > current.tile.row
            case .left: d.tile.col < current.tile.col
            case .right: d.tile.col > current.tile.col
            }
        }
        let best = candidates.min { a, b in
            func cost(_ d: District) -> Int {
                let dr = abs(d.tile.row - current.tile.row), dc = abs(d.tile.col - current.tile.col)
                switch move {
                case .up, .down: return dr * 10 + dc * 3
                case .left, .right: return dc * 10 + dr * 3
                }
            }
            return cost(a) < cost(b)
        }
        map.selected = best?.code ?? current.code
        if best == nil {
            // Said, not only shown: without it a screen reader hears the same district again.
            let side: Bilingual = switch move {
            case .up: bi("上方", "above")
            case .down: bi("下方", "below")
            case .left: bi("左边", "to the left")
            case .right: bi("右边", "to the right")
            }
            notice = Notice(kind: .info, text: bi("\(current.name.zh)\(side.zh)没有区县", "no district \(side.en) of \(current.name.en)"))
        }
    }
}
