import ArgumentParser
import Foundation
import TandemConfig
import TandemCore

/// `tandem config`: the configuration in force and where each file comes from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "The configuration in force and where it comes from. / 当前生效的配置及其来源",
        subcommands: [Show.self]
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show each configuration file in force and where it comes from (built in or a path). / 显示每个配置文件的来源",
            discussion: """
                Each file is taken from the first of --config DIR, $TANDEM_CONFIG, $XDG_CONFIG_HOME/tandem \
                (default ~/.config/tandem) and /etc/tandem that has it, else from the copy built into tandem. \
                With FILE, prints that file's text as it is in force, e.g. to start an override: \
                tandem config show engine.yaml > ~/.config/tandem/engine.yaml. Exits 1 naming the file, key and \
                problem when an override is broken.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "One file to print as it is in force: districts.yaml, categories.yaml, engine.yaml, bulletin.yaml or columns.yaml.")
        var file: String?

        func run() throws {
            // A setgid shared-host binary reads only what it trusts for the shared database.
            let access = try SharedHost.enter(databasePath: global.databasePath, explicitConfig: global.config)
            let sources = global.configSources(shared: access.shared)
            try sources.checkFolders()
            let lang = global.language
            if let file {
                guard let chosen = ConfigFile(rawValue: file) ?? ConfigFile(rawValue: file + ".yaml") else {
                    throw TandemError.invalidValue(field: Bilingual(zh: "配置文件", en: "configuration file"), value: file,
                                                   expected: Bilingual(zh: Self.fileNames, en: Self.fileNames))
                }
                _ = try ConfigLoader.check(chosen, from: sources)
                switch sources.origin(of: chosen) {
                case .builtIn: print(chosen.builtInText, terminator: "")
                case .file(let path, _): print(try String(contentsOfFile: path, encoding: .utf8), terminator: "")
                }
                return
            }
            let report = ConfigReport(sources: sources, shared: access.shared, lang: lang)
            if output.format == .table {
                report.precedence(lang).forEach(Printer.say)
                print()
            }
            try Printer.emit(report, report.tabular(lang), format: output.format, lang: lang)
            if output.format == .table {
                for path in report.ignored {
                    Printer.say(lang == .zh ? "已忽略 \(path)：Tandem 不读取此文件名" : "ignored \(path): not a file name Tandem reads")
                }
            }
            if let error = report.firstError { throw error }
        }

        static let fileNames = ConfigFile.allCases.map(\.name).joined(separator: ", ")
    }
}

/// What `tandem config show` prints: the folders searched and, per file, its source and a
/// summary of what it holds, or its error.
struct ConfigReport: Encodable {
    struct Folder: Encodable {
        var origin: String
        var path: String
        var exists: Bool
    }
    struct File: Encodable {
        var file: String
        /// `built-in`, or the path of the overriding file.
        var source: String
        /// Which folder it came from (`--config`, `$TANDEM_CONFIG`, …), or `built-in`.
        var origin: String
        var summary: String?
        var problem: String?
    }

    var folders: [Folder]
    var files: [File]
    var ignored: [String]
    /// True for the setgid shared-host binary on the shared database (only `/etc/tandem` counts).
    var sharedHost: Bool
    private var errors: [TandemError] = []

    enum CodingKeys: String, CodingKey { case folders, files, ignored, sharedHost }

    init(sources: ConfigSources, shared: Bool, lang: Lang) {
        folders = sources.folders.map { Folder(origin: $0.origin.label, path: $0.path, exists: $0.exists) }
        ignored = sources.unknownFiles()
        sharedHost = shared
        files = []
        for file in ConfigFile.allCases {
            let (source, origin): (String, String) = switch sources.origin(of: file) {
            case .builtIn: ("built-in", "built-in")
            case .file(let path, let folder): (path, folder.label)
            }
            var entry = File(file: file.name, source: source, origin: origin)
            do {
                entry.summary = Self.summary(of: try ConfigLoader.check(file, from: sources)).text(lang)
            } catch let error as TandemError {
                entry.problem = error.problem(lang)
                errors.append(error)
            } catch {
                entry.problem = "\(error)"
            }
            files.append(entry)
        }
    }

    var firstError: TandemError? { errors.first }

    func tabular(_ lang: Lang) -> Tabular {
        Tabular(headers: [Bilingual(zh: "文件", en: "file"), Bilingual(zh: "来源", en: "source"), Bilingual(zh: "内容", en: "contents")],
                rows: files.map { file in
                    [file.file, file.origin == "built-in" ? Self.builtIn.text(lang) : file.source,
                     file.problem.map { "✗ " + $0 } ?? file.summary ?? ""]
                },
                wholeColumns: [1])
    }

    static let builtIn = Bilingual(zh: "内置（built-in）", en: "built-in")

    /// The precedence and the folders searched, one line each.
    func precedence(_ lang: Lang) -> [String] {
        var lines = [sharedHost
            ? (lang == .zh ? "共享数据库：每个文件取自 /etc/tandem，否则为内置；不读取 --config、$TANDEM_CONFIG 和个人目录。"
                : "shared database: each file comes from /etc/tandem, else it is built in; --config, $TANDEM_CONFIG and home folders are not read.")
            : (lang == .zh ? "每个文件取自下列第一个含有它的文件夹，否则为内置："
                : "each file comes from the first of these folders that has it, else it is built in:")]
        let labelWidth = folders.map { DisplayWidth.of($0.origin) }.max() ?? 0
        for folder in folders {
            let state = folder.exists ? "" : (lang == .zh ? "（不存在）" : " (absent)")
            lines.append("  " + TerminalText.pad(folder.origin, to: labelWidth) + "  " + folder.path + state)
        }
        return lines
    }

    static func summary(of checked: CheckedConfigFile) -> Bilingual {
        switch checked {
        case .districts(let geography):
            let counties = geography.districts.filter { $0.kind == .county }.count
            return Bilingual(zh: "\(geography.districts.count) 个区县（其中 \(counties) 个县），\(geography.groups.count) 个督导组",
                             en: "\(geography.districts.count) districts (\(counties) counties), \(geography.groups.count) supervision groups")
        case .categories(let catalog):
            let items = catalog.categories.reduce(0) { $0 + $1.items.count }
            return Bilingual(zh: "\(catalog.categories.count) 个类别、\(items) 种物品、\(catalog.units.count) 种单位、\(catalog.capabilities.count) 项能力",
                             en: "\(catalog.categories.count) categories, \(items) items, \(catalog.units.count) units, \(catalog.capabilities.count) capabilities")
        case .engine(let weights):
            return Bilingual(zh: "结对最远 \(weights.maxDistanceKm) 公里，每公里成本 \(weights.perKm)",
                             en: "pairs within \(weights.maxDistanceKm) km, cost \(weights.perKm) per km")
        case .bulletin(let settings):
            return Bilingual(zh: "简报《\(settings.title.zh)》", en: "bulletin \"\(settings.title.en)\"")
        case .columns(let names):
            let count = ExchangeTable.allCases.reduce(0) { $0 + names.columns($1).count }
            return Bilingual(zh: "\(ExchangeTable.allCases.count) 张表的 \(count) 个列名", en: "names of \(count) columns in \(ExchangeTable.allCases.count) tables")
        }
    }
}
