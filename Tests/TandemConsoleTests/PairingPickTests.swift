import Testing
import TandemCore
import TandemStore
@testable import TandemConsole

/// Issue 8, wrong-record bug 1: a pair is made only of the two records the operator picked with
/// Space, nothing is armed after a pair, and a pair the engine questions is confirmed first.
@Suite("Pairing picks")
struct PairingPickTests {
    static let b1 = RecordCode(.branch, 1), b2 = RecordCode(.branch, 2)
    static let e1 = RecordCode(.enterprise, 1), e2 = RecordCode(.enterprise, 2)

    /// B1 and B2 free; E1 and E2 unpaired and in need.
    func console() -> (HeadlessConsole, SQLiteRepository) {
        let (console, repo) = Fixture.console(Fixture.dispatcher, repository: Fixture.repository(pairs: [(3, 3)]), lang: .zh, width: 100, height: 30)
        console.press("2")
        return (console, repo)
    }

    /// Moves the focused list's cursor to the row showing `code`.
    func focus(_ console: HeadlessConsole, _ code: String) {
        for _ in 0..<6 where !(console.cursorLine?.contains(code + " ") ?? false) { console.press("j") }
        #expect(console.cursorLine?.contains(code + " ") == true, "\(console.screen)")
    }

    @Test func afterAPairNothingIsArmed() throws {
        let (console, repo) = console()
        focus(console, "B2")
        console.press("Space")
        focus(console, "E2")
        console.press("Space")
        #expect(console.screen.contains("将结对：B2 南川区残联党支部党员突击队 ↔ E2 南川九叶青花椒基地"))
        console.press("p")
        #expect(try repo.activePairings().contains { $0.branchCode == Self.b2 && $0.enterpriseCode == Self.e2 })
        // B1 and E1 are highlighted now, but nobody picked them: p changes nothing, and Enter
        // only reads the highlighted record, as on every screen.
        let before = try repo.fingerprint()
        console.press("p")
        console.press("Enter")
        #expect(try repo.fingerprint() == before)
        #expect(console.screen.contains("详情 — "), "\(console.screen)")
        console.press("Esc")
        #expect(!console.screen.contains("将结对："))
        #expect(console.footerDisabled("p 结对"))
    }

    @Test func oneSideAloneIsNotAPair() throws {
        let (console, repo) = console()
        console.press("Space")                     // picks B1 only; the focus moves to the enterprises
        #expect(console.screen.contains("已选定：B1"))
        let before = try repo.fingerprint()
        console.press("p")
        #expect(try repo.fingerprint() == before)
        #expect(console.screen.contains("再用空格选定一家单位"))
    }

    @Test func aPairWithGapsIsConfirmedFirst() throws {
        let (console, repo) = console()
        focus(console, "B1")
        console.press("Space")
        focus(console, "E2")
        console.press("Space")
        let before = try repo.fingerprint()
        console.press("p")
        let screen = console.screen
        #expect(screen.contains("［需确认］结对：B1 ↔ E2"), "\(screen)")
        #expect(screen.contains("B1 永川区残联党支部党员突击队 ↔ E2 南川九叶青花椒基地"))
        #expect(screen.contains("警告：缺"), "the engine's gaps are named: \(screen)")
        #expect(try repo.fingerprint() == before, "nothing is written while it asks")
        console.press("Esc")
        #expect(try repo.fingerprint() == before)
        console.press("p")
        console.press("Enter")
        #expect(try repo.activePairings().contains { $0.branchCode == Self.b1 && $0.enterpriseCode == Self.e2 })
    }

    @Test func typedPairAsksTheSameQuestion() throws {
        let (console, repo) = console()
        let before = try repo.fingerprint()
        console.command("pair B1 E2")
        #expect(console.screen.contains("［需确认］结对：B1 ↔ E2"), "\(console.screen)")
        #expect(try repo.fingerprint() == before)
    }

    @Test func englishConfirmationNamesBothAndTheReach() throws {
        let (console, _) = Fixture.console(Fixture.dispatcher, repository: Fixture.repository(pairs: [(3, 3)]), lang: .en, width: 80, height: 24)
        console.command("pair B1 E2")
        #expect(console.screen.contains("[confirm] Pair B1 with E2"), "\(console.screen)")
        #expect(console.screen.contains("WARNING:"))
    }
}
