/// What an import plan is computed against: the data as it is now and the configuration.
public struct ImportContext: Sendable {
    public var snapshot: CitySnapshot
    public var operators: [Operator]
    public var geography: Geography
    public var catalog: Catalog
    public var columns: ColumnNames
    /// The filing day of new requests whose file gives none.
    public var today: Day

    public init(snapshot: CitySnapshot, operators: [Operator], geography: Geography, catalog: Catalog, columns: ColumnNames,
                today: Day) {
        self.snapshot = snapshot
        self.operators = operators
        self.geography = geography
        self.catalog = catalog
        self.columns = columns
        self.today = today
    }
}

/// Turns a sheet into an import plan. Pure: the same sheet and context give the same plan.
///
/// Rules:
/// - headers are matched to columns by `ColumnNames` (any order, Chinese or English or an alias);
///   unknown headers are ignored and listed; a missing required column refuses the file;
/// - a record is matched by its code when the row has one, else by name and district (requests:
///   by enterprise, category and item among active requests); more than one match is refused;
/// - an empty cell clears a text or optional field (address, phone, due…) and keeps the current
///   value of a field that cannot be empty (district, kind, quantity…), or takes its default on a
///   new record;
/// - a row naming the same record as an earlier row is a duplicate when its values are the same,
///   and refused when they differ.
public enum ImportPlanner {
    /// `onRow` is told each row as soon as it is planned (see `ImportFeed`).
    public static func plan(_ table: ExchangeTable, sheet: Table, context: ImportContext,
                            onRow: (ImportRow) -> Void = { _ in }) -> ImportPlan {
        var plan = ImportPlan(table: table)
        var columnOf: [String: Int] = [:]
        for (index, header) in sheet.headers.enumerated() {
            guard !header.trimmingWhitespace().isEmpty else { continue }
            guard let field = context.columns.field(table, header: header) else {
                plan.ignoredColumns.append(header)
                continue
            }
            if let earlier = columnOf[field] {
                plan.fileProblems.append(ImportProblem(row: sheet.headerRow, column: header, reason: Bilingual(
                    zh: "与“\(sheet.headers[earlier])”是同一列，只能保留一个",
                    en: "names the same column as \(sheet.headers[earlier]); keep only one")))
            } else {
                columnOf[field] = index
            }
        }
        for field in table.requiredFields where columnOf[field] == nil {
            let name = context.columns.column(table, field)?.name ?? Bilingual(zh: field, en: field)
            plan.fileProblems.append(ImportProblem(row: sheet.headerRow, column: "", reason: Bilingual(
                zh: "缺少“\(name.zh)”列", en: "the \(name.en) column is missing")))
        }
        guard plan.fileProblems.isEmpty else { return plan }

        var rowPlanner = RowPlanner(table: table, context: context, columnOf: columnOf, headers: sheet.headers)
        rowPlanner.seen.reserveCapacity(sheet.rows.count)
        plan.rows.reserveCapacity(sheet.rows.count)
        for (index, cells) in sheet.rows.enumerated() where !cells.allSatisfy(\.isBlank) {
            let row = sheet.fileRow(ofDataRow: index)
            let planned = ImportRow(row: row, outcome: rowPlanner.outcome(row: row, cells: cells))
            onRow(planned)
            plan.rows.append(planned)
        }
        return plan
    }
}

/// The cells of one row, read by field, collecting problems as they are found.
struct RowCells {
    let row: Int
    let cells: [TableCell]
    let columnOf: [String: Int]
    let headers: [String]
    var problems: [ImportProblem] = []

    func has(_ field: String) -> Bool { columnOf[field] != nil }

    /// The cell of `field`, or nil when the file has no such column.
    func cell(_ field: String) -> TableCell? {
        guard let index = columnOf[field] else { return nil }
        return index < cells.count ? cells[index] : .empty
    }

    /// The trimmed text of `field`: nil when the column is absent, "" when the cell is empty.
    func text(_ field: String) -> String? {
        guard let cell = cell(field) else { return nil }
        switch cell {
        case .empty: return ""
        case .number(let digits): return digits
        case .text(let text): return TableText.imported(Self.trimmed(text))
        }
    }

