/// A record as an import would write it. New records carry code number 0 until the store
/// assigns one.
public enum ImportRecord: Sendable, Hashable {
    case enterprise(Enterprise)
    case branch(Branch)
    case request(Request)
    case `operator`(Operator)

    /// The record's code (`E12`) or login, or "" for a record not yet stored.
    public var identity: String {
        switch self {
        case .enterprise(let e): e.code.number == 0 ? "" : e.code.description
        case .branch(let b): b.code.number == 0 ? "" : b.code.description
        case .request(let r): r.code.number == 0 ? "" : r.code.description
        case .operator(let o): o.login
        }
    }

    /// What a person recognises the record by: its name, or a request's enterprise and item.
    public var label: String {
        switch self {
        case .enterprise(let e): e.name
        case .branch(let b): b.name
        case .request(let r): "\(r.enterpriseCode) \(r.item) \(r.quantity) \(r.unit)"
        case .operator(let o): o.displayName
        }
    }
}

/// Why one cell (or the file's header row) cannot be imported.
public struct ImportProblem: Sendable, Hashable {
    /// The file's row, as Excel numbers it (the header is row 1).
    public var row: Int
    /// The column's header as written in the file ("" when the column is missing).
    public var column: String
    public var reason: Bilingual

    public init(row: Int, column: String, reason: Bilingual) {
        self.row = row
        self.column = column
        self.reason = reason
    }
}

/// One field an import changes on an existing record, with raw values as export writes them.
public struct FieldChange: Sendable, Hashable {
    public var field: String
    public var column: Bilingual
    public var old: String
    public var new: String
}

/// What an import does with one row of the file.
public enum ImportOutcome: Sendable, Hashable {
    case new(ImportRecord)
    case changed(before: ImportRecord, after: ImportRecord, changes: [FieldChange])
    case unchanged(ImportRecord)
    /// The same record with the same values as an earlier row: reported, written once.
    case duplicate(ofRow: Int)
    case refused([ImportProblem])

    public var isRefused: Bool { if case .refused = self { true } else { false } }
}

public struct ImportRow: Sendable, Hashable {
    public var row: Int
    public var outcome: ImportOutcome
}

/// Everything an import would do, computed before anything is written: per row new, changed
/// (with old → new values), unchanged, duplicate or refused. Applied all or nothing.
public struct ImportPlan: Sendable {
    public var table: ExchangeTable
    /// Problems with the file as a whole (a required column missing, two headers for one column).
    public var fileProblems: [ImportProblem]
    /// Headers that name no column Tandem knows; their cells are not read.
    public var ignoredColumns: [String]
    public var rows: [ImportRow]

    public init(table: ExchangeTable, fileProblems: [ImportProblem] = [], ignoredColumns: [String] = [], rows: [ImportRow] = []) {
        self.table = table
        self.fileProblems = fileProblems
        self.ignoredColumns = ignoredColumns
        self.rows = rows
    }

    public struct Counts: Sendable, Hashable, Codable {
        public var new = 0, changed = 0, unchanged = 0, duplicate = 0, refused = 0
    }

    /// Read by index, not `for row in rows`: that copied every row (two whole records for a
    /// changed one), and a 100 000-row report reads the counts several times.
    public var counts: Counts {
        var counts = Counts()
        for index in rows.indices {
            switch rows[index].outcome {
            case .new: counts.new += 1
            case .changed: counts.changed += 1
            case .unchanged: counts.unchanged += 1
            case .duplicate: counts.duplicate += 1
            case .refused: counts.refused += 1
            }
        }
        return counts
    }

    /// Every problem, file-level first, then by row.
    public var problems: [ImportProblem] {
        fileProblems + rows.flatMap { row -> [ImportProblem] in
            if case .refused(let problems) = row.outcome { return problems }
            return []
        }
    }

    /// True when nothing is refused: the plan can be applied.
    public var isApplicable: Bool { fileProblems.isEmpty && !rows.indices.contains { rows[$0].outcome.isRefused } }

    /// True when applying would change nothing.
    public var changesNothing: Bool { Self.changesNothing(counts) }

    private static func changesNothing(_ counts: Counts) -> Bool { counts.new == 0 && counts.changed == 0 }

    /// One line: the counts, and whether the plan was or can be applied.
    public func summary(_ lang: Lang, applied: Bool) -> String {
        let c = counts
        let zh = lang == .zh
        var text = zh
            ? "共 \(rows.count) 行：新增 \(c.new)，修改 \(c.changed)，未变 \(c.unchanged)，重复 \(c.duplicate)，拒绝 \(c.refused)"
            : "\(rows.count) rows: \(c.new) new, \(c.changed) changed, \(c.unchanged) unchanged, \(c.duplicate) duplicate, \(c.refused) refused"
        if !isApplicable {
            let count = problems.count
            text += zh ? "。有 \(count) 处错误，未导入任何数据；请修改文件后重试"
                : ". \(count) problem\(count == 1 ? "" : "s"): nothing was imported; fix the file and import it again"
        } else if Self.changesNothing(c) {
            text += zh ? "。数据已是最新，无需修改" : ". Nothing to change."
        } else if applied {
            text += zh ? "。已全部导入" : ". Imported."
        } else {
            text += zh ? "。试运行，未写入（去掉 --dry-run 即导入）" : ". Dry run: nothing written (run without --dry-run to import)"
        }
        return text
    }
}

/// What a committed import wrote.
public struct ImportResult: Sendable, Hashable {
    /// The codes (or logins) of the records added, in row order.
    public var added: [String]
    public var changed: Int

    public init(added: [String], changed: Int) {
        self.added = added
        self.changed = changed
    }
}
