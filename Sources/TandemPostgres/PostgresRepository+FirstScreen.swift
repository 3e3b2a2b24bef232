import TandemCore

extension PostgresRepository {
    /// The start screen's records from the indexes, in one snapshot, as the SQLite store reads
    /// them: the most urgent active requests range by range of `request_active_by_urgency`
    /// (`RequestOrder.ranges`), a lead's through the pairing; then the enterprises, pairings and
    /// branches those requests name, by primary key. A province's start screen never reads the
    /// province.
    public func firstScreen(_ query: FirstScreenQuery, today: Day) throws -> CitySnapshot {
        try read { c in
            let version: Int64 = try c.one("SELECT value FROM change_counter")?.value("value") ?? 0
            var requests: [Request]
            var enterpriseNumbers: Set<Int> = []
            var branchNumbers: Set<Int> = []
            switch query {
            case .mostUrgent(let scope, let limit):
                requests = try Self.mostUrgentRequests(c, scope: scope, limit: max(0, limit), today: today)
            case .pairedEnterprise(let branch):
                branchNumbers.insert(branch.number)
                requests = []
                if let enterprise: Int = try c.one("SELECT enterprise_number FROM pairing WHERE branch_number = $1 AND ended_at IS NULL",
                                                   [branch.number])?.value("enterprise_number") {
                    enterpriseNumbers.insert(enterprise)
                    requests = try c.execute("SELECT \(PostgresRecords.requestColumns) FROM request WHERE enterprise_number = $1 ORDER BY number",
                                             [enterprise]).map(PostgresRecords.request)
                }
            }
            enterpriseNumbers.formUnion(requests.map(\.enterpriseCode.number))
            let enterpriseList = enterpriseNumbers.sorted()
            let pairings = try Self.rows(c, "SELECT \(PostgresRecords.pairingColumns) FROM pairing WHERE ended_at IS NULL AND enterprise_number IN",
                                         enterpriseList, "ORDER BY id", PostgresRecords.pairing)
            branchNumbers.formUnion(pairings.map(\.branchCode.number))
            let enterprises = try Self.rows(c, "SELECT \(PostgresRecords.enterpriseColumns) FROM enterprise WHERE number IN",
                                            enterpriseList, "ORDER BY number", PostgresRecords.enterprise)
            let branches = try Self.rows(c, "SELECT \(PostgresRecords.branchColumns) FROM branch WHERE number IN",
                                         branchNumbers.sorted(), "ORDER BY number", PostgresRecords.branch)
            requests.sort { $0.code.number < $1.code.number }
            let lastChange = try c.one("SELECT \(PostgresRecords.auditColumns) FROM audit_event ORDER BY id DESC LIMIT 1")
                .map(PostgresRecords.audit)?.at
            return CitySnapshot(branches: branches, enterprises: enterprises, requests: requests, activePairings: pairings,
                                version: version, lastChange: lastChange)
        }
    }

    /// The `limit` most urgent active requests: each of `RequestOrder.ranges` is one range of the
    /// urgency index, read in that order until `limit` are found.
    private static func mostUrgentRequests(_ c: PostgresConnection, scope: ReadScope, limit: Int, today: Day) throws -> [Request] {
        var found: [Request] = []
        for range in RequestOrder.ranges(today: today) where found.count < limit {
            var parameters: [(any PostgresBindable)?] = [range.priority.rawValue]
            func parameter(_ value: any PostgresBindable) -> String {
                parameters.append(value)
                return "$\(parameters.count)"
            }
            let condition: String, order: String
            switch range.due {
            case .before(let day): (condition, order) = ("due < \(parameter(day))", "due, number")
            case .from(let day): (condition, order) = ("due >= \(parameter(day))", "due, number")
            case .none: (condition, order) = ("due IS NULL", "number")
            }
            var scopeSQL = ""
            if let districts = scope.districtCodes {
                let list = districts.sorted().map { parameter($0) }.joined(separator: ", ")
                scopeSQL = " AND enterprise_number IN (SELECT number FROM enterprise WHERE district_code IN (\(list)))"
            }
            let limitParameter = parameter(limit - found.count)
            found += try c.execute("""
                SELECT \(PostgresRecords.requestColumns) FROM request
                WHERE status IN ('open', 'in_progress') AND priority = $1 AND \(condition)\(scopeSQL)
                ORDER BY \(order) LIMIT \(limitParameter)
                """, parameters).map(PostgresRecords.request)
        }
        return found
    }

    /// Rows whose number is in `numbers`, in chunks of bound values.
    private static func rows<T>(_ c: PostgresConnection, _ head: String, _ numbers: [Int], _ tail: String,
                                _ decode: (PostgresRow) throws -> T) throws -> [T] {
        var result: [T] = []
        var start = 0
        while start < numbers.count {
            let chunk = Array(numbers[start..<min(numbers.count, start + 1000)])
            let list = (1...chunk.count).map { "$\($0)" }.joined(separator: ", ")
            result += try c.execute("\(head) (\(list)) \(tail)", chunk).map(decode)
            start += chunk.count
        }
        return result
    }
}
