import TandemCore

/// The map's key table.
extension MapState {
    func bindings(_ s: ScreenContext) -> [KeyBinding] {
        [
            KeyBinding(keys: [.up, .char("k")], action: .up, label: bi("移动", "move"),
                       help: bi("在地图上向北移动", "move north on the map"), command: "up"),
            KeyBinding(keys: [.down, .char("j")], action: .down, label: bi("下", "down"),
                       help: bi("在地图上向南移动", "move south on the map"), command: "down", footer: false),
            KeyBinding(keys: [.left, .char("h")], action: .left, label: bi("左", "left"),
                       help: bi("在地图上向西移动", "move west on the map"), command: "left", footer: false),
            KeyBinding(keys: [.right, .char("l")], action: .right, label: bi("右", "right"),
                       help: bi("在地图上向东移动", "move east on the map"), command: "right", footer: false),
            KeyBinding(keys: [.enter], action: .open, label: bi("查看区县", "open district"),
                       help: bi("查看所选区县的单位", "show the selected district's enterprises"), command: "open"),
        ]
    }
}
