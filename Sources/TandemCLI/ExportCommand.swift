import ArgumentParser
import Foundation
import TandemConfig
import TandemCore
import TandemExchange

extension ExchangeTable: ExpressibleByArgument {}

/// `tandem export TABLE`: raw values for spreadsheets and other programs.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a table as CSV (UTF-8 with BOM), XLSX or JSON, with raw values that import back. / 导出"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, xlsx, json }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "enterprises, branches, requests, pairings, deliveries, coverage or operators.") var table: ExchangeTable
    @Option(help: "csv (default), xlsx or json.") var format: Format = .csv
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "Leave the UTF-8 byte order mark out of CSV.") var noBom = false

    func run() throws {
        let context = try global.openContext()
        let columns = try ConfigLoader.loadColumns(from: context.configSources)
        let snapshot = try context.repository.snapshot()
        let rows: [[TableCell]]
        switch table {
        case .enterprises: rows = ExportRows.enterprises(snapshot)
        case .branches: rows = ExportRows.branches(snapshot)
        case .requests: rows = ExportRows.requests(snapshot)
        case .operators: rows = ExportRows.operators(try context.repository.operators())
        case .pairings: rows = ExportRows.pairings(try context.repository.pairingHistory(), snapshot: snapshot)
        case .deliveries: rows = ExportRows.deliveries(try context.repository.allDeliveries(), snapshot: snapshot)
        case .coverage:
            let report = CoverageReport(snapshot: snapshot, geography: context.geography, today: context.today,
                                        completions: snapshot.completionDays)
            rows = ExportRows.coverage(report, lang: context.lang)
        }
        let data: Data
        switch format {
        case .csv: data = try CSVFile.write(headers: columns.headers(table, context.lang), rows: rows, byteOrderMark: !noBom)
        case .xlsx: data = try XLSXWriter.write(sheetName: table.rawValue, headers: columns.headers(table, context.lang), rows: rows)
        case .json: data = try ExportJSON.encode(fields: table.fields, rows: rows)
        }
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: data) else {
                throw TandemError.invalidValue(field: Bilingual(zh: "输出文件", en: "output file"), value: out,
                                               expected: Bilingual(zh: "可写入的路径", en: "a path that can be written"))
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

/// JSON export: an array of objects keyed by the columns' English field names (the same in
/// either language), numbers as JSON numbers, null for empty cells.
enum ExportJSON {
    enum Value: Encodable {
        case null, text(String), number(Decimal)

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            }
        }
    }

    static func encode(fields: [String], rows: [[TableCell]]) throws -> Data {
        let objects = rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(fields, row).map { field, cell -> (String, Value) in
                switch cell {
                case .empty: (field, .null)
                case .text(let text): (field, .text(text))
                case .number(let digits): (field, Decimal(string: digits).map(Value.number) ?? .text(digits))
                }
            })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(objects) + Data("\n".utf8)
    }
}
