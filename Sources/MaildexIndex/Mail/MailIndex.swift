import Foundation
import GRDB
import MaildexCore
import MaildexMigrations

/// One user's index: mailboxes, messages, header fields and full-text search, in a SQLite
/// database (WAL) beside the user's Maildir.
///
/// The index is authoritative for UIDs, MODSEQs, flags and keywords; the Maildir for which
/// messages exist. It knows nothing of Maildir or MIME: callers pass plain values. Every method
/// is one transaction; writes are serialised by SQLite (one writer, many readers).
///
/// ```swift
/// let index = try MailIndex(path: home + "/maildex.sqlite")
/// let inbox = try index.createMailbox(.inbox)
/// let added = try index.insert([message], into: inbox.id)   // [(uid: 1, modSeq: 2)]
/// let hits = try index.search(.header(.subject, "invoice"), in: inbox.id)
/// ```
public final class MailIndex: Sendable {
    let pool: DatabasePool

    /// Opens the database at `path`, creating it (mode 0600, WAL) and applying
    /// ``MaildexMigrations/userMigrations`` as needed.
    /// Throws ``DatabaseTooNew`` if a newer Maildex wrote it.
    public init(path: String) throws {
        pool = try DatabaseOpener.open(path: path, migrations: userMigrations)
    }

    /// `PRAGMA integrity_check` plus the FTS5 integrity checks; every line other than "ok".
    public func integrityCheck() throws -> [String] {
        try pool.write { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            for table in ["message_header_fts", "message_body_fts"] {
                do {
                    try db.execute(sql: "INSERT INTO \(table) (\(table)) VALUES ('integrity-check')")
                } catch {
                    problems.append("\(table): \(error)")
                }
            }
            return problems
        }
    }
}
