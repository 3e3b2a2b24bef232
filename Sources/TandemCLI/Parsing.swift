import TandemCore

/// Turns typed option values into domain values, with the core's bilingual errors.
enum Parse {
    static func capabilities(_ text: String, catalog: Catalog) throws -> Set<Capability> {
        var result = Set<Capability>()
        for part in text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }) {
            let word = String(part).trimmingWhitespace()
            guard !word.isEmpty else { continue }
            guard let capability = catalog.capability(matching: word) else {
                let codes = catalog.capabilities.map(\.code)
                throw TandemError.invalidValue(field: Bilingual(zh: "能力", en: "capability"), value: word,
                                               expected: Bilingual(zh: codes.joined(separator: "、"), en: "one of " + codes.joined(separator: ", ")))
            }
            result.insert(capability)
        }
        return result
    }

    static func kind(_ text: String) throws -> EnterpriseKind {
        guard let kind = EnterpriseKind(matching: text) else {
            throw TandemError.invalidValue(field: Bilingual(zh: "类型", en: "kind"), value: text,
                                           expected: Bilingual(zh: EnterpriseKind.allCases.map(\.rawValue).joined(separator: "、"),
                                                               en: "one of " + EnterpriseKind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return kind
    }

    static func resumption(_ text: String) throws -> Resumption {
        guard let value = Resumption(parsing: text) else {
            throw TandemError.invalidValue(field: Bilingual(zh: "复工状态", en: "resumption"), value: text,
                                           expected: Bilingual(zh: "closed、resumed 或 1–99 的百分比（如 60%）",
                                                               en: "closed, resumed or a percentage 1–99 (e.g. 60%)"))
        }
        return value
    }

    static func role(_ text: String) throws -> Role {
        guard let value = Role(parsing: text) else {
            throw TandemError.invalidValue(field: Bilingual(zh: "角色", en: "role"), value: text,
                                           expected: Bilingual(zh: "dispatcher、admin、supervisor、supervisor:3 或 lead:B12",
                                                               en: "dispatcher, admin, supervisor, supervisor:3 or lead:B12"))
        }
        return value
    }

    static func coordinate(_ text: String?, range: ClosedRange<Double>, field: Bilingual) throws -> Double? {
        guard let text else { return nil }
        guard let value = Double(text), range.contains(value) else {
            throw TandemError.invalidValue(field: field, value: text,
                                           expected: Bilingual(zh: "\(range.lowerBound) 到 \(range.upperBound) 之间的数",
                                                               en: "a number from \(range.lowerBound) to \(range.upperBound)"))
        }
        return value
    }

    static func location(lat: String?, lon: String?) throws -> GeoPoint? {
        let latitude = try coordinate(lat, range: -90...90, field: Bilingual(zh: "纬度", en: "latitude"))
        let longitude = try coordinate(lon, range: -180...180, field: Bilingual(zh: "经度", en: "longitude"))
        switch (latitude, longitude) {
        case (nil, nil): return nil
        case (let la?, let lo?): return GeoPoint(lat: la, lon: lo)
        default:
            throw TandemError.invalidValue(field: Bilingual(zh: "坐标", en: "location"), value: lat ?? lon ?? "",
                                           expected: Bilingual(zh: "同时给出 --lat 和 --lon", en: "both --lat and --lon"))
        }
    }

    static func yesNo(_ text: String) throws -> Bool {
        switch text.lowercased() {
        case "yes", "true", "1", "是": return true
        case "no", "false", "0", "否": return false
        default:
            throw TandemError.invalidValue(field: Bilingual(zh: "是否启用", en: "active"), value: text,
                                           expected: Bilingual(zh: "yes 或 no", en: "yes or no"))
        }
    }
}
