/// A key press, independent of the terminal library.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)

    /// The label shown in the footer and help (`↑`, `Enter`, `F1`, `^L`).
    public var description: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "^" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .function(let n): "F\(n)"
        }
    }

    /// Keys for tests and scripts: `"a"`, `"Enter"`, `"Down"`, `"^L"`.
    public static func parse(_ name: String) -> Key? {
        switch name.lowercased() {
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pageup", "pgup": return .pageUp
        case "pagedown", "pgdn": return .pageDown
        case "home": return .home
        case "end": return .end
        case "enter", "return": return .enter
        case "esc", "escape": return .escape
        case "bksp", "backspace": return .backspace
        case "del", "delete": return .delete
        case "tab": return .tab
        case "s-tab", "btab": return .backTab
        case "space": return .char(" ")
        default: break
        }
        if name.count == 2, name.first == "^", let c = name.last { return .ctrl(Character(c.lowercased())) }
        if name.count >= 2, name.first == "F" || name.first == "f", let n = Int(name.dropFirst()) { return .function(n) }
        if name.count == 1, let c = name.first { return .char(c) }
        return nil
    }
}