    /// The text without surrounding whitespace; most cells have none, and checking the two
    /// ends is much cheaper than trimming by grapheme.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if isWhitespace(first) || isWhitespace(last) { return text.trimmingWhitespace() }
        return text
    }

    /// The text of `field` when the cell has a value.
    func value(_ field: String) -> String? {
        guard let text = text(field), !text.isEmpty else { return nil }
        return text
    }

    mutating func refuse(_ field: String, _ reason: Bilingual) {
        let column = columnOf[field].map { $0 < headers.count ? headers[$0] : field } ?? field
        problems.append(ImportProblem(row: row, column: column, reason: reason))
    }

    mutating func refuse(_ field: String, _ error: TandemError) {
        refuse(field, Bilingual(zh: error.message(.zh), en: error.message(.en)))
    }

    /// Keeps `old` when a text cell reads the same as the exported (cleaned) `old`, so an
    /// exported name with a stray control character does not show as a change.
    /// A changed text is checked by `TextRules`, as typed text is.
    mutating func textField(_ field: String, old: String, rule: TextField) -> String {
        guard let text = text(field) else { return old }
        if TableText.clean(old).trimmingWhitespace() == text { return old }
        if let problem = TextRules.problem(rule, text) { refuse(field, problem) }
        return text
    }

    /// A whole number from 0 to 1 000 000 (`12`, `１２`, `12.0` from a spreadsheet).
    mutating func count(_ field: String, old: Int, name: Bilingual) -> Int {
        guard let text = value(field) else { return old }
        if let quantity = Quantity(parsing: text), quantity.thousandths % Quantity.scale == 0,
           quantity <= Quantity(1_000_000) {
            return Int(quantity.thousandths / Quantity.scale)
        }
        refuse(field, .invalidValue(field: name, value: text,
                                    expected: Bilingual(zh: "0 到 1000000 的整数", en: "a whole number from 0 to 1000000")))
        return old
    }

    /// A day: an Excel date serial in a number cell, or text as `Day(writtenAs:)` reads it,
    /// within the date window of `DayRules` as on `today` (a typed date is held to the same).
    /// `name` is worked out only for a refusal: most rows have a valid day. `memo` keeps the
    /// reading of each cell seen before: a list writes the same few hundred dates over tens of
    /// thousands of rows, and reading one cost more than looking it up.
    mutating func day(_ field: String, name: @autoclosure () -> Bilingual, today: Day, memo: inout [TableCell: Day?]) -> Day?? {
        guard let cell = cell(field) else { return .none }
        if cell.isBlank { return .some(nil) }
        let read: Day?
        if let known = memo[cell] {
            read = known
        } else {
            read = readDay(field, cell)
            memo[cell] = read
        }
        guard let day = read else {
            refuse(field, .invalidValue(field: name(), value: text(field) ?? "",
                                        expected: Bilingual(zh: "日期，如 2020-03-05、2020/3/5 或 2020年3月5日",
                                                            en: "a date such as 2020-03-05, 2020/3/5 or 2020年3月5日")))
            return .none
        }
        if let problem = DayRules.problem(day, today: today) {
            refuse(field, problem)
            return .none
        }
        return day
    }

    private func readDay(_ field: String, _ cell: TableCell) -> Day? {
        if case .number(let digits) = cell, let serial = Double(digits), let day = Day(excelSerial: serial) { return day }
        let text = text(field) ?? ""
        if let day = Day(writtenAs: text) { return day }
        if let serial = Int(normalizedInput(text)), let day = Day(excelSerial: Double(serial)) { return day }
        return nil
    }
}

/// Text compared and hashed by its UTF-8 bytes, for memos of text exactly as a file writes it:
/// `String`'s own hashing normalizes Chinese text first, which cost more than the look-up it
/// saved. Canonically equal but differently encoded text is merely a memo miss.
struct ExactText: Hashable {
    var text: String

