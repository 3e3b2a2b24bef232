import GRDB
import TandemCore

extension SQLiteRepository {
    /// The start screen's records from the indexes, in one transaction: the most urgent active
    /// requests through `request_active_by_urgency` (a few short index ranges, whatever the
    /// city's size), a lead's through the pairing and `request_by_enterprise`; then the
    /// enterprises, pairings and branches those requests name, by primary key.
    public func firstScreen(_ query: FirstScreenQuery, today: Day) throws -> CitySnapshot {
        let version = try changeCounter()
        return try read { db in
            var requests: [Request]
            var enterpriseNumbers: Set<Int> = []
            var branchNumbers: Set<Int> = []
            switch query {
            case .mostUrgent(let scope, let limit):
                requests = try Self.mostUrgentRequests(db, scope: scope, limit: max(0, limit), today: today)
            case .pairedEnterprise(let branch):
                branchNumbers.insert(branch.number)
                let enterprise = try Int.fetchOne(db, sql: "SELECT enterprise_number FROM pairing WHERE branch_number = ? AND ended_at IS NULL",
                                                  arguments: [branch.number])
                requests = []
                if let enterprise {
                    enterpriseNumbers.insert(enterprise)
                    requests = try db.fetchRaw("SELECT \(RowDecoding.requestColumns) FROM request WHERE enterprise_number = ? ORDER BY number",
                                               arguments: [enterprise], RowDecoding.request)
                }
            }
            enterpriseNumbers.formUnion(requests.map(\.enterpriseCode.number))
            let enterpriseList = enterpriseNumbers.sorted()
            let pairings = try Self.rows(db, "SELECT \(RowDecoding.pairingColumns) FROM pairing WHERE ended_at IS NULL AND enterprise_number IN",
                                         enterpriseList, "ORDER BY id", RowDecoding.pairing)
            branchNumbers.formUnion(pairings.map(\.branchCode.number))
            let enterprises = try Self.rows(db, "SELECT \(RowDecoding.enterpriseColumns) FROM enterprise WHERE number IN",
                                            enterpriseList, "ORDER BY number", RowDecoding.enterprise)
            let branches = try Self.rows(db, "SELECT \(RowDecoding.branchColumns) FROM branch WHERE number IN",
                                         branchNumbers.sorted(), "ORDER BY number", RowDecoding.branchDecoder())
            requests.sort { $0.code.number < $1.code.number }
            return CitySnapshot(branches: branches, enterprises: enterprises, requests: requests, activePairings: pairings,
                                version: version, lastChange: try Self.lastChange(db))
        }
    }

    /// The `limit` most urgent active requests in `RequestOrder`: each of its ranges
    /// (`RequestOrder.ranges`) is one range of the urgency index, read in that order until
    /// `limit` are found.
    private static func mostUrgentRequests(_ db: Database, scope: ReadScope, limit: Int, today: Day) throws -> [Request] {
        var scopeSQL = ""
        var scopeArguments: [any DatabaseValueConvertible] = []
        if let districts = scope.districtCodes {
            let sorted = districts.sorted()
            scopeSQL = " AND enterprise_number IN (SELECT number FROM enterprise WHERE district_code IN (\(placeholders(sorted.count))))"
            scopeArguments = sorted
        }
        var found: [Request] = []
        for range in RequestOrder.ranges(today: today) where found.count < limit {
            let condition: String, order: String, dueArguments: [any DatabaseValueConvertible]
            switch range.due {
            case .before(let day): (condition, order, dueArguments) = ("due < ?", "due, number", [day.description])
            case .from(let day): (condition, order, dueArguments) = ("due >= ?", "due, number", [day.description])
            case .none: (condition, order, dueArguments) = ("due IS NULL", "number", [])
            }
            let sql = """
                SELECT \(RowDecoding.requestColumns) FROM request
                WHERE \(Schema.activeRequestSQL) AND priority = ? AND \(condition)\(scopeSQL)
                ORDER BY \(order) LIMIT ?
                """
            let values: [(any DatabaseValueConvertible)?] = [range.priority.rawValue] + dueArguments + scopeArguments + [limit - found.count]
            found += try db.fetchRaw(sql, arguments: StatementArguments(values), RowDecoding.request)
        }
        return found
    }

    /// Rows whose number is in `numbers`, in chunks below SQLite's limit on bound values.
    private static func rows<T>(_ db: Database, _ head: String, _ numbers: [Int], _ tail: String,
                                _ decode: (RawRow) throws -> T) throws -> [T] {
        var result: [T] = []
        var start = 0
        while start < numbers.count {
            let chunk = Array(numbers[start..<min(numbers.count, start + 500)])
            result += try db.fetchRaw("\(head) (\(placeholders(chunk.count))) \(tail)", arguments: StatementArguments(chunk), decode)
            start += chunk.count
        }
        return result
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
