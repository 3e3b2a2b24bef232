import TandemCore

/// Moving on the coverage map, and opening a district in the coverage drill-down.
extension MapState {
    mutating func perform(_ action: ConsoleAction, _ s: ScreenContext) -> ScreenOutcome {
        switch action {
        case .up: move(.up, s)
        case .down: move(.down, s)
        case .left: move(.left, s)
        case .right: move(.right, s)
        case .open: open(s)
        default: .none
        }
    }

    enum Move { case up, down, left, right }

    /// Moves to the nearest district in the direction pressed.
    mutating func move(_ move: Move, _ s: ScreenContext) -> ScreenOutcome {
        let districts = s.mapDistricts
        // Nothing chosen yet means the first district, which the map already shows focused:
        // the first arrow moves from it rather than merely choosing it.
        guard let current = districts.first(where: { $0.code == selected }) ?? districts.first else { return .none }
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
        selected = best?.code ?? current.code
        guard best == nil else { return .none }
            // Said, not only shown: without it a screen reader hears the same district again.
            let side: Bilingual = switch move {
            case .up: bi("上方", "above")
            case .down: bi("下方", "below")
            case .left: bi("左边", "to the left")
            case .right: bi("右边", "to the right")
            }
        return .info(bi("\(current.name.zh)\(side.zh)没有区县", "no district \(side.en) of \(current.name.en)"))
    }

    /// Enter: the focused district's enterprises, in the coverage drill-down (its group above it).
    func open(_ s: ScreenContext) -> ScreenOutcome {
        guard let code = selected ?? s.mapDistricts.first?.code, let district = s.context.geography.district(code: code) else { return .none }
        var path: [DrillLevel] = s.context.supervisedGroup == nil ? [.city, .group(district.group)] : [.group(district.group)]
        path.append(.district(code))
        return ScreenOutcome(coveragePath: path)
    }
}
