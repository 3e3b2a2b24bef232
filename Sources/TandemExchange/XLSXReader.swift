import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TandemCore
import ZIPFoundation

/// Reads one sheet of an XLSX workbook (Office Open XML, as Excel and WPS save it): the
/// workbook's sheet list and relationships, the shared strings, and the sheet's cells — shared
/// and inline strings, numbers (dates are numbers: Excel serials), booleans, formula results.
public enum XLSXReader {
    public static func read(_ data: Data, name: String, sheet wanted: String?) throws -> Table {
        // ZIPFoundation's in-memory archive traps on a damaged offset (it copies a negative
        // range; found by the importer fuzzer), while its file-backed archive reports the same
        // damage as an error: the bytes are read through a private temporary file.
        let staged = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-xlsx-\(UUID().uuidString).zip")
        guard FileManager.default.createFile(atPath: staged.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw ExchangeError.malformed(name: name, detail: "cannot stage the workbook in \(staged.deletingLastPathComponent().path)")
        }
        defer { try? FileManager.default.removeItem(at: staged) }
        let archive: Archive
        do { archive = try Archive(url: staged, accessMode: .read) } catch {
            throw ExchangeError.malformed(name: name, detail: "not a ZIP archive")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var content = Data()
            do { _ = try archive.extract(entry, skipCRC32: true) { content.append($0) } } catch {
                throw ExchangeError.malformed(name: name, detail: "\(path): \(error)")
            }
            return content
        }
        guard let workbookData = try part("xl/workbook.xml") else {
            throw ExchangeError.malformed(name: name, detail: "no xl/workbook.xml: not an XLSX workbook")
        }
        func parsed<T>(_ result: T, _ succeeded: Bool, _ path: String) throws -> T {
            guard succeeded else { throw ExchangeError.malformed(name: name, detail: "\(path) is not well-formed XML") }
            return result
        }
        let workbookParser = ElementCollector(elements: ["sheet"])
        let sheets = try parsed(workbookParser.collect(workbookData), workbookParser.succeeded, "xl/workbook.xml")
        let relationships = ElementCollector(elements: ["Relationship"]).collect(try part("xl/_rels/workbook.xml.rels") ?? Data())
        let names = sheets.map { $0["name"] ?? "" }
        let chosen: [String: String]
        if let wanted {
            guard let found = sheets.first(where: { $0["name"] == wanted }) else {
                throw ExchangeError.noSuchSheet(name: name, sheet: wanted, sheets: names)
            }
            chosen = found
        } else {
            guard let first = sheets.first else { throw ExchangeError.malformed(name: name, detail: "the workbook has no sheet") }
            chosen = first
        }
        let relationID = chosen["r:id"] ?? chosen.first { $0.key.hasSuffix(":id") }?.value ?? ""
        guard let target = relationships.first(where: { $0["Id"] == relationID })?["Target"] else {
            throw ExchangeError.malformed(name: name, detail: "sheet \(chosen["name"] ?? "") has no part")
        }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetData = try part(sheetPath) else {
            throw ExchangeError.malformed(name: name, detail: "missing part \(sheetPath)")
        }
        let stringsParser = SharedStringsParser()
        let sharedStrings = try parsed(stringsParser.parse(try part("xl/sharedStrings.xml") ?? Data()), stringsParser.succeeded,
                                       "xl/sharedStrings.xml")
        let sheetParser = SheetParser(sharedStrings: sharedStrings)
        let rows = try parsed(sheetParser.parse(sheetData), sheetParser.succeeded, sheetPath)
        return Table(fileRows: rows)
    }

    /// The column index (0-based) of a cell reference such as `C12` or `AB3`.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard let value = Optional(scalar.value), (65...90).contains(value) || (97...122).contains(value) else { break }
            index = index * 26 + Int((value & ~0x20) - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }

    /// A number as written in the sheet, made canonical: `300`, `0.5`, `43895` (no `300.0`,
    /// no binary noise such as `0.30000000000000004`).
    static func canonicalNumber(_ text: String) -> String {
        guard let value = Double(text), value.isFinite else { return text }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var formatted = String(format: "%.15g", value)
        if formatted.contains("e") { return formatted }
        while formatted.contains("."), formatted.hasSuffix("0") { formatted.removeLast() }
        return formatted
    }
}

/// Collects the attributes of every element with one of the given names.
final class ElementCollector: NSObject, XMLParserDelegate {
    /// False when the XML was malformed.
    var succeeded = true
    let elements: Set<String>
    var found: [[String: String]] = []

    init(elements: Set<String>) { self.elements = elements }

    func collect(_ data: Data) -> [[String: String]] {
        let parser = XMLParser(data: data)
        parser.delegate = self
        succeeded = parser.parse()
        return found
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if elements.contains(elementName) { found.append(attributes) }
    }
}

/// `xl/sharedStrings.xml`: one string per `<si>`, the text of its `<t>` elements (rich text
/// runs joined; phonetic guides `<rPh>` skipped).
final class SharedStringsParser: NSObject, XMLParserDelegate {
    /// False when the XML was malformed.
    var succeeded = true
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    func parse(_ data: Data) -> [String] {
        guard !data.isEmpty else { return [] }
        let parser = XMLParser(data: data)
        parser.delegate = self
        succeeded = parser.parse()
        return strings
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch elementName {
        case "si": current = ""
        case "t": inText = phoneticDepth == 0
        case "rPh": phoneticDepth += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": phoneticDepth -= 1
        default: break
        }
    }
}

/// A worksheet's `<sheetData>`: rows by their `r` number, cells by their `r` column, so that
/// rows and cells Excel leaves out (empty ones) keep their places.
final class SheetParser: NSObject, XMLParserDelegate {
    /// False when the XML was malformed.
    var succeeded = true
    let sharedStrings: [String]
    private var rows: [[TableCell]] = []
    private var row: [TableCell] = []
    private var rowNumber = 0
    private var cellType = ""
    private var cellColumn = 0
    private var value = ""
    private var inValue = false
    private var inlineText = ""
    private var inInlineText = false

    init(sharedStrings: [String]) { self.sharedStrings = sharedStrings }

    func parse(_ data: Data) -> [[TableCell]] {
        let parser = XMLParser(data: data)
        parser.delegate = self
        succeeded = parser.parse()
        return rows
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch elementName {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            row = []
        case "c":
            cellType = attributes["t"] ?? "n"
            cellColumn = attributes["r"].flatMap(XLSXReader.columnIndex) ?? row.count
            value = ""
            inlineText = ""
        case "v": inValue = true
        case "t": inInlineText = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string } else if inInlineText { inlineText += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "v": inValue = false
        case "t": inInlineText = false
        case "c":
            let cell: TableCell
            switch cellType {
            case "s":
                let index = Int(value) ?? -1
                cell = sharedStrings.indices.contains(index) ? .text(sharedStrings[index]) : .empty
            case "inlineStr": cell = .text(inlineText)
            case "str", "d": cell = .text(value)
            case "b": cell = .number(value == "1" ? "1" : "0")
            case "e": cell = .empty
            default: cell = value.isEmpty ? .empty : .number(XLSXReader.canonicalNumber(value))
            }
            if case .text(let text) = cell, text.isEmpty { break }
            if cellColumn >= row.count { row.append(contentsOf: repeatElement(.empty, count: cellColumn - row.count + 1)) }
            row[cellColumn] = cell
        case "row":
            if rowNumber > rows.count + 1 { rows.append(contentsOf: repeatElement([], count: rowNumber - rows.count - 1)) }
            rows.append(row)
        default: break
        }
    }
}
