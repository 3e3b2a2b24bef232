import Foundation
import GRDB
import TandemCore

/// The audit's hash chain. Every event stores the hash of the event before it and its own hash,
/// a SHA-256 over its canonical content (`content`), so changing, deleting, reordering or
/// inserting an event anywhere but at the end breaks the chain at that event. Appending forged
/// events at the end, with hashes recomputed, is caught only against a head written down
/// earlier (`tandem log --verify --expect`), which is why `--verify` prints the head.
enum AuditChain {
    /// The previous hash of the first event.
    static let genesis = AuditHash.genesis

    /// The columns an event's hash covers, in hashing order, ending with the previous hash.
    static let hashedColumns = """
        id, at, operator_login, action, enterprise_number, branch_number, request_number, subject_login, before, after, previous_hash
        """

    /// One stored event as text, exactly as the hash covers it.
    struct StoredEvent {
        var id: Int64
        var fields: [String?]
        var previousHash: String?
        var hash: String?

        /// Reads a row of `hashedColumns + ", hash"`.
        init(_ row: Row) {
            id = row[0]
            fields = (1..<10).map { index in
                let value: DatabaseValue = row[index]
                switch value.storage {
                case .null: return nil
                case .int64(let number): return String(number)
                case .double(let number): return String(number)
                case .string(let text): return text
                case .blob(let data): return "x'" + SHA256.hex([UInt8](data)) + "'"
                }
            }
            previousHash = row[10]
            hash = row[11]
        }

        var computedHash: String { AuditChain.hash(id: id, fields: fields, previousHash: previousHash ?? "") }
    }

    /// The hash of an event (the rule is `AuditHash`, in the core, shared with the PostgreSQL store).
    static func hash(id: Int64, fields: [String?], previousHash: String) -> String {
        AuditHash.hash(id: id, fields: fields, previousHash: previousHash)
    }

    static func hash(id: Int64, fields: [String?], previousHash: String, into content: inout [UInt8]) -> String {
        AuditHash.hash(id: id, fields: fields, previousHash: previousHash, into: &content)
    }

    /// The last event's id and hash, nil for an empty audit.
    static func head(_ db: Database) throws -> (id: Int64, hash: String)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")) else { return nil }
        return (row[0], row[1] ?? "")
    }

    /// The id the next event takes: after the last event and after any id SQLite ever handed
    /// out, so that deleting the latest events leaves a gap the next event cannot close.
    static func nextID(_ db: Database) throws -> Int64 {
        try Schema.nextNumber(db, table: "audit_event", column: "id")
    }

    /// Appends one event to the chain, inside the caller's transaction.
    static func append(_ db: Database, at: Timestamp, operatorName: String, action: AuditAction, subject: AuditSubject,
                       before: String, after: String) throws {
        let appender = try Appender(db)
        try appender.append(at: at, operatorName: operatorName, action: action, subject: subject, before: before, after: after)
        try appender.flush()
    }

    /// The columns an event is inserted with: the hashed ones, then its hash.
    static let insertColumns = hashedColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } + ["hash"]

    /// An event's hashed columns after its id, as text (`AuditHash.fields`).
    static func fields(time: String, operatorName: String, action: AuditAction, subject: AuditSubject,
                       before: String, after: String) -> [String?] {
        AuditHash.fields(time: time, operatorName: operatorName, action: action, subject: subject, before: before, after: after)
    }

    /// Appends events to the chain. It reads the chain's head once, when it is made, and keeps it
    /// in memory: an import writes 100 000 events through one appender instead of reading the
    /// head back and preparing statements for each (which cost most of its time). Every event
    /// of a transaction after the appender is made must go through it, and `flush` must run
    /// before the transaction commits or reads the audit: events are written in batches.
    final class Appender {
        private var nextID: Int64
        private var previousHash: String
        private let insert: BatchedInsert
        private var content: [UInt8] = []
        /// An import stamps all its events with one time: written out once.
        private var lastTime: (at: Timestamp, text: String)?

        init(_ db: Database) throws {
            nextID = try AuditChain.nextID(db)
            previousHash = try AuditChain.head(db)?.hash ?? AuditChain.genesis
            insert = try BatchedInsert(db, table: "audit_event", columns: AuditChain.insertColumns)
        }

        /// Hashes the next event of the chain and inserts it (written with the next batch).
        func append(at: Timestamp, operatorName: String, action: AuditAction, subject: AuditSubject,
                    before: String, after: String) throws {
            let time = lastTime?.at == at ? lastTime!.text : at.description
            lastTime = (at, time)
            let fields = AuditChain.fields(time: time, operatorName: operatorName, action: action, subject: subject,
                                           before: before, after: after)
            let hash = AuditChain.hash(id: nextID, fields: fields, previousHash: previousHash, into: &content)
            insert.int(nextID)
            // The columns are typed as `audit` writes them: subject numbers as integers.
            insert.text(fields[0])
            insert.text(fields[1])
            insert.text(fields[2])
            insert.int(subject.enterprise?.number)
            insert.int(subject.branch?.number)
            insert.int(subject.request?.number)
            insert.text(subject.login)
            insert.text(before)
            insert.text(after)
            insert.text(previousHash)
            insert.text(hash)
            try insert.endRow()
            previousHash = hash
            nextID += 1
        }

        /// Writes the events inserted and not yet written.
        func flush() throws { try insert.flush() }
    }

    /// Walks the whole chain in id order (`AuditChainWalk`, the rule both stores share), then
    /// checks that no event after the last was deleted and that the guard triggers are there.
    static func verify(_ db: Database) throws -> (problems: [IntegrityProblem], head: AuditChainHead?, headID: Int64?) {
        var walk = AuditChainWalk()
        let rows = try Row.fetchCursor(db, sql: "SELECT \(hashedColumns), hash FROM audit_event ORDER BY id")
        while let row = try rows.next() {
            let event = StoredEvent(row)
            walk.visit(id: event.id, fields: event.fields, previousHash: event.previousHash, hash: event.hash)
        }
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_event'") ?? 0
        let (head, headID) = walk.finish(highestIssued: sequence)
        var problems = walk.problems
        let triggers = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'")
        for trigger in Schema.auditTriggers where !triggers.contains(trigger) {
            problems.append(.auditTriggerMissing(trigger))
        }
        return (problems, head, headID)
    }
}
