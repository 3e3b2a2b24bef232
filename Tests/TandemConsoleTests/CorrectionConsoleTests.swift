import Testing
import TandemCore
import TandemStore
@testable import TandemConsole

/// Cancel, reopen and correct a delivery from the console (issue 8, "complete for a day's work").
@Suite("Cancel, reopen and correct in the console")
struct CorrectionConsoleTests {
    let r1 = RecordCode(.request, 1)

    @Test func aLeadCorrectsTheirMistypedDelivery() throws {
        let (console, repo) = Fixture.console(Fixture.lead1)
        // The first row is R1 (the most urgent): 40 of 100 tea pickers.
        console.press("d")
        console.type("25")
        console.press("Enter")
        #expect(try repo.request(r1).delivered == Quantity(65))
        let mistyped = try #require(try repo.deliveries(of: r1).last)
        console.press("e")
        var screen = console.screen
        #expect(screen.contains("［需确认］更正送达：R1"), "\(screen)")
        #expect(screen.contains("#\(mistyped.id) "), "the form lists the delivery it corrects: \(screen)")
        console.type("20")
        console.press("Tab")
        console.type("多记了 5 人")
        let before = try repo.fingerprint()
        #expect(before.requests.count == 6)
        console.press("Enter")
        #expect(try repo.request(r1).delivered == Quantity(60))
        let deliveries = try repo.deliveries(of: r1)
        #expect(deliveries.contains(mistyped), "the mistaken entry is kept")
        #expect(deliveries.contains { $0.reverses == mistyped.id && $0.operatorLogin == "lead1" })
        #expect(try repo.check().problems.isEmpty)
        screen = console.screen
        #expect(screen.contains("已更正 R1 的送达 #\(mistyped.id) 为 20"), "\(screen)")
        // Another's delivery (the seeded 40) is not the lead's to correct.
        console.press("e")
        console.press("s-tab")                  // back to the delivery number
        console.press("^U")
        console.type("#\(deliveries[0].id)")
        #expect(console.screen.contains("只有登记人和调度员可以更正"), "\(console.screen)")
    }

    @Test func aDispatcherCancelsAndReopensWithAReason() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher, lang: .en)
        let r6 = RecordCode(.request, 6)
        console.command("cancel R6")
        #expect(console.screen.contains("[confirm] Cancel request: R6"), "\(console.screen)")
        let before = try repo.fingerprint()
        console.press("Enter")                  // no reason yet
        #expect(try repo.fingerprint() == before)
        console.type("no longer needed")
        console.press("Enter")
        #expect(try repo.request(r6).status == .cancelled)
        console.command("reopen R6 cancelled by mistake")
        #expect(console.screen.contains("[confirm] Reopen request: R6"))
        console.press("Enter")
        #expect(try repo.request(r6).status == .open)
        #expect(try repo.history(of: RecordCode(.enterprise, 3)).events.contains { $0.action == .reopenRequest })
    }

    @Test func aSupervisorCannotCorrect() {
        let (console, _) = Fixture.console(Fixture.supervisor)
        console.press("3")
        console.press("e")
        #expect(console.screen.contains("督导角色只读"))
        #expect(!console.screen.contains("更正送达："))
    }
}
