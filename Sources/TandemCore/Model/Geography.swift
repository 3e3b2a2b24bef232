import Foundation

/// A point on the map, in degrees.
public struct GeoPoint: Sendable, Hashable, Codable {
    public var lat: Double
    public var lon: Double

    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Great-circle distance in kilometres (haversine).
    public func distanceKm(to other: GeoPoint) -> Double {
        let radius = 6371.0088
        let toRadians = Double.pi / 180
        let dLat = (other.lat - lat) * toRadians
        let dLon = (other.lon - lon) * toRadians
        let a = pow(sin(dLat / 2), 2) + cos(lat * toRadians) * cos(other.lat * toRadians) * pow(sin(dLon / 2), 2)
        return 2 * radius * asin(min(1, a.squareRoot()))
    }
}

/// One of the ten supervision groups (督促指导小组), each covering a set of districts.
public struct SupervisionGroup: Sendable, Hashable, Codable {
    public var number: Int
    public var name: Bilingual

    public init(number: Int, name: Bilingual) {
        self.number = number
        self.name = name
    }
}

/// Where a district sits on the supervisor's tile map (row 0 is north, column 0 west).
public struct TilePosition: Sendable, Hashable, Codable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// A district-level division of Chongqing (区 or 县).
public struct District: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case district, county }

    public var code: String
    public var name: Bilingual
    public var kind: Kind
    public var centroid: GeoPoint
    public var group: Int
    public var tile: TilePosition

    public init(code: String, name: Bilingual, kind: Kind, centroid: GeoPoint, group: Int, tile: TilePosition) {
        self.code = code
        self.name = name
        self.kind = kind
        self.centroid = centroid
        self.group = group
        self.tile = tile
    }

    /// The name without its 区/县/自治县 suffix, as people say it ("永川").
    public var shortNameZh: String {
        var name = self.name.zh
        for suffix in ["土家族苗族自治县", "苗族土家族自治县", "土家族自治县", "自治县", "区", "县"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        // 忠县 stays 忠县: a one-character name is not said on its own.
        return name.count < 2 ? self.name.zh : name
    }

    /// The English name without " District" / " County".
    public var shortNameEn: String {
        let words = name.en.split(separator: " ")
        return words.first.map(String.init) ?? name.en
    }

    public func shortName(_ lang: Lang) -> String { lang == .zh ? shortNameZh : shortNameEn }
}

/// The city's districts and supervision groups, with lookups by code and by name.
public struct Geography: Sendable {
    public let districts: [District]
    public let groups: [SupervisionGroup]
    private let districtIndex: [String: Int]

    public init(districts: [District], groups: [SupervisionGroup]) {
        self.districts = districts
        self.groups = groups.sorted { $0.number < $1.number }
        var index: [String: Int] = [:]
        for (position, district) in districts.enumerated() { index[district.code] = position }
        self.districtIndex = index
    }

    public func district(code: String) -> District? {
        districtIndex[code].map { districts[$0] }
    }

    /// Finds a district by code, Chinese name (full or short) or English name, case-insensitively.
    public func district(matching text: String) -> District? {
        if let district = district(code: text.trimmingWhitespace().lowercased()) { return district }
        return NameMatch.first(in: districts, matching: text) { [$0.code, $0.name.zh, $0.shortNameZh, $0.name.en, $0.shortNameEn] }
    }

    public func group(number: Int) -> SupervisionGroup? {
        groups.first { $0.number == number }
    }

    /// Finds a group by number (`3`), code (`G3`) or its Chinese or English name.
    public func group(matching text: String) -> SupervisionGroup? {
        var key = text.trimmingWhitespace().lowercased()
        if key.hasPrefix("g") { key.removeFirst() }
        if let number = Int(key) { return group(number: number) }
        return NameMatch.first(in: groups, matching: text) { [$0.name.zh, $0.name.en] }
    }

    public func districts(inGroup number: Int) -> [District] {
        districts.filter { $0.group == number }
    }
}

