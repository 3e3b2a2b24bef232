import Foundation
import TandemCore
import ZIPFoundation

/// Writes a one-sheet XLSX workbook: the smallest set of Office Open XML parts Excel, WPS and
/// LibreOffice open without a repair prompt, zipped with ZIPFoundation. Text is written as
/// inline string cells (never formulas, so a name starting with `=` stays text), numbers as
/// number cells; the header row is bold and frozen.
public enum XLSXWriter {
    public static func write(sheetName: String, headers: [String], rows: [[TableCell]]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_577_836_800), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", contentTypes)
        try add("_rels/.rels", rootRelationships)
        try add("xl/workbook.xml", workbook(sheetName: sheetName))
        try add("xl/_rels/workbook.xml.rels", workbookRelationships)
        try add("xl/styles.xml", styles)
        try add("xl/worksheets/sheet1.xml", worksheet(headers: headers, rows: rows))
        guard let data = archive.data else { throw ExchangeError.malformed(name: "xlsx", detail: "archive not written") }
        return data
    }

    static func worksheet(headers: [String], rows: [[TableCell]]) -> String {
        var xml = header + """
            <worksheet xmlns="\(mainNamespace)"><sheetViews><sheetView workbookViewId="0">\
            <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>
            """
        xml.reserveCapacity(64 * (rows.count + 1) * max(headers.count, 1))
        func appendRow(_ cells: [TableCell], number: Int, style: String) {
            xml += "<row r=\"\(number)\">"
            for (index, cell) in cells.enumerated() {
                let reference = columnName(index) + String(number)
                switch cell {
                case .empty: continue
                case .number(let digits): xml += "<c r=\"\(reference)\"\(style)><v>\(escape(digits))</v></c>"
                case .text(let text):
                    xml += "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(TableText.clean(text)))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        appendRow(headers.map(TableCell.text), number: 1, style: " s=\"1\"")
        for (index, row) in rows.enumerated() { appendRow(row, number: index + 2, style: "") }
        return xml + "</sheetData></worksheet>"
    }

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column index.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var n = index + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { "&<>\"".contains($0) }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
    static func sheetTitle(_ name: String) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes = header + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    static let rootRelationships = header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """

    static func workbook(sheetName: String) -> String {
        header + """
            <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)"><sheets>\
            <sheet name="\(escape(sheetTitle(sheetName)))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
    }

    static let workbookRelationships = header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationshipNamespace)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(relationshipNamespace)/styles" Target="styles.xml"/></Relationships>
        """

    static let styles = header + """
        <styleSheet xmlns="\(mainNamespace)"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill>\
        <fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/>\
        </border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """
}
