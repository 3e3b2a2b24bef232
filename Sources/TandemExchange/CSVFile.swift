import CSV
import Foundation
import TandemCore

/// CSV files as Excel and WPS read and write them, through CSV.swift.
public enum CSVFile {
    /// Reads a CSV (or tab-separated) file in any encoding `TextDecoding` knows.
    public static func read(_ data: Data, name: String) throws -> (table: Table, encoding: TextEncodingFound) {
        guard let (text, encoding) = TextDecoding.decode(data) else {
            throw ExchangeError.unreadableText(name: name)
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: UnicodeScalar = firstLine.filter { $0 == "\t" }.count > firstLine.filter { $0 == "," }.count ? "\t" : ","
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw ExchangeError.malformed(name: name, detail: "\(error)")
        }
        var rows: [[TableCell]] = []
        while let row = reader.next() {
            rows.append(row.map { $0.isEmpty ? .empty : .text($0) })
        }
        if let error = reader.error { throw ExchangeError.malformed(name: name, detail: "\(error)") }
        return (Table(fileRows: rows), encoding)
    }

    /// Writes UTF-8 CSV, by default with a BOM so that Excel on Chinese Windows reads it as
    /// UTF-8. Text is cleaned of control characters and neutralised against formulas.
    public static func write(headers: [String], rows: [[TableCell]], byteOrderMark: Bool = true) throws -> Data {
        let writer = try CSVWriter(stream: .toMemory())
        try writer.write(row: headers.map { TableText.csvCell($0) })
        for row in rows {
            try writer.write(row: row.map { cell in
                switch cell {
                case .empty: ""
                case .number(let digits): digits
                case .text(let text): TableText.csvCell(text)
                }
            })
        }
        writer.stream.close()
        let body = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return (byteOrderMark ? Data([0xEF, 0xBB, 0xBF]) : Data()) + body
    }
}

/// Why a file cannot be read as a table.
public enum ExchangeError: Error, Sendable, Equatable {
    case unreadableText(name: String)
    case malformed(name: String, detail: String)
    case noSuchSheet(name: String, sheet: String, sheets: [String])
    case unreadableFile(name: String)

    public var message: Bilingual {
        switch self {
        case .unreadableText(let name):
            Bilingual(zh: "文件 \(name) 既不是 UTF-8 也不是 GB18030（GBK）文本；请另存为 CSV 或 XLSX",
                      en: "file \(name) is neither UTF-8 nor GB18030 (GBK) text; save it as CSV or XLSX")
        case .malformed(let name, let detail):
            Bilingual(zh: "文件 \(name) 格式有误：\(detail)", en: "file \(name) is malformed: \(detail)")
        case .noSuchSheet(let name, let sheet, let sheets):
            Bilingual(zh: "\(name) 中没有工作表“\(sheet)”；现有：\(sheets.joined(separator: "、"))",
                      en: "\(name) has no sheet \(sheet); it has: \(sheets.joined(separator: ", "))")
        case .unreadableFile(let name):
            Bilingual(zh: "无法读取文件 \(name)", en: "cannot read file \(name)")
        }
    }
}

/// Reads a CSV or XLSX file, telling them apart by content (an XLSX is a ZIP archive).
public enum SheetFile {
    public static func read(path: String, sheet: String?) throws -> Table {
        guard let data = FileManager.default.contents(atPath: path) else { throw ExchangeError.unreadableFile(name: path) }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try XLSXReader.read(data, name: path, sheet: sheet)
        }
        return try CSVFile.read(data, name: path).table
    }
}
