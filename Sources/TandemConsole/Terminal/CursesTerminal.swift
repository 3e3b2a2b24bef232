@preconcurrency import CNcursesw
import Foundation
import TandemCore

/// Why the console cannot start on this terminal, with a message that says what to do.
public struct TerminalUnavailable: Error, Sendable {
    public let message: Bilingual
}

/// The only place that talks to ncurses. One instance, used from one thread: it checks the
/// terminal, owns curses mode, reads keys with a timeout and draws the rows of a `Grid` that
/// changed since the last frame.
final class CursesTerminal {
    private(set) var previous: Grid?
    private var hasColor = false
    private(set) var theme: ThemeKind
    private var screen: OpaquePointer?

    /// Checks stdin/stdout are a TTY, the locale is UTF-8 and `TERM` is known, before any curses
    /// call (so that a failure never leaves a broken terminal or a spinning process).
    static func preflight(environment: [String: String]) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalUnavailable(message: Bilingual(
                zh: "tandem console 需要在终端中运行（标准输入和输出都必须是 TTY）；脚本请使用 tandem 的命令行子命令",
                en: "tandem console needs a terminal (stdin and stdout must be a TTY); for scripts use the tandem subcommands"))
        }
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        guard codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" else {
            throw TerminalUnavailable(message: Bilingual(
                zh: "当前区域设置的字符集是 \(codeset)，不是 UTF-8，中文无法正确显示；请设置 LANG=C.UTF-8（或 zh_CN.UTF-8）后重试",
                en: "the locale's character set is \(codeset), not UTF-8, so Chinese text cannot be drawn; set LANG=C.UTF-8 (or zh_CN.UTF-8) and try again"))
        }
        guard let term = environment["TERM"], !term.isEmpty else {
            throw TerminalUnavailable(message: Bilingual(
                zh: "未设置 TERM 环境变量；请设置为终端类型（如 TERM=xterm-256color）",
                en: "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color)"))
        }
        var status: Int32 = 0
        guard setupterm(term, STDOUT_FILENO, &status) == OK, status == 1 else {
            throw TerminalUnavailable(message: Bilingual(
                zh: "未知的终端类型 TERM=\(term)（terminfo 中没有）；请改用 TERM=xterm-256color 或安装 ncurses-term",
                en: "unknown terminal type TERM=\(term) (not in terminfo); use TERM=xterm-256color or install ncurses-term"))
        }
    }

    init(theme: ThemeKind) throws {
        self.theme = theme
        tandem_install_signal_handlers()
        guard let screen = newterm(nil, stdout, stdin) else {
            throw TerminalUnavailable(message: Bilingual(zh: "无法初始化终端", en: "cannot initialise the terminal"))
        }
        self.screen = screen
        set_term(screen)
        tandem_set_curses_active(1)
        cbreak()      // Ctrl-C still sends SIGINT, restored by the handler.
        noecho()
        nonl()
        keypad(tandem_stdscr(), true)
        set_escdelay(25)
        curs_set(1)
        if has_colors() {
            start_color()
            use_default_colors()
            hasColor = true
        }
        if !hasColor { self.theme = .monochrome }
        applyTheme(self.theme)
    }

    var size: (width: Int, height: Int) {
        var rows: Int32 = 0, cols: Int32 = 0
        tandem_screen_size(&rows, &cols)
        return (Int(cols), Int(rows))
    }

    func setTheme(_ theme: ThemeKind) {
        self.theme = hasColor ? theme : .monochrome
        applyTheme(self.theme)
        previous = nil
    }

    /// Waits up to `timeoutMs` for a key; nil on timeout. `resize` reports a size change.
    func readKey(timeoutMs: Int32) -> KeyInput? {
        wtimeout(tandem_stdscr(), timeoutMs)
        var value: wint_t = 0
        let result = wget_wch(tandem_stdscr(), &value)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            switch Int32(value) {
            case KEY_RESIZE: return .resize
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_BTAB: return .key(.backTab)
            case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(Int32(value) - KEY_F0)))
            default: return .ignored
            }
        }
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return .ignored }
            return .key(.char(Character(scalar)))
        }
    }

    /// Draws the rows that changed since the last frame, then places the cursor; one `doupdate`.
    func draw(_ grid: Grid) {
        let rows = grid.changedRows(since: previous)
        if previous == nil || previous?.width != grid.width || previous?.height != grid.height {
            clearok(tandem_stdscr(), true)
        }
        for y in rows { drawRow(y, of: grid) }
        if let cursor = grid.cursor {
            wmove(tandem_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            wmove(tandem_stdscr(), Int32(max(0, grid.height - 1)), 0)
        }
        wnoutrefresh(tandem_stdscr())
        doupdate()
        previous = grid
    }

    /// Forgets the last frame so the next draw repaints everything (after a resize or ^L).
    func invalidate() { previous = nil }

    private func drawRow(_ y: Int, of grid: Grid) {
        // Draw the changed span only: from the first to the last differing cell.
        var from = 0, to = grid.width
        if let previous, previous.width == grid.width, previous.height == grid.height {
            while from < grid.width, grid[from, y] == previous[from, y] { from += 1 }
            while to > from, grid[to - 1, y] == previous[to - 1, y] { to -= 1 }
            while from > 0, grid[from, y].isContinuation || previous[from, y].isContinuation { from -= 1 }
            if to < grid.width, grid[to, y].isContinuation || previous[to, y].isContinuation { to += 1 }
        }
        var x = from
        // The bottom-right cell cannot be written without scrolling in some terminals: skip it.
        let end = (y == grid.height - 1) ? min(to, grid.width - 1) : to
        while x < end {
            let style = grid[x, y].style
            var run: [wchar_t] = []
            let start = x
            while x < end, grid[x, y].style == style {
                let cell = grid[x, y]
                if !cell.isContinuation {
                    for scalar in cell.text.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                }
                x += 1
            }
            // A wide character whose right half falls past `end` was drawn whole; fine.
            run.append(0)
            _ = tandem_draw(Int32(y), Int32(start), run, attributes(for: style))
        }
    }

    private func attributes(for style: Style) -> attr_t {
        var attrs = tandem_attr_normal()
        if style.bold { attrs |= tandem_attr_bold() }
        if style.reverse { attrs |= tandem_attr_reverse() }
        if style.underline { attrs |= tandem_attr_underline() }
        attrs |= Palette.attributes(for: style.tone, theme: theme)
        return attrs
    }

    private func applyTheme(_ theme: ThemeKind) {
        guard hasColor else { return }
        for tone in Tone.allCases {
            if let (fg, bg) = Palette.colors(for: tone, theme: theme) {
                init_pair(Int16(tone.rawValue + 1), fg, bg)
            }
        }
    }

    /// Leaves curses mode and restores the terminal. Safe to call twice.
    func shutdown() {
        guard screen != nil else { return }
        tandem_set_curses_active(0)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    deinit { shutdown() }
}

/// What `readKey` saw.
enum KeyInput {
    case key(Key)
    case resize
    case ignored
}

/// Colours and attributes per tone and theme. Monochrome uses attributes only.
enum Palette {
    static func colors(for tone: Tone, theme: ThemeKind) -> (Int16, Int16)? {
        let black = Int16(COLOR_BLACK), white = Int16(COLOR_WHITE), red = Int16(COLOR_RED), green = Int16(COLOR_GREEN)
        let yellow = Int16(COLOR_YELLOW), blue = Int16(COLOR_BLUE), cyan = Int16(COLOR_CYAN), byDefault: Int16 = -1
        switch theme {
        case .monochrome:
            return nil
        case .highContrast:
            switch tone {
            case .selected, .title, .barFill: return (black, white)
            default: return (white, black)
            }
        case .standard:
            switch tone {
            case .normal, .input: return (byDefault, byDefault)
            case .title: return (white, blue)
            case .header: return (cyan, byDefault)
            case .selected: return (black, cyan)
            case .dim, .disabled: return (byDefault, byDefault)
            case .good: return (green, byDefault)
            case .warn: return (yellow, byDefault)
            case .bad, .error: return (red, byDefault)
            case .accent: return (cyan, byDefault)
            case .key: return (yellow, byDefault)
            case .barFill: return (green, byDefault)
            case .barEmpty: return (byDefault, byDefault)
            }
        }
    }

    static func attributes(for tone: Tone, theme: ThemeKind) -> attr_t {
        switch theme {
        case .monochrome:
            switch tone {
            case .title, .selected: return tandem_attr_reverse()
            case .header, .bad, .error, .key: return tandem_attr_bold()
            case .warn: return tandem_attr_underline()
            case .dim, .disabled, .barEmpty: return tandem_attr_dim()
            default: return tandem_attr_normal()
            }
        case .highContrast:
            var attrs = tandem_color_pair(Int16(tone.rawValue + 1))
            switch tone {
            case .dim, .barEmpty: break
            case .disabled: attrs |= tandem_attr_underline()
            default: attrs |= tandem_attr_bold()
            }
            return attrs
        case .standard:
            var attrs = tandem_color_pair(Int16(tone.rawValue + 1))
            if tone == .dim || tone == .disabled { attrs |= tandem_attr_dim() }
            return attrs
        }
    }
}
