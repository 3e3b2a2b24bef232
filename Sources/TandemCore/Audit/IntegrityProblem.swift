/// One thing `tandem check` or `tandem log --verify` found wrong, worded in both languages, on
/// either store: the wording of every problem is here, once.
public struct IntegrityProblem: Sendable, Hashable, CustomStringConvertible {
    public var message: Bilingual
    /// The audit event where the chain breaks, when the problem is one.
    public var event: Int64?

    public init(_ message: Bilingual, event: Int64? = nil) {
        self.message = message
        self.event = event
    }

    public var description: String { message.en }

    public static func auditEdited(_ id: Int64) -> IntegrityProblem {
        IntegrityProblem(Bilingual(zh: "审计事件 #\(id) 被改动过：其哈希与内容不符",
                                   en: "audit event #\(id) was edited: its hash does not match its content"), event: id)
    }

    public static func auditOutOfChain(_ id: Int64, previous: Int64) -> IntegrityProblem {
        let before = previous == 0 ? Bilingual(zh: "链首", en: "the start of the chain") : Bilingual(zh: "#\(previous)", en: "#\(previous)")
        return IntegrityProblem(Bilingual(
            zh: "审计事件 #\(id) 不接在\(before.zh)之后：其前的事件被删除、调换或伪造",
            en: "audit event #\(id) does not follow \(before.en): an event before it was deleted, reordered or forged"), event: id)
    }

    public static func auditGap(after previous: Int64, before id: Int64) -> IntegrityProblem {
        let single = previous + 1 == id - 1
        let missing = single ? "#\(previous + 1)" : "#\(previous + 1)–#\(id - 1)"
        return IntegrityProblem(Bilingual(zh: "审计事件 \(missing) 不见了（在 #\(id) 之前）",
                                          en: "audit \(single ? "event" : "events") \(missing) \(single ? "is" : "are") missing (before #\(id))"),
                                event: id)
    }

    public static func auditTailDeleted(after last: Int64, upTo sequence: Int64) -> IntegrityProblem {
        IntegrityProblem(Bilingual(zh: "最后的审计事件 #\(last + 1)–#\(sequence) 被删除了",
                                   en: "the latest audit events #\(last + 1)–#\(sequence) were deleted"), event: last + 1)
    }

    public static func auditTriggerDisabled(_ name: String) -> IntegrityProblem {
        IntegrityProblem(Bilingual(zh: "保护审计表的触发器 \(name) 被停用了", en: "the audit table's guard trigger \(name) is disabled"))
    }

    public static func auditTriggerMissing(_ name: String) -> IntegrityProblem {
        IntegrityProblem(Bilingual(zh: "保护审计表的触发器 \(name) 被删除了", en: "the audit table's guard trigger \(name) was dropped"))
    }

    public static func headMismatch(id: Int64, expected: String, found: String?) -> IntegrityProblem {
        guard let found else {
            return IntegrityProblem(Bilingual(zh: "记下的链头审计事件 #\(id) 不存在", en: "the written-down head, audit event #\(id), does not exist"),
                                    event: id)
        }
        return IntegrityProblem(Bilingual(
            zh: "审计事件 #\(id) 的哈希是 \(found)，而记下的是 \(expected)：此前的历史被重写过",
            en: "audit event #\(id) has hash \(found), not the \(expected) written down: the history up to it was rewritten"), event: id)
    }

    public static func unaudited(_ record: Bilingual, _ what: Bilingual) -> IntegrityProblem {
        IntegrityProblem(Bilingual(zh: "\(record.zh) 有未记入审计的改动：\(what.zh)", en: "\(record.en) changed with no audit event: \(what.en)"))
    }

    public static func invariant(_ what: Bilingual) -> IntegrityProblem { IntegrityProblem(what) }
}

