import TandemCore

struct MapState: Sendable {
    var selected: String?
}
