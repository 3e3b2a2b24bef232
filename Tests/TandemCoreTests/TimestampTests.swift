import Foundation
import Testing
import TandemCore

@Suite struct TimestampTests {
    @Test func parsesTheFormsTandemWroteAndPrintsOne() throws {
        let canonical = try #require(Timestamp(parsing: "2026-11-30T14:53:12.345Z"))
        #expect(canonical.description == "2026-11-30T14:53:12.345Z")
        #expect(Timestamp(parsing: "2026-11-30T14:53:12Z")?.description == "2026-11-30T14:53:12.000Z")
        #expect(Timestamp(parsing: "2026-11-30 14:53:12.3Z")?.description == "2026-11-30T14:53:12.300Z")
        #expect(Timestamp(parsing: "2026-11-30T22:53:12.345+08:00") == canonical)
        #expect(Timestamp(parsing: "1969-12-31T23:59:59.999Z")?.millisecondsSince1970 == -1)
        for bad in ["", "2026-11-30", "2026-11-30T25:00:00Z", "2026-02-30T10:00:00Z", "2026-11-30T14:53:12", "t",
                    "2026-11-30T14:53:12.Z", "2026-11-30T14:53:12Zjunk"] {
            #expect(Timestamp(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func comparesByValueNotByText() throws {
        let texts = ["2020-03-05T08:30:00Z", "2020-03-05T08:30:00.500Z", "2020-03-05T16:00:00+08:00", "2020-03-05T08:29:59.999Z"]
        let values = try texts.map { try #require(Timestamp(parsing: $0)) }
        // As text, "…00Z" sorts after "…00.500Z" and the +08:00 time after all of them; as values, not.
        #expect(texts[0] > texts[1] && values[0] < values[1])
        #expect(texts[2] > texts[0] && values[2] < values[0])
        #expect(values.sorted().map(\.description) == ["2020-03-05T08:00:00.000Z", "2020-03-05T08:29:59.999Z",
                                                        "2020-03-05T08:30:00.000Z", "2020-03-05T08:30:00.500Z"])
        // The canonical text sorts like the values.
        #expect(values.map(\.description).sorted() == values.sorted().map(\.description))
    }

    @Test func roundsDatesDownToTheMillisecondAndCodesAsText() throws {
        let stamp = Timestamp(Date(timeIntervalSince1970: 1_795_000_000.123_9))
        #expect(stamp.millisecondsSince1970 == 1_795_000_000_123)
        let json = try JSONEncoder().encode([stamp])
        #expect(String(decoding: json, as: UTF8.self) == #"["2026-11-18T11:06:40.123Z"]"#)
        #expect(try JSONDecoder().decode([Timestamp].self, from: json) == [stamp])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Timestamp].self, from: Data(#"["yesterday"]"#.utf8)) }
    }

    @Test func fallsOnTheDayOfTheGivenTimeZone() throws {
        let evening = try #require(Timestamp(parsing: "2026-11-30T20:00:00.000Z"))
        #expect(evening.day(in: try #require(TimeZone(identifier: "UTC"))) == Day(year: 2026, month: 11, day: 30))
        #expect(evening.day(in: try #require(TimeZone(identifier: "Asia/Shanghai"))) == Day(year: 2026, month: 12, day: 1))
        #expect(evening.day(in: try #require(TimeZone(identifier: "America/Los_Angeles"))) == Day(year: 2026, month: 11, day: 30))
        let beforeEpoch = Timestamp(millisecondsSince1970: -1)
        #expect(beforeEpoch.day(in: try #require(TimeZone(identifier: "UTC"))) == Day(year: 1969, month: 12, day: 31))
    }
}
