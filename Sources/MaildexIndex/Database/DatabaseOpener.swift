import Foundation
import GRDB
import MaildexCore
import MaildexMigrations

/// Opens (creating if needed) a WAL database with the Maildex SQL functions, and migrates it.
enum DatabaseOpener {
    /// Creates the file with mode 0600 first: SQLite gives the -wal and -shm files the same mode.
    static func open(path: String, migrations: [Migration], bodyText: BodyTextSource? = nil) throws -> DatabasePool {
        try createPrivateFile(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            SQLFunctions.register(in: db, bodyText: bodyText)
            // Reads through a shared memory map instead of read(2) into each connection's page
            // cache: FTS lookups touch many pages, and every pool connection sees the same ones.
            try db.execute(sql: "PRAGMA mmap_size = 134217728")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try MigrationRunner.migrate(pool, path: path, migrations: migrations)
            return pool
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw CorruptDatabase(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    private static func createPrivateFile(_ path: String) throws {
        let isNew = access(path, F_OK) != 0
        let fd = Foundation.open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw CannotOpenDatabase(path: path, reason: String(cString: strerror(errno)))
        }
        if isNew { InheritedOwner.adopt(fd: fd, path: path) }
        close(fd)
    }
}