    static func == (a: ExactText, b: ExactText) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// The key two rows of one file share when they name the same record.
func matchKey(_ name: String) -> String {
    let key = normalizedInput(name).lowercased()
    // A whitespace character starts with a whitespace scalar: without one, nothing to remove
    // (and no per-character walk, which cost more than the rest of the key).
    guard key.unicodeScalars.contains(where: isWhitespace) else { return key }
    return key.filter { !$0.isWhitespace }
}

/// Plans rows one by one, remembering earlier rows to find duplicates.
struct RowPlanner {
    let table: ExchangeTable
    let context: ImportContext
    let columnOf: [String: Int]
    let headers: [String]
    /// Enterprises and branches by name key and district code, for matching rows without a code.
    let enterprisesByName: [String: [Int]]
    let branchesByName: [String: [Int]]
    let requestIndex: [Int: Int]
    /// Earlier rows by the record they name: row number and planned record.
    var seen: [String: (row: Int, record: ImportRecord)] = [:]
    /// Districts as written in this file, looked up once each: a list names a few dozen
    /// districts over tens of thousands of rows.
    /// Text memos are keyed by `ExactText` and written only on a miss: hashing a Chinese cell
    /// as a `String` normalizes it first, and looking each one up twice per row (read, then
    /// write back) cost more than the look-ups they saved (perf, 100 000 requests).
    var districtsByText: [ExactText: District?] = [:]
    /// Likewise items (by category and text), units and priorities.
    var itemsByText: [ExactText: [(RequestCategory, CatalogItem)]] = [:]
    var unitsByText: [ExactText: MeasureUnit?] = [:]
    var prioritiesByText: [ExactText: Priority?] = [:]
    var kindsByText: [ExactText: EnterpriseKind?] = [:]
    /// Days and quantities as written in this file, read once each (`RowCells.day`).
    var daysByCell: [TableCell: Day?] = [:]
    var quantitiesByText: [ExactText: Quantity?] = [:]
    /// Enterprises named by requests, by name and district code, exactly as written.
    var enterprisesByText: [ExactText: Enterprise?] = [:]

    init(table: ExchangeTable, context: ImportContext, columnOf: [String: Int], headers: [String]) {
        self.table = table
        self.context = context
        self.columnOf = columnOf
        self.headers = headers
        var enterprisesByName: [String: [Int]] = [:]
        var branchesByName: [String: [Int]] = [:]
        var requestIndex: [Int: Int] = [:]
        switch table {
        case .enterprises, .requests:
            for (i, e) in context.snapshot.enterprises.enumerated() { enterprisesByName[matchKey(e.name), default: []].append(i) }
            if table == .requests {
                for (i, r) in context.snapshot.requests.enumerated() { requestIndex[r.code.number] = i }
            }
        case .branches:
            for (i, b) in context.snapshot.branches.enumerated() { branchesByName[matchKey(b.name), default: []].append(i) }
        default: break
        }
        self.enterprisesByName = enterprisesByName
        self.branchesByName = branchesByName
        self.requestIndex = requestIndex
    }

    mutating func outcome(row: Int, cells: [TableCell]) -> ImportOutcome {
        var reader = RowCells(row: row, cells: cells, columnOf: columnOf, headers: headers)
        let planned: (key: String, before: ImportRecord?, after: ImportRecord)?
        switch table {
        case .enterprises: planned = planEnterprise(&reader)
        case .branches: planned = planBranch(&reader)
        case .requests: planned = planRequest(&reader)
        case .operators: planned = planOperator(&reader)
        default: planned = nil
        }
        guard reader.problems.isEmpty, let planned else {
            return .refused(reader.problems.isEmpty ? [ImportProblem(row: row, column: "", reason: Bilingual(
                zh: "此表不能导入", en: "this table cannot be imported"))] : reader.problems)
        }
        if let earlier = seen[planned.key] {
            if earlier.record == planned.after { return .duplicate(ofRow: earlier.row) }
            return .refused([ImportProblem(row: row, column: "", reason: Bilingual(
                zh: "与第 \(earlier.row) 行是同一记录，但内容不同；请只保留一行",
                en: "names the same record as row \(earlier.row) with different values; keep only one of them"))])
        }
        seen[planned.key] = (row, planned.after)
        guard let before = planned.before else { return .new(planned.after) }
        let changes = table.fields.compactMap { field -> FieldChange? in
            let old = ExchangeRows.cell(before, field: field, snapshot: context.snapshot)
            let new = ExchangeRows.cell(planned.after, field: field, snapshot: context.snapshot)
            guard old != new else { return nil }
            let name = context.columns.column(table, field)?.name ?? Bilingual(zh: field, en: field)
            return FieldChange(field: field, column: name, old: old.text, new: new.text)
        }
        return changes.isEmpty ? .unchanged(before) : .changed(before: before, after: planned.after, changes: changes)
    }

