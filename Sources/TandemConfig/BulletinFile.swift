import Foundation
import TandemCore

/// `bulletin.yaml` as written.
struct BulletinFile: Decodable {
    struct Text: Decodable {
        var zh: String
        var en: String
    }
    var title: Text
    var document_prefix: Text?
    var issuers: [Text]
    var report_to: [Text]?
    var copy_to: [Text]?
    var printed_by: Text
    var series_start: String?
    var notable_completions: Int?
    var overdue_listed: Int?

    func validated(file: String) throws -> BulletinSettings {
        func fail(_ key: String, _ problem: String) -> TandemError { .configInvalid(file: file, key: key, problem: problem) }
        func text(_ value: Text, _ key: String, mayBeEmpty: Bool = false) throws -> Bilingual {
            let zh = value.zh.trimmingCharacters(in: .whitespaces), en = value.en.trimmingCharacters(in: .whitespaces)
            if !mayBeEmpty {
                guard !zh.isEmpty else { throw fail("\(key).zh", "the Chinese text is empty") }
                guard !en.isEmpty else { throw fail("\(key).en", "the English text is empty") }
            }
            for (language, part) in [("zh", zh), ("en", en)] where part.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw fail("\(key).\(language)", "control characters are not allowed")
            }
            return Bilingual(zh: zh, en: en)
        }
        func list(_ values: [Text]?, _ key: String) throws -> [Bilingual] {
            try (values ?? []).enumerated().map { try text($1, "\(key)[\($0)]") }
        }
        let issuers = try list(issuers, "issuers")
        guard !issuers.isEmpty else { throw fail("issuers", "at least one issuing body is needed") }
        var start: Day?
        if let series_start {
            guard let day = Day(parsing: series_start) else { throw fail("series_start", "expected a day as YYYY-MM-DD, found \(series_start)") }
            start = day
        }
        for (key, value) in [("notable_completions", notable_completions), ("overdue_listed", overdue_listed)] {
            if let value, !(0...50).contains(value) { throw fail(key, "must be a whole number from 0 to 50") }
        }
        return BulletinSettings(
            title: try text(title, "title"),
            documentPrefix: try document_prefix.map { try text($0, "document_prefix", mayBeEmpty: true) } ?? Bilingual(zh: "", en: ""),
            issuers: issuers, reportTo: try list(report_to, "report_to"), copyTo: try list(copy_to, "copy_to"),
            printedBy: try text(printed_by, "printed_by"), seriesStart: start,
            notableCompletions: notable_completions ?? 3, overdueListed: overdue_listed ?? 5)
    }
}

extension ConfigLoader {
    /// Reads and checks `bulletin.yaml` as it is in force; only the bulletin needs it.
    public static func loadBulletin(from sources: ConfigSources) throws -> BulletinSettings {
        let (name, decoded): (String, BulletinFile) = try decode(.bulletin, from: sources)
        return try decoded.validated(file: name)
    }

    /// `bulletin.yaml` with `directory` overriding the built-in one.
    public static func loadBulletin(from directory: String) throws -> BulletinSettings {
        try loadBulletin(from: .folder(directory))
    }
}
