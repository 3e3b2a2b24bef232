import Foundation
import Testing
import TandemCore
@testable import TandemConsole

/// Each role's main path, replayed headless against the fixture database, as a screen reader
/// announces it (`ScreenReaderTranscript`). The transcripts are checked in under
/// `Transcripts/` and read by a person for sense; a change to what is announced fails here
/// until the transcript is regenerated and read again:
///
///     TANDEM_UPDATE_TRANSCRIPTS=1 swift test --filter TranscriptTests
@Suite("Screen reader transcripts")
struct TranscriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")

    /// Compares `transcript` with `Transcripts/NAME.txt`, or writes it there when regenerating.
    func check(_ transcript: ScreenReaderTranscript, _ name: String) throws {
        // Whatever the checked-in copy says: the cursor is always somewhere to read, and nothing
        // announced is decoration alone (a border, a rule, a divider, shading).
        let decoration = Set("│─┌┐└┘├┤┬┴┼ ■▓▒░█")
        for line in transcript.text.split(separator: "\n") where line.hasPrefix("@ ") || line.hasPrefix("~ ") {
            #expect(line != "@ (no cursor)", "\(name): a step leaves the cursor nowhere")
            #expect(!line.dropFirst(2).allSatisfy { decoration.contains($0) }, "\(name): decoration announced: \(line)")
        }
        let file = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["TANDEM_UPDATE_TRANSCRIPTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try transcript.text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        let expectedLines = expected.components(separatedBy: "\n"), actualLines = transcript.text.components(separatedBy: "\n")
        let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        #expect(transcript.text == expected, """
            \(name).txt differs from line \(firstDifference + 1):
              expected: \(expectedLines[safe: firstDifference] ?? "(end)")
              actual:   \(actualLines[safe: firstDifference] ?? "(end)")
            Read the new transcript, then regenerate with TANDEM_UPDATE_TRANSCRIPTS=1.
            """)
    }

    @Test(arguments: [Lang.zh, .en])
    func dispatcher(_ lang: Lang) throws {
        // B2 and B3 free; E2 (in need), E3 and E4 unpaired.
        let (console, _) = Fixture.console(Fixture.dispatcher, repository: Fixture.repository(pairs: [(1, 1)]), lang: lang)
        var reader = ScreenReaderTranscript()
        reader.start(console, title: "dispatcher, \(lang), 80×24: find an enterprise, pair, accept a proposal, help")
        reader.note("search for the enterprise by name and open its request")
        reader.press(console, "/")
        reader.type(console, "九叶")
        reader.press(console, "Enter")
        reader.press(console, "Enter")
        reader.press(console, "Down")
        reader.press(console, "Esc")
        reader.note("finishing it asks first, with a warning")
        reader.press(console, "x")
        reader.press(console, "Esc")
        reader.press(console, "Esc")
        reader.note("pair a picked free branch with a picked enterprise")
        reader.press(console, "2")
        reader.press(console, "Space")
        reader.press(console, "Space")
        reader.press(console, "p")
        reader.note("after the pair nothing is armed: Enter only reads the highlighted record")
        reader.press(console, "Enter")
        reader.press(console, "Esc")
        reader.note("the engine's proposals; Enter reads the proposed enterprise, a accepts")
        reader.press(console, "3")
        reader.press(console, "r")
        reader.press(console, "Enter")
        reader.press(console, "Esc")
        reader.press(console, "a")
        reader.note("the help, scrolled")
        reader.press(console, "?")
        reader.press(console, "Down")
        reader.press(console, "Down")
        reader.press(console, "PgDn")
        reader.press(console, "Esc")
        try check(reader, "dispatcher.\(lang)")
    }

    @Test(arguments: [Lang.zh, .en])
    func branchLead(_ lang: Lang) throws {
        let (console, _) = Fixture.console(Fixture.lead1, lang: lang)
        var reader = ScreenReaderTranscript()
        reader.start(console, title: "branch lead, \(lang), 80×24: record a delivery, finish a request, read the history")
        reader.note("the most urgent request is first: record 25 of the 60 still to deliver")
        reader.press(console, "d")
        reader.type(console, "25")
        reader.press(console, "Tab")
        reader.type(console, lang == .zh ? "村民上山采茶" : "villagers up the hill")
        reader.press(console, "Enter")
        reader.note("finishing it with 35 still to deliver asks first")
        reader.press(console, "x")
        reader.press(console, "Esc")
        reader.note("the request's history")
        reader.press(console, "Enter")
        reader.press(console, "Down")
        reader.press(console, "Esc")
        reader.press(console, "?")
        reader.press(console, "Esc")
        try check(reader, "lead.\(lang)")
    }

    @Test(arguments: [Lang.zh, .en])
    func supervisor(_ lang: Lang) throws {
        let (console, _) = Fixture.console(Fixture.supervisor, lang: lang)
        var reader = ScreenReaderTranscript()
        reader.start(console, title: "supervisor, \(lang), 80×24: drill down to a blind spot, then the map")
        reader.note("group 5, its district Nanchuan, the enterprise with no branch")
        reader.press(console, "j")
        reader.press(console, "Enter")
        reader.press(console, "Enter")
        reader.press(console, "Enter")
        reader.press(console, "Bksp")
        reader.press(console, "Bksp")
        reader.press(console, "Bksp")
        reader.note("the map: arrows move between districts")
        reader.press(console, "2")
        reader.press(console, "Right")
        reader.press(console, "Down")
        reader.press(console, "Left")
        reader.press(console, "Enter")
        try check(reader, "supervisor.\(lang)")
    }
}
