import GRDB
public import MaildexCore

extension MailIndex {
    /// Raises a mailbox's UIDNEXT to at least `uid` (never lowers it), so that UIDs a Dovecot
    /// client saw before a migration are never reused. Throws ``NoSuchMailbox``.
    public func setUIDNext(_ uid: UID, in mailboxID: Int64) throws {
        try pool.write { db in
            try db.cachedStatement(sql: "UPDATE mailbox SET uid_next = max(uid_next, ?) WHERE id = ?").execute(arguments: [Int64(uid.rawValue), mailboxID])
            if db.changesCount == 0 { throw NoSuchMailbox(id: mailboxID) }
        }
    }
}
