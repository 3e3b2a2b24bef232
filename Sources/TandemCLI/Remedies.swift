import TandemCore

/// Remedies in the command line's own syntax: flags and commands to type.
struct CommandLineRemedies: RemedyWording {
    func text(_ remedy: Remedy, _ lang: Lang) -> String {
        let zh = lang == .zh
        switch remedy {
        case .allowOverDelivery:
            return zh ? "确属超额请加 --over" : "add --over if this really is an over-delivery"
        case .giveReason:
            return zh ? "用 --reason 给出" : "give it with --reason"
        case .unpairFirst(let code):
            return zh ? "请先解除（tandem unpair \(code)）" : "unpair it first (tandem unpair \(code))"
        case .reopenFirst(let code):
            return zh ? "如需继续请先重新打开（tandem request reopen \(code) --reason …）"
                : "reopen it first (tandem request reopen \(code) --reason …)"
        case .initDatabase(let path):
            return zh ? "先运行 tandem init --db \(path)" : "create it with: tandem init --db \(path)"
        case .replaceDatabase:
            return zh ? "如要重建请加 --force" : "add --force to recreate it"
        case .askAdminToAdd(let login):
            return zh ? "请管理员执行 tandem operator add \(login) …" : "ask an admin to run: tandem operator add \(login) …"
        }
    }
}
