import Foundation
import GRDB
import TandemCore

/// Finds changes to requests, deliveries, pairings, operators, branches and enterprises that no
/// audit event explains.
/// Every change Tandem makes writes the record's new state as its event's `after`, so:
/// - a request equals the `after` of its latest event, and its deliveries since the baseline
///   match its `request.deliver` events since then, one for one, quantity for quantity;
/// - a pairing equals the `after` of the latest `pair` or `unpair` event naming its id;
/// - an operator equals the `after` of its latest `operator.add` or `operator.edit` event;
/// - a branch equals the `after` of its latest `branch.add` or `branch.edit` event, an
///   enterprise that of its latest `enterprise.add` or `enterprise.edit` event with any later
///   `enterprise.resumption` event's status;
/// - a row with no event at all is one the baseline covers (`AuditBaseline`);
/// - a record that events name but the table lacks was deleted.
/// Rows are compared with what the store itself decodes, so an edit of any column shows.
enum RecordAudit {
    static func verify(_ db: Database) throws -> [IntegrityProblem] {
        let baselines = try AuditBaseline.all(db)
        let (baseline, baselineEvent) = baselines.last ?? (AuditBaseline(), 0)
        var problems: [IntegrityProblem] = []
        for (recorded, event) in baselines {
            let now = try recorded.digests(db, since: event)
            for (table, then, found) in [("request", recorded.requestsDigest, now.requests), ("delivery", recorded.deliveriesDigest, now.deliveries),
                                         ("pairing", recorded.pairingsDigest, now.pairings)] where then != found {
                problems.append(digestDiffers(table, event))
            }
            let records = try recorded.recordDigests(db, since: event)
            for (table, then, found) in [("branch", recorded.branchesDigest, records.branches),
                                         ("enterprise", recorded.enterprisesDigest, records.enterprises)] where then != found {
                problems.append(digestDiffers(table, event))
            }
        }
        try checkRequests(db, baselines, baseline, baselineEvent, &problems)
        try checkPairings(db, baselines, &problems)
        try checkOperators(db, baselines, &problems)
        try checkBranches(db, baselines, &problems)
        try checkEnterprises(db, baselines, &problems)
        return problems
    }

    private static func digestDiffers(_ table: String, _ event: Int64) -> IntegrityProblem {
        .unaudited(Bilingual(zh: "审计事件 #\(event) 之前已有的 \(table) 行", en: "\(table) rows that existed before audit event #\(event)"),
                   Bilingual(zh: "其摘要与该事件记下的不符", en: "their digest differs from the one that event recorded"))
    }

    private static let deleted = Bilingual(zh: "审计中有它，表中却没有：被删除了", en: "the audit names it but the table lacks it: deleted")

