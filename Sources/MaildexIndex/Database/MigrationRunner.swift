import GRDB
import MaildexMigrations

/// Applies migrations in order, keeping the applied version in `PRAGMA user_version`.
///
/// Each migration runs in its own IMMEDIATE transaction together with the `user_version` update,
/// and re-reads the version inside it, so two processes opening a fresh database never apply a
/// step twice. A database whose version is above the newest known migration is refused with
/// ``DatabaseTooNew`` before anything is written.
enum MigrationRunner {
    static func migrate(_ pool: DatabasePool, path: String, migrations: [Migration]) throws {
        let supported = migrations.last?.version ?? 0
        try pool.writeWithoutTransaction { db in
            for migration in migrations {
                try db.inTransaction(.immediate) {
                    let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    if current > supported {
                        throw DatabaseTooNew(path: path, version: current, supported: supported)
                    }
                    if current < migration.version {
                        try db.execute(sql: migration.sql)
                        try db.execute(sql: "PRAGMA user_version = \(migration.version)")
                    }
                    return .commit
                }
            }
            let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if current > supported {
                throw DatabaseTooNew(path: path, version: current, supported: supported)
            }
        }
    }
}
