import TandemCore

/// One thing `tandem check` or `tandem log --verify` found wrong, worded in both languages.
public struct IntegrityProblem: Sendable, Hashable, CustomStringConvertible {
    public var message: Bilingual
    /// The audit event where the chain breaks, when the problem is one.
    public var event: Int64?

    public init(_ message: Bilingual, event: Int64? = nil) {
        self.message = message
        self.event = event
    }

    public var description: String { message.en }

    static func auditEdited(_ id: Int64) -> IntegrityProblem {
        IntegrityProblem(Bilingual(zh: "审计事件 #\(id) 被改动过：其哈希与内容不符",
                                   en: "audit event #\(id) was edited: its hash does not match its content"), event: id)
    }

    static func auditOutOfChain(_ id: Int64, previous: Int64) -> IntegrityProblem {
        let before = previous == 0 ? Bilingual(zh: "链首", en: "the start of the chain") : Bilingual(zh: "#\(previous)", en: "#\(previous)")
        return IntegrityProblem(Bilingual(
            zh: "审计事件 #\(id) 不接在\(before.zh)之后：其前的事件被删除、调换或伪造",
            en: "audit event #\(id) does not follow \(before.en): an event before it was deleted, reordered or forged"), event: id)
    }

    static func auditGap(after previous: Int64, before id: Int64) -> IntegrityProblem {
        let single = previous + 1 == id - 1
        let missing = single ? "#\(previous + 1)" : "#\(previous + 1)–#\(id - 1)"
        return IntegrityProblem(Bilingual(zh: "审计事件 \(missing) 不见了（在 #\(id) 之前）",
                                          en: "audit \(single ? "event" : "events") \(missing) \(single ? "is" : "are") missing (before #\(id))"),
                                event: id)
    }

    static func auditTailDeleted(after last: Int64, upTo sequence: Int64) -> IntegrityProblem {
        IntegrityProblem(Bilingual(zh: "最后的审计事件 #\(last + 1)–#\(sequence) 被删除了",
                                   en: "the latest audit events #\(last + 1)–#\(sequence) were deleted"), event: last + 1)
    }

    static func auditTriggerMissing(_ name: String) -> IntegrityProblem {
        IntegrityProblem(Bilingual(zh: "保护审计表的触发器 \(name) 被删除了", en: "the audit table's guard trigger \(name) was dropped"))
    }

    static func headMismatch(id: Int64, expected: String, found: String?) -> IntegrityProblem {
        guard let found else {
            return IntegrityProblem(Bilingual(zh: "记下的链头审计事件 #\(id) 不存在", en: "the written-down head, audit event #\(id), does not exist"),
                                    event: id)
        }
        return IntegrityProblem(Bilingual(
            zh: "审计事件 #\(id) 的哈希是 \(found)，而记下的是 \(expected)：此前的历史被重写过",
            en: "audit event #\(id) has hash \(found), not the \(expected) written down: the history up to it was rewritten"), event: id)
    }

    static func unaudited(_ record: Bilingual, _ what: Bilingual) -> IntegrityProblem {
        IntegrityProblem(Bilingual(zh: "\(record.zh) 有未记入审计的改动：\(what.zh)", en: "\(record.en) changed with no audit event: \(what.en)"))
    }

    static func invariant(_ what: Bilingual) -> IntegrityProblem { IntegrityProblem(what) }
}
