/// What the user can do about a refused operation. Errors carry it as data; each surface
/// words it in its own syntax (`--over` on the command line, `over` on the console's `:` line,
/// the Over field in a console form), so the core never names a flag or a key.
public enum Remedy: Sendable, Hashable {
    /// Confirm that delivering more than remains is intended.
    case allowOverDelivery
    /// Say why (cancel, reopen, unpair).
    case giveReason
    /// End the active pairing of this branch or enterprise first.
    case unpairFirst(RecordCode)
    /// Reopen this done or cancelled request first.
    case reopenFirst(RecordCode)
    /// Create the database at this path.
    case initDatabase(path: String)
    /// Replace the existing database at this path.
    case replaceDatabase(path: String)
    /// An admin must register this OS login as an operator.
    case askAdminToAdd(login: String)
}

/// How one surface words remedies. The returned sentence follows the problem after a `;`.
public protocol RemedyWording: Sendable {
    func text(_ remedy: Remedy, _ lang: Lang) -> String
}

/// Remedies in plain words, naming no command or key: for logs and for surfaces that have
/// not chosen their own wording.
public struct PlainRemedyWording: RemedyWording {
    public init() {}

    public func text(_ remedy: Remedy, _ lang: Lang) -> String {
        let zh = lang == .zh
        switch remedy {
        case .allowOverDelivery:
            return zh ? "确属超额请确认超额送达" : "confirm it as an over-delivery if it really is one"
        case .giveReason:
            return zh ? "请说明原因" : "give a reason"
        case .unpairFirst(let code):
            return zh ? "请先解除 \(code) 的结对" : "unpair \(code) first"
        case .reopenFirst(let code):
            return zh ? "如需继续请先重新打开 \(code)" : "reopen \(code) first"
        case .initDatabase(let path):
            return zh ? "请先创建数据库 \(path)" : "create the database \(path) first"
        case .replaceDatabase(let path):
            return zh ? "如要重建请确认替换 \(path)" : "confirm replacing \(path) to recreate it"
        case .askAdminToAdd(let login):
            return zh ? "请管理员将 \(login) 添加为操作员" : "ask an admin to add \(login) as an operator"
        }
    }
}

extension TandemError {
    /// What the user can do about it, if anything beyond correcting the input.
    public var remedy: Remedy? {
        switch self {
        case .notRegistered(let login), .databaseRoleNotRegistered(let login): .askAdminToAdd(login: login)
        case .branchAlreadyPaired(let branch, _): .unpairFirst(branch)
        case .enterpriseAlreadyPaired(let enterprise, _): .unpairFirst(enterprise)
        case .overDelivery: .allowOverDelivery
        case .requestClosed(let code, _): .reopenFirst(code)
        case .reasonRequired: .giveReason
        case .databaseMissing(let path), .databaseNotInitialized(let path): .initDatabase(path: path)
        case .databaseExists(let path): .replaceDatabase(path: path)
        default: nil
        }
    }

    /// The problem and, when there is one, its remedy in `wording`: one line.
    public func message(_ lang: Lang, wording: some RemedyWording) -> String {
        if case .several(let errors) = self {
            return errors.map { $0.message(lang, wording: wording) }.joined(separator: lang == .zh ? "；" : "; ")
        }
        let problem = problem(lang)
        guard let remedy else { return problem }
        return problem + (lang == .zh ? "；" : "; ") + wording.text(remedy, lang)
    }

    /// The problem with its remedy in plain words (no command or key named).
    public func message(_ lang: Lang) -> String { message(lang, wording: PlainRemedyWording()) }

    /// The problem alone in both languages (a form field's error, where the field is the remedy).
    public var problemText: Bilingual { Bilingual(zh: problem(.zh), en: problem(.en)) }

    /// The problem in both languages, remedy worded by `wording`.
    public func bilingual(wording: some RemedyWording) -> Bilingual {
        Bilingual(zh: message(.zh, wording: wording), en: message(.en, wording: wording))
    }
}
