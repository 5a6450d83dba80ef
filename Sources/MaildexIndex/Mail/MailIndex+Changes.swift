import GRDB
public import MaildexCore

extension MailIndex {
    /// The rows changed (new or flags altered) after `modSeq`, ascending by UID, the UIDs
    /// expunged after it, and the mailbox's HIGHESTMODSEQ, read in one snapshot: what an IMAP
    /// session needs to bring its view up to date (RFC 7162 §3.1). Throws ``NoSuchMailbox``.
    public func changes(in mailboxID: Int64, since modSeq: ModSeq) throws -> (changed: [MessageRecord], expunged: [UID], highestModSeq: ModSeq) {
        try pool.read { db in
            guard let highest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT highest_mod_seq FROM mailbox WHERE id = ?"), arguments: [mailboxID]) else {
                throw NoSuchMailbox(id: mailboxID)
            }
            guard UInt64(highest) > modSeq.rawValue else { return ([], [], ModSeq(UInt64(highest))) }
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(Self.recordColumns) FROM message m WHERE m.mailbox_id = ? AND m.mod_seq > ? ORDER BY m.uid
                """), arguments: [mailboxID, Int64(modSeq.rawValue)])
            let changed = try Self.collect(rows, Self.messageRecord)
            let expunged = try Int64.fetchAll(db, sql: "SELECT uid FROM expunged WHERE mailbox_id = ? AND mod_seq > ? ORDER BY uid",
                                              arguments: [mailboxID, Int64(modSeq.rawValue)]).map { UID(UInt32($0)) }
            return (changed, expunged, ModSeq(UInt64(highest)))
        }
    }

    /// The highest UID of the mailbox already shown as `\Recent` to some session (RFC 3501
    /// §2.3.2), 0 when none; kept in the `state` table so a restart does not make old mail recent.
    public func recentClaim(in mailboxID: Int64) throws -> UID {
        try pool.read { db in
            UID(UInt32(try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM state WHERE key = ?"), arguments: ["recent_uid:\(mailboxID)"]) ?? 0))
        }
    }

    /// How many messages of the mailbox have a UID above `uid` (STATUS RECENT), by the index.
    public func count(in mailboxID: Int64, above uid: UID) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM message WHERE mailbox_id = ? AND uid > ?"),
                             arguments: [mailboxID, Int64(uid.rawValue)]) ?? 0
        }
    }

    /// Records that the messages up to `uid` have been shown as `\Recent`; returns the previous
    /// claim. Only ever moves up.
    public func claimRecent(upTo uid: UID, in mailboxID: Int64) throws -> UID {
        try pool.write { db in
            let key = "recent_uid:\(mailboxID)"
            let previous = UID(UInt32(try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM state WHERE key = ?"), arguments: [key]) ?? 0))
            if uid > previous {
                try db.execute(sql: "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, Int64(uid.rawValue)])
            }
            return previous
        }
    }
}

/// What SELECT reports about a mailbox (RFC 3501 §6.3.1), read without building message rows.
public struct MailboxSummary: Sendable, Equatable {
    /// Every UID, ascending.
    public var uids: [UID]
    /// The position (0-based) of the first message without \Seen, nil when all are seen.
    public var firstUnseen: Int?
    /// Every keyword in use.
    public var keywords: Set<Flag>
}

extension MailIndex {
    /// UIDs, first unseen and keywords of a mailbox in one pass over the light rows.
    /// Throws ``NoSuchMailbox``.
    public func summary(of mailboxID: Int64) throws -> MailboxSummary {
        try pool.read { db in
            try Self.requireMailbox(mailboxID, db)
            var summary = MailboxSummary(uids: [], firstUnseen: nil, keywords: [])
            let rows = try Row.fetchCursor(db, sql: "SELECT uid, system_flags & 1, keywords FROM message WHERE mailbox_id = ? ORDER BY uid",
                                           arguments: [mailboxID])
            while let row = try rows.next() {
                if summary.firstUnseen == nil, (row[1] as Int64) == 0 { summary.firstUnseen = summary.uids.count }
                summary.uids.append(UID(UInt32(truncatingIfNeeded: row[0] as Int64)))
                if let keywords = row[2] as String? {
                    for keyword in keywords.split(separator: " ") { summary.keywords.insert(.keyword(String(keyword))) }
                }
            }
            return summary
        }
    }
}

extension MailIndex {
    /// The lowest UID without `\Seen` in a mailbox, nil when every message is seen.
    public func lowestUnseen(in mailboxID: Int64) throws -> UID? {
        try pool.read { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT min(uid) FROM message WHERE mailbox_id = ? AND system_flags & 1 = 0"),
                               arguments: [mailboxID]).map { UID(UInt32(truncatingIfNeeded: $0)) }
        }
    }
}
