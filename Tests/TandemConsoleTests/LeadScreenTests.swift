import Foundation
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemConsole

/// The branch lead's screen: requests by urgency with the closed ones apart, delivery notes,
/// and a notice when a dispatcher ended or changed the lead's pairing.
@Suite("Lead's screen")
struct LeadScreenTests {
    let r1 = RecordCode(.request, 1), r2 = RecordCode(.request, 2)
    let b1 = RecordCode(.branch, 1), e1 = RecordCode(.enterprise, 1), e2 = RecordCode(.enterprise, 2)

    /// The row of `code` in the request list (a line starting with the marker column).
    func row(_ console: HeadlessConsole, _ code: String) -> Int? {
        console.lines.firstIndex { $0.dropFirst(2).hasPrefix(code + " ") }
    }

    @Test func activeRequestsByUrgencyAsTheQueueOrdersThem() throws {
        let (console, repo) = Fixture.console(Fixture.lead1, width: 100, height: 30)
        // R1 is urgent, R2 high: the core's RequestOrder puts R1 first (it was R2, the newest).
        let r1Row = try #require(row(console, "R1")), r2Row = try #require(row(console, "R2"))
        #expect(r1Row < r2Row)
        #expect(console.cursorLine?.contains("R1") == true)
        let today = Fixture.today
        let mine = try repo.snapshot().requests(of: e1).filter { $0.status.isActive }
        #expect(mine.sorted { RequestOrder.isMoreUrgent($0, than: $1, today: today) }.map(\.code) == [r1, r2])
    }

    @Test func doneAndCancelledRequestsAreListedApartBelowAHeading() throws {
        let repo = Fixture.repository()
        _ = try repo.markDone(r1, by: Fixture.dispatcher)
        let (console, _) = Fixture.console(Fixture.lead1, repository: repo, width: 100, height: 30)
        let heading = try #require(console.lines.firstIndex { $0.contains("── 已完成、已取消（1）") })
        let r1Row = try #require(row(console, "R1")), r2Row = try #require(row(console, "R2"))
        #expect(r2Row < heading && heading < r1Row)
        // The cursor skips the heading: one step down from R2 is R1.
        #expect(console.cursorLine?.contains("R2") == true)
        console.press("j")
        #expect(console.cursorLine?.contains("R1") == true)
        #expect(console.cursorLine?.contains("已完成") == true)
        let (english, _) = Fixture.console(Fixture.lead1, repository: repo, lang: .en, width: 100, height: 30)
        #expect(english.screen.contains("── Done and cancelled (1)"))
    }

    /// Seen on PostgreSQL in tmux: finishing R5 on the lead's screen said "R5 is done and no
    /// longer listed; focus moved to R1" — the hidden queue tab's news — while R5 stayed under
    /// the cursor, listed among the done ones.
    @Test func finishingARequestSaysNothingOfTheHiddenQueuesFocus() throws {
        let (console, repo) = Fixture.console(Fixture.lead1, width: 100, height: 30)
        console.press("2")
        console.press("1")
        #expect(console.cursorLine?.contains("R1") == true)
        console.press("x")
        console.press(.enter)
        #expect(try repo.request(r1).status == .done)
        #expect(console.cursorLine?.contains("R1") == true, "R1 stays focused, among the done ones")
        #expect(!console.screen.contains("不在当前列表中") && !console.screen.contains("光标移到"), "\(console.screen)")
    }

    @Test func deliveryNotesOfTheFocusedRequestAreShown() throws {
        let repo = Fixture.repository()
        _ = try repo.deliver(r1, quantity: Quantity(25), note: "大安镇村民上山采茶", allowOver: false, by: Fixture.lead1)
        let (console, _) = Fixture.console(Fixture.lead1, repository: repo, width: 100, height: 30)
        #expect(console.cursorLine?.contains("R1") == true)
        let line = try #require(console.lines.first { $0.contains("送达备注") })
        #expect(line.contains("送达 2 笔"))
        #expect(line.contains("+25 大安镇村民上山采茶"))
        #expect(console.screen.contains("备注：采茶人手不足"))
    }

