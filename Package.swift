// swift-tools-version:6.0
import PackageDescription

// Layering: AssignmentSolver is a generic min-cost assignment library that knows nothing
// of Tandem. TandemCore (model, rules, planning) depends only on it and on OpenSSL's libcrypto
// (the audit chain's SHA-256). TandemConfig reads
// config/ into core values; TandemDemo builds the demo city from core values; TandemStore
// persists core values with GRDB; TandemConsole draws core values with ncurses. Store and
// console never import each other. TandemCLI and the `tandem` executable wire them.
let package = Package(
    name: "Tandem",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tandem", targets: ["tandem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // PostgreSQL's C client, synchronous like the SQLite store (README, "Province / PostgreSQL").
        .systemLibrary(name: "CLibpq", path: "Sources/CLibpq", pkgConfig: "libpq", providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
        // OpenSSL's libcrypto, for the audit chain's SHA-256 (README, "Data in and out", Speed).
        .systemLibrary(name: "CLibcrypto", path: "Sources/CLibcrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),
        .target(name: "AssignmentSolver"),
        .target(name: "TandemCore", dependencies: ["AssignmentSolver", "CLibcrypto"]),
        .target(name: "TandemDemo", dependencies: ["TandemCore"]),
        // The shipped config/ is built into the binary (`BuiltIn` is a link to it), so that an
        // installed `tandem` runs from any folder: embedded as byte arrays, not a resource bundle,
        // which Linux looks for beside the executable.
        .target(
            name: "TandemConfig",
            dependencies: ["TandemCore", .product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("BuiltIn")]
        ),
        .target(
            name: "TandemStore",
            dependencies: [
                "TandemCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The PostgreSQL store: core values in a PostgreSQL database through libpq. Beside
        // TandemStore, never depending on it (nor on GRDB or the console).
        .target(name: "TandemPostgres", dependencies: ["TandemCore", "CLibpq"]),
        .target(
            name: "TandemConsole",
            dependencies: ["TandemCore", "CNcursesw", .product(name: "Logging", package: "swift-log")]
        ),
        // The bulletin and the leaders' HTML page: core figures worded as text, markdown and HTML.
        .target(name: "TandemReports", dependencies: ["TandemCore"]),
        // CSV and XLSX files in and out, text encodings (import and export).
        .target(
            name: "TandemExchange",
            dependencies: ["TandemCore", .product(name: "CSV", package: "CSV.swift"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "TandemCLI",
            dependencies: [
                "TandemCore", "TandemConfig", "TandemDemo", "TandemStore", "TandemPostgres", "TandemConsole", "AssignmentSolver",
                "TandemReports", "TandemExchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(name: "tandem", dependencies: ["TandemCLI"]),
        // One fixture city, the shipped configuration and a database fingerprint for every test target.
        // With the PostgreSQL test server and per-test schemas (`make test` provides a server).
        .target(name: "TandemTestSupport", dependencies: ["TandemCore", "TandemConfig", "TandemPostgres"], path: "Tests/TandemTestSupport"),
        .testTarget(name: "AssignmentSolverTests", dependencies: ["AssignmentSolver"]),
        .testTarget(name: "TandemCoreTests", dependencies: ["TandemCore", "TandemDemo"]),
        .testTarget(name: "TandemStoreTests", dependencies: ["TandemStore", "TandemPostgres", "TandemConfig", "TandemDemo", "TandemTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        // Transcripts/: what a screen reader announces on each role's path, read by the tests from disk.
        .testTarget(name: "TandemConsoleTests", dependencies: ["TandemConsole", "TandemStore", "TandemConfig", "TandemDemo", "TandemTestSupport"],
                    exclude: ["Transcripts"]),
        .testTarget(name: "TandemCLITests", dependencies: ["TandemCLI", "AssignmentSolver", "TandemConfig", "TandemDemo", "TandemStore", "TandemExchange", "TandemPostgres", "TandemTestSupport"]),
        .testTarget(name: "TandemPostgresTests", dependencies: ["TandemPostgres", "TandemCore", "TandemTestSupport"]),
        .testTarget(name: "TandemConfigTests", dependencies: ["TandemConfig", "TandemCore"]),
        .testTarget(name: "TandemReportsTests", dependencies: ["TandemReports", "TandemCore", "TandemTestSupport"]),
        // Bounded fuzz runs (deterministic mutations) of the instance parser and the config loader.
        .testTarget(name: "FuzzTests", dependencies: ["AssignmentSolver", "TandemConfig", "TandemCore"]),
    ]
)
