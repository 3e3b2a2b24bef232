/// Everything an operator can ask Tandem to change. Every entry point (command line,
/// console keys, console `:` commands) asks `Permissions` before acting.
public enum Action: Sendable, Hashable {
    case manageOperators
    case manageRecords
    case pair
    case unpair
    case fileRequest(enterprise: RecordCode)
    case workRequest(enterprise: RecordCode)
    case updateResumption(enterprise: RecordCode)
    case cancelOrReopenRequest(enterprise: RecordCode)
    /// Correcting a delivery recorded by `recordedBy` (a login): that operator and dispatchers may.
    case correctDelivery(enterprise: RecordCode, recordedBy: String)
    case actAsOtherOperator
    /// Copying the whole database (`tandem backup`): every contact and phone number in one file.
    case backUp

    public var name: Bilingual {
        switch self {
        case .manageOperators: Bilingual(zh: "管理操作员", en: "manage operators")
        case .manageRecords: Bilingual(zh: "登记或修改突击队和帮扶单位", en: "add or edit branches and enterprises")
        case .pair: Bilingual(zh: "结对", en: "pair")
        case .unpair: Bilingual(zh: "解除结对", en: "unpair")
        case .fileRequest(let e): Bilingual(zh: "为 \(e) 登记需求", en: "file a request for \(e)")
        case .workRequest(let e): Bilingual(zh: "办理 \(e) 的需求", en: "work on \(e)'s requests")
        case .updateResumption(let e): Bilingual(zh: "更新 \(e) 的复工状态", en: "update \(e)'s resumption status")
        case .cancelOrReopenRequest(let e): Bilingual(zh: "取消或重新打开 \(e) 的需求", en: "cancel or reopen \(e)'s requests")
        case .correctDelivery(let e, _): Bilingual(zh: "更正 \(e) 的送达", en: "correct a delivery of \(e)")
        case .actAsOtherOperator: Bilingual(zh: "以其他操作员身份操作", en: "act as another operator")
        case .backUp: Bilingual(zh: "备份整个数据库", en: "back up the whole database")
        }
    }
}

public enum Permissions {
    /// Why `actor` may not do `action`, or nil when allowed. `pairedBranch` answers which
    /// branch is actively paired with an enterprise.
    public static func denial(_ actor: Operator, _ action: Action,
                              pairedBranch: (RecordCode) -> RecordCode?) -> Bilingual? {
        switch actor.role {
        case .admin:
            return nil
        case .supervisor:
            return Bilingual(zh: "督导角色只读", en: "supervisors have read-only access")
        case .dispatcher:
            switch action {
            case .manageOperators, .actAsOtherOperator, .backUp:
                return Bilingual(zh: "仅管理员可以", en: "only admins can")
            default:
                return nil
            }
        case .branchLead(let ownBranch):
            switch action {
            case .workRequest(let enterprise), .updateResumption(let enterprise), .fileRequest(let enterprise):
                guard let paired = pairedBranch(enterprise) else {
                    return Bilingual(zh: "\(enterprise) 没有结对突击队，只有调度员可以办理",
                                     en: "\(enterprise) has no paired branch; only dispatchers can")
                }
                if paired == ownBranch { return nil }
                return Bilingual(zh: "\(enterprise) 由突击队 \(paired) 负责，您负责的是 \(ownBranch)",
                                 en: "\(enterprise) is worked by branch \(paired); you lead \(ownBranch)")
            case .correctDelivery(_, let recordedBy):
                if recordedBy == actor.login { return nil }
                return Bilingual(zh: "这笔送达由 \(recordedBy) 登记；只有登记人和调度员可以更正",
                                 en: "this delivery was recorded by \(recordedBy); only they and dispatchers can correct it")
            case .manageOperators, .actAsOtherOperator, .backUp:
                return Bilingual(zh: "仅管理员可以", en: "only admins can")
            case .manageRecords, .pair, .unpair, .cancelOrReopenRequest:
                return Bilingual(zh: "仅调度员和管理员可以", en: "only dispatchers and admins can")
            }
        }
    }

    /// Throws `TandemError.notAllowed` unless `actor` may do `action`.
    public static func require(_ actor: Operator, _ action: Action,
                               pairedBranch: (RecordCode) -> RecordCode?) throws {
        if let reason = denial(actor, action, pairedBranch: pairedBranch) {
            throw TandemError.notAllowed(action: action.name, reason: reason)
        }
    }
}
