import Foundation
import GRDB
import TandemConfig
import TandemTestSupport
import TandemCore
@testable import TandemStore

/// A fresh database in a temporary folder, with the real config and a few records.
struct StoreFixture {
    static let configDirectory = ShippedConfiguration.folder
    static var configuration: TandemConfiguration { ShippedConfiguration.configuration }

    let folder: String
    let path: String
    let repository: SQLiteRepository
    let admin = Operator(login: "admin", displayName: "Admin", role: .admin)
    let dispatcher = Operator(login: "dispatcher", displayName: "D", role: .dispatcher)

    init() throws {
        folder = NSTemporaryDirectory() + "tandem-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/t.sqlite"
        repository = try SQLiteRepository.create(path: path, geography: Self.configuration.geography, admin: admin)
        try repository.addOperator(dispatcher, by: admin)
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

    /// A raw connection, as another program would open the file.
    func rawQueue() throws -> DatabaseQueue {
        try DatabaseQueue(path: path)
    }
}
