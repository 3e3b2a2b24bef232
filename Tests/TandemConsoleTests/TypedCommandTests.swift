import Testing
import TandemCore
import TandemStore
@testable import TandemConsole

/// Issue 8, wrong-record bug 3: a typed command asks exactly what its key asks, and proposals
/// the data has overtaken are not accepted, typed or pressed.
@Suite("Typed commands ask like their keys")
struct TypedCommandTests {
    @Test func typedDoneAsksTheQuestionOfX() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher)
        let r6 = RecordCode(.request, 6)
        let before = try repo.fingerprint()
        console.command("done R6")
        #expect(console.screen.contains("［需确认］完成需求：R6"), "\(console.screen)")
        #expect(console.screen.contains("注意：尚有 200 个 未送达"))
        #expect(try repo.fingerprint() == before, "nothing is closed before the answer")
        console.press("Esc")
        #expect(try repo.fingerprint() == before)
        console.command("done R6")
        console.press("Enter")
        #expect(try repo.request(r6).status == .done)
        console.command("done R6")
        #expect(console.screen.contains("需求 R6 已完成"), "a closed request is refused with the key's reason")
    }

    @Test func typedAcceptOfOvertakenProposalsIsRefused() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher)
        console.press("3")
        #expect(console.screen.contains("B2"), "one proposal: B2 for E2: \(console.screen)")
        // Someone else records a delivery: the proposals were computed before it.
        try repo.otherProcess().deliver(RecordCode(.request, 4), quantity: Quantity(10), note: "", allowOver: false, by: Fixture.dispatcher)
        console.poll()
        let before = try repo.fingerprint()
        console.press("a")
        #expect(console.screen.contains("建议已过时（数据已变化），请按 r 重新计算"), "\(console.screen)")
        console.press("1")
        console.command("accept 1")
        #expect(console.screen.contains("建议已过时（数据已变化），请按 r 重新计算"), "typed on another screen: \(console.screen)")
        console.command("accept all")
        #expect(try repo.fingerprint() == before)
        console.press("3")          // the screen recomputes proposals that are out of date
        console.press("a")
        #expect(try repo.activePairings().contains { $0.branchCode == RecordCode(.branch, 2) && $0.enterpriseCode == RecordCode(.enterprise, 2) })
    }

    @Test func anAcceptTypedBeforeThePollNoticedTheChangeIsRefused() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher)
        console.press("3")
        try repo.otherProcess().deliver(RecordCode(.request, 4), quantity: Quantity(10), note: "", allowOver: false, by: Fixture.dispatcher)
        let before = try repo.fingerprint()
        console.command("accept 1")     // no poll yet: the write itself finds the data changed
        #expect(try repo.fingerprint() == before)
        #expect(console.screen.contains("建议已过时"), "\(console.screen)")
    }

    @Test func refusalInEnglish() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher, lang: .en)
        console.press("3")
        try repo.otherProcess().deliver(RecordCode(.request, 4), quantity: Quantity(10), note: "", allowOver: false, by: Fixture.dispatcher)
        console.poll()
        console.command("accept 1")
        #expect(console.screen.contains("the proposals are out of date, press r"), "\(console.screen)")
    }

    @Test func acceptingOneProposalLeavesTheOthersCurrent() throws {
        let (console, repo) = Fixture.console(Fixture.dispatcher, repository: Fixture.repository(pairs: [(3, 3)]), width: 100, height: 30)
        console.press("3")
        #expect(console.screen.contains("建议 2 个结对"), "\(console.screen)")
        console.press("a")
        console.press("j")
        console.press("a")
        #expect(try repo.activePairings().count == 3, "\(console.screen)")
    }
}