/// The rules the data must obey whatever wrote it (`tandem check`), worded once for both stores;
/// each store finds the rows breaking them with its own queries.
extension IntegrityProblem {
    public static func branchPairedTwice(_ branch: Int, count: Int) -> IntegrityProblem {
        .invariant(Bilingual(zh: "突击队 B\(branch) 同时有 \(count) 个结对", en: "branch B\(branch) has \(count) active pairings"))
    }
    public static func enterprisePairedTwice(_ enterprise: Int, count: Int) -> IntegrityProblem {
        .invariant(Bilingual(zh: "帮扶单位 E\(enterprise) 同时有 \(count) 个结对", en: "enterprise E\(enterprise) has \(count) active pairings"))
    }
    public static func pairedInactiveBranch(pairing: Int64, branch: Int) -> IntegrityProblem {
        .invariant(Bilingual(zh: "结对 #\(pairing) 的突击队 B\(branch) 已停用", en: "pairing #\(pairing) has inactive branch B\(branch)"))
    }
    public static func pairingEndsBeforeStart(_ pairing: Int64) -> IntegrityProblem {
        .invariant(Bilingual(zh: "结对 #\(pairing) 结束早于开始", en: "pairing #\(pairing) ends before it starts"))
    }
    public static func deliveredDiffersFromDeliveries(_ request: Int) -> IntegrityProblem {
        .invariant(Bilingual(zh: "需求 R\(request) 的已送达量与送达记录之和不符",
                             en: "request R\(request): delivered does not equal the sum of its deliveries"))
    }
    public static func statusDiffersFromDelivered(_ request: Int, status: String) -> IntegrityProblem {
        .invariant(Bilingual(zh: "需求 R\(request) 的状态 \(status) 与已送达量不符",
                             en: "request R\(request): status \(status) does not fit what was delivered"))
    }
    public static func badReversal(_ delivery: Int64, reverses: Int64) -> IntegrityProblem {
        .invariant(Bilingual(zh: "送达 #\(delivery) 冲销的 #\(reverses) 不是同一需求、同一数量的送达",
                             en: "delivery #\(delivery) reverses #\(reverses), which is not a delivery of the same request and quantity"))
    }
    public static func statusDiffersFromCompletion(_ request: Int) -> IntegrityProblem {
        .invariant(Bilingual(zh: "需求 R\(request) 的状态与完成日期不符", en: "request R\(request): status does not fit its completion day"))
    }
    public static func leadWithoutBranch(_ login: String) -> IntegrityProblem {
        .invariant(Bilingual(zh: "队长 \(login) 所带的突击队不存在", en: "lead \(login) leads a branch that does not exist"))
    }
    public static func supervisorWithoutGroup(_ login: String) -> IntegrityProblem {
        .invariant(Bilingual(zh: "督导员 \(login) 的督导组不存在", en: "supervisor \(login) has a group that does not exist"))
    }
    public static func danglingReference(_ table: String, row: String, parent: String) -> IntegrityProblem {
        .invariant(Bilingual(zh: "\(table) 第 \(row) 行指向不存在的 \(parent)", en: "\(table) row \(row) points to a missing \(parent)"))
    }
    public static let noAdmin = IntegrityProblem.invariant(Bilingual(zh: "没有管理员", en: "there is no admin"))
}

/// What `tandem log --verify` found: the chain's problems, the changes no event explains, and
/// the head to write down.
public struct AuditVerification: Sendable {
    public var problems: [IntegrityProblem]
    public var head: AuditChainHead?
    /// The id of the last event, the head's event.
    public var headEvent: Int64?

    public var isIntact: Bool { problems.isEmpty }

    public init(problems: [IntegrityProblem], head: AuditChainHead?, headEvent: Int64?) {
        self.problems = problems
        self.head = head
        self.headEvent = headEvent
    }
}

/// The walk of the audit's hash chain, the same on both stores: each store reads its events in
/// id order, as the text the hash covers (`AuditHash.fields`), and feeds them here. Problems
/// name the event where the chain first breaks and every later break.
public struct AuditChainWalk: Sendable {
    public private(set) var problems: [IntegrityProblem] = []
    private var expectedPrevious = AuditHash.genesis
    private var lastID: Int64 = 0
    private var count = 0

    public init() {}

    /// The next stored event: its id, hashed fields after the id, and the two stored hashes.
    public mutating func visit(id: Int64, fields: [String?], previousHash: String?, hash: String?) {
        count += 1
        if id != lastID + 1 { problems.append(.auditGap(after: lastID, before: id)) }
        if hash != AuditHash.hash(id: id, fields: fields, previousHash: previousHash ?? "") {
            problems.append(.auditEdited(id))
        } else if previousHash != expectedPrevious {
            problems.append(.auditOutOfChain(id, previous: lastID))
        }
        expectedPrevious = hash ?? ""
        lastID = id
    }

    /// The end of the walk. `highestIssued` is the highest id the store ever gave an event
    /// (kept apart from the table): above the last event found, the latest events were deleted.
    public mutating func finish(highestIssued: Int64) -> (head: AuditChainHead?, headEvent: Int64?) {
        if highestIssued > lastID { problems.append(.auditTailDeleted(after: lastID, upTo: highestIssued)) }
        return count == 0 ? (nil, nil) : (AuditChainHead(events: count, hash: expectedPrevious), lastID)
    }
}

/// A store that can check itself (`tandem check`, `tandem log --verify`): both stores are.
public protocol IntegrityChecking {
    /// Walks the audit chain (and, where the store can, the records against it) in one
    /// consistent read. `expecting` is a head written down earlier (`event id`, `hash`): the
    /// chain must still hold that event with that hash.
    func verifyAudit(expecting: (event: Int64, hash: String)?) throws -> AuditVerification
    /// The invariants, then the audit as `verifyAudit` does. Empty problems when all holds.
    func check() throws -> (problems: [IntegrityProblem], audit: AuditVerification)
}
