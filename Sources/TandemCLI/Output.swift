import ArgumentParser
import CSV
import Foundation
import TandemCore

/// How list, show and coverage commands print their result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table
}

/// A result as rows and columns, printable as an aligned table or CSV, plus the typed value
/// behind it for JSON.
struct Tabular {
    var headers: [Bilingual]
    var rows: [[String]]
    /// Columns aligned to the right (numbers).
    var numericColumns: Set<Int> = []
    /// Columns never cut to 48 columns (paths and error messages that must be read whole).
    var wholeColumns: Set<Int> = []

    /// Columns padded by display width, so Chinese (double-width) and ASCII line up.
    func table(_ lang: Lang) -> String {
        let header = headers.map { $0.text(lang) }
        let cleanRows = rows.map { $0.map(TerminalText.sanitize) }
        var widths = header.map { DisplayWidth.of($0) }
        for row in cleanRows {
            for (i, cell) in row.enumerated() where i < widths.count {
                // The last column is never cut: nothing follows it to misalign.
                let whole = i == widths.count - 1 || wholeColumns.contains(i)
                widths[i] = max(widths[i], whole ? DisplayWidth.of(cell) : min(DisplayWidth.of(cell), 48))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                TerminalText.pad(cell, to: widths[i], alignRight: numericColumns.contains(i))
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        lines += cleanRows.map(line)
        return lines.joined(separator: "\n")
    }

    func csv(_ lang: Lang) throws -> String {
        let writer = try CSVWriter(stream: .toMemory())
        try writer.write(row: headers.map { $0.text(lang) })
        // Old data may hold control characters or formula-like text: every cell is made safe here.
        for row in rows { try writer.write(row: row.map(TableText.csvCell)) }
        writer.stream.close()
        guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

enum Printer {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return JSONText.escapingInvisibles(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Prints a one-line message (a success line naming records): stored names can hold
    /// control characters written before the input rules, so the line is cleaned first.
    static func say(_ text: String) {
        print(TerminalText.sanitize(text))
    }

    /// Prints `value` as JSON, or its tabular form as a table or CSV.
    static func emit<T: Encodable>(_ value: T, _ tabular: @autoclosure () -> Tabular, format: OutputFormat, lang: Lang) throws {
        switch format {
        case .json: print(try json(value))
        case .table: print(tabular().table(lang))
        case .csv: print(try tabular().csv(lang), terminator: "")
        }
    }

    /// Prints one record: JSON of the value, or its fields as `label  value` lines (CSV: two columns).
    static func emitRecord<T: Encodable>(_ value: T, fields: [(Bilingual, String)], format: OutputFormat, lang: Lang) throws {
        switch format {
        case .json: print(try json(value))
        case .table: print(fieldsTable(fields, lang: lang))
        case .csv:
            let tabular = Tabular(headers: [Bilingual(zh: "字段", en: "field"), Bilingual(zh: "值", en: "value")],
                                  rows: fields.map { [$0.0.text(lang), $0.1] })
            print(try tabular.csv(lang), terminator: "")
        }
    }

    static func fieldsTable(_ pairs: [(Bilingual, String)], lang: Lang) -> String {
        let labels = pairs.map { $0.0.text(lang) }
        let width = labels.map { DisplayWidth.of($0) }.max() ?? 0
        return zip(labels, pairs).map { label, pair in
            TerminalText.pad(label, to: width) + "  " + TerminalText.sanitize(pair.1)
        }.joined(separator: "\n")
    }

    /// Prints an error; an argument echoed in it cannot drive the terminal.
    static func error(_ text: String) {
        let safe = text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitize(String($0)) }
            .joined(separator: "\n")
        FileHandle.standardError.write(Data((safe + "\n").utf8))
    }
}
