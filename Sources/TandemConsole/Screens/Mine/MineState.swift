import TandemCore

struct MineState: Sendable {
    var cursor = ListCursor()
}
