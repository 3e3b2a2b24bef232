import Foundation
import GRDB
import TandemCore

/// The SQLite store's side of `AuditBaseline` (the core's record of rows written without
/// their own events): computing it from the rows, and the digests as they were then.
extension AuditBaseline {
    /// The database as it is now: every row so far counts as covered.
    static func current(_ db: Database) throws -> AuditBaseline {
        func maximum(_ sql: String) throws -> Int64 { try Int64.fetchOne(db, sql: sql) ?? 0 }
        var baseline = AuditBaseline(
            request: try maximum("SELECT coalesce(max(number), 0) FROM request"),
            delivery: try maximum("SELECT coalesce(max(id), 0) FROM delivery"),
            pairing: try maximum("SELECT coalesce(max(id), 0) FROM pairing"),
            operators: try db.fetchRaw("SELECT \(RowDecoding.operatorColumns) FROM operator ORDER BY login", RowDecoding.operator),
            branch: try maximum("SELECT coalesce(max(number), 0) FROM branch"),
            enterprise: try maximum("SELECT coalesce(max(number), 0) FROM enterprise"))
        (baseline.requestsDigest, baseline.deliveriesDigest, baseline.pairingsDigest) = try baseline.digests(db, since: Int64.max)
        (baseline.branchesDigest, baseline.enterprisesDigest) = try baseline.recordDigests(db, since: Int64.max)
        return baseline
    }

    /// Digests of the covered branches and enterprises as they were when the baseline event
    /// `since` was written: each row as it is now, with the events after `since` undone, latest
    /// first (an edit's `before` is the whole row; a resumption update's is the old status).
    /// Nil for a kind this baseline does not number.
    func recordDigests(_ db: Database, since event: Int64) throws -> (branches: String?, enterprises: String?) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let decoder = JSONDecoder()
        let undo = try Row.fetchAll(db, sql: """
            SELECT action, branch_number, enterprise_number, before FROM audit_event
            WHERE id > ? AND action IN (?, ?, ?) AND before <> '' ORDER BY id DESC
            """, arguments: [event, AuditAction.editBranch.rawValue, AuditAction.editEnterprise.rawValue,
                             AuditAction.updateResumption.rawValue])
        var branchDigest: String?
        if let branch {
            var rows = Dictionary(uniqueKeysWithValues: try db.fetchRaw(
                "SELECT \(RowDecoding.branchColumns) FROM branch WHERE number <= ?", arguments: [branch], RowDecoding.branchDecoder()).map {
                ($0.code.number, $0) })
            for row in undo where row[0] as String == AuditAction.editBranch.rawValue {
                guard let number: Int = row[1], rows[number] != nil,
                      let then = try? decoder.decode(Branch.self, from: Data((row[3] as String).utf8)) else { continue }
                rows[number] = then
            }
            var digest = SHA256()
            for number in rows.keys.sorted() {
                digest.update(try encoder.encode(rows[number]))
                digest.update("\n")
            }
            branchDigest = SHA256.hex(digest.finish())
        }
        var enterpriseDigest: String?
        if let enterprise {
            var rows = Dictionary(uniqueKeysWithValues: try db.fetchRaw(
                "SELECT \(RowDecoding.enterpriseColumns) FROM enterprise WHERE number <= ?", arguments: [enterprise],
                RowDecoding.enterprise).map { ($0.code.number, $0) })
            for row in undo {
                guard let number: Int = row[2], rows[number] != nil else { continue }
                let before = Data((row[3] as String).utf8)
                switch row[0] as String {
                case AuditAction.editEnterprise.rawValue:
                    if let then = try? decoder.decode(Enterprise.self, from: before) { rows[number] = then }
                case AuditAction.updateResumption.rawValue:
                    if let then = try? decoder.decode(Resumption.self, from: before) { rows[number]?.resumption = then }
                default: continue
                }
            }
            var digest = SHA256()
            for number in rows.keys.sorted() {
                digest.update(try encoder.encode(rows[number]))
                digest.update("\n")
            }
            enterpriseDigest = SHA256.hex(digest.finish())
        }
        return (branchDigest, enterpriseDigest)
    }

    /// Digests of the covered rows as they were when the baseline event `since` was written: a
    /// row changed since then by Tandem has events after it, and the first one's `before` is
    /// the row as it was; a row with none is as it is now. Deliveries never change.
    func digests(_ db: Database, since event: Int64) throws -> (requests: String, deliveries: String, pairings: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let decoder = JSONDecoder()
        var firstBefore: [Int: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT request_number, before FROM audit_event WHERE id > ? AND request_number <= ? AND before <> '' ORDER BY id
            """, arguments: [event, request]) where firstBefore[row[0]] == nil {
            firstBefore[row[0]] = row[1]
        }
        var requests = SHA256()
        for current in try db.fetchRaw("SELECT \(RowDecoding.requestColumns) FROM request WHERE number <= ? ORDER BY number",
                                       arguments: [request], RowDecoding.request) {
            let then = firstBefore[current.code.number].flatMap { try? decoder.decode(Request.self, from: Data($0.utf8)) } ?? current
            requests.update(try encoder.encode(then))
            requests.update("\n")
        }
        var pairingBefore: [Int64: Pairing] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT before FROM audit_event WHERE id > ? AND action = ? ORDER BY id",
                                    arguments: [event, AuditAction.unpair.rawValue]) {
            let text: String = row[0]
            if let pairing = try? decoder.decode(Pairing.self, from: Data(text.utf8)), pairingBefore[pairing.id] == nil {
                pairingBefore[pairing.id] = pairing
            }
        }
        var pairings = SHA256()
        for current in try db.fetchRaw("SELECT \(RowDecoding.pairingColumns) FROM pairing WHERE id <= ? ORDER BY id",
                                       arguments: [pairing], RowDecoding.pairing) {
            pairings.update(try encoder.encode(pairingBefore[current.id] ?? current))
            pairings.update("\n")
        }
        var deliveries = SHA256()
        for row in try Row.fetchAll(db, sql: """
            SELECT id, request_number, quantity, note, operator_login, at, over_delivery FROM delivery WHERE id <= ? ORDER BY id
            """, arguments: [delivery]) {
            deliveries.update((0..<7).map { (row[$0] as DatabaseValue).description }.joined(separator: "\t"))
            deliveries.update("\n")
        }
        return (SHA256.hex(requests.finish()), SHA256.hex(deliveries.finish()), SHA256.hex(pairings.finish()))
    }

    /// The baselines in the audit, oldest first, with their events' ids.
    static func all(_ db: Database) throws -> [(baseline: AuditBaseline, event: Int64)] {
        try Row.fetchAll(db, sql: """
            SELECT id, after FROM audit_event WHERE action IN (?, ?) AND after LIKE '%"untracked"%' ORDER BY id
            """, arguments: [AuditAction.loadDemo.rawValue, AuditAction.migrateSchema.rawValue]).compactMap { row in
            let text: String = row[1]
            guard let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(text.utf8)) else { return nil }
            return (envelope.untracked, row[0])
        }
    }
}

/// What the `init` event records: the city's size and the first admin, who has no
/// `operator.add` event of their own.
struct CreationSummary: Codable {
    var districts: Int
    var admin: Operator
}