    private static let decoder = JSONDecoder()

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? decoder.decode(type, from: Data(text.utf8))
    }

    /// The latest baseline event that covers a row, by the row's number or id; nil when none does.
    private static func covering(_ baselines: [(baseline: AuditBaseline, event: Int64)], _ covers: (AuditBaseline) -> Bool) -> Int64? {
        baselines.last { covers($0.baseline) }?.event
    }

    private static func checkRequests(_ db: Database, _ baselines: [(baseline: AuditBaseline, event: Int64)],
                                      _ baseline: AuditBaseline, _ baselineEvent: Int64,
                                      _ problems: inout [IntegrityProblem]) throws {
        let requestActions = [AuditAction.addRequest, .editRequest, .deliver, .correctDelivery, .markDone, .cancelRequest,
                              .reopenRequest].map(\.rawValue)
        let placeholders = requestActions.map { _ in "?" }.joined(separator: ", ")
        var latest: [Int: (event: Int64, after: String)] = [:]
        var deliveredByEvents: [Int: [Int64]] = [:]
        let events = try Row.fetchCursor(db, sql: """
            SELECT id, request_number, action, before, after FROM audit_event
            WHERE request_number IS NOT NULL AND action IN (\(placeholders)) ORDER BY id
            """, arguments: StatementArguments(requestActions))
        while let row = try events.next() {
            let id: Int64 = row[0], number: Int = row[1], action: String = row[2], after: String = row[4]
            latest[number] = (id, after)
            // A delivery adds a row of its quantity, a correction's reversing entry a row counted negative.
            if action == AuditAction.deliver.rawValue || action == AuditAction.correctDelivery.rawValue, id > baselineEvent {
                let before = decode(Request.self, row[3])?.delivered.thousandths ?? 0
                let delivered = decode(Request.self, after)?.delivered.thousandths ?? 0
                deliveredByEvents[number, default: []].append(delivered - before)
            }
        }
        var deliveries: [Int: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT request_number, \(Schema.signedDeliveryQuantitySQL) FROM delivery WHERE id > ? ORDER BY id",
                                    arguments: [baseline.delivery]) {
            deliveries[row[0], default: []].append(row[1])
        }
        let requests = try db.fetchRaw("SELECT \(RowDecoding.requestColumns) FROM request ORDER BY number", RowDecoding.request)
        var present = Set<Int>()
        for request in requests {
            let number = request.code.number
            present.insert(number)
            let name = Bilingual(zh: "需求 \(request.code)", en: "request \(request.code)")
            // A row the digest of a baseline covers, and no event changed since, is checked by that digest.
            let covered = covering(baselines) { $0.request >= Int64(number) }
            if let (event, after) = latest[number], event > covered ?? 0 {
                if decode(Request.self, after) != request {
                    problems.append(.unaudited(name, Bilingual(zh: "与其最后的审计事件 #\(event) 不符", en: "it differs from its last audit event #\(event)")))
                }
            } else if covered == nil {
                problems.append(.unaudited(name, Bilingual(zh: "没有登记它的审计事件", en: "no audit event filed it")))
            }
            let recorded = deliveries[number] ?? [], audited = deliveredByEvents[number] ?? []
            if recorded != audited {
                problems.append(.unaudited(name, Bilingual(
                    zh: "送达记录（\(recorded.count) 笔）与送达审计事件（\(audited.count) 笔）不符",
                    en: "its deliveries (\(recorded.count)) do not match its delivery events (\(audited.count))")))
            }
        }
        for number in Set(latest.keys).union(deliveries.keys).subtracting(present).sorted() {
            problems.append(.unaudited(Bilingual(zh: "需求 \(RecordCode(.request, number))", en: "request \(RecordCode(.request, number))"),
                                       Bilingual(zh: "审计中有它，表中却没有：被删除了", en: "the audit names it but the table lacks it: deleted")))
        }
    }

    private static func checkPairings(_ db: Database, _ baselines: [(baseline: AuditBaseline, event: Int64)], _ problems: inout [IntegrityProblem]) throws {
        var latest: [Int64: (event: Int64, pairing: Pairing?)] = [:]
        let events = try Row.fetchCursor(db, sql: "SELECT id, after FROM audit_event WHERE action IN (?, ?) ORDER BY id",
                                         arguments: [AuditAction.pair.rawValue, AuditAction.unpair.rawValue])
        while let row = try events.next() {
            let event: Int64 = row[0]
            // The pairing's id is inside its JSON; an event that does not decode explains nothing.
            guard let pairing = decode(Pairing.self, row[1]) else { continue }
            latest[pairing.id] = (event, pairing)
        }
        var present = Set<Int64>()
        for pairing in try db.fetchRaw("SELECT \(RowDecoding.pairingColumns) FROM pairing ORDER BY id", RowDecoding.pairing) {
            present.insert(pairing.id)
            let name = Bilingual(zh: "结对 #\(pairing.id)（\(pairing.branchCode)–\(pairing.enterpriseCode)）",
                                 en: "pairing #\(pairing.id) (\(pairing.branchCode)–\(pairing.enterpriseCode))")
            let covered = covering(baselines) { $0.pairing >= pairing.id }
            if let (event, audited) = latest[pairing.id], event > covered ?? 0 {
                if audited != pairing {
                    problems.append(.unaudited(name, Bilingual(zh: "与其最后的审计事件 #\(event) 不符", en: "it differs from its last audit event #\(event)")))
                }
            } else if covered == nil {
                problems.append(.unaudited(name, Bilingual(zh: "没有结对的审计事件", en: "no audit event paired them")))
            }
        }
        for id in Set(latest.keys).subtracting(present).sorted() {
            problems.append(.unaudited(Bilingual(zh: "结对 #\(id)", en: "pairing #\(id)"), Bilingual(zh: "审计中有它，表中却没有：被删除了",
                                                                   en: "the audit names it but the table lacks it: deleted")))
        }
    }

    private static func checkOperators(_ db: Database, _ baselines: [(baseline: AuditBaseline, event: Int64)], _ problems: inout [IntegrityProblem]) throws {
        var latest: [String: (event: Int64, after: String)] = [:]
        let events = try Row.fetchCursor(db, sql: """
            SELECT id, subject_login, after FROM audit_event WHERE subject_login IS NOT NULL AND action IN (?, ?) ORDER BY id
            """, arguments: [AuditAction.addOperator.rawValue, AuditAction.editOperator.rawValue])
        while let row = try events.next() { latest[row[1]] = (row[0], row[2]) }
        // An operator is as the latest record of it says: its latest event, the `init` event for
        // the first admin, or a baseline listing every operator as they were then.
        var recorded: [String: (event: Int64, operator: Operator?)] = [:]
        func note(_ login: String, _ event: Int64, _ op: Operator?) {
            if event > recorded[login]?.event ?? 0 { recorded[login] = (event, op) }
        }
        for (login, (event, after)) in latest { note(login, event, decode(Operator.self, after)) }
        if let row = try Row.fetchOne(db, sql: "SELECT id, after FROM audit_event WHERE action = ? ORDER BY id LIMIT 1",
                                      arguments: [AuditAction.initialize.rawValue]),
           let creation = decode(CreationSummary.self, row[1]) {
            note(creation.admin.login, row[0], creation.admin)
        }
        for (baseline, event) in baselines {
            for op in baseline.operators { note(op.login, event, op) }
        }
        var present = Set<String>()
        for op in try db.fetchRaw("SELECT \(RowDecoding.operatorColumns) FROM operator ORDER BY login", RowDecoding.operator) {
            present.insert(op.login)
            let name = Bilingual(zh: "操作员 \(op.login)", en: "operator \(op.login)")
            if let (event, then) = recorded[op.login] {
                if then != op {
                    problems.append(.unaudited(name, Bilingual(zh: "与其最后的记录（审计事件 #\(event)）不符",
                                                               en: "it differs from its last record, audit event #\(event)")))
                }
            } else {
                problems.append(.unaudited(name, Bilingual(zh: "没有添加它的审计事件", en: "no audit event added it")))
            }
        }
        for login in Set(latest.keys).subtracting(present).sorted() {
            problems.append(.unaudited(Bilingual(zh: "操作员 \(login)", en: "operator \(login)"), Bilingual(zh: "审计中有它，表中却没有：被删除了", en: "the audit names it but the table lacks it: deleted")))
        }
    }

    private static func checkBranches(_ db: Database, _ baselines: [(baseline: AuditBaseline, event: Int64)],
                                      _ problems: inout [IntegrityProblem]) throws {
        var latest: [Int: (event: Int64, branch: Branch?)] = [:]
        let events = try Row.fetchCursor(db, sql: """
            SELECT id, branch_number, after FROM audit_event WHERE branch_number IS NOT NULL AND action IN (?, ?) ORDER BY id
            """, arguments: [AuditAction.addBranch.rawValue, AuditAction.editBranch.rawValue])
        while let row = try events.next() { latest[row[1]] = (row[0], decode(Branch.self, row[2])) }
        var present = Set<Int>()
        for branch in try db.fetchRaw("SELECT \(RowDecoding.branchColumns) FROM branch ORDER BY number", RowDecoding.branchDecoder()) {
            let number = branch.code.number
            present.insert(number)
            let name = Bilingual(zh: "突击队 \(branch.code)", en: "branch \(branch.code)")
            let covered = covering(baselines) { $0.covers(branch: number) }
            if let (event, audited) = latest[number], event > covered ?? 0 {
                if audited != branch {
                    problems.append(.unaudited(name, Bilingual(zh: "与其最后的审计事件 #\(event) 不符", en: "it differs from its last audit event #\(event)")))
                }
            } else if covered == nil {
                problems.append(.unaudited(name, Bilingual(zh: "没有登记它的审计事件", en: "no audit event added it")))
            }
        }
        for number in Set(latest.keys).subtracting(present).sorted() {
            problems.append(.unaudited(Bilingual(zh: "突击队 \(RecordCode(.branch, number))", en: "branch \(RecordCode(.branch, number))"), deleted))
        }
    }

    private static func checkEnterprises(_ db: Database, _ baselines: [(baseline: AuditBaseline, event: Int64)],
                                         _ problems: inout [IntegrityProblem]) throws {
        // The latest whole record of each enterprise, and the latest resumption status after it.
        var latest: [Int: (event: Int64, enterprise: Enterprise?)] = [:]
        var resumption: [Int: (event: Int64, resumption: Resumption?)] = [:]
        let events = try Row.fetchCursor(db, sql: """
            SELECT id, enterprise_number, action, after FROM audit_event WHERE enterprise_number IS NOT NULL AND action IN (?, ?, ?)
            ORDER BY id
            """, arguments: [AuditAction.addEnterprise.rawValue, AuditAction.editEnterprise.rawValue, AuditAction.updateResumption.rawValue])
        while let row = try events.next() {
            let event: Int64 = row[0], number: Int = row[1], action: String = row[2]
            if action == AuditAction.updateResumption.rawValue {
                resumption[number] = (event, decode(Resumption.self, row[3]))
            } else {
                latest[number] = (event, decode(Enterprise.self, row[3]))
            }
        }
        var present = Set<Int>()
        for enterprise in try db.fetchRaw("SELECT \(RowDecoding.enterpriseColumns) FROM enterprise ORDER BY number", RowDecoding.enterprise) {
            let number = enterprise.code.number
            present.insert(number)
            let name = Bilingual(zh: "帮扶单位 \(enterprise.code)", en: "enterprise \(enterprise.code)")
            let covered = covering(baselines) { $0.covers(enterprise: number) } ?? 0
            let whole = latest[number].flatMap { $0.event > covered ? $0 : nil }
            let status = resumption[number].flatMap { $0.event > max(covered, whole?.event ?? 0) ? $0 : nil }
            if let whole {
                var expected = whole.enterprise
                if let status {
                    // A status event that does not decode explains nothing.
                    if let resumption = status.resumption { expected?.resumption = resumption } else { expected = nil }
                }
                if expected != enterprise {
                    let event = max(whole.event, status?.event ?? 0)
                    problems.append(.unaudited(name, Bilingual(zh: "与其最后的审计事件 #\(event) 不符", en: "it differs from its last audit event #\(event)")))
                }
            } else if let status {
                // A row the baseline covers: its digest checks the rest, the event its status.
                if status.resumption != enterprise.resumption {
                    problems.append(.unaudited(name, Bilingual(zh: "与其最后的审计事件 #\(status.event) 不符",
                                                               en: "it differs from its last audit event #\(status.event)")))
                }
            } else if covered == 0 {
                problems.append(.unaudited(name, Bilingual(zh: "没有登记它的审计事件", en: "no audit event added it")))
            }
        }
        for number in Set(latest.keys).union(resumption.keys).subtracting(present).sorted() {
            problems.append(.unaudited(Bilingual(zh: "帮扶单位 \(RecordCode(.enterprise, number))", en: "enterprise \(RecordCode(.enterprise, number))"),
                                       deleted))
        }
    }
}
