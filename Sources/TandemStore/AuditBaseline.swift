import Foundation
import GRDB
import TandemCore

/// What a database held without an event per row: the rows a city load wrote in one
/// `demo.load` event, or what existed when the chain began (the v3 upgrade's `schema.migrate`
/// event). Recorded inside that event's `after`, so the chain protects it. Every row beyond it
/// must be explained by events of its own (`RecordAudit`).
struct AuditBaseline: Codable, Equatable {
    /// The highest request number, delivery id and pairing id written without their own event.
    var request: Int64 = 0
    var delivery: Int64 = 0
    var pairing: Int64 = 0
    /// Operators registered without an `operator.add` event.
    var operators: [String] = []

    var isEmpty: Bool { request == 0 && delivery == 0 && pairing == 0 && operators.isEmpty }

    /// The database as it is now: every row so far counts as covered.
    static func current(_ db: Database) throws -> AuditBaseline {
        func maximum(_ sql: String) throws -> Int64 { try Int64.fetchOne(db, sql: sql) ?? 0 }
        return AuditBaseline(
            request: try maximum("SELECT coalesce(max(number), 0) FROM request"),
            delivery: try maximum("SELECT coalesce(max(id), 0) FROM delivery"),
            pairing: try maximum("SELECT coalesce(max(id), 0) FROM pairing"),
            operators: try String.fetchAll(db, sql: """
                SELECT login FROM operator o WHERE NOT EXISTS (
                    SELECT 1 FROM audit_event e WHERE e.subject_login = o.login AND e.action IN ('operator.add', 'operator.edit'))
                ORDER BY login
                """))
    }

    /// The `after` of a baseline event: `{"untracked": {...}}` beside whatever else it says.
    struct Envelope: Codable {
        var untracked: AuditBaseline
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(Envelope(untracked: self)), as: UTF8.self)
    }

    /// The latest baseline in the audit and the id of its event; empty when there is none.
    static func latest(_ db: Database) throws -> (baseline: AuditBaseline, event: Int64) {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, after FROM audit_event WHERE action IN (?, ?) AND after LIKE '%"untracked"%' ORDER BY id
            """, arguments: [AuditAction.loadDemo.rawValue, AuditAction.migrateSchema.rawValue])
        var result = (baseline: AuditBaseline(), event: Int64(0))
        var operators = Set<String>()
        for row in rows {
            let text: String = row[1]
            guard let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(text.utf8)) else { continue }
            operators.formUnion(envelope.untracked.operators)
            result = (envelope.untracked, row[0])
        }
        result.baseline.operators = operators.sorted()
        return result
    }
}
