// swift-tools-version:6.1
import PackageDescription

let settings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOTLS", package: "swift-nio"),
    .product(name: "NIOSSL", package: "swift-nio-ssl"),
]

let package = Package(
    name: "Maildex",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "MaildexStore", targets: ["MaildexStore"]),
        .library(name: "MaildexAuth", targets: ["MaildexAuth"]),
        .library(name: "MaildexAdmin", targets: ["MaildexAdmin"]),
        .library(name: "Maildex", targets: ["Maildex"]),
        .executable(name: "mailadm", targets: ["mailadm"]),
        .executable(name: "maildexd", targets: ["maildexd"]),
        .executable(name: "maildex-bench", targets: ["maildex-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // Raw DEFLATE streams for IMAP COMPRESS=DEFLATE (RFC 4978), over the system zlib.
        .package(url: "https://github.com/adam-fowler/compress-nio", exact: "1.5.0"),
    ],
    targets: [
        // L0: value types, migrations, system libraries
        .target(name: "MaildexCore", swiftSettings: settings),
        .target(
            name: "MaildexMigrations",
            path: "Migrations",
            exclude: ["README.md"],
            resources: [
                // MIGRATIONS-BEGIN (every .sql file in Migrations/ must be listed; a test checks it)
                .embedInCode("global_v0001_create_user.sql"),
                .embedInCode("global_v0002_create_setting.sql"),
                .embedInCode("user_v0001_create_mailbox.sql"),
                .embedInCode("user_v0002_create_message.sql"),
                .embedInCode("user_v0003_create_message_header.sql"),
                .embedInCode("user_v0004_create_message_text.sql"),
                .embedInCode("user_v0005_add_sort_columns.sql"),
                .embedInCode("user_v0006_create_quota_usage.sql"),
                .embedInCode("user_v0007_casemap_sort_keys.sql"),
                .embedInCode("user_v0008_defer_header_fts.sql"),
                // MIGRATIONS-END
            ],
            swiftSettings: settings
        ),
        .systemLibrary(name: "CPAM", path: "Sources/CPAM"),
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt"),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),

        // L1: pure parsers, on-disk formats, the SQLite index
        .target(name: "MaildexMIME", dependencies: ["MaildexCore"], swiftSettings: settings),
        .target(name: "MaildexMbox", dependencies: ["MaildexCore"], swiftSettings: settings),
        .target(name: "MaildexMaildir", dependencies: ["MaildexCore"], swiftSettings: settings),
        .target(name: "MaildexIndex", dependencies: ["MaildexCore", "MaildexMigrations", grdb], swiftSettings: settings),
        .target(name: "MaildexCertificates", dependencies: ["COpenSSL"], swiftSettings: settings),
        .target(name: "MaildexConfig", swiftSettings: settings),
        .target(name: "MaildexPOP3Codec", dependencies: ["MaildexCore"], swiftSettings: settings),
        .target(name: "MaildexLMTPCodec", dependencies: ["MaildexCore"], swiftSettings: settings),
        .target(name: "MaildexIMAPCodec", dependencies: ["MaildexCore"], swiftSettings: settings),

        // L2: the store (Maildir + index in step) and authentication
        .target(
            name: "MaildexStore",
            dependencies: ["MaildexCore", "MaildexMIME", "MaildexMaildir", "MaildexMbox", "MaildexIndex"],
            swiftSettings: settings
        ),
        // Async functions here run where their caller runs (a session on its event loop); the
        // slow parts (password hashing, PAM) go to dispatch queues of their own.
        .target(name: "MaildexAuth", dependencies: ["MaildexCore", "CCrypt", "COpenSSL", "CPAM"],
                swiftSettings: settings + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]),

        // L3: protocol sessions (state machines over the store; no sockets) and mailadm as a library
        .target(
            name: "MaildexSessions",
            dependencies: ["MaildexCore", "MaildexIndex", "MaildexStore", "MaildexAuth", "MaildexPOP3Codec", "MaildexLMTPCodec", "MaildexIMAPCodec", "MaildexMIME", "MaildexMaildir", logging],
            swiftSettings: settings
        ),
        .target(
            name: "MaildexAdmin",
            dependencies: ["MaildexCore", "MaildexConfig", "MaildexIndex", "MaildexMbox", "MaildexStore", "MaildexAuth", "MaildexCertificates", argumentParser],
            swiftSettings: settings
        ),

        // L4: the embeddable server: NIO listeners, TLS, connections feeding the sessions
        .target(
            name: "Maildex",
            dependencies: ["MaildexCore", "MaildexStore", "MaildexAuth", "MaildexSessions", "MaildexIMAPCodec", "MaildexMaildir", logging,
                           .product(name: "CompressNIO", package: "compress-nio")] + nio,
            swiftSettings: settings
        ),

        // L5: thin executables and the test kit
        .executableTarget(name: "mailadm", dependencies: ["MaildexAdmin"], swiftSettings: settings),
        .executableTarget(
            name: "maildexd",
            dependencies: ["Maildex", "MaildexAdmin", "MaildexAuth", "MaildexConfig", "MaildexStore", argumentParser, logging],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "maildex-bench",
            dependencies: ["MaildexCore", "MaildexStore", "MaildexIndex", "MaildexMIME", "MaildexMbox", "MaildexAuth", "MaildexTesting", argumentParser, grdb],
            path: "Benchmarks/maildex-bench",
            swiftSettings: settings
        ),
        .target(name: "MaildexTesting", swiftSettings: settings),

        // Tests: one per library target
        .testTarget(name: "MaildexCoreTests", dependencies: ["MaildexCore"], swiftSettings: settings),
        .testTarget(name: "MaildexMIMETests", dependencies: ["MaildexMIME", "MaildexTesting"], resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "MaildexMboxTests", dependencies: ["MaildexMbox", "MaildexCore", "MaildexTesting"], swiftSettings: settings),
        .testTarget(name: "MaildexMaildirTests", dependencies: ["MaildexMaildir", "MaildexTesting"], swiftSettings: settings),
        .testTarget(name: "MaildexIndexTests", dependencies: ["MaildexIndex", "MaildexMigrations", "MaildexTesting", grdb], resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "MaildexCertificatesTests", dependencies: ["MaildexCertificates", "MaildexTesting"], swiftSettings: settings),
        .testTarget(name: "MaildexStoreTests", dependencies: ["MaildexCore", "MaildexIndex", "MaildexMbox", "MaildexStore", "MaildexTesting"], swiftSettings: settings),
        .testTarget(name: "MaildexAuthTests", dependencies: ["MaildexAuth", "MaildexCore", "MaildexTesting"], resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "MaildexConfigTests", dependencies: ["MaildexConfig", "MaildexTesting"], swiftSettings: settings),
        .testTarget(name: "MaildexPOP3CodecTests", dependencies: ["MaildexPOP3Codec", "MaildexTesting"], swiftSettings: settings),
        .testTarget(name: "MaildexLMTPCodecTests", dependencies: ["MaildexLMTPCodec", "MaildexTesting"], swiftSettings: settings),
        .testTarget(name: "MaildexIMAPCodecTests", dependencies: ["MaildexIMAPCodec", "MaildexCore", "MaildexTesting"], swiftSettings: settings),
        .testTarget(
            name: "MaildexSessionsTests",
            dependencies: ["MaildexSessions", "MaildexCore", "MaildexIndex", "MaildexStore", "MaildexAuth", "MaildexIMAPCodec", "MaildexMaildir", "MaildexTesting", logging],
            swiftSettings: settings
        ),
        .testTarget(
            name: "MaildexTests",
            dependencies: ["Maildex", "MaildexCore", "MaildexIndex", "MaildexStore", "MaildexAuth", "MaildexSessions", "MaildexCertificates", "MaildexTesting",
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
                           .product(name: "NIOTLS", package: "swift-nio"), logging],
            swiftSettings: settings
        ),
        .testTarget(name: "MaildexAdminTests", dependencies: ["MaildexAdmin", "MaildexTesting"], swiftSettings: settings),
        .testTarget(name: "MaildexTestingTests", dependencies: ["MaildexTesting"], swiftSettings: settings),
    ]
)

// libFuzzer targets (Fuzz/Sources/fuzz-*), only when MAILDEX_FUZZ=1: scripts/fuzz.sh builds them into
// .build-fuzz with -sanitize=fuzzer,address. The normal build and CI never see them.
if Context.environment["MAILDEX_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, library: Target.Dependency)] = [
        ("fuzz-imap", "MaildexIMAPCodec"), ("fuzz-pop3", "MaildexPOP3Codec"), ("fuzz-lmtp", "MaildexLMTPCodec"),
        ("fuzz-mime", "MaildexMIME"), ("fuzz-mbox", "MaildexMbox"), ("fuzz-config", "MaildexConfig"),
        ("fuzz-passwd", "MaildexAuth"),
    ]
    package.targets.append(.target(name: "CLibFuzzer", path: "Fuzz/Sources/CLibFuzzer"))
    for target in fuzzTargets {
        package.targets.append(.executableTarget(
            name: target.name, dependencies: [target.library, "CLibFuzzer"], path: "Fuzz/Sources/\(target.name)",
            swiftSettings: settings + [.unsafeFlags(["-parse-as-library"])]
        ))
    }
}
