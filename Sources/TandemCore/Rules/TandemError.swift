/// Every way an operation can be refused. Each case carries what the user needs to fix it
/// and renders as one line in Chinese or English. Throwing one means nothing was changed.
/// What to do about it is a `Remedy` (see `remedy`), worded by each surface in its own syntax.
public indirect enum TandemError: Error, Sendable, Equatable {
    case unknownRecord(RecordKind, String)
    case malformedCode(RecordKind, String)
    case unknownOperator(String)
    case notRegistered(login: String)
    /// On PostgreSQL the operator is the database role that connected, not the OS account.
    case databaseRoleNotRegistered(login: String)
    case duplicateOperator(String)
    case notAllowed(action: Bilingual, reason: Bilingual)
    case branchAlreadyPaired(branch: RecordCode, enterprise: RecordCode)
    case enterpriseAlreadyPaired(enterprise: RecordCode, branch: RecordCode)
    case notPaired(RecordCode)
    case branchInactive(RecordCode)
    case invalidQuantity(String)
    case invalidValue(field: Bilingual, value: String, expected: Bilingual)
    /// A control or bidirectional character in typed text (`TextRules`); the text is not echoed.
    case unsafeText(field: Bilingual, character: UInt32)
    case textTooLong(field: Bilingual, length: Int, limit: Int)
    /// A date outside `DayRules.window` (before 2000 or more than ten years ahead).
    case dayOutOfRange(Day, earliest: Day, latest: Day)
    /// The actor's operator row was removed since they opened Tandem.
    case operatorRemoved(login: String)
    /// A required field left empty.
    case missingValue(field: Bilingual)
    case dueBeforeToday(due: Day, today: Day)
    /// A record or area outside what the operator's role may see (`Permissions.readScope`).
    case outsideReadScope(what: String, scope: Bilingual)
    case unknownDistrict(String)
    case unknownGroup(String)
    case unknownCategory(String, choices: [String])
    case unknownItem(String, category: String, choices: [String])
    case unknownUnit(String, item: String, choices: [String])
    /// `unit` is the unit's code; `unitName` its name from the catalog once a surface has
    /// named it (`namingUnits`), so that a screen says "60 人", not "60 person".
    case overDelivery(request: RecordCode, remaining: Quantity, unit: String, unitName: Bilingual? = nil)
    case requestClosed(RecordCode, RequestStatus)
    case requestNotClosed(RecordCode, RequestStatus)
    /// A delivery that cannot be corrected as asked (`RequestRules.correct`).
    case cannotCorrect(request: RecordCode, delivery: Int64, reason: Bilingual)
    case reasonRequired
    case databaseMissing(path: String)
    case databaseUnreadable(path: String, detail: String)
    case databaseCorrupt(path: String, detail: String)
    case databaseTooNew(path: String, found: String)
    case databaseExists(path: String)
    case databaseNotInitialized(path: String)
    case configInvalid(file: String, key: String, problem: String)
    case conflict(detail: String)
    case databaseInUse(path: String)
    case notATandemDatabase(path: String)
    /// Several problems at once (a request draft with more than one bad field), in field order.
    case several([TandemError])
    case accountUnknown(uid: UInt32)
    case diskFull(path: String)
    case databaseReadOnly(path: String)
    case databaseBusy(path: String, seconds: Int)
    case sharedHostRefused(Bilingual)

    /// The problem alone, without its remedy; `message(_:wording:)` adds the remedy.
    public func problem(_ lang: Lang) -> String {
        let zh = lang == .zh
        switch self {
        case .unknownRecord(let kind, let text):
            return zh ? "找不到\(kind.name.zh)“\(text)”" : "no \(kind.name.en) with code \(text)"
        case .malformedCode(let kind, let text):
            return zh ? "“\(text)”不是\(kind.name.zh)编号（应形如 \(kind.rawValue)12）"
                : "\(text) is not a \(kind.name.en) code (expected like \(kind.rawValue)12)"
        case .unknownOperator(let login):
            return zh ? "找不到操作员“\(login)”" : "no operator with login \(login)"
        case .notRegistered(let login):
            return zh ? "系统用户“\(login)”不是 Tandem 操作员" : "OS user \(login) is not a Tandem operator"
        case .databaseRoleNotRegistered(let login):
            return zh ? "数据库角色“\(login)”不是这个数据库的 Tandem 操作员" : "database role \(login) is not a Tandem operator of this database"
        case .duplicateOperator(let login):
            return zh ? "操作员“\(login)”已存在" : "operator \(login) already exists"
        case .notAllowed(let action, let reason):
            return zh ? "不能\(action.zh)：\(reason.zh)" : "cannot \(action.en): \(reason.en)"
        case .branchAlreadyPaired(let branch, let enterprise):
            return zh ? "突击队 \(branch) 已与 \(enterprise) 结对" : "branch \(branch) is already paired with \(enterprise)"
        case .enterpriseAlreadyPaired(let enterprise, let branch):
            return zh ? "帮扶单位 \(enterprise) 已与突击队 \(branch) 结对" : "enterprise \(enterprise) is already paired with branch \(branch)"
        case .notPaired(let code):
            return zh ? "\(code) 当前没有结对" : "\(code) has no active pairing"
        case .branchInactive(let code):
            return zh ? "突击队 \(code) 已停用，不能结对" : "branch \(code) is inactive and cannot be paired"
        case .invalidQuantity(let text):
            return zh ? "数量“\(text)”无效：应为大于 0 的数字（最多三位小数）"
                : "invalid quantity \(text): expected a number greater than 0 (at most 3 decimals)"
        case .invalidValue(let field, let value, let expected):
            return zh ? "\(field.zh)“\(value)”无效：应为\(expected.zh)" : "invalid \(field.en) \(value): expected \(expected.en)"
        case .unsafeText(let field, let character):
            let hex = String(character, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return zh ? "\(field.zh)含有不允许的控制字符或双向文字控制符（\(code)）"
                : "the \(field.en) contains a control or bidirectional formatting character (\(code)), which is not allowed"
        case .textTooLong(let field, let length, let limit):
            return zh ? "\(field.zh)过长：\(length) 个字符，最多 \(limit) 个" : "the \(field.en) is too long: \(length) characters, at most \(limit)"
        case .dayOutOfRange(let day, let earliest, let latest):
            return zh ? "日期 \(day) 超出允许范围（\(earliest) 至 \(latest)）"
                : "the date \(day) is outside the accepted range (\(earliest) to \(latest))"
        case .operatorRemoved(let login):
            return zh ? "操作员“\(login)”已被移除，不能再修改数据" : "operator \(login) has been removed and can no longer change anything"
        case .missingValue(let field):
            return zh ? "请填写\(field.zh)" : "enter the \(field.en)"
        case .dueBeforeToday(let due, let today):
            return zh ? "截止日期 \(due) 早于今天（\(today)）" : "the due date \(due) is before today (\(today))"
        case .outsideReadScope(let what, let scope):
            return zh ? "\(what) 不在您的查看范围（\(scope.zh)）内" : "\(what) is outside what you may see (\(scope.en))"
        case .unknownDistrict(let text):
            return zh ? "找不到区县“\(text)”" : "no district \(text)"
        case .unknownGroup(let text):
            return zh ? "找不到督促指导小组“\(text)”" : "no supervision group \(text)"
        case .unknownCategory(let text, let choices):
            return zh ? "未知类别“\(text)”；可选：\(choices.joined(separator: "、"))"
                : "unknown category \(text); choose one of: \(choices.joined(separator: ", "))"
        case .unknownItem(let text, let category, let choices):
            return zh ? "类别 \(category) 中没有物品“\(text)”；可选：\(choices.joined(separator: "、"))"
                : "no item \(text) in category \(category); choose one of: \(choices.joined(separator: ", "))"
        case .unknownUnit(let text, let item, let choices):
            return zh ? "\(item) 不能以“\(text)”计量；可选：\(choices.joined(separator: "、"))"
                : "\(item) cannot be counted in \(text); choose one of: \(choices.joined(separator: ", "))"
        case .overDelivery(let request, let remaining, let code, let name):
            let unit = name.map { zh ? $0.zh : $0.en } ?? code
            return zh ? "超出需求：\(request) 仅剩 \(remaining) \(unit) 未送达" : "more than remains: \(request) has only \(remaining) \(unit) left"
        case .requestClosed(let code, let status):
            return zh ? "需求 \(code) \(status.name.zh)，不能再操作" : "request \(code) is \(status.name.en) and cannot be changed"
        case .requestNotClosed(let code, let status):
            return zh ? "需求 \(code) 仍为“\(status.name.zh)”，无需重新打开" : "request \(code) is still \(status.name.en); only done or cancelled requests can be reopened"
        case .reasonRequired:
            return zh ? "请填写原因" : "a reason is required"
        case .databaseMissing(let path):
            return zh ? "数据库 \(path) 不存在" : "database \(path) does not exist"
        case .databaseUnreadable(let path, let detail):
            return zh ? "无法读取数据库 \(path)：\(detail)" : "cannot read database \(path): \(detail)"
        case .databaseCorrupt(let path, let detail):
            return zh ? "数据库 \(path) 已损坏或不是 Tandem 数据库：\(detail)"
                : "database \(path) is corrupt or not a Tandem database: \(detail)"
        case .databaseTooNew(let path, let found):
            return zh ? "数据库 \(path) 由更新版本的 Tandem 写入（结构版本 \(found)）；请升级 Tandem"
                : "database \(path) was written by a newer Tandem (schema \(found)); upgrade Tandem to open it"
        case .databaseExists(let path):
            return zh ? "数据库 \(path) 已存在" : "database \(path) already exists"
        case .databaseNotInitialized(let path):
            return zh ? "数据库 \(path) 尚未初始化" : "database \(path) is not initialised"
        case .configInvalid(let file, let key, let problem):
            return zh ? "配置文件 \(file) 中 \(key) 有误：\(problem)" : "config file \(file), key \(key): \(problem)"
        case .conflict(let detail):
            return zh ? "数据冲突，未作修改：\(detail)" : "conflicting change, nothing was changed: \(detail)"
        case .databaseInUse(let path):
            return zh ? "数据库 \(path) 正在被其他操作员使用；请先关闭所有控制台和命令再重建"
                : "database \(path) is in use by another operator; close every console and command before recreating it"
        case .notATandemDatabase(let path):
            return zh ? "\(path) 不是 Tandem 数据库，不会被替换"
                : "\(path) is not a Tandem database; it will not be replaced"
        case .several(let errors):
            return errors.map { $0.problem(lang) }.joined(separator: zh ? "；" : "; ")
        case .accountUnknown(let uid):
            return zh ? "系统账户 \(uid) 没有用户记录（/etc/passwd），无法确认您的身份；请系统管理员为该账户建立用户记录"
                : "OS account \(uid) has no user entry (/etc/passwd), so Tandem cannot tell who you are; ask the system administrator to create one"
        case .diskFull(let path):
            return zh ? "磁盘已满：数据库 \(path) 无法写入，本次修改未保存，已保存的数据完好；请腾出磁盘空间后重试"
                : "disk full: database \(path) cannot grow, so this change was not saved; everything saved before is intact; free some space and try again"
        case .databaseReadOnly(let path):
            return zh ? "数据库 \(path) 对您只读：可以查看，不能修改"
                : "database \(path) is read-only for you: you can look but not change anything"
        case .databaseBusy(let path, let seconds):
            return zh ? "数据库 \(path) 被其他操作员占用超过 \(seconds) 秒，未作修改；请稍后重试"
                : "database \(path) stayed busy with another operator for \(seconds) s; nothing was changed; try again later"
        case .sharedHostRefused(let reason):
            return zh ? "共享主机模式：\(reason.zh)" : "shared-host mode: \(reason.en)"
        case .cannotCorrect(let request, let delivery, let reason):
            return zh ? "不能更正 \(request) 的送达 #\(delivery)：\(reason.zh)" : "cannot correct delivery #\(delivery) of \(request): \(reason.en)"
        }
    }
}

extension TandemError {
    /// The same error with unit codes replaced by the catalog's names in each language: the
    /// rules know a request's unit only by its code, the surfaces that show the error know the catalog.
    public func namingUnits(_ catalog: Catalog) -> TandemError {
        switch self {
        case .overDelivery(let request, let remaining, let unit, nil):
            guard let name = catalog.unit(code: unit)?.name else { return self }
            return .overDelivery(request: request, remaining: remaining, unit: unit, unitName: name)
        case .several(let errors):
            return .several(errors.map { $0.namingUnits(catalog) })
        default:
            return self
        }
    }
}
