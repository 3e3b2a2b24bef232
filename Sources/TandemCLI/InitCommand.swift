import ArgumentParser
import Foundation
import TandemCore
import TandemDemo
import TandemPostgres
import TandemStore

/// `tandem init`: creates a database, optionally with the demo city.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a database (with --demo, a demo city built from the real 2020 cases). / 创建数据库"
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Load the demo city: the real cases plus generated branches and enterprises over all 38 districts.")
    var demo = false

    @Option(help: "With --demo: how many enterprises and branches to generate (about 5 requests each).")
    var scale: Int = 150

    @Option(help: "With --demo: the seed that fixes the generated city.")
    var seed: UInt64 = 2020

    @Flag(help: "Replace an existing database file.")
    var force = false

    func validate() throws {
        guard (0...500_000).contains(scale) else {
            throw TandemError.invalidValue(field: Bilingual(zh: "规模", en: "scale"), value: String(scale),
                                           expected: Bilingual(zh: "0 到 500000 的整数", en: "a whole number from 0 to 500000"))
        }
    }

    func run() throws {
        if scale != 150 || seed != 2020, !demo {
            throw TandemError.invalidValue(field: Bilingual(zh: "选项", en: "option"), value: "--scale/--seed",
                                           expected: Bilingual(zh: "与 --demo 一起使用", en: "to be used with --demo"))
        }
        if let url = global.postgresURL { return try runOnPostgres(url) }
        let (access, session) = try global.session(creating: true)
        let configuration = try global.loadConfiguration(shared: access.shared)
        let path = access.databasePath
        let login = session.account ?? ""
        let admin = Operator(login: login, displayName: login, role: .admin)
        let lang = global.language
        // The demo city is built first and written with the new database in one step.
        let city = demo ? DemoCity.build(scale: scale, seed: seed, geography: configuration.geography,
                                         catalog: configuration.catalog, today: Day.local()) : nil
        _ = try SQLiteRepository.create(path: path, geography: configuration.geography, admin: admin, seed: city, replace: force,
                                        session: session)
        if let city {
            Printer.say(lang == .zh
                  ? "已创建演示数据库 \(path)：\(city.enterprises.count) 个帮扶单位、\(city.branches.count) 支突击队、\(city.requests.count) 条需求；管理员 \(login)"
                  : "created demo database \(path): \(city.enterprises.count) enterprises, \(city.branches.count) branches, \(city.requests.count) requests; admin \(login)")
        } else {
            Printer.say(lang == .zh ? "已创建数据库 \(path)；管理员 \(login)" : "created database \(path); admin \(login)")
        }
    }

    /// `init --db postgres://…`: the schema, districts, groups, the first admin and with `--demo`
    /// the demo city in one transaction; with `--force` a Tandem database there is replaced in that transaction.
    private func runOnPostgres(_ text: String) throws {
        let url = try PostgresAccess.check(text)
        // The first admin is the database role that creates the database (it owns the tables).
        let login = try PostgresRepository.databaseUser(url.text)
        let configuration = try global.loadConfiguration()
        let city = demo ? DemoCity.build(scale: scale, seed: seed, geography: configuration.geography,
                                         catalog: configuration.catalog, today: Day.local()) : nil
        _ = try PostgresRepository.create(url.text, geography: configuration.geography,
                                          admin: Operator(login: login, displayName: login, role: .admin), seed: city, replace: force,
                                          account: login)
        let lang = global.language
        let name = url.redacted
        if let city {
            Printer.say(lang == .zh
                  ? "已创建演示数据库 \(name)：\(city.enterprises.count) 个帮扶单位、\(city.branches.count) 支突击队、\(city.requests.count) 条需求；管理员 \(login)"
                  : "created demo database \(name): \(city.enterprises.count) enterprises, \(city.branches.count) branches, \(city.requests.count) requests; admin \(login)")
        } else {
            Printer.say(lang == .zh ? "已创建数据库 \(name)；管理员 \(login)" : "created database \(name); admin \(login)")
        }
    }
}
