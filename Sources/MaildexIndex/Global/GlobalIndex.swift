import Foundation
import GRDB
public import MaildexCore
import MaildexMigrations

/// The global database: users (the `sql` passdb/userdb) and settings.
///
/// ```swift
/// let global = try GlobalIndex(path: "/var/lib/maildex/global.sqlite")
/// try global.addUser(UserRecord(username: try Username("alice"), passwordHash: "{SHA512-CRYPT}$6$..."))
/// ```
public final class GlobalIndex: Sendable {
    private let pool: DatabasePool
    private let quotaCache: QuotaLimitsCache

    /// Opens the database at `path`, creating it (mode 0600, WAL) and applying
    /// ``MaildexMigrations/globalMigrations`` as needed.
    /// Throws ``DatabaseTooNew`` if a newer Maildex wrote it.
    public init(path: String) throws {
        pool = try DatabaseOpener.open(path: path, migrations: globalMigrations)
        quotaCache = QuotaLimitsCache(path: path)
    }

    /// A write to the user table; the cached quota limits are forgotten after it.
    private func writeUserTable(_ body: (Database) throws -> Void) throws {
        defer { quotaCache.clear() }
        try pool.write(body)
    }

    /// Adds a user; throws ``DuplicateUser`` if the name is taken.
    public func addUser(_ user: UserRecord) throws {
        try writeUserTable { db in
            if try Self.exists(user.username, db) { throw DuplicateUser(name: user.username) }
            try db.execute(sql: """
                INSERT INTO user (name, password_hash, home, quota_bytes, quota_messages, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: Self.arguments(user))
        }
    }

    /// The user of that name, or nil.
    public func user(_ name: Username) throws -> UserRecord? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM user WHERE name = ?", arguments: [name.rawValue]).map(Self.record)
        }
    }

    /// All users, sorted by name.
    public func users() throws -> [UserRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY name").map(Self.record)
        }
    }

    /// Replaces the stored record of `user.username`; throws ``NoSuchUser`` if there is none.
    public func updateUser(_ user: UserRecord) throws {
        try writeUserTable { db in
            try db.execute(sql: """
                UPDATE user SET password_hash = ?2, home = ?3, quota_bytes = ?4, quota_messages = ?5, created_at = ?6
                WHERE name = ?1
                """, arguments: Self.arguments(user))
            if db.changesCount == 0 { throw NoSuchUser(name: user.username) }
        }
    }

    /// Removes the user's record (not their mail); throws ``NoSuchUser`` if there is none.
    public func deleteUser(_ name: Username) throws {
        try writeUserTable { db in
            try db.execute(sql: "DELETE FROM user WHERE name = ?", arguments: [name.rawValue])
            if db.changesCount == 0 { throw NoSuchUser(name: name) }
        }
    }

    /// The quota limits of the user named `name` (a user key as the stores use it), or
    /// ``QuotaLimits/unlimited`` when the user is not in the table (users of other passdbs).
    /// Read from the table only when the database changed since the last answer (``QuotaLimitsCache``).
    public func quotaLimits(of name: String) throws -> QuotaLimits {
        try quotaCache.limits(of: name) {
            try pool.read { db in
                let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT quota_bytes, quota_messages FROM user WHERE name = ?"),
                                           arguments: [name])
                return QuotaLimits(storage: row?[0], messages: row?[1])
            }
        }
    }

    /// Sets a user's quota limits (nil: unlimited); throws ``NoSuchUser`` if there is none.
    public func setQuotaLimits(_ limits: QuotaLimits, of name: Username) throws {
        try writeUserTable { db in
            try db.execute(sql: "UPDATE user SET quota_bytes = ?, quota_messages = ? WHERE name = ?",
                           arguments: [limits.storage, limits.messages, name.rawValue])
            if db.changesCount == 0 { throw NoSuchUser(name: name) }
        }
    }

    /// The value of a setting, or nil if unset.
    public func setting(_ key: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
        }
    }

    /// Sets a setting; nil removes it.
    public func setSetting(_ key: String, _ value: String?) throws {
        try pool.write { db in
            if let value {
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            }
        }
    }

    private static func exists(_ name: Username, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE name = ?", arguments: [name.rawValue]) ?? false
    }

    private static func arguments(_ user: UserRecord) -> StatementArguments {
        [user.username.rawValue, user.passwordHash, user.home, user.quotaBytes, user.quotaMessages,
         user.createdAt.timeIntervalSince1970]
    }

    private static func record(_ row: Row) throws -> UserRecord {
        UserRecord(
            username: try Username(row["name"] as String),
            passwordHash: row["password_hash"],
            home: row["home"],
            quotaBytes: row["quota_bytes"],
            quotaMessages: row["quota_messages"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]))
    }
}
