import Foundation
import GRDB
import TandemConfig
import TandemTestSupport
import TandemCore
import TandemPostgres
@testable import TandemStore

/// The two stores behind `TandemRepository`. A behavioural store test takes one as its argument
/// (`@Test(arguments: StoreBackend.all)`) and runs on both; `.postgres` only where a server is
/// provided (`make test`), so a laptop without PostgreSQL runs the SQLite half.
enum StoreBackend: String, Sendable, CustomStringConvertible {
    case sqlite, postgres

    static var all: [StoreBackend] { PostgresTestServer.available ? [.sqlite, .postgres] : [.sqlite] }

    var description: String { rawValue }
}

/// A fresh database (a file in a temporary folder, or a schema of its own on the PostgreSQL test
/// server), with the real config and a few records.
struct StoreFixture {
    static let configDirectory = ShippedConfiguration.folder
    static var configuration: TandemConfiguration { ShippedConfiguration.configuration }

    let backend: StoreBackend
    /// The SQLite file; empty on PostgreSQL.
    let folder: String
    let path: String
    let scratch: PostgresScratch?
    let repository: any TandemRepository
    let admin = Operator(login: "admin", displayName: "Admin", role: .admin)
    let dispatcher = Operator(login: "dispatcher", displayName: "D", role: .dispatcher)

    init(_ backend: StoreBackend = .sqlite) throws {
        self.backend = backend
        switch backend {
        case .sqlite:
            folder = NSTemporaryDirectory() + "tandem-store-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            path = folder + "/t.sqlite"
            scratch = nil
            repository = try SQLiteRepository.create(path: path, geography: Self.configuration.geography, admin: admin)
        case .postgres:
            folder = ""
            path = ""
            let scratch = try PostgresScratch()
            self.scratch = scratch
            repository = try PostgresRepository.create(scratch.connectionString, geography: Self.configuration.geography, admin: admin)
        }
        try repository.addOperator(dispatcher, by: admin)
    }

    /// The SQLite store, for the tests of what only it has (files, WAL, backup, `check`).
    var sqlite: SQLiteRepository { repository as! SQLiteRepository }

    /// The same database opened again, as another console, process or host would.
    func openAgain() throws -> any TandemRepository {
        switch backend {
        case .sqlite: try SQLiteRepository.open(path: path)
        case .postgres: try PostgresRepository.open(scratch!.connectionString)
        }
    }

    /// Runs SQL behind the store's back, as another program would.
    func executeRaw(_ sql: String) throws {
        switch backend {
        case .sqlite: try rawQueue().write { try $0.execute(sql: sql) }
        case .postgres: try scratch!.connect().executeScript(sql)
        }
    }

    /// What `tandem check` finds wrong, in English, on either store.
    func integrityProblems() throws -> [String] {
        try (repository as! any IntegrityChecking).check().problems.map(\.message.en)
    }

    var catalog: Catalog { Self.configuration.catalog }

    func addBranch(_ name: String = "南川区残联党支部党员突击队", district: String = "nanchuan") throws -> Branch {
        try repository.addBranch(BranchDraft(name: name, districtCode: district, headcount: 8, capabilities: Set(["agriculture", "transport"].compactMap(catalog.capability(code:)))),
                                 by: dispatcher)
    }

    func addEnterprise(_ name: String = "南川九叶青花椒基地", district: String = "nanchuan") throws -> Enterprise {
        try repository.addEnterprise(EnterpriseDraft(name: name, kind: .employmentBase, districtCode: district), by: dispatcher)
    }

    func addMasksRequest(for enterprise: Enterprise, quantity: String = "300") throws -> Request {
        try repository.addRequest(RequestDraft(enterpriseCode: enterprise.code, category: "ppe", item: "masks", quantity: quantity,
                                               unit: "piece"), catalog: catalog, by: dispatcher)
    }

    /// Everything a user could see, to prove a refused operation changed nothing.
    func fingerprint() throws -> DatabaseFingerprint { try DatabaseFingerprint(of: repository) }

    /// A raw connection to the SQLite file, as another program would open it.
    func rawQueue() throws -> DatabaseQueue {
        try DatabaseQueue(path: path)
    }
}
