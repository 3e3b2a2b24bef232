import TandemCore

/// Moving on the coverage map.
extension ConsoleState {
    /// Districts on the map, limited to a group supervisor's group.
    var mapDistricts: [District] {
        context.scope.districts(of: context.geography)
    }

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
