import GRDB
public import MaildexCore

extension MailIndex {
    /// Removes messages and records each UID with the new MODSEQ in the expunged table, for
    /// QRESYNC's VANISHED (RFC 7162 §3.2.10). UIDs not in the mailbox are ignored.
    /// Returns the MODSEQ of this expunge (HIGHESTMODSEQ unchanged if nothing was removed).
    /// Throws ``NoSuchMailbox``. `beforeCommit` runs last inside the transaction (the store
    /// waits there for the message files it is deleting meanwhile); if it throws, nothing is
    /// removed.
    public func expunge(uids: [UID], in mailboxID: Int64, beforeCommit: () throws -> Void = {}) throws -> ModSeq {
        try pool.write { db in
            guard let box = try Self.mailbox(id: mailboxID, db) else { throw NoSuchMailbox(id: mailboxID) }
            let modSeq = box.highestModSeq.next
            let list = Self.jsonArray(uids)
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO expunged (mailbox_id, uid, mod_seq)
                SELECT mailbox_id, uid, ? FROM message WHERE mailbox_id = ? AND uid IN (SELECT value FROM json_each(?))
                """).execute(arguments: [Int64(modSeq.rawValue), mailboxID, list])
            guard db.changesCount > 0 else {
                try beforeCommit()
                return box.highestModSeq
            }
            try db.execute(sql: "DELETE FROM message WHERE mailbox_id = ? AND uid IN (SELECT value FROM json_each(?))",
                           arguments: [mailboxID, list])
            try db.execute(sql: "UPDATE mailbox SET highest_mod_seq = ? WHERE id = ?",
                           arguments: [Int64(modSeq.rawValue), mailboxID])
            try beforeCommit()
            return modSeq
        }
    }

    /// UIDs expunged with a MODSEQ above `since`, ascending (RFC 7162 §3.2.5.2 VANISHED (EARLIER)).
    /// Throws ``NoSuchMailbox``.
    public func expunged(in mailboxID: Int64, since: ModSeq) throws -> [UID] {
        try pool.read { db in
            try Self.requireMailbox(mailboxID, db)
            return try Int64.fetchAll(db, sql: "SELECT uid FROM expunged WHERE mailbox_id = ? AND mod_seq > ? ORDER BY uid",
                                      arguments: [mailboxID, Int64(clamping: since.rawValue)])
                .map { UID(UInt32(truncatingIfNeeded: $0)) }
        }
    }
}
