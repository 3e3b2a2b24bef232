import Foundation
import Testing
@testable import TandemStore
import TandemCore

/// The import writes its audit JSON directly; it must be the text the audit's encoder writes.
@Suite struct ImportExportAuditJSONTests {
    static func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static let awkwardTexts = ["", "阳光茶叶基地00001号", "quote \" backslash \\ slash / tab \t newline \n cr \r",
                               "bell \u{7} nul \u{0} esc \u{1b} formfeed \u{c} backspace \u{8} del \u{7f}",
                               "emoji 👩‍🦯 combining e\u{301} line sep \u{2028} full-width ＡＢＣ"]

    @Test func enterprisesAsTheEncoderWritesThem() throws {
        var writer = ImportAuditJSON()
        var enterprises: [Enterprise] = []
        for (index, text) in Self.awkwardTexts.enumerated() {
            enterprises.append(Enterprise(code: RecordCode(.enterprise, index + 1), name: text, kind: EnterpriseKind.allCases[index % 5],
                                          districtCode: "nanchuan", address: text, location: nil, contactName: text,
                                          contactPhone: "138\(index)", disabledEmployees: index * 7,
                                          resumption: [.closed, .partial(percent: 30), .resumed][index % 3]))
        }
        for location in [GeoPoint(lat: 29.15, lon: 107.1), GeoPoint(lat: -90, lon: 180), GeoPoint(lat: 0.000012, lon: -0.5),
                         GeoPoint(lat: 29.123456789012, lon: 106.55)] {
            enterprises.append(Enterprise(code: RecordCode(.enterprise, 99), name: "with location", kind: .blindMassage,
                                          districtCode: "yuzhong", location: location))
        }
        for enterprise in enterprises {
            #expect(writer.enterprise(enterprise) == (try Self.encoded(enterprise)))
        }
    }

    @Test func requestsAsTheEncoderWritesThem() throws {
        var writer = ImportAuditJSON()
        var requests: [Request] = []
        for (index, text) in Self.awkwardTexts.enumerated() {
            requests.append(Request(code: RecordCode(.request, index + 1), enterpriseCode: RecordCode(.enterprise, 3), category: "ppe",
                                    item: "masks", quantity: Quantity(thousandths: [300_000, 500, 1, 123_456_789, 1000][index]),
                                    unit: "piece", delivered: Quantity(thousandths: [0, 250, 1500, 0, 999][index]),
                                    priority: Priority.allCases[index % 4], due: index % 2 == 0 ? nil : Day(year: 2020, month: 3, day: 5),
                                    status: RequestStatus.allCases[index % 4], notes: text, filed: Day(year: 2020, month: 2, day: 29),
                                    completed: index % 3 == 0 ? nil : Day(year: 2020, month: 12, day: 31)))
        }
        for request in requests {
            #expect(writer.request(request) == (try Self.encoded(request)))
        }
    }
}
