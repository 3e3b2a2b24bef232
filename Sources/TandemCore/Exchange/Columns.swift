/// The tables Tandem reads and writes as CSV, XLSX or JSON.
public enum ExchangeTable: String, Sendable, CaseIterable, Codable {
    case enterprises, branches, requests, operators, pairings, deliveries, coverage

    /// The tables `tandem import` reads.
    public static let importable: [ExchangeTable] = [.enterprises, .branches, .requests, .operators]

    /// The columns of this table, in export order. Their names and aliases come from `config/columns.yaml`.
    public var fields: [String] {
        switch self {
        case .enterprises:
            ["code", "name", "kind", "district", "address", "lat", "lon", "contact", "phone", "disabled_employees", "resumption"]
        case .branches: ["code", "name", "district", "headcount", "capabilities", "active"]
        case .requests:
            ["code", "enterprise", "enterprise_name", "district", "category", "item", "quantity", "unit", "delivered", "priority",
             "due", "status", "filed", "completed", "notes"]
        case .operators: ["login", "name", "role"]
        case .pairings:
            ["branch", "branch_name", "enterprise", "enterprise_name", "district", "started_at", "started_by", "ended_at",
             "ended_by", "end_reason"]
        case .deliveries: ["request", "enterprise", "category", "item", "quantity", "unit", "at", "operator", "note", "over"]
        case .coverage:
            ["scope", "code", "name", "group", "enterprises", "paired", "needing_help", "covered", "coverage_percent",
             "blind_spots", "active_requests", "overdue", "done_last_7_days"]
        }
    }

    /// Columns a file must have for rows to be read at all.
    public var requiredFields: [String] {
        switch self {
        case .enterprises, .branches: ["name"]
        case .requests: ["item", "quantity"]
        case .operators: ["login"]
        case .pairings, .deliveries, .coverage: []
        }
    }
}

/// One column's names: the header written on export in each language, and every header
/// accepted on import (those two and the aliases).
public struct ColumnName: Sendable, Hashable {
    public var field: String
    public var name: Bilingual
    public var aliases: [String]

    public init(field: String, name: Bilingual, aliases: [String] = []) {
        self.field = field
        self.name = name
        self.aliases = aliases
    }

    /// How headers are compared: full-width folded, case and spaces ignored, a trailing
    /// required-mark `*` dropped (`单位名称*`, ` Name `, `ＮＡＭＥ` all read as one).
    public static func key(_ header: String) -> String {
        var key = normalizedInput(header).lowercased().filter { !$0.isWhitespace && $0 != "_" }
        while key.hasSuffix("*") { key.removeLast() }
        return key
    }
}

/// The column names of every table (from `config/columns.yaml`), checked to be complete and
/// unambiguous when loaded.
public struct ColumnNames: Sendable {
    private let tables: [ExchangeTable: [ColumnName]]

    /// Fails with the table and field at fault when a field is missing, unknown or named twice,
    /// or when one header would read as two columns.
    public init(_ tables: [ExchangeTable: [ColumnName]]) throws(ColumnNamesProblem) {
        for table in ExchangeTable.allCases {
            let columns = tables[table] ?? []
            var seenFields = Set<String>()
            var seenKeys: [String: String] = [:]
            for column in columns {
                guard table.fields.contains(column.field) else { throw .unknownField(table, column.field) }
                guard seenFields.insert(column.field).inserted else { throw .fieldTwice(table, column.field) }
                for header in [column.name.zh, column.name.en] + column.aliases {
                    let key = ColumnName.key(header)
                    guard !key.isEmpty else { throw .emptyName(table, column.field) }
                    if let other = seenKeys[key], other != column.field { throw .ambiguous(table, header, other, column.field) }
                    seenKeys[key] = column.field
                }
            }
            if let missing = table.fields.first(where: { !seenFields.contains($0) }) { throw .missingField(table, missing) }
        }
        self.tables = tables
    }

    /// The columns of `table`, in export order.
    public func columns(_ table: ExchangeTable) -> [ColumnName] {
        let columns = tables[table] ?? []
        return table.fields.compactMap { field in columns.first { $0.field == field } }
    }

    public func column(_ table: ExchangeTable, _ field: String) -> ColumnName? {
        tables[table]?.first { $0.field == field }
    }

    /// The export headers of `table` in `lang`.
    public func headers(_ table: ExchangeTable, _ lang: Lang) -> [String] {
        columns(table).map { $0.name.text(lang) }
    }

    /// Which field a file's header names, if any.
    public func field(_ table: ExchangeTable, header: String) -> String? {
        let key = ColumnName.key(header)
        guard !key.isEmpty else { return nil }
        return tables[table]?.first { column in
            ([column.name.zh, column.name.en] + column.aliases).contains { ColumnName.key($0) == key }
        }?.field
    }
}

/// Why `config/columns.yaml` cannot be used.
public enum ColumnNamesProblem: Error, Sendable, Equatable {
    case unknownField(ExchangeTable, String)
    case fieldTwice(ExchangeTable, String)
    case missingField(ExchangeTable, String)
    case emptyName(ExchangeTable, String)
    case ambiguous(ExchangeTable, String, String, String)

    /// The config key at fault and what is wrong, for `TandemError.configInvalid`.
    public var keyAndProblem: (key: String, problem: String) {
        switch self {
        case .unknownField(let t, let f):
            ("\(t.rawValue).\(f)", "unknown column; \(t.rawValue) has: \(t.fields.joined(separator: ", "))")
        case .fieldTwice(let t, let f): ("\(t.rawValue).\(f)", "column is listed twice")
        case .missingField(let t, let f): ("\(t.rawValue).\(f)", "column is missing; every column needs zh and en names")
        case .emptyName(let t, let f): ("\(t.rawValue).\(f)", "a name or alias is empty")
        case .ambiguous(let t, let header, let a, let b):
            ("\(t.rawValue).\(b)", "header \(header) would name both \(a) and \(b)")
        }
    }
}
