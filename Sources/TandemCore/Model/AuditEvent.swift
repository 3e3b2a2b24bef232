/// Every kind of change the store records. The raw value is what the audit table holds.
public enum AuditAction: String, Sendable, Hashable, CaseIterable, Codable {
    case initialize = "init"
    case loadDemo = "demo.load"
    case addBranch = "branch.add"
    case editBranch = "branch.edit"
    case addEnterprise = "enterprise.add"
    case editEnterprise = "enterprise.edit"
    case updateResumption = "enterprise.resumption"
    case addOperator = "operator.add"
    case editOperator = "operator.edit"
    case pair
    case unpair
    /// A batch of pairings (an engine plan) written in one transaction; each pairing and each
    /// ended pairing has its own event besides.
    case applyPlan = "plan.apply"
    case addRequest = "request.add"
    case deliver = "request.deliver"
    /// A delivery taken back by a reversing entry (a correction; its replacement, if any, is a
    /// `request.deliver` event of its own in the same transaction).
    case correctDelivery = "request.correct"
    case markDone = "request.done"
    case cancelRequest = "request.cancel"
    case reopenRequest = "request.reopen"
    /// A request's quantity, unit, priority, due day or notes corrected by an import.
    case editRequest = "request.edit"
    /// A file imported: one event for the file besides one per record it added or changed.
    case importFile = "import"
    /// A schema upgrade that set aside data the new schema no longer holds.
    case migrateSchema = "schema.migrate"

    public var name: Bilingual {
        switch self {
        case .initialize: Bilingual(zh: "初始化数据库", en: "database created")
        case .loadDemo: Bilingual(zh: "载入演示数据", en: "demo city loaded")
        case .addBranch: Bilingual(zh: "登记突击队", en: "branch added")
        case .editBranch: Bilingual(zh: "修改突击队", en: "branch edited")
        case .addEnterprise: Bilingual(zh: "登记帮扶单位", en: "enterprise added")
        case .editEnterprise: Bilingual(zh: "修改帮扶单位", en: "enterprise edited")
        case .updateResumption: Bilingual(zh: "更新复工情况", en: "resumption updated")
        case .addOperator: Bilingual(zh: "添加操作员", en: "operator added")
        case .editOperator: Bilingual(zh: "修改操作员", en: "operator edited")
        case .pair: Bilingual(zh: "结对", en: "paired")
        case .unpair: Bilingual(zh: "解除结对", en: "unpaired")
        case .applyPlan: Bilingual(zh: "采纳结对方案", en: "plan applied")
        case .addRequest: Bilingual(zh: "登记需求", en: "request filed")
        case .deliver: Bilingual(zh: "登记送达", en: "delivery recorded")
        case .correctDelivery: Bilingual(zh: "冲销送达（更正）", en: "delivery reversed (correction)")
        case .markDone: Bilingual(zh: "需求完成", en: "request done")
        case .cancelRequest: Bilingual(zh: "取消需求", en: "request cancelled")
        case .reopenRequest: Bilingual(zh: "重开需求", en: "request reopened")
        case .migrateSchema: Bilingual(zh: "升级数据库结构", en: "schema upgraded")
        case .editRequest: Bilingual(zh: "修改需求", en: "request edited")
        case .importFile: Bilingual(zh: "导入文件", en: "file imported")
        }
    }
}

/// The records a change touched. An enterprise's history is every event naming it: its own
/// edits, its requests' events (which name the enterprise too) and its pairings' events.
/// All nil for a change to the whole database (creating it, loading the demo city).
public struct AuditSubject: Sendable, Hashable, Codable, CustomStringConvertible {
    public var enterprise: RecordCode?
    public var branch: RecordCode?
    public var request: RecordCode?
    /// The operator whose account was changed (not the one who changed it).
    public var login: String?

    public init(enterprise: RecordCode? = nil, branch: RecordCode? = nil, request: RecordCode? = nil, login: String? = nil) {
        self.enterprise = enterprise
        self.branch = branch
        self.request = request
        self.login = login
    }

    /// The whole database.
    public static let database = AuditSubject()

    /// `R7 E12`, `B3 E12`, `alice`; `—` for the whole database.
    public var description: String {
        let parts = [request?.description, branch?.description, enterprise?.description, login].compactMap { $0 }
        return parts.isEmpty ? "—" : parts.joined(separator: " ")
    }
}

/// A record of one change: who did what to which records, and what they were before and after.
/// Written in the same transaction as the change itself.
public struct AuditEvent: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: Timestamp
    public var operatorLogin: String
    public var action: AuditAction
    public var subject: AuditSubject
    public var before: String
    public var after: String

    public init(id: Int64 = 0, at: Timestamp, operatorLogin: String, action: AuditAction, subject: AuditSubject,
                before: String, after: String) {
        self.id = id
        self.at = at
        self.operatorLogin = operatorLogin
        self.action = action
        self.subject = subject
        self.before = before
        self.after = after
    }
}
