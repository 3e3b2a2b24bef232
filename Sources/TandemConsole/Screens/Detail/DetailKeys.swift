import TandemCore

/// The detail view's key table.
extension DetailView {
    /// Keys of the detail view: scrolling its lines and closing it.
    static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], action: .up, label: bi("上", "up"), help: bi("上滚一行", "scroll up a line"), footer: false),
        KeyBinding(keys: [.down, .char("j")], action: .down, label: bi("滚动", "scroll"), help: bi("下滚一行", "scroll down a line")),
        KeyBinding(keys: [.pageUp], action: .pageUp, label: bi("上页", "page up"), help: bi("上翻一页", "page up"), footer: false),
        KeyBinding(keys: [.pageDown], action: .pageDown, label: bi("下页", "page down"), help: bi("下翻一页", "page down"), footer: false),
        KeyBinding(keys: [.home, .char("g")], action: .top, label: bi("开头", "top"), help: bi("到第一行", "go to the first line"), footer: false),
        KeyBinding(keys: [.end, .char("G")], action: .bottom, label: bi("末尾", "end"), help: bi("到最后一行", "go to the last line")),
        KeyBinding(keys: [.escape, .enter, .backspace], action: .closeDetail, label: bi("关闭", "close"),
                   help: bi("关闭详情", "close the details"), command: "close"),
    ]
}
