import Foundation
import TandemCore

/// Shows "waiting for another operator…" on the console's message line while a change waits
/// for another operator's transaction. The store calls `show()` from the thread that waits,
/// while the console's own loop is blocked inside that change, so the terminal still has one
/// user at a time; the loop's next frame replaces the line.
public final class WaitingLine: @unchecked Sendable {
    private let lock = NSLock()
    private var draw: (() -> Void)?

    public init() {}

    public func show() {
        lock.lock()
        let draw = self.draw
        lock.unlock()
        draw?()
    }

    func attach(_ draw: (() -> Void)?) {
        lock.lock()
        self.draw = draw
        lock.unlock()
    }

    static let text = Bilingual(zh: "正在等待其他操作员完成修改…", en: "waiting for another operator…")

    /// Draws the text over the message line of the last frame.
    func attach(to terminal: CursesTerminal, lang: Lang) {
        attach {
            guard var frame = terminal.previous, frame.height >= 2 else { return }
            frame.putPadded(WaitingLine.text.text(lang), x: 0, y: frame.height - 2, width: frame.width, style: .accent)
            terminal.draw(frame)
        }
    }
}
