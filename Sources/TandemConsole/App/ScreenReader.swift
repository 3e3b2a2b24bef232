import TandemCore

/// What a screen reader announces as the console is used: it reads the line the terminal
/// cursor is on and, after each key, the lines that changed. The transcript of a session
/// keeps exactly that, so a person can read it and judge whether a blind operator could follow
/// the session — and a test can compare it with a checked-in copy.
///
/// Transcript format, one entry per step:
/// ```
/// > KEYS                 what was pressed or typed
/// @ TEXT                 the cursor's line (`@ (no cursor)` when the screen placed none:
///                        the terminal leaves it on the bottom line)
/// ~ TEXT                 each other line that changed, top to bottom
/// ```
/// Lines are trimmed; blank changed lines are left out (a reader says nothing for them).
public struct ScreenReaderTranscript {
    public private(set) var text = ""
    private var previous: Grid?

    public init() {}

    /// Records the first screen: the cursor's line, then every non-blank line, as a reader
    /// reads a new window.
    public mutating func start(_ console: HeadlessConsole, title: String) {
        text += "# \(title)\n"
        record(console.grid, heading: "> (start)", allLines: true)
    }

    /// Presses keys by name (`Enter`, `j`, `Down`…) and records what is announced.
    public mutating func press(_ console: HeadlessConsole, _ keys: String...) {
        for key in keys { console.press(key) }
        record(console.grid, heading: "> " + keys.joined(separator: " "), allLines: false)
    }

    /// Types text and records what is announced once it is all typed.
    public mutating func type(_ console: HeadlessConsole, _ typed: String) {
        console.type(typed)
        record(console.grid, heading: "> type \(typed)", allLines: false)
    }

    /// Runs a `:` command as if typed, recording what is announced after Enter.
    public mutating func command(_ console: HeadlessConsole, _ line: String) {
        console.command(line)
        record(console.grid, heading: "> :\(line) Enter", allLines: false)
    }

    /// Adds a comment line (`# …`) explaining the next steps to the person reading.
    public mutating func note(_ comment: String) {
        text += "# \(comment)\n"
    }

    private mutating func record(_ grid: Grid, heading: String, allLines: Bool) {
        text += heading + "\n"
        let cursorRow = grid.cursor?.y
        if let cursorRow {
            text += "@ " + Self.spoken(grid.line(cursorRow)) + "\n"
        } else {
            text += "@ (no cursor)\n"
        }
        // A reader notices changed text, not a changed colour: a row that only changed style
        // (the highlight moving off it) says nothing.
        let rows = (0..<grid.height).filter { y in
            allLines || previous == nil || previous!.width != grid.width || previous!.height != grid.height
                || previous!.line(y) != grid.line(y)
        }
        for y in rows where y != cursorRow {
            let line = Self.spoken(grid.line(y))
            if !line.isEmpty { text += "~ " + line + "\n" }
        }
        previous = grid
    }

    /// A line as a reader gets it: without the padding on either side.
    static func spoken(_ line: String) -> String {
        var text = Substring(line)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
