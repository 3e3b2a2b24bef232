extension RowPlanner {
    /// A request row: matched by its code, else by enterprise, category and item among the
    /// enterprise's active requests (and filing day, when given). Quantity, unit, priority, due
    /// and notes may change; delivered, status and the days are recorded by Tandem itself and
    /// only compared.
    mutating func planRequest(_ reader: inout RowCells) -> Planned? {
        let snapshot = context.snapshot
        let catalog = context.catalog
        guard let code = code(&reader, .request, exists: { requestIndex[$0.number] != nil }) else { return nil }
        var existing = code.flatMap { requestIndex[$0.number] }.map { snapshot.requests[$0] }

        // The enterprise: its code, else its name (and district).
        var enterprise: Enterprise?
        if let given = self.code(&reader, .enterprise, field: "enterprise", exists: { snapshot.enterprise($0) != nil }) {
            enterprise = given.flatMap { snapshot.enterprise($0) }
        } else {
            return nil
        }
        let district = district(&reader)
        if let name = reader.value("enterprise_name") {
            if let enterprise {
                if matchKey(enterprise.name) != matchKey(name) {
                    reader.refuse("enterprise_name", Bilingual(zh: "与单位编号 \(enterprise.code)（\(enterprise.name)）不符",
                                                               en: "does not match enterprise \(enterprise.code) (\(enterprise.name))"))
                }
            } else if reader.problems.isEmpty {
                // A requests list names each enterprise on several rows: resolve each name once.
                let memoKey = ExactText(text: name + "|" + (district?.code ?? ""))
                if let known = enterprisesByText[memoKey] {
                    enterprise = known
                } else {
                    let candidates = (enterprisesByName[matchKey(name)] ?? []).map { snapshot.enterprises[$0] }
                    guard let match = single(candidates, district: district, districtOf: \.districtCode, codeOf: \.code, name: name,
                                             reader: &reader, field: "enterprise_name") else { return nil }
                    enterprisesByText[memoKey] = match
                    enterprise = match
                }
                if enterprise == nil { reader.refuse("enterprise_name", .unknownRecord(.enterprise, name)) }
            }
        }
        if let existing, let enterprise, enterprise.code != existing.enterpriseCode {
            reader.refuse("enterprise", Bilingual(zh: "需求 \(existing.code) 属于 \(existing.enterpriseCode)，不能改到 \(enterprise.code)",
                                                  en: "request \(existing.code) belongs to \(existing.enterpriseCode), not \(enterprise.code)"))
        }
        if enterprise == nil, existing == nil, reader.problems.isEmpty {
            let name = fieldName("enterprise")
            reader.refuse("enterprise", Bilingual(zh: "新需求必须填写“\(name.zh)”或单位名称", en: "a new request needs its \(name.en) code or name"))
        }
        guard reader.problems.isEmpty else { return nil }

        // Category and item: either may be given by code or name; the category may be left
        // out when only one category has the item.
        var category = existing.flatMap { catalog.category(code: $0.category) }
        if let text = reader.value("category") {
            if let found = catalog.category(matching: normalizedInput(text)) { category = found } else {
                reader.refuse("category", .unknownCategory(text, choices: catalog.categories.map(\.code)))
                return nil
            }
        }
        var item = existing.flatMap { catalog.item(code: $0.item, category: $0.category) }
        if let text = reader.value("item").map(normalizedInput) {
            let searched = category.map { [$0] } ?? catalog.categories
            let memoKey = (category?.code ?? "") + "|" + text
            let found = Self.remembered(&itemsByText, memoKey) {
                searched.compactMap { c in catalog.item(matching: text, in: c).map { (c, $0) } }
            }
            if found.count == 1 {
                (category, item) = (found[0].0, found[0].1)
            } else {
                reader.refuse("item", .unknownItem(text, category: category?.code ?? "-",
                                                   choices: searched.flatMap { $0.items.map(\.code) }))
                return nil
            }
        }
        guard let category, let item else {
            required(&reader, "item")
            return nil
        }
        if let existing, existing.category != category.code || existing.item != item.code {
            reader.refuse("item", Bilingual(zh: "需求 \(existing.code) 的物品不能改；请取消后重新登记",
                                            en: "request \(existing.code)'s item cannot change; cancel it and file a new one"))
            return nil
        }

        // Without a code: the same enterprise, category and item among active requests.
        let filed = day(&reader, "filed")
        if existing == nil, let enterprise {
            let filedDay = filed.flatMap { $0 }
            let candidates = snapshot.requests(of: enterprise.code).filter {
                $0.status.isActive && $0.category == category.code && $0.item == item.code && (filedDay == nil || $0.filed == filedDay)
            }
            if candidates.count > 1 {
                reader.refuse("item", Bilingual(
                    zh: "\(enterprise.code) 有多条未办结的“\(item.name.zh)”需求（\(candidates.map(\.code.description).joined(separator: "、"))）；请填写需求编号",
                    en: "\(enterprise.code) has several active \(item.name.en) requests (\(candidates.map(\.code.description).joined(separator: ", "))); give the request code"))
                return nil
            }
            existing = candidates.first
        }

        let old = existing ?? Request(code: RecordCode(.request, 0), enterpriseCode: enterprise!.code, category: category.code,
                                      item: item.code, quantity: .zero, unit: item.units[0], filed: context.today)
        var new = old
        if let text = reader.value("unit") {
            let unit = Self.remembered(&unitsByText, text) { catalog.unit(matching: normalizedInput(text)) }
            if let unit, item.units.contains(unit.code) { new.unit = unit.code } else {
                reader.refuse("unit", .unknownUnit(text, item: item.code, choices: item.units))
            }
        }
        if let text = reader.value("quantity") {
            let parsed = Self.remembered(&quantitiesByText, text) { Quantity(parsing: text) }
            if let quantity = parsed, !quantity.isZero { new.quantity = quantity } else {
                reader.refuse("quantity", .invalidQuantity(text))
            }
        } else if existing == nil {
            required(&reader, "quantity")
        }
        if let text = reader.value("priority") {
            let priority = Self.remembered(&prioritiesByText, text) { Priority(matching: normalizedInput(text)) }
            if let priority { new.priority = priority } else {
                reader.refuse("priority", .invalidValue(field: fieldName("priority"), value: text, expected: Bilingual(
                    zh: "紧急、高、普通、低（urgent、high、normal、low 或 1–4）", en: "urgent, high, normal, low or 1–4")))
            }
        }
        if case .some(let due) = day(&reader, "due") { new.due = due }
        new.notes = reader.textField("notes", old: old.notes, rule: .note)
        if existing == nil, case .some(let day?) = filed { new.filed = day }

        // What Tandem records itself: compared, never written by an import.
        checkRecorded(&reader, "delivered", old: ExchangeRows.request(old, field: "delivered", snapshot: snapshot),
                      given: reader.value("delivered").flatMap { Quantity(parsing: $0) }.map(TableCell.number) ?? reader.cell("delivered"))
        checkRecorded(&reader, "status", old: .text(old.status.rawValue),
                      given: reader.value("status").map { RequestStatus(matching: normalizedInput($0)).map { .text($0.rawValue) } ?? .text($0) })
        if existing != nil, case .some(let day) = filed {
            checkRecorded(&reader, "filed", old: .text(old.filed.description), given: .optionalText(day?.description))
        }
        if case .some(let day) = day(&reader, "completed") {
            checkRecorded(&reader, "completed", old: .optionalText(old.completed?.description), given: .optionalText(day?.description))
        }
        if let existing, new.quantity < existing.delivered, new.quantity != existing.quantity, existing.status.isActive {
            reader.refuse("quantity", Bilingual(zh: "已送达 \(existing.delivered)，数量不能少于已送达数",
                                                en: "\(existing.delivered) already delivered; the quantity cannot be less"))
        }
        guard reader.problems.isEmpty else { return nil }
        let key = existing.map { $0.code.description }
            ?? "new:\(new.enterpriseCode)|\(new.category)|\(new.item)|\(filed.flatMap { $0 }?.description ?? "")"
        return (key, existing.map(ImportRecord.request), .request(new))
    }

    /// The day in `field` (`RowCells.day`), each cell's reading remembered in `daysByCell`.
    mutating func day(_ reader: inout RowCells, _ field: String) -> Day?? {
        // The memo is moved out while the reader uses it (no copy), as the refusal's wording reads `self`.
        var memo: [TableCell: Day?] = [:]
        swap(&memo, &daysByCell)
        defer { swap(&memo, &daysByCell) }
        return reader.day(field, name: fieldName(field), today: context.today, memo: &memo)
    }

    /// Refuses a cell that differs from what Tandem recorded (an empty cell is not compared).
    func checkRecorded(_ reader: inout RowCells, _ field: String, old: TableCell, given: TableCell?) {
        guard let given, !given.isBlank, given.text != old.text else { return }
        if field == "delivered", old.text == "0", given.text == "0" { return }
        let name = fieldName(field)
        reader.refuse(field, Bilingual(
            zh: "“\(name.zh)”由 Tandem 记录（送达、完成、取消），不能通过导入修改：现为 \(old.text.isEmpty ? "空" : old.text)，文件中为 \(given.text)",
            en: "\(name.en) is recorded by Tandem (deliveries, done, cancel) and cannot be imported: it is \(old.text.isEmpty ? "empty" : old.text), the file says \(given.text)"))
    }
}
