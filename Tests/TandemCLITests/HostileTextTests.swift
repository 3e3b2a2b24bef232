import Foundation
import GRDB
import Testing

/// Control characters, bidi overrides and over-long text are refused at input, and text stored
/// before those rules (old data, plain SQL) never reaches the terminal, a spreadsheet or a JSON
/// reader raw.
@Suite struct HostileTextTests {
    static let escape = "\u{1B}[2J\u{1B}]0;owned\u{07}"
    static let rightToLeftOverride = "\u{202E}"

    /// No control character but newline, no bidi control, in text meant for a terminal.
    static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { s in
            (s.value < 0x20 && s.value != 0x0A) || (0x7F...0x9F).contains(s.value)
                || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
        }
    }

    func initialised() throws -> CLIHarness {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["enterprise", "add", "--name", "永川残疾人梦想茶叶基地", "--district", "永川"])
        return cli
    }

    @Test func controlAndBidiCharactersAreRefusedAtInput() throws {
        let cli = try initialised()
        let refusals = [
            ["enterprise", "add", "--name", "茶叶\(Self.escape)基地", "--district", "永川"],
            ["enterprise", "add", "--name", "invoice\(Self.rightToLeftOverride)fdp.exe", "--district", "永川"],
            ["enterprise", "edit", "E1", "--address", "line\nbreak"],
            ["enterprise", "edit", "E1", "--contact", "x\u{7F}"],
            ["enterprise", "edit", "E1", "--phone", "1\u{85}2"],
            ["branch", "add", "--name", "队\u{2066}名", "--district", "永川", "--headcount", "3"],
            ["operator", "add", "bad\u{1B}login", "--role", "dispatcher"],
            ["operator", "add", "goodlogin", "--name", "名\u{9B}31m", "--role", "dispatcher"],
            ["request", "add", "E1", "--category", "ppe", "--item", "masks", "--quantity", "3", "--unit", "piece",
             "--notes", "note\(Self.escape)"],
        ]
        for arguments in refusals {
            let error = try cli.refused(arguments)
            #expect(error.contains("control or bidirectional"), "\(arguments): \(error)")
            #expect(Self.isClean(error), "the error echoed hostile text: \(arguments)")
        }
    }

    @Test func overLongTextIsRefusedWithItsLimit() throws {
        let cli = try initialised()
        let error = try cli.refused(["enterprise", "add", "--name", String(repeating: "茶", count: 101), "--district", "永川"])
        #expect(error.contains("too long: 101 characters, at most 100"))
        try cli.ok(["enterprise", "add", "--name", String(repeating: "茶", count: 100), "--district", "永川"])
        try cli.ok(["request", "add", "E1", "--category", "ppe", "--item", "masks", "--quantity", "3", "--unit", "piece"])
        let note = try cli.refused(["request", "deliver", "R1", "1", "--note", String(repeating: "x", count: 501)])
        #expect(note.contains("at most 500"))
        let help = try cli.run(["enterprise", "add", "--help"], database: false).stdout
        #expect(help.contains("At most 100 characters"))
        let requestHelp = try cli.run(["request", "add", "--help"], database: false).stdout
        #expect(requestHelp.contains("At most 500 characters"))
    }

    @Test func datesOutsideTheWindowAreRefused() throws {
        let cli = try initialised()
        let add = ["request", "add", "E1", "--category", "ppe", "--item", "masks", "--quantity", "3", "--unit", "piece", "--due"]
        #expect(try cli.refused(add + ["1999-12-31"]).contains("before today"))
        let far = try cli.refused(add + ["2099-01-01"])
        #expect(far.contains("outside the accepted range"), "\(far)")
        #expect(try cli.refused(["bulletin", "--date", "1990-01-01"]).contains("outside the accepted range"))
    }

    @Test func errorsThatEchoAnArgumentAreClean() throws {
        let cli = try initialised()
        let error = try cli.refused(["pair", "B7\(Self.escape)", "E1"])
        #expect(Self.isClean(error), "\(error.debugDescription)")
        let district = try cli.refused(["enterprise", "list", "--district", "x\(Self.rightToLeftOverride)y"])
        #expect(Self.isClean(district))
    }

    @Test func oldHostileDataShowsSafelyInEveryFormat() throws {
        let cli = try initialised()
        // Written by plain SQL, as data from before the input rules or another program would be.
        let queue = try DatabaseQueue(path: cli.database)
        try queue.write { db in
            try db.execute(sql: "UPDATE enterprise SET name = ? WHERE number = 1",
                           arguments: ["=HYPERLINK(\"http://x\")\(Self.escape)\u{202E}\u{85}\u{7F}"])
        }
        try queue.close()
        let table = try cli.ok(["enterprise", "list"])
        #expect(Self.isClean(table))
        #expect(table.contains("=HYPERLINK"))
        let csv = try cli.ok(["enterprise", "list", "--format", "csv"])
        #expect(Self.isClean(csv.replacingOccurrences(of: "\r", with: "")))
        #expect(csv.contains("'=HYPERLINK"), "a formula-like cell is neutralised: \(csv)")
        #expect(!csv.contains(",=HYPERLINK") && !csv.contains("\"=HYPERLINK"))
        let json = try cli.ok(["enterprise", "list", "--format", "json"])
        #expect(Self.isClean(json))
        #expect(json.contains("\\u001B") || json.contains("\\u001b"))
        #expect(json.contains("\\u202E") && json.contains("\\u0085") && json.contains("\\u007F"))
        // The JSON still reads back as the stored text.
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect((parsed?.first?["name"] as? String)?.hasSuffix("\u{202E}\u{85}\u{7F}") == true)
        let show = try cli.ok(["enterprise", "show", "E1"])
        #expect(Self.isClean(show))
        // A success line naming the record is clean too.
        let edited = try cli.ok(["enterprise", "edit", "E1", "--address", "永川区"])
        #expect(Self.isClean(edited))
    }
}
