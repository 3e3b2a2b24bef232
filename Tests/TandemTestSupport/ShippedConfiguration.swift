import Foundation
import TandemConfig
import TandemCore

/// The configuration shipped in `config/`, as every test target reads it.
public enum ShippedConfiguration {
    /// The package's root folder (this file is `Tests/TandemTestSupport/…`).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `config/` of the package.
    public static let folder = packageRoot.appendingPathComponent("config").path

    public static let configuration: TandemConfiguration = {
        do { return try ConfigLoader.load(from: folder) } catch { fatalError("shipped config does not load: \(error)") }
    }()

    public static var catalog: Catalog { configuration.catalog }
    public static var geography: Geography { configuration.geography }

    /// Capabilities of the shipped catalog, by code.
    public static func capabilities(_ codes: String...) -> Set<Capability> {
        Set(codes.compactMap(catalog.capability(code:)))
    }
}
