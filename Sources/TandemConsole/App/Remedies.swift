import TandemCore

/// Remedies in the console's `:` line syntax (`deliver R88 40 over`, `unpair B3 原因`).
struct ConsoleLineRemedies: RemedyWording {
    func text(_ remedy: Remedy, _ lang: Lang) -> String {
        let zh = lang == .zh
        switch remedy {
        case .allowOverDelivery:
            return zh ? "确属超额请在命令末尾加 over" : "add over at the end if this really is an over-delivery"
        case .giveReason:
            return zh ? "请在编号后写上原因" : "type the reason after the code"
        case .unpairFirst(let code):
            return zh ? "请先解除（:unpair \(code) 原因）" : "unpair it first (:unpair \(code) reason)"
        case .reopenFirst(let code):
            return zh ? "如需继续请先重新打开（:reopen \(code) 原因）" : "reopen it first (:reopen \(code) reason)"
        default:
            return ConsoleKeyRemedies().text(remedy, lang)
        }
    }
}

/// Remedies in the console's key terms: the key to press or the form field to fill. What the
/// console cannot do (create a database, reopen a request, add an operator) is worded as the
/// shell command that does it.
struct ConsoleKeyRemedies: RemedyWording {
    func text(_ remedy: Remedy, _ lang: Lang) -> String {
        let zh = lang == .zh
        switch remedy {
        case .allowOverDelivery:
            return zh ? "确属超额请在“超额”填 y" : "enter y in Over if it really is an over-delivery"
        case .giveReason:
            return zh ? "请填写“原因”" : "fill in the Reason"
        case .unpairFirst(let code):
            return zh ? "请先解除（选中 \(code) 的需求按 u）" : "unpair it first (u on a request of \(code))"
        case .reopenFirst(let code):
            return zh ? "如需继续请先重新打开（选中 \(code) 按 O）" : "reopen it first (O on \(code))"
        case .initDatabase(let path):
            return zh ? "先运行 tandem init --db \(path)" : "create it with: tandem init --db \(path)"
        case .replaceDatabase:
            return zh ? "如要重建请运行 tandem init --force" : "recreate it with: tandem init --force"
        case .askAdminToAdd(let login):
            return zh ? "请管理员执行 tandem operator add \(login) …" : "ask an admin to run: tandem operator add \(login) …"
        }
    }
}

/// Where a change was asked for, which decides how a refusal's remedy is worded.
enum CommandOrigin: Sendable {
    case keys
    case commandLine

    var wording: any RemedyWording {
        switch self {
        case .keys: ConsoleKeyRemedies()
        case .commandLine: ConsoleLineRemedies()
        }
    }
}
