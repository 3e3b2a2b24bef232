import Foundation
import TandemConfig
import TandemTestSupport
@testable import TandemCore
import TandemStore
@testable import TandemConsole

/// The fixture city (`FixtureCity`) in a real Tandem database for console tests: the store is the
/// real `SQLiteRepository` on a temporary file, so a test presses keys and then reads the
/// database back through the store.
enum Fixture {
    static let today = FixtureCity.today
    static let now = FixtureCity.now
    static let geography = FixtureCity.geography
    static var catalog: Catalog { FixtureCity.catalog }
    static let dispatcher = FixtureCity.dispatcher
    static let lead1 = FixtureCity.lead1
    static let lead2 = FixtureCity.lead2
    static let supervisor = FixtureCity.supervisor
    static let supervisor5 = FixtureCity.supervisor5
    static let admin = FixtureCity.admin

    /// Every test database of this process lives here; the folder is removed when the tests end.
    static let testFolder: String = {
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "tandem-console-tests-\(getpid())") }
        return NSTemporaryDirectory() + "tandem-console-tests-\(getpid())"
    }()

    /// A new database file holding the fixture city; `pairs` are (branch, enterprise) numbers.
    static func repository(pairs: [(Int, Int)] = [(1, 1), (3, 3)]) -> SQLiteRepository {
        let folder = testFolder + "/\(UUID().uuidString)"
        do {
            return try SQLiteRepository.create(path: folder + "/测试.sqlite", geography: geography, admin: admin,
                                               seed: FixtureCity.seed(pairs: pairs), now: { now })
        } catch { fatalError("fixture database: \(error)") }
    }

    static func console(_ actor: Operator, repository: SQLiteRepository = repository(), lang: Lang = .zh,
                        width: Int = 80, height: Int = 24) -> (HeadlessConsole, SQLiteRepository) {
        let context = ConsoleContext(actor: actor, geography: geography, catalog: catalog, lang: lang, databasePath: "/tmp/测试.sqlite")
        return (HeadlessConsole(repository: repository, context: context, width: width, height: height, today: today), repository)
    }
}

extension HeadlessConsole {
    /// The screen's lines.
    var lines: [String] { screen.components(separatedBy: "\n") }
    /// The line the terminal cursor is on.
    var cursorLine: String? { grid.cursor.map { grid.line($0.y) } }
}

import Foundation

extension SQLiteRepository {
    /// The pairings in force, read back from the database.
    func activePairings() throws -> [Pairing] { try snapshot().activePairings }

    /// Everything a user could see, to prove a refused key press changed nothing.
    func fingerprint() throws -> DatabaseFingerprint { try DatabaseFingerprint(of: self) }

    /// The same database opened again, as another operator's process would.
    func otherProcess() throws -> SQLiteRepository { try SQLiteRepository.open(path: path, now: { Fixture.now }) }
}
