import Foundation
import Testing
import TandemCore
import TandemStore
@testable import TandemConsole

/// A console session driven by a script (`tandem console --headless-script`): each line goes
/// through the console's state machine and the store, and its outcome is reported on one line.
@Suite struct HeadlessScriptTests {
    /// Runs `lines`, calling `before[i]` just before line i is read (another operator's change).
    func run(_ console: HeadlessConsole, _ lines: [String], before: [Int: () throws -> Void] = [:]) throws -> [String] {
        var index = 0
        var output: [String] = []
        var failure: (any Error)?
        HeadlessScript.run(console, nextLine: {
            guard index < lines.count else { return nil }
            do { try before[index]?() } catch { failure = error }
            defer { index += 1 }
            return lines[index]
        }, output: { output.append($0) })
        if let failure { throw failure }
        return output
    }

    @Test func eachLineReportsWhetherTheStoreMadeTheChange() throws {
        let (console, repository) = Fixture.console(Fixture.dispatcher, lang: .en)
        let output = try run(console, [
            ":unpair E1 scripted",
            "keys Enter",
            ":unpair E1 again",
            "# a comment is skipped",
            ":no-such-command",
            "keys NoSuchKey",
            "dance",
        ])
        #expect(output.count == 6)
        #expect(output[0].hasPrefix("none\tform\t"), "\(output[0])")
        #expect(output[1].hasPrefix("applied\t-\tended pairing B1 ↔ E1"), "\(output[1])")
        #expect(output[2] == "rejected\t-\tE1 has no active pairing", "\(output[2])")
        #expect(output[3].hasPrefix("rejected\t-\tunknown command no-such-command"), "\(output[3])")
        #expect(output[4] == "rejected\t-\tunknown key in: keys NoSuchKey")
        #expect(output[5] == "rejected\t-\tunknown directive: dance")
        #expect(try !repository.activePairings().contains { $0.enterpriseCode == RecordCode(.enterprise, 1) })
        let event = try #require(try repository.auditLog(limit: 1).first)
        #expect(event.action == .unpair && event.operatorLogin == "dispatcher")
    }

    @Test func anotherOperatorsChangeIsSeenBeforeTheNextLineAndTheStoreRefusesAStaleOne() throws {
        let (console, repository) = Fixture.console(Fixture.dispatcher, lang: .en)
        let other = try SQLiteRepository.open(path: repository.path)
        let output = try run(console, [":unpair E3 scripted", "keys Enter", ":unpair E3 scripted"], before: [
            // The form is open on a pairing that another operator ends before it is submitted.
            1: { _ = try other.unpair(RecordCode(.enterprise, 3), reason: "elsewhere", by: Fixture.dispatcher) },
        ])
        #expect(output[0].hasPrefix("none\tform\t"))
        #expect(output[1].hasPrefix("refused\t-\t"), "\(output[1])")
        #expect(output[2] == "rejected\t-\tE3 has no active pairing", "\(output[2])")
        #expect(try repository.auditLog(limit: 100).filter { $0.action == .unpair }.count == 1)
    }
}
