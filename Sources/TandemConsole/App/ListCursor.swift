/// The selected row of a list and the first row shown, kept valid as the list and the
/// viewport change.
struct ListCursor: Sendable, Hashable {
    var index = 0
    var top = 0

    mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { index = 0; top = 0; return }
        index = min(max(0, index + delta), count - 1)
    }

    mutating func moveTo(_ position: Int, count: Int) {
        index = 0
        move(by: position, count: count)
    }

    mutating func clamp(count: Int) { move(by: 0, count: count) }

    /// Scrolls so that the selection is visible in `rows` rows; returns the first row shown.
    mutating func scroll(rows: Int, count: Int) -> Int {
        clamp(count: count)
        guard rows > 0 else { return 0 }
        if index < top { top = index }
        if index >= top + rows { top = index - rows + 1 }
        top = max(0, min(top, max(0, count - rows)))
        return top
    }
}

/// A one-line text input: the text and the caret (in characters).
struct LineEditor: Sendable, Hashable {
    var text = ""
    var caret = 0

    init(_ text: String = "") {
        self.text = text
        self.caret = text.count
    }

    /// Applies an editing key; false when the key is not an editing key.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            let at = text.index(text.startIndex, offsetBy: caret)
            text.insert(c, at: at)
            caret += 1
        case .backspace:
            guard caret > 0 else { return true }
            let at = text.index(text.startIndex, offsetBy: caret - 1)
            text.remove(at: at)
            caret -= 1
        case .delete:
            guard caret < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: caret))
        case .left: caret = max(0, caret - 1)
        case .right: caret = min(text.count, caret + 1)
        case .home, .ctrl("a"): caret = 0
        case .end, .ctrl("e"): caret = text.count
        case .ctrl("u"): text = ""; caret = 0
        default: return false
        }
        return true
    }

    /// Display columns before the caret, for placing the terminal cursor.
    var caretColumn: Int { DisplayWidthProxy.of(String(text.prefix(caret))) }
}

import TandemCore
enum DisplayWidthProxy {
    static func of(_ text: String) -> Int { DisplayWidth.of(TerminalText.sanitize(text)) }
}
