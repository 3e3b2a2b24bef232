import ArgumentParser
import TandemCore

/// `tandem enterprise add|list|show|edit`: the units that need help.
struct EnterpriseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enterprise",
        abstract: "Register, list, show and edit enterprises needing help. / 帮扶单位",
        subcommands: [Add.self, List.self, Show.self, Edit.self]
    )

    static func fields(_ e: Enterprise, snapshot: CitySnapshot, context: AppContext) -> [(Bilingual, String)] {
        let lang = context.lang
        let requests = snapshot.requests(of: e.code)
        let open = requests.filter { $0.status.isActive }
        return [
            (Bilingual(zh: "编号", en: "code"), e.code.description),
            (Bilingual(zh: "名称", en: "name"), e.name),
            (Bilingual(zh: "类型", en: "kind"), e.kind.name.text(lang)),
            (Bilingual(zh: "区县", en: "district"), context.districtName(e.districtCode)),
            (Bilingual(zh: "地址", en: "address"), e.address),
            (Bilingual(zh: "坐标", en: "location"), e.location.map { "\($0.lat), \($0.lon)" } ?? "—"),
            (Bilingual(zh: "联系人", en: "contact"), "\(e.contactName) \(e.contactPhone)"),
            (Bilingual(zh: "残疾职工", en: "disabled employees"), String(e.disabledEmployees)),
            (Bilingual(zh: "复工状态", en: "resumption"), e.resumption.label(lang)),
            (Bilingual(zh: "结对突击队", en: "paired branch"), snapshot.pairedBranch(of: e.code).map { code in
                "\(code) \(snapshot.branch(code)?.name ?? "")"
            } ?? "—"),
            (Bilingual(zh: "未完成需求", en: "open requests"), open.isEmpty ? "—" : open.map { r in
                "\(r.code) \(RequestCommand.itemName(r, context)) \(r.delivered)/\(r.quantity) \(RequestCommand.unitName(r, context))"
            }.joined(separator: "; ")),
        ]
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an enterprise needing help.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Name, e.g. 南川九叶青花椒基地. \(TextField.name.helpLimit)") var name: String
        @Option(help: "enterprise, employment_base, auxiliary_employment, blind_massage or service_institution.")
        var kind: String = "enterprise"
        @Option(help: "District: code, Chinese or English name.") var district: String
        @Option(help: "Address. \(TextField.address.helpLimit)") var address: String = ""
        @Option(help: "Latitude (with --lon).") var lat: String?
        @Option(help: "Longitude (with --lat).") var lon: String?
        @Option(help: "Contact person. \(TextField.contactName.helpLimit)") var contact: String = ""
        @Option(help: "Contact phone. \(TextField.contactPhone.helpLimit)") var phone: String = ""
        @Option(help: "Number of disabled employees.") var disabled: Int = 0
        @Option(help: "closed, resumed or a percentage such as 60%.") var resumption: String = "closed"

        func run() throws {
            let context = try global.openContext()
            let draft = EnterpriseDraft(name: name, kind: try Parse.kind(kind), districtCode: try context.district(district).code,
                                        address: address, location: try Parse.location(lat: lat, lon: lon), contactName: contact,
                                        contactPhone: phone, disabledEmployees: disabled, resumption: try Parse.resumption(resumption))
            let enterprise = try context.repository.addEnterprise(draft, by: context.actor)
            Printer.say(context.lang == .zh ? "已登记帮扶单位 \(enterprise.code) \(enterprise.name)"
                  : "registered enterprise \(enterprise.code) \(enterprise.name)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List enterprises.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this district.") var district: String?
        @Option(help: "Only this supervision group.") var group: String?
        @Option(help: "Only this kind.") var kind: String?
        @Flag(help: "Only enterprises without a branch.") var unpaired = false

        func run() throws {
            let context = try global.openContext()
            let snapshot = try context.repository.snapshot()
            let inArea = try context.areaFilter(district: district, group: group)
            let kindFilter = try kind.map(Parse.kind)
            let list = snapshot.enterprises.filter { e in
                inArea(e.districtCode)
                    && (kindFilter == nil || e.kind == kindFilter)
                    && (!unpaired || snapshot.pairedBranch(of: e.code) == nil)
            }
            let lang = context.lang
            let tabular = Tabular(
                headers: [Bilingual(zh: "编号", en: "code"), Bilingual(zh: "名称", en: "name"), Bilingual(zh: "类型", en: "kind"),
                          Bilingual(zh: "区县", en: "district"), Bilingual(zh: "复工", en: "resumed"),
                          Bilingual(zh: "结对", en: "branch"), Bilingual(zh: "待办", en: "open")],
                rows: list.map { e in
                    [e.code.description, e.name, e.kind.name.text(lang),
                     context.geography.district(code: e.districtCode)?.shortName(lang) ?? e.districtCode,
                     "\(e.resumption.percent)%", snapshot.pairedBranch(of: e.code)?.description ?? "—",
                     String(snapshot.requests(of: e.code).filter { $0.status.isActive }.count)]
                },
                numericColumns: [4, 6])
            try Printer.emit(list, tabular, format: output.format, lang: lang)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one enterprise with its open requests.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Enterprise code, e.g. E345.") var code: String

        func run() throws {
            let context = try global.openContext()
            let snapshot = try context.repository.snapshot()
            let enterpriseCode = try context.code(code, .enterprise)
            guard let enterprise = snapshot.enterprise(enterpriseCode) else { throw TandemError.unknownRecord(.enterprise, code) }
            try context.scope.require(enterprise)
            try Printer.emitRecord(enterprise, fields: EnterpriseCommand.fields(enterprise, snapshot: snapshot, context: context),
                                   format: output.format, lang: context.lang)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an enterprise's details or resumption status.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Enterprise code, e.g. E345.") var code: String
        @Option(help: "New name. \(TextField.name.helpLimit)") var name: String?
        @Option var kind: String?
        @Option var district: String?
        @Option(help: "New address. \(TextField.address.helpLimit)") var address: String?
        @Option var lat: String?
        @Option var lon: String?
        @Option(help: "New contact person. \(TextField.contactName.helpLimit)") var contact: String?
        @Option(help: "New contact phone. \(TextField.contactPhone.helpLimit)") var phone: String?
        @Option var disabled: Int?
        @Option(help: "closed, resumed or a percentage such as 60%.") var resumption: String?

        func run() throws {
            let context = try global.openContext()
            let enterpriseCode = try context.code(code, .enterprise)
            var changes = EnterpriseChanges()
            changes.name = name
            changes.kind = try kind.map(Parse.kind)
            changes.districtCode = try district.map { try context.district($0).code }
            changes.address = address
            if lat != nil || lon != nil { changes.location = .some(try Parse.location(lat: lat, lon: lon)) }
            changes.contactName = contact
            changes.contactPhone = phone
            changes.disabledEmployees = disabled
            changes.resumption = try resumption.map(Parse.resumption)
            guard !changes.isEmpty else { throw ValidationError("Give at least one field to change. / 请至少指定一项要修改的内容。") }
            // Only the given fields are written, against the row as it is when the change commits.
            let enterprise = try context.repository.editEnterprise(enterpriseCode, changes, by: context.actor)
            Printer.say(context.lang == .zh ? "已更新帮扶单位 \(enterprise.code)" : "updated enterprise \(enterprise.code)")
        }
    }
}
