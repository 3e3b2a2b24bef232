import TandemCore

/// The bulletin's three layouts. Each takes a document worded with its own escaping
/// (`Escaping.plain`, `.markdown`, `.html`).
public enum BulletinLayout {
    /// Plain text that pastes cleanly into a WeChat message: no tables, no markup, one paragraph a
    /// line (the phone wraps it), blank lines between blocks, numbered list items.
    public static func text(_ d: BulletinDocument) -> String {
        var lines: [String] = []
        if !d.documentNumber.isEmpty { lines += [d.documentNumber, ""] }
        lines += [d.title, d.issueLine, ""]
        lines += d.issuers
        lines += [d.dateLine]
        for section in d.sections {
            lines += ["", section.heading]
            for block in section.blocks {
                switch block {
                case .paragraph(let text): lines.append(text)
                case .list(let items): lines += items.enumerated().map { "\($0 + 1). \($1)" }
                }
            }
        }
        lines.append("")
        lines += d.distribution
        lines += ["", d.printedLine]
        if let chain = d.chainLine { lines += ["", chain] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown: the title as a heading, a heading per section, lists as lists.
    public static func markdown(_ d: BulletinDocument) -> String {
        var lines: [String] = []
        if !d.documentNumber.isEmpty { lines += [d.documentNumber, ""] }
        lines += ["# \(d.title)", "", "**\(d.issueLine)**", ""]
        lines += [d.issuers.joined(separator: "<br>\n"), "", d.dateLine]
        for section in d.sections {
            lines += ["", "## \(section.heading)"]
            for block in section.blocks {
                lines.append("")
                switch block {
                case .paragraph(let text): lines.append(text)
                case .list(let items): lines += items.map { "- \($0)" }
                }
            }
        }
        lines += ["", "---", ""]
        lines += d.distribution.flatMap { [$0, ""] }
        lines.append(d.printedLine)
        if let chain = d.chainLine { lines += ["", "`\(chain)`"] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One self-contained HTML file that prints on A4, styled like a federation's printed bulletin:
    /// red title and rule, the sections, the distribution box at the foot.
    public static func html(_ d: BulletinDocument) -> String {
        var body = "<header>\n"
        if !d.documentNumber.isEmpty { body += "<p class=\"docno\">\(d.documentNumber)</p>\n" }
        body += "<h1>\(d.title)</h1>\n<p class=\"issue\">\(d.issueLine)</p>\n"
        body += "<div class=\"masthead\"><p class=\"issuers\">\(d.issuers.joined(separator: "<br>"))</p>"
        body += "<p class=\"date\">\(d.dateLine)</p></div>\n</header>\n<main>\n"
        for section in d.sections {
            body += "<section>\n<h2>\(section.heading)</h2>\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): body += "<p>\(text)</p>\n"
                case .list(let items): body += "<ol>\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</ol>\n"
                }
            }
            body += "</section>\n"
        }
        body += "</main>\n<footer>\n"
        body += d.distribution.map { "<p>\($0)</p>\n" }.joined()
        body += "<p class=\"printed\">\(d.printedLine)</p>\n"
        if let chain = d.chainLine { body += "<p class=\"chain\">\(chain)</p>\n" }
        body += "</footer>\n"
        return """
        <!DOCTYPE html>
        <html lang="\(d.lang == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(d.title) \(d.issueLine)</title>
        <style>
        @page { size: A4; margin: 25mm 22mm 22mm 22mm; }
        html { background: #f3f1ec; }
        body { font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif;
               font-size: 16px; line-height: 1.8; color: #111; max-width: 170mm; margin: 12mm auto; padding: 18mm 20mm;
               background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.15); }
        header { text-align: center; border-bottom: 3px solid #c00; padding-bottom: 4mm; margin-bottom: 6mm; }
        .docno { text-align: left; margin: 0; font-size: 14px; }
        h1 { color: #c00; font-size: 30px; letter-spacing: .08em; margin: 6mm 0 2mm; line-height: 1.3;
             font-family: "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
        .issue { margin: 0 0 4mm; font-size: 17px; }
        .masthead { display: flex; justify-content: space-between; align-items: flex-end; text-align: left; }
        .issuers, .date { margin: 0; font-size: 15px; }
        h2 { font-size: 18px; margin: 6mm 0 2mm; font-family: "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
        main p { text-indent: 2em; margin: 0 0 2mm; }
        ol { margin: 0 0 2mm; padding-left: 2.6em; }
        li { margin-bottom: 1mm; }
        footer { margin-top: 10mm; border-top: 1px solid #111; border-bottom: 1px solid #111; padding: 2mm 0; font-size: 14px; }
        footer p { margin: 1mm 0; }
        .printed { text-align: right; }
        .chain { font-family: monospace; font-size: 11px; word-break: break-all; color: #333; }
        @media print {
          html { background: none; }
          body { margin: 0; padding: 0; max-width: none; box-shadow: none; font-size: 12pt; }
          h1 { font-size: 24pt; }
          section { break-inside: auto; }
          h2 { break-after: avoid; }
          li, footer { break-inside: avoid; }
        }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
