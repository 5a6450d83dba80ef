import Foundation
import GRDB
import MaildexCore
@testable import MaildexIndex
import MaildexMigrations
import MaildexTesting
import Testing

@Suite struct MigrationTests {
    static let migrationsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Migrations")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test(arguments: [("global", globalMigrations), ("user", userMigrations)])
    func versionsRunOneToNWithoutGaps(kind: String, list: [Migration]) {
        #expect(!list.isEmpty, "\(kind) has migrations")
        #expect(list.map(\.version) == Array(1...list.count))
        #expect(list.allSatisfy { !$0.sql.isEmpty })
    }

    /// SwiftPM only warns about a .sql file missing from Package.swift; this makes it a failure,
    /// and checks each file is in the list under its own version, name and text.
    @Test func everySQLFileIsRegistered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.migrationsDirectory.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.count == globalMigrations.count + userMigrations.count)
        for file in files {
            let parts = file.dropLast(4).split(separator: "_", maxSplits: 2)
            try #require(parts.count == 3, "\(file) is named <kind>_vNNNN_<name>.sql")
            let list = parts[0] == "global" ? globalMigrations : parts[0] == "user" ? userMigrations : []
            let version = Int(parts[1].dropFirst())
            let migration = list.first { $0.version == version }
            #expect(migration?.name == String(parts[2]), "\(file) is registered in Migrations.swift")
            let text = try String(contentsOf: Self.migrationsDirectory.appendingPathComponent(file), encoding: .utf8)
            #expect(migration?.sql == text, "\(file) is embedded in Package.swift")
        }
    }

    @Test(arguments: ["global", "user"])
    func schemaMatchesFixture(kind: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("\(kind).sqlite")
        if kind == "global" { _ = try GlobalIndex(path: path) } else { _ = try MailIndex(path: path, bodyText: TestBodies.source) }
        let schema = try Self.schema(path)
        let fixture = Self.fixtures.appendingPathComponent("schema-\(kind).sql")
        if ProcessInfo.processInfo.environment["MAILDEX_RECORD_SCHEMA"] != nil {
            try schema.write(to: fixture, atomically: false, encoding: .utf8)
        }
        let expected = try String(contentsOf: fixture, encoding: .utf8)
        #expect(schema == expected, "migrated schema differs from \(fixture.lastPathComponent); rerun with MAILDEX_RECORD_SCHEMA=1 if intended")
    }

    @Test func databaseIsPrivateAndWAL() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("user.sqlite")
        _ = try MailIndex(path: path, bodyText: TestBodies.source)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let journal = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func reopeningKeepsDataAndVersion() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("user.sqlite")
        _ = try MailIndex(path: path, bodyText: TestBodies.source).createMailbox(.inbox)
        let again = try MailIndex(path: path, bodyText: TestBodies.source)
        #expect(try again.mailboxes().map(\.name) == [.inbox])
        #expect(try Self.userVersion(path) == userMigrations.count)
    }

    @Test(arguments: ["global", "user"])
    func newerDatabaseIsRefused(kind: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("\(kind).sqlite")
        let known = kind == "global" ? globalMigrations.count : userMigrations.count
        try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = \(known + 4)") }
        let error = DatabaseTooNew(path: path, version: known + 4, supported: known)
        #expect(throws: error) {
            if kind == "global" { _ = try GlobalIndex(path: path) } else { _ = try MailIndex(path: path, bodyText: TestBodies.source) }
        }
        #expect(error.description.contains("was written by a newer Maildex (schema \(known + 4), this binary knows \(known))"))
    }

    static func userVersion(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? -1 }
    }

    /// `sqlite_master` SQL ordered by name, one statement per entry.
    static func schema(_ path: String) throws -> String {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
                .map { $0 + ";\n" }.joined()
        }
    }
}