    // MARK: - Shared look-ups

    /// What `memo` holds for `text`, worked out by `work` (and kept) the first time.
    static func remembered<Value>(_ memo: inout [ExactText: Value], _ text: String, _ work: () -> Value) -> Value {
        let key = ExactText(text: text)
        if let known = memo[key] { return known }
        let value = work()
        memo[key] = value
        return value
    }

    /// The record code in the `code` column: nil when empty; refuses one that is malformed or unknown.
    func code(_ reader: inout RowCells, _ kind: RecordKind, field: String = "code", exists: (RecordCode) -> Bool) -> RecordCode?? {
        guard let text = reader.value(field) else { return .some(nil) }
        guard let code = RecordCode(parsing: normalizedInput(text), as: kind) else {
            reader.refuse(field, .malformedCode(kind, text))
            return .none
        }
        guard exists(code) else {
            reader.refuse(field, .unknownRecord(kind, text))
            return .none
        }
        return code
    }

    /// The district in the `district` column: nil when empty or unknown (refused).
    mutating func district(_ reader: inout RowCells) -> District? {
        guard let text = reader.value("district") else { return nil }
        let geography = context.geography
        let found = Self.remembered(&districtsByText, text) { geography.district(matching: normalizedInput(text)) }
        guard let district = found else {
            reader.refuse("district", .unknownDistrict(text))
            return nil
        }
        return district
    }

    /// The record a row is about: by code, else by name and district, where several records of
    /// that name within reach are refused, never guessed. Nil when the row is refused; otherwise
    /// the existing record (nil for a new one, which then needs a name and a district), the
    /// row's district and its name. Enterprises and branches are matched by this one rule.
    mutating func matchRecord<Record>(_ reader: inout RowCells, _ kind: RecordKind, lookup: (RecordCode) -> Record?,
                                      byName: [String: [Int]], records: [Record], districtOf: (Record) -> String,
                                      codeOf: (Record) -> RecordCode) -> (Record?, District?, String?)? {
        guard let code = code(&reader, kind, exists: { lookup($0) != nil }) else { return nil }
        let district = district(&reader)
        let name = reader.value("name")
        var existing = code.flatMap(lookup)
        if existing == nil, let name, reader.problems.isEmpty {
            let candidates = (byName[matchKey(name)] ?? []).map { records[$0] }
            guard let match = single(candidates, district: district, districtOf: districtOf, codeOf: codeOf, name: name,
                                     reader: &reader) else { return nil }
            existing = match
        }
        if existing == nil {
            if name == nil { required(&reader, "name") }
            if district == nil, reader.value("district") == nil { required(&reader, "district") }
        }
        return (existing, district, name)
    }

    /// Picks the one candidate whose district matches (any district when none is given);
    /// refuses when several match, naming them.
    func single<T>(_ candidates: [T], district: District?, districtOf: (T) -> String, codeOf: (T) -> RecordCode,
                   name: String, reader: inout RowCells, field: String = "name") -> T?? {
        let matches = candidates.filter { district == nil || districtOf($0) == district!.code }
        if matches.count > 1 {
            let codes = matches.map { codeOf($0).description }.joined(separator: ", ")
            reader.refuse(field, Bilingual(
                zh: "“\(name)”对应多条记录（\(codes)），无法确定是哪一条；请填写编号\(district == nil ? "或区县" : "")",
                en: "\(name) matches several records (\(codes)); give the code\(district == nil ? " or the district" : "") to say which"))
            return .none
        }
        return .some(matches.first)
    }

    static func bilingualName(_ columns: ColumnNames, _ table: ExchangeTable, _ field: String) -> Bilingual {
        columns.column(table, field)?.name ?? Bilingual(zh: field, en: field)
    }

    func fieldName(_ field: String) -> Bilingual { Self.bilingualName(context.columns, table, field) }

    func required(_ reader: inout RowCells, _ field: String) {
        let name = fieldName(field)
        reader.refuse(field, Bilingual(zh: "新记录必须填写“\(name.zh)”", en: "a new record needs a \(name.en)"))
    }
}
