import Foundation
import TandemCore

/// `columns.yaml` as written: per table, its columns with Chinese and English names and aliases.
struct ColumnsFile: Decodable {
    struct Column: Decodable {
        var field: String
        var zh: String
        var en: String
        var aliases: [String]?
    }

    var tables: [String: [Column]]

    init(from decoder: Decoder) throws {
        tables = try decoder.singleValueContainer().decode([String: [Column]].self)
    }

    func validated(file: String) throws -> ColumnNames {
        var byTable: [ExchangeTable: [ColumnName]] = [:]
        for (key, columns) in tables {
            guard let table = ExchangeTable(rawValue: key) else {
                throw TandemError.configInvalid(file: file, key: key, problem:
                    "unknown table; expected one of \(ExchangeTable.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            byTable[table] = columns.map { ColumnName(field: $0.field, name: Bilingual(zh: $0.zh, en: $0.en), aliases: $0.aliases ?? []) }
        }
        do {
            return try ColumnNames(byTable)
        } catch {
            let (key, problem) = error.keyAndProblem
            throw TandemError.configInvalid(file: file, key: key, problem: problem)
        }
    }
}

extension ConfigLoader {
    /// Reads and checks `columns.yaml` as it is in force (read by `tandem import` and
    /// `tandem export` only, so a broken override of it stops no other command).
    public static func loadColumns(from sources: ConfigSources) throws -> ColumnNames {
        let (name, decoded): (String, ColumnsFile) = try decode(.columns, from: sources)
        return try decoded.validated(file: name)
    }

    /// `columns.yaml` with `directory` overriding the built-in one.
    public static func loadColumns(from directory: String) throws -> ColumnNames {
        try loadColumns(from: .folder(directory))
    }
}
