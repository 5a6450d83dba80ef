import Foundation
import GRDB
public import MaildexCore
import MaildexMigrations

/// Reads the decoded body text of a message file (mailbox, file name as stored), for the
/// catch-up indexer and for searches over messages it has not reached; nil if the file is gone.
/// The index stores no body text of its own: the Maildir already holds every message.
/// Called from any thread.
public typealias BodyTextSource = @Sendable (_ mailbox: MailboxName, _ fileName: String) -> String?

/// One user's index: mailboxes, messages, header fields and full-text search, in a SQLite
/// database (WAL) beside the user's Maildir.
///
/// The index is authoritative for UIDs, MODSEQs, flags and keywords; the Maildir for which
/// messages exist. It knows nothing of Maildir or MIME: callers pass plain values. Every method
/// is one transaction; writes are serialised by SQLite (one writer, many readers).
///
/// ```swift
/// let index = try MailIndex(path: home + "/maildex.sqlite", bodyText: { mailbox, file in text(of: file) })
/// let inbox = try index.createMailbox(.inbox)
/// let added = try index.insert([message], into: inbox.id)   // [(uid: 1, modSeq: 2)]
/// let hits = try index.search(.header(.subject, "invoice"), in: inbox.id)
/// ```
public final class MailIndex: Sendable {
    let pool: DatabasePool
    let bodyText: BodyTextSource

    /// Opens the database at `path`, creating it (mode 0600, WAL) and applying
    /// ``MaildexMigrations/userMigrations`` as needed. `bodyText` reads a message's body text
    /// from its file (see ``BodyTextSource``).
    /// Throws ``DatabaseTooNew`` if a newer Maildex wrote it, ``CorruptDatabase`` if it is damaged.
    public init(path: String, bodyText: @escaping BodyTextSource) throws {
        self.bodyText = bodyText
        pool = try DatabaseOpener.open(path: path, migrations: userMigrations, bodyText: bodyText)
    }

    /// `PRAGMA integrity_check` plus the FTS5 integrity checks; every line other than "ok".
    /// The header FTS is brought up to date first: its check compares it with `message_header`,
    /// where rows the indexer has not reached yet would count as damage.
    public func integrityCheck() throws -> [String] {
        try pool.write { db in
            while try Self.indexPendingHeaders(limit: 10_000, db) > 0 {}
            var problems = try String.fetchAll(db.cachedStatement(sql: "PRAGMA integrity_check")).filter { $0 != "ok" }
            for table in ["message_header_fts", "message_text_fts"] {
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
