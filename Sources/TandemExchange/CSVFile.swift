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
        // A large file is read as two halves at once, split at a line end outside any quoted
        // cell: on two cores this halves the wait before the first row can be planned.
        let parts = splitInTwo(text)
        let second = parts.count == 2 ? ConcurrentRead { [delimiter] in try rows(of: parts[1], name: name, delimiter: delimiter) } : nil
        var fileRows = try rows(of: parts[0], name: name, delimiter: delimiter)
        if let second { fileRows += try second.result() }
        return (Table(fileRows: fileRows), encoding)
    }

    /// The rows of CSV `text`.
    private static func rows(of text: String, name: String, delimiter: UnicodeScalar) throws -> [[TableCell]] {
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
        return rows
    }

    /// Below this many bytes a file is read in one piece.
    static let splitThreshold = 1 << 20

    /// `text` whole, or cut in two at the first line end after its middle that lies outside
    /// quotes (an even number of `"` before it: an escaped quote is two). A file whose middle
    /// has no such line end stays whole.
    static func splitInTwo(_ text: String) -> [String] {
        let bytes = text.utf8
        guard bytes.count >= splitThreshold else { return [text] }
        var quotes = 0
        var index = bytes.startIndex
        var offset = 0
        let middle = bytes.count / 2
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                quotes += 1
            } else if byte == UInt8(ascii: "\n"), offset >= middle, quotes % 2 == 0 {
                let cut = bytes.index(after: index)
                guard cut != bytes.endIndex else { return [text] }
                return [String(text[..<cut]), String(text[cut...])]
            }
            index = bytes.index(after: index)
            offset += 1
        }
        return [text]
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
