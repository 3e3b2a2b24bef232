import TandemCore

/// One terminal cell: a grapheme and its style. A double-width grapheme occupies its cell and
/// the next one, which holds `continuation` so that both halves move together.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", _ style: Style = .normal) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    /// The right half of a double-width character.
    public static let continuation = Cell("", .normal)

    public var isContinuation: Bool { text.isEmpty }
}

/// An in-memory screen of cells that screens draw into. Width-aware: text is measured with
/// `DisplayWidth`, control characters are dropped, a wide character never straddles the edge,
/// and overwriting half of a wide character clears its other half.
public struct Grid: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes: the focused row or field, for screen readers.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (lhs: Grid, rhs: Grid) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills `count` cells of row `y` from `x` with blanks in `style`.
    public mutating func fill(x: Int = 0, y: Int, count: Int? = nil, style: Style = .normal) {
        guard y >= 0, y < height else { return }
        let start = max(0, x)
        let end = min(width, x + (count ?? width))
        guard start < end else { return }
        clearHalves(y: y, from: start, to: end)
        for column in start..<end { self[column, y] = Cell(" ", style) }
    }

    /// Draws `text` at (`x`, `y`) in at most `maxWidth` columns (to the right edge by default),
    /// truncating with an ellipsis. Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .normal) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let limit = min(width - x, maxWidth ?? (width - x))
        guard limit > 0 else { return 0 }
        let clean = TerminalText.sanitize(text)
        let fitted = DisplayWidth.of(clean) > limit ? TerminalText.truncate(clean, to: limit) : clean
        var column = x
        let end = x + limit
        for character in fitted {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // Combining mark: attach to the previous cell's grapheme.
                if column > x { self[column - 1, y].text.append(character) }
                continue
            }
            if column + w > end {
                if column < end { fill(x: column, y: y, count: end - column, style: style) }
                column = end
                break
            }
            clearHalves(y: y, from: column, to: column + w)
            self[column, y] = Cell(String(character), style)
            if w == 2 { self[column + 1, y] = Cell.continuation.with(style) }
            column += w
        }
        return column - x
    }

    /// Draws a message that stands for a screen's content — an empty list's "nothing matches",
    /// a hint where a list would be — and puts the cursor at its start so that a screen reader
    /// reads it, unless the screen already placed the cursor (a search box's caret keeps it).
    @discardableResult
    public mutating func putMessage(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .normal) -> Int {
        let used = put(text, x: x, y: y, maxWidth: maxWidth, style: style)
        if cursor == nil, y >= 0, y < height, x >= 0, x < width { cursor = (x, y) }
        return used
    }

    /// Pads `text` to exactly `width` columns (truncating with an ellipsis) and draws it.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width columns: Int, style: Style = .normal, alignRight: Bool = false) {
        guard columns > 0 else { return }
        put(TerminalText.pad(TerminalText.sanitize(text), to: columns, alignRight: alignRight), x: x, y: y, maxWidth: columns, style: style)
    }

    /// Restyles `count` cells of row `y` from `x`, keeping their text (for highlighting a row).
    public mutating func restyle(x: Int = 0, y: Int, count: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (count ?? width))
        guard x < end else { return }
        for column in max(0, x)..<end { self[column, y].style = style }
    }

    /// If the span [from, to) cuts a wide character in half, blank the half left outside.
    private mutating func clearHalves(y: Int, from: Int, to: Int) {
        if from > 0, from < width, self[from, y].isContinuation {
            self[from - 1, y] = Cell(" ", self[from - 1, y].style)
        }
        if to < width, to > 0, self[to, y].isContinuation {
            self[to, y] = Cell(" ", self[to, y].style)
        }
    }

    /// The text of row `y`, wide characters once, trailing spaces kept.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation { text += self[x, y].text }
        return text
    }

    /// Every row, trailing spaces trimmed, joined with newlines: what a test or `capture-pane` sees.
    public var text: String {
        (0..<height).map { line($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// Row numbers whose cells differ from `other` (all rows when the sizes differ).
    public func changedRows(since other: Grid?) -> [Int] {
        guard let other, other.width == width, other.height == height else { return Array(0..<height) }
        return (0..<height).filter { y in
            let start = y * width
            return cells[start..<start + width] != other.cells[start..<start + width]
        }
    }
}

extension Cell {
    func with(_ style: Style) -> Cell { Cell(text, style) }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = Substring(self)
        while copy.last == " " { copy = copy.dropLast() }
        return String(copy)
    }
}