    @Test func aDispatcherEndingThePairingIsAnnouncedWithTheReason() throws {
        let repo = Fixture.repository()
        _ = try repo.unpair(b1, reason: "茶叶基地已复工，人手够了", by: Fixture.dispatcher)
        let (console, _) = Fixture.console(Fixture.lead1, repository: repo)
        // Wrapped at 80 columns, never cut: the reason is whole.
        let screen = console.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(screen.contains("⚠ 结对已解除：dispatcher 于 2020-03-10 09:00 解除了与 E1 的结对（原因：茶叶基地已复工，人手够了）"))
        #expect(screen.contains("您的突击队还没有结对单位"))
        let (english, _) = Fixture.console(Fixture.lead1, repository: repo, lang: .en, width: 120, height: 40)
        #expect(english.screen.contains("⚠ Pairing ended: dispatcher ended the pairing with E1 at 2020-03-10 09:00 (reason: 茶叶基地已复工，人手够了)"))
    }

    @Test func aDispatcherChangingThePairingIsAnnouncedAboveTheNewRequests() throws {
        let repo = Fixture.repository()
        let (console, _) = Fixture.console(Fixture.lead1, repository: repo, width: 100, height: 30)
        #expect(!console.screen.contains("⚠"), "nothing to announce yet")
        _ = try repo.unpair(b1, reason: "改派南川花椒基地", by: Fixture.dispatcher)
        _ = try repo.pair(branch: b1, enterprise: e2, by: Fixture.dispatcher)
        console.poll()
        let screen = console.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(screen.contains("⚠ 结对已变更：dispatcher 于 2020-03-10 09:00 解除了与 E1 的结对（原因：改派南川花椒基地），现负责 E2"))
        #expect(screen.contains("E2 南川九叶青花椒基地"))
        // The notice takes a line; the list and its cursor stay in view.
        #expect(console.cursorLine?.contains("R3") == true)
    }

    @Test func aLeadIsNotToldOfAPairingEndedLongAgo() throws {
        let ended = Pairing(id: 1, branchCode: b1, enterpriseCode: e1, startedAt: Timestamp(day: Day(year: 2020, month: 1, day: 2)),
                            startedBy: "admin", endedAt: Timestamp(day: Day(year: 2020, month: 2, day: 1)), endedBy: "dispatcher", endReason: "旧事")
        let event = AuditEvent(at: ended.endedAt!, operatorLogin: "dispatcher", action: .unpair, subject: AuditSubject(enterprise: e1, branch: b1),
                               before: "", after: String(decoding: try JSONEncoder().encode(ended), as: UTF8.self))
        let weekAgo = Timestamp(day: Fixture.today.adding(days: -7))
        #expect(PairingChange.latest(of: b1, in: [event], current: nil, viewer: "lead1", since: weekAgo) == nil)
        let recent = Timestamp(day: Day(year: 2020, month: 1, day: 1))
        #expect(PairingChange.latest(of: b1, in: [event], current: e2, viewer: "lead1", since: recent)?.isChange == true)
        #expect(PairingChange.latest(of: b1, in: [event], current: e1, viewer: "lead1", since: recent) == nil, "paired again with the same enterprise")
    }

    @Test func percentagesAreRoundedNotTruncated() throws {
        let repo = Fixture.repository()
        // 1.333 of 2 tonnes delivered: 66.65 % reads 67 %, not 66 %.
        _ = try repo.deliver(r2, quantity: Quantity(thousandths: 1_333), note: "", allowOver: false, by: Fixture.lead1)
        let (console, _) = Fixture.console(Fixture.lead1, repository: repo, width: 100, height: 30)
        let line = try #require(row(console, "R2").map { console.lines[$0] })
        #expect(line.contains("67%"))
    }
}
