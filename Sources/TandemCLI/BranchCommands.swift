import ArgumentParser
import TandemCore

/// `tandem branch add|list|show|edit`: the Party branches' task forces.
struct BranchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "branch",
        abstract: "Register, list, show and edit branch task forces. / 突击队",
        discussion: "A branch's lead is an operator: tandem operator add|edit LOGIN --role lead:B12.",
        subcommands: [Add.self, List.self, Show.self, Edit.self]
    )

    /// `leads` come from the operator table, the one record of who leads a branch.
    static func fields(_ branch: Branch, leads: [Operator], snapshot: CitySnapshot, context: AppContext) -> [(Bilingual, String)] {
        let lang = context.lang
        return [
            (Bilingual(zh: "编号", en: "code"), branch.code.description),
            (Bilingual(zh: "名称", en: "name"), branch.name),
            (Bilingual(zh: "区县", en: "district"), context.districtName(branch.districtCode)),
            (Bilingual(zh: "队长", en: "lead"), leads.isEmpty ? "—" : leads.map(\.login).joined(separator: ", ")),
            (Bilingual(zh: "人数", en: "headcount"), String(branch.headcount)),
            (Bilingual(zh: "能力", en: "capabilities"), context.catalog.capabilities(of: branch.capabilities).map { $0.name.text(lang) }.joined(separator: ", ")),
            (Bilingual(zh: "状态", en: "status"), branch.active ? (lang == .zh ? "在岗" : "active") : (lang == .zh ? "停用" : "inactive")),
            (Bilingual(zh: "结对单位", en: "paired with"), snapshot.pairedEnterprise(of: branch.code).map { code in
                "\(code) \(snapshot.enterprise(code)?.name ?? "")"
            } ?? "—"),
        ]
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a branch task force.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Name, e.g. 市残联机关第一党支部党员突击队. \(TextField.name.helpLimit)") var name: String
        @Option(help: "Home district: code, Chinese or English name.") var district: String
        @Option(help: "Number of Party members in the task force.") var headcount: Int
        @Option(help: "Comma-separated capability codes or names (config/categories.yaml).") var capabilities: String = ""
        @Flag(help: "Register it as inactive.") var inactive = false

        func run() throws {
            let context = try global.openContext()
            let draft = BranchDraft(name: name, districtCode: try context.district(district).code, headcount: headcount,
                                    capabilities: try Parse.capabilities(capabilities, catalog: context.catalog), active: !inactive)
            let branch = try context.repository.addBranch(draft, by: context.actor)
            Printer.say(context.lang == .zh ? "已登记突击队 \(branch.code) \(branch.name)" : "registered branch \(branch.code) \(branch.name)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List branches.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this district.") var district: String?
        @Option(help: "Only this supervision group.") var group: String?
        @Flag(help: "Only active branches without a pairing.") var free = false

        func run() throws {
            let context = try global.openContext()
            let snapshot = try context.repository.snapshot()
            let inArea = try context.areaFilter(district: district, group: group)
            let branches = snapshot.branches.filter { branch in
                inArea(branch.districtCode)
                    && (!free || snapshot.isFree(branch))
            }
            let lang = context.lang
            let tabular = Tabular(
                headers: [Bilingual(zh: "编号", en: "code"), Bilingual(zh: "名称", en: "name"), Bilingual(zh: "区县", en: "district"),
                          Bilingual(zh: "人数", en: "people"), Bilingual(zh: "能力", en: "capabilities"),
                          Bilingual(zh: "结对", en: "paired")],
                rows: branches.map { b in
                    [b.code.description, b.name, context.geography.district(code: b.districtCode)?.shortName(lang) ?? b.districtCode,
                     String(b.headcount), context.catalog.capabilities(of: b.capabilities).map(\.code).joined(separator: ","),
                     b.active ? (snapshot.pairedEnterprise(of: b.code)?.description ?? "—") : (lang == .zh ? "停用" : "inactive")]
                },
                numericColumns: [3])
            try Printer.emit(branches, tabular, format: output.format, lang: lang)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one branch.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Branch code, e.g. B12.") var code: String

        func run() throws {
            let context = try global.openContext()
            let snapshot = try context.repository.snapshot()
            let branchCode = try context.code(code, .branch)
            guard let branch = snapshot.branch(branchCode) else { throw TandemError.unknownRecord(.branch, code) }
            try context.scope.require(branch)
            let leads = try context.repository.operators().leads(of: branch.code)
            try Printer.emitRecord(branch, fields: BranchCommand.fields(branch, leads: leads, snapshot: snapshot, context: context),
                                   format: output.format, lang: context.lang)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a branch's details.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Branch code, e.g. B12.") var code: String
        @Option(help: "New name. \(TextField.name.helpLimit)") var name: String?
        @Option var district: String?
        @Option var headcount: Int?
        @Option(help: "Comma-separated capabilities (replaces the list).") var capabilities: String?
        @Option(help: "yes or no.") var active: String?

        func run() throws {
            let context = try global.openContext()
            let branchCode = try context.code(code, .branch)
            let changes = BranchChanges(
                name: name, districtCode: try district.map { try context.district($0).code }, headcount: headcount,
                capabilities: try capabilities.map { try Parse.capabilities($0, catalog: context.catalog) },
                active: try active.map(Parse.yesNo))
            guard !changes.isEmpty else { throw ValidationError("Give at least one field to change. / 请至少指定一项要修改的内容。") }
            // Only the given fields are written, against the row as it is when the change commits.
            let branch = try context.repository.editBranch(branchCode, changes, by: context.actor)
            Printer.say(context.lang == .zh ? "已更新突击队 \(branch.code)" : "updated branch \(branch.code)")
        }
    }
}
