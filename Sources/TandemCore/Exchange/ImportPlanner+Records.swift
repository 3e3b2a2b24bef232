extension RowPlanner {
    typealias Planned = (key: String, before: ImportRecord?, after: ImportRecord)

    // MARK: - Enterprises

    mutating func planEnterprise(_ reader: inout RowCells) -> Planned? {
        let snapshot = context.snapshot
        guard let (existing, district, _) = matchRecord(&reader, .enterprise, lookup: snapshot.enterprise, byName: enterprisesByName,
                                                           records: snapshot.enterprises, districtOf: \.districtCode, codeOf: \.code)
        else { return nil }
        let old = existing ?? Enterprise(code: RecordCode(.enterprise, 0), name: "", kind: .enterprise, districtCode: "")
        var new = old
        if reader.value("name") != nil { new.name = reader.textField("name", old: old.name, rule: .name) }
        if let district { new.districtCode = district.code }
        if let text = reader.value("kind") {
            let found = Self.remembered(&kindsByText, text) { EnterpriseKind(matching: normalizedInput(text)) }
            if let kind = found { new.kind = kind } else {
                reader.refuse("kind", .invalidValue(field: fieldName("kind"), value: text, expected: Bilingual(
                    zh: EnterpriseKind.allCases.map { "\($0.rawValue)（\($0.name.zh)）" }.joined(separator: "、"),
                    en: "one of " + EnterpriseKind.allCases.map(\.rawValue).joined(separator: ", "))))
            }
        }
        new.address = reader.textField("address", old: old.address, rule: .address)
        new.contactName = reader.textField("contact", old: old.contactName, rule: .contactName)
        new.contactPhone = reader.textField("phone", old: old.contactPhone, rule: .contactPhone)
        new.disabledEmployees = reader.count("disabled_employees", old: old.disabledEmployees, name: fieldName("disabled_employees"))
        if let text = reader.value("resumption") { new.resumption = resumption(text, &reader) ?? old.resumption }
        if reader.has("lat") || reader.has("lon") { new.location = location(&reader, old: old.location) }
        guard reader.problems.isEmpty else { return nil }
        let key = existing.map { $0.code.description } ?? "name:\(matchKey(new.name))|\(new.districtCode)"
        return (key, existing.map(ImportRecord.enterprise), .enterprise(new))
    }

    /// `60`, `60%`, `resumed`, `已复工`, or a spreadsheet percentage cell (`0.6`).
    func resumption(_ text: String, _ reader: inout RowCells) -> Resumption? {
        var key = normalizedInput(text)
        if key.contains("."), let fraction = Double(key), fraction > 0, fraction < 1 {
            key = String(Int((fraction * 100).rounded()))
        }
        if let whole = Double(key), whole == whole.rounded(), (0...100).contains(whole) { key = String(Int(whole)) }
        if let value = Resumption(parsing: key) { return value }
        reader.refuse("resumption", .invalidValue(field: fieldName("resumption"), value: text, expected: Bilingual(
            zh: "0–100 的复工率（如 60 或 60%），或 停工、已复工", en: "a percentage 0–100 (e.g. 60 or 60%), closed or resumed")))
        return nil
    }

    func location(_ reader: inout RowCells, old: GeoPoint?) -> GeoPoint? {
        func coordinate(_ field: String, _ range: ClosedRange<Double>) -> Double?? {
            guard let text = reader.value(field) else { return .some(nil) }
            guard let value = Double(normalizedInput(text)), range.contains(value) else {
                reader.refuse(field, .invalidValue(field: fieldName(field), value: text, expected: Bilingual(
                    zh: "\(range.lowerBound) 到 \(range.upperBound) 之间的数", en: "a number from \(range.lowerBound) to \(range.upperBound)")))
                return .none
            }
            return value
        }
        let lat = reader.has("lat") ? coordinate("lat", -90...90) : .some(old?.lat)
        let lon = reader.has("lon") ? coordinate("lon", -180...180) : .some(old?.lon)
        switch (lat, lon) {
        case (.some(nil), .some(nil)): return nil
        case (.some(let la?), .some(let lo?)): return GeoPoint(lat: la, lon: lo)
        case (.none, _), (_, .none): return old
        default:
            reader.refuse(reader.has("lat") ? "lat" : "lon", Bilingual(zh: "纬度和经度须同时填写或同时留空",
                                                                      en: "give both latitude and longitude, or neither"))
            return old
        }
    }

    // MARK: - Branches

    mutating func planBranch(_ reader: inout RowCells) -> Planned? {
        let snapshot = context.snapshot
        guard let (existing, district, _) = matchRecord(&reader, .branch, lookup: snapshot.branch, byName: branchesByName,
                                                           records: snapshot.branches, districtOf: \.districtCode, codeOf: \.code)
        else { return nil }
        let old = existing ?? Branch(code: RecordCode(.branch, 0), name: "", districtCode: "", headcount: 0, capabilities: [])
        var new = old
        if reader.value("name") != nil { new.name = reader.textField("name", old: old.name, rule: .name) }
        if let district { new.districtCode = district.code }
        new.headcount = reader.count("headcount", old: old.headcount, name: fieldName("headcount"))
        if let text = reader.text("capabilities") {
            var capabilities = Set<Capability>()
            let known = context.catalog.capabilities
            for part in normalizedInput(text).split(whereSeparator: { ",;/".contains($0) }) {
                let word = part.trimmingWhitespace()
                guard !word.isEmpty else { continue }
                if let capability = context.catalog.capability(matching: word) { capabilities.insert(capability) } else {
                    reader.refuse("capabilities", .invalidValue(field: fieldName("capabilities"), value: word, expected: Bilingual(
                        zh: known.map { "\($0.code)（\($0.name.zh)）" }.joined(separator: "、"),
                        en: "one of " + known.map(\.code).joined(separator: ", "))))
                }
            }
            new.capabilities = capabilities
        }
        if let text = reader.value("active") {
            switch normalizedInput(text).lowercased() {
            case "1", "yes", "y", "true", "是", "启用", "active": new.active = true
            case "0", "no", "n", "false", "否", "停用", "inactive": new.active = false
            default:
                reader.refuse("active", .invalidValue(field: fieldName("active"), value: text,
                                                      expected: Bilingual(zh: "是/否 或 1/0", en: "yes/no or 1/0")))
            }
        }
        if let existing, existing.active, !new.active, let enterprise = snapshot.pairedEnterprise(of: existing.code) {
            reader.refuse("active", .branchAlreadyPaired(branch: existing.code, enterprise: enterprise))
        }
        guard reader.problems.isEmpty else { return nil }
        let key = existing.map { $0.code.description } ?? "name:\(matchKey(new.name))|\(new.districtCode)"
        return (key, existing.map(ImportRecord.branch), .branch(new))
    }

    // MARK: - Operators

    mutating func planOperator(_ reader: inout RowCells) -> Planned? {
        guard let login = reader.value("login").map(normalizedInput) else {
            required(&reader, "login")
            return nil
        }
        if let problem = TextRules.problem(.login, login) {
            reader.refuse("login", problem)
            return nil
        }
        guard !login.contains(where: \.isWhitespace) else {
            reader.refuse("login", .invalidValue(field: fieldName("login"), value: login,
                                                 expected: Bilingual(zh: "不含空格的系统登录名", en: "an OS login name without spaces")))
            return nil
        }
        let existing = context.operators.first { $0.login == login }
        var new = existing ?? Operator(login: login, displayName: login, role: .dispatcher)
        if reader.value("name") != nil { new.displayName = reader.textField("name", old: new.displayName, rule: .name) }
        if let text = reader.value("role") {
            if let role = Role(parsing: normalizedInput(text)) {
                switch role {
                case .branchLead(let branch) where context.snapshot.branch(branch) == nil:
                    reader.refuse("role", .unknownRecord(.branch, branch.description))
                case .supervisor(let group?) where context.geography.group(number: group) == nil:
                    reader.refuse("role", .unknownGroup(String(group)))
                default: new.role = role
                }
            } else {
                reader.refuse("role", .invalidValue(field: fieldName("role"), value: text, expected: Bilingual(
                    zh: "dispatcher、admin、supervisor、supervisor:3 或 lead:B12", en: "dispatcher, admin, supervisor, supervisor:3 or lead:B12")))
            }
        } else if existing == nil {
            required(&reader, "role")
        }
        guard reader.problems.isEmpty else { return nil }
        return ("login:\(login)", existing.map(ImportRecord.operator), .operator(new))
    }
}
