// Every migration, oldest first, one list per kind of database. Append; never edit one that shipped.
// (PackageResources.* are [UInt8]; Migration's init decodes them as UTF-8.)

/// One schema step: plain SQL run in its own transaction, after which `PRAGMA user_version`
/// is set to ``version``.
public struct Migration: Sendable {
    /// 1, 2, 3… with no gaps within one list.
    public let version: Int
    /// The file name without the `global_vNNNN_`/`user_vNNNN_` prefix and `.sql`.
    public let name: String
    /// The SQL text of the file.
    public let sql: String

    public init(version: Int, name: String, sql: [UInt8]) {
        self.version = version
        self.name = name
        self.sql = String(decoding: sql, as: UTF8.self)
    }
}

/// The global database: users and settings.
public let globalMigrations: [Migration] = [
    Migration(version: 1, name: "create_user", sql: PackageResources.global_v0001_create_user_sql),
    Migration(version: 2, name: "create_setting", sql: PackageResources.global_v0002_create_setting_sql),
]

/// The per-user database: mailboxes, messages, header fields, FTS.
public let userMigrations: [Migration] = [
    Migration(version: 1, name: "create_mailbox", sql: PackageResources.user_v0001_create_mailbox_sql),
    Migration(version: 2, name: "create_message", sql: PackageResources.user_v0002_create_message_sql),
    Migration(version: 3, name: "create_message_header", sql: PackageResources.user_v0003_create_message_header_sql),
    Migration(version: 4, name: "create_message_text", sql: PackageResources.user_v0004_create_message_text_sql),
    Migration(version: 5, name: "add_sort_columns", sql: PackageResources.user_v0005_add_sort_columns_sql),
    Migration(version: 6, name: "create_quota_usage", sql: PackageResources.user_v0006_create_quota_usage_sql),
    Migration(version: 7, name: "casemap_sort_keys", sql: PackageResources.user_v0007_casemap_sort_keys_sql),
    Migration(version: 8, name: "defer_header_fts", sql: PackageResources.user_v0008_defer_header_fts_sql),
]
