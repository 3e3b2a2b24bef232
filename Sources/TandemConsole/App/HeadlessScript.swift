import TandemCore

/// A console session driven by a script instead of a keyboard (`tandem console --headless-script
/// FILE`, `-` for standard input): the same runtime, state machine and store path as the
/// interactive console, against the real database. The stress harness runs such sessions as
/// writers beside command-line processes.
///
/// One directive a line:
/// - `:TEXT` types the `:` command TEXT and Enter (`:pair B12 E345`, `:deliver R88 40`);
/// - `keys NAME…` presses keys by name (`keys Enter`, `keys Esc j j`);
/// - `type TEXT` types text;
/// - `screen` prints the screen, each line after `| `;
/// - a blank line or one starting with `#` does nothing.
///
/// Before each directive the session checks for other operators' changes, as the console does
/// on its tick. After each it prints one line, tab-separated, and flushes it:
/// `OUTCOME  FORM  MESSAGE`, where OUTCOME is `applied` (the store made a change), `refused`
/// (the store refused one), `rejected` (the console refused before asking the store) or `none`;
/// FORM is `form` while a form is open, else `-`; MESSAGE is the message line's text.
public enum HeadlessScript {
    /// Runs the directives from `nextLine` until it returns nil or the session quits; returns
    /// the number of changes the store made.
    @discardableResult
    public static func run(_ console: HeadlessConsole, nextLine: () -> String?, output: (String) -> Void) -> Int {
        while !console.isQuitting, let line = nextLine() {
            let directive = line.trimmingWhitespace()
            if directive.isEmpty || directive.hasPrefix("#") { continue }
            console.poll()
            let applied = console.runtime.mutationsApplied, refused = console.runtime.mutationsRefused
            if directive == "screen" {
                for row in console.screen.split(separator: "\n", omittingEmptySubsequences: false) { output("| " + row) }
            } else if directive.hasPrefix(":") {
                console.command(String(directive.dropFirst()))
            } else if directive.hasPrefix("keys ") {
                let names = directive.dropFirst(5).split(separator: " ").map(String.init)
                guard names.allSatisfy({ Key.parse($0) != nil }) else {
                    output("rejected\t-\tunknown key in: \(directive)")
                    continue
                }
                for name in names { console.press(name) }
            } else if directive.hasPrefix("type ") {
                console.type(String(directive.dropFirst(5)))
            } else {
                output("rejected\t-\tunknown directive: \(directive)")
                continue
            }
            output(outcome(console, appliedBefore: applied, refusedBefore: refused))
        }
        return console.runtime.mutationsApplied
    }

    static func outcome(_ console: HeadlessConsole, appliedBefore: Int, refusedBefore: Int) -> String {
        let state = console.state
        let kind: String
        if console.runtime.mutationsApplied > appliedBefore {
            kind = "applied"
        } else if console.runtime.mutationsRefused > refusedBefore {
            kind = "refused"
        } else if state.notice?.kind == .error {
            kind = "rejected"
        } else {
            kind = "none"
        }
        var form = "-"
        if case .form = state.overlay { form = "form" }
        let message = state.notice.map { TerminalText.sanitize($0.text.text(state.lang)) } ?? ""
        return "\(kind)\t\(form)\t\(message.replacingOccurrences(of: "\t", with: " "))"
    }
}
