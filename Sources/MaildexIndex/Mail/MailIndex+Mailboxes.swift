import Foundation
import GRDB
public import MaildexCore

extension MailIndex {
    /// All mailboxes, sorted by name (INBOX first, as `MailboxName` orders).
    public func mailboxes() throws -> [MailboxRecord] {
        try pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM mailbox")).map(Self.mailboxRecord).sorted { $0.name < $1.name }
        }
    }

    /// The mailbox of that name, or nil.
    public func mailbox(_ name: MailboxName) throws -> MailboxRecord? {
        try pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM mailbox WHERE name = ?"), arguments: [name.rawValue])
                .map(Self.mailboxRecord)
        }
    }

    /// The mailbox with that row id, or nil.
    public func mailbox(id: Int64) throws -> MailboxRecord? {
        try pool.read { db in try Self.mailbox(id: id, db) }
    }

    /// Creates a mailbox with UIDNEXT 1 and HIGHESTMODSEQ 1.
    ///
    /// Without `uidValidity`, the new UIDVALIDITY is `max(now in seconds, last issued + 1)`, so
    /// a mailbox deleted and created again never reuses one (RFC 3501 §2.3.1.1).
    /// Throws ``MailboxExists``.
    public func createMailbox(_ name: MailboxName, uidValidity: UIDValidity? = nil, specialUse: String? = nil) throws -> MailboxRecord {
        try pool.write { db in
            if try Self.mailboxExists(name, db) { throw MailboxExists(name: name) }
            let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM state WHERE key = 'last_uid_validity'")) ?? 0
            let validity: Int64
            if let uidValidity {
                validity = Int64(uidValidity.rawValue)
            } else {
                let now = Int64(Date().timeIntervalSince1970)
                validity = min(max(now, last + 1), Int64(UInt32.max))
            }
            try db.cachedStatement(sql: "UPDATE state SET value = max(value, ?) WHERE key = 'last_uid_validity'").execute(arguments: [validity])
            try db.execute(sql: "INSERT INTO mailbox (name, uid_validity, special_use) VALUES (?, ?, ?)",
                           arguments: [name.rawValue, validity, specialUse])
            guard let record = try Self.mailbox(id: db.lastInsertedRowID, db) else { throw NoSuchMailbox(id: db.lastInsertedRowID) }
            return record
        }
    }

    /// Deletes a mailbox with its messages and expunge history (not its subscription).
    /// Throws ``NoSuchMailbox``.
    public func deleteMailbox(id: Int64) throws {
        try pool.write { db in
            try db.cachedStatement(sql: "DELETE FROM mailbox WHERE id = ?").execute(arguments: [id])
            if db.changesCount == 0 { throw NoSuchMailbox(id: id) }
        }
    }

    /// Renames one mailbox, keeping its id, UIDVALIDITY and messages. Inferior mailboxes are not
    /// touched (the caller renames each, as it renames their Maildir folders).
    /// Throws ``NoSuchMailbox`` or ``MailboxExists``.
    public func renameMailbox(id: Int64, to name: MailboxName) throws {
        try pool.write { db in
            guard let current = try Self.mailbox(id: id, db) else { throw NoSuchMailbox(id: id) }
            if current.name == name { return }
            if try Self.mailboxExists(name, db) { throw MailboxExists(name: name) }
            try db.cachedStatement(sql: "UPDATE mailbox SET name = ? WHERE id = ?").execute(arguments: [name.rawValue, id])
        }
    }

    /// Sets or clears the special-use attribute (RFC 6154), e.g. `\Sent`. Throws ``NoSuchMailbox``.
    public func setSpecialUse(id: Int64, _ use: String?) throws {
        try update(id: id, sql: "UPDATE mailbox SET special_use = ? WHERE id = ?", [use, id])
    }

    /// Records the mtimes of `new/` and `cur/` seen at a completed sync. Throws ``NoSuchMailbox``.
    public func setSyncState(id: Int64, newMTime: Double, curMTime: Double) throws {
        try update(id: id, sql: "UPDATE mailbox SET synced_new_mtime = ?, synced_cur_mtime = ? WHERE id = ?",
                   [newMTime, curMTime, id])
    }

    /// SUBSCRIBE/UNSUBSCRIBE (RFC 3501 §6.3.6): by name, whether or not the mailbox exists.
    public func setSubscribed(_ name: MailboxName, _ subscribed: Bool) throws {
        try pool.write { db in
            let sql = subscribed
                ? "INSERT OR IGNORE INTO subscription (name) VALUES (?)"
                : "DELETE FROM subscription WHERE name = ?"
            try db.execute(sql: sql, arguments: [name.rawValue])
        }
    }

    /// The subscribed names, sorted (INBOX first, as `MailboxName` orders).
    public func subscriptions() throws -> [MailboxName] {
        try pool.read { db in
            try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM subscription")).map { try MailboxName($0) }.sorted()
        }
    }

    /// STATUS values of one mailbox. Throws ``NoSuchMailbox``.
    public func status(of mailboxID: Int64) throws -> MailboxStatus {
        try pool.read { db in
            guard let box = try Self.mailbox(id: mailboxID, db) else { throw NoSuchMailbox(id: mailboxID) }
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) AS messages,
                       total((system_flags & ?) = 0) AS unseen,
                       total((system_flags & ?) <> 0) AS deleted,
                       total(virtual_size) AS size
                FROM message WHERE mailbox_id = ?
                """), arguments: [FlagColumns.seenBit, FlagColumns.deletedBit, mailboxID])
            return MailboxStatus(
                messages: row?["messages"] ?? 0, unseen: Int(row?["unseen"] ?? 0.0),
                uidNext: box.uidNext, uidValidity: box.uidValidity, highestModSeq: box.highestModSeq,
                size: Int64(row?["size"] ?? 0.0), deleted: Int(row?["deleted"] ?? 0.0))
        }
    }

    // MARK: - Rows

    private func update(id: Int64, sql: String, _ arguments: StatementArguments) throws {
        try pool.write { db in
            try db.execute(sql: sql, arguments: arguments)
            if db.changesCount == 0 { throw NoSuchMailbox(id: id) }
        }
    }

    static func mailbox(id: Int64, _ db: Database) throws -> MailboxRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM mailbox WHERE id = ?"), arguments: [id]).map(mailboxRecord)
    }

    private static func mailboxExists(_ name: MailboxName, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM mailbox WHERE name = ?"), arguments: [name.rawValue]) ?? false
    }

    static func mailboxRecord(_ row: Row) throws -> MailboxRecord {
        MailboxRecord(
            id: row["id"],
            name: try MailboxName(row["name"] as String),
            uidValidity: UIDValidity(UInt32(truncatingIfNeeded: row["uid_validity"] as Int64)),
            uidNext: UID(UInt32(truncatingIfNeeded: row["uid_next"] as Int64)),
            highestModSeq: ModSeq(UInt64(clamping: row["highest_mod_seq"] as Int64)),
            specialUse: row["special_use"],
            syncedNewMTime: row["synced_new_mtime"],
            syncedCurMTime: row["synced_cur_mtime"])
    }
}
