import ArgumentParser
import TandemCore

/// `tandem operator add|list|show|edit`: who may use Tandem, and in which role.
struct OperatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator",
        abstract: "Manage operators: dispatchers, branch leads, supervisors, admins. / 操作员",
        subcommands: [Add.self, List.self, Show.self, Edit.self]
    )

    static func fields(_ op: Operator, lang: Lang) -> [(Bilingual, String)] {
        [(Bilingual(zh: "登录名", en: "login"), op.login),
         (Bilingual(zh: "姓名", en: "name"), op.displayName),
         (Bilingual(zh: "角色", en: "role"), op.role.label(lang))]
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an operator by OS login name (admins only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "OS login name. \(TextField.login.helpLimit)") var login: String
        @Option(help: "Display name. \(TextField.name.helpLimit)") var name: String?
        @Option(help: "dispatcher, admin, supervisor, supervisor:3 or lead:B12.") var role: String

        func run() throws {
            let context = try global.openContext()
            let trimmed = try OperatorRules.checkLogin(login)
            let op = Operator(login: trimmed, displayName: name ?? trimmed, role: try Parse.role(role))
            try context.repository.addOperator(op, by: context.actor)
            Printer.say(context.lang == .zh ? "已添加操作员 \(op.login)（\(op.role.label(.zh))）" : "added operator \(op.login) (\(op.role.label(.en)))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List operators.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try global.openContext()
            let operators = try context.repository.operators()
            let tabular = Tabular(headers: [Bilingual(zh: "登录名", en: "login"), Bilingual(zh: "姓名", en: "name"),
                                            Bilingual(zh: "角色", en: "role")],
                                  rows: operators.map { [$0.login, $0.displayName, $0.role.label(context.lang)] })
            try Printer.emit(operators, tabular, format: output.format, lang: context.lang)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one operator.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument var login: String

        func run() throws {
            let context = try global.openContext()
            guard let op = try context.repository.findOperator(login: login) else { throw TandemError.unknownOperator(login) }
            try Printer.emitRecord(op, fields: OperatorCommand.fields(op, lang: context.lang), format: output.format, lang: context.lang)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an operator's name or role (admins only).")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String
        @Option(help: "New display name. \(TextField.name.helpLimit)") var name: String?
        @Option(help: "dispatcher, admin, supervisor, supervisor:3 or lead:B12.") var role: String?

        func run() throws {
            let context = try global.openContext()
            let changes = OperatorChanges(displayName: name, role: try role.map(Parse.role))
            guard !changes.isEmpty else { throw ValidationError("Give at least one field to change. / 请至少指定一项要修改的内容。") }
            let op = try context.repository.editOperator(login: login, changes, by: context.actor)
            Printer.say(context.lang == .zh ? "已更新操作员 \(op.login)" : "updated operator \(op.login)")
        }
    }
}

/// `tandem pair BRANCH ENTERPRISE`.
struct PairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pair", abstract: "Pair a branch with an enterprise. / 结对")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Branch code, e.g. B12.") var branch: String
    @Argument(help: "Enterprise code, e.g. E345.") var enterprise: String

    func run() throws {
        let context = try global.openContext()
        let pairing = try context.repository.pair(branch: try context.code(branch, .branch),
                                                  enterprise: try context.code(enterprise, .enterprise), by: context.actor)
        Printer.say(context.lang == .zh ? "已结对：\(pairing.branchCode) ↔ \(pairing.enterpriseCode)"
              : "paired \(pairing.branchCode) with \(pairing.enterpriseCode)")
    }
}

/// `tandem unpair BRANCH|ENTERPRISE`.
struct UnpairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unpair",
                                                    abstract: "End the pairing of a branch or an enterprise (kept in history). / 解除结对")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A branch code (B12) or an enterprise code (E345).") var code: String
    @Option(help: "Why the pairing ends. \(TextField.reason.helpLimit)") var reason: String = ""

    func run() throws {
        let context = try global.openContext()
        guard let parsed = RecordCode(parsing: code), parsed.kind != .request else {
            throw TandemError.malformedCode(.branch, code)
        }
        let pairing = try context.repository.unpair(parsed, reason: reason, by: context.actor)
        Printer.say(context.lang == .zh ? "已解除结对：\(pairing.branchCode) ↔ \(pairing.enterpriseCode)"
              : "unpaired \(pairing.branchCode) from \(pairing.enterpriseCode)")
    }
}
