/// The configuration files Tandem reads. Each is built into the binary from the source tree's
/// `config/` (through the `BuiltIn` link and SwiftPM's `embedInCode`), so a `tandem` copied
/// anywhere has its defaults; a folder may override any of them (`ConfigSources`).
public enum ConfigFile: String, CaseIterable, Sendable {
    case districts = "districts.yaml"
    case categories = "categories.yaml"
    case engine = "engine.yaml"
    case bulletin = "bulletin.yaml"
    case columns = "columns.yaml"

    /// The file's name in a configuration folder.
    public var name: String { rawValue }

    /// The shipped text of the file, as built into the binary.
    public var builtInText: String {
        let bytes: [UInt8] = switch self {
        case .districts: PackageResources.districts_yaml
        case .categories: PackageResources.categories_yaml
        case .engine: PackageResources.engine_yaml
        case .bulletin: PackageResources.bulletin_yaml
        case .columns: PackageResources.columns_yaml
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How a built-in file is named in an error or in `tandem config show`.
    public var builtInLabel: String { "built-in " + name }
}
