import GRDB
public import MaildexCore

extension MailIndex {
    /// STORE (RFC 3501 §6.4.6) with CONDSTORE's UNCHANGEDSINCE (RFC 7162 §3.1.3).
    ///
    /// A message whose MODSEQ is above `unchangedSince` is not touched and is reported in
    /// `failed`. Only messages whose flags really change get the call's one new MODSEQ
    /// (HIGHESTMODSEQ + 1); if none change, HIGHESTMODSEQ stays. UIDs not in the mailbox are
    /// ignored. Throws ``NoSuchMailbox``.
    ///
    ///     C: A3 UID STORE 1:3 (UNCHANGEDSINCE 12) +FLAGS (\Seen)
    ///     S: * 1 FETCH (UID 1 MODSEQ (13) FLAGS (\Seen))
    ///     S: A3 OK [MODIFIED 3] Conditional STORE failed
    public func setFlags(
        _ flags: Set<Flag>, _ mode: FlagUpdate, uids: [UID], in mailboxID: Int64, unchangedSince: ModSeq? = nil
    ) throws -> (changed: [FlagChange], failed: [UID]) {
        try pool.write { db in
            guard let box = try Self.mailbox(id: mailboxID, db) else { throw NoSuchMailbox(id: mailboxID) }
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, uid, mod_seq, system_flags, keywords FROM message
                WHERE mailbox_id = ? AND uid IN (SELECT value FROM json_each(?)) ORDER BY uid
                """), arguments: [mailboxID, Self.jsonArray(uids)])
            let modSeq = box.highestModSeq.next
            let update = try db.cachedStatement(sql: "UPDATE message SET system_flags = ?, keywords = ?, mod_seq = ? WHERE id = ?")
            var changed: [FlagChange] = []
            var failed: [UID] = []
            for row in rows {
                let uid = UID(UInt32(truncatingIfNeeded: row["uid"] as Int64))
                let rowModSeq = UInt64(clamping: row["mod_seq"] as Int64)
                if let unchangedSince, rowModSeq > unchangedSince.rawValue {
                    failed.append(uid)
                    continue
                }
                let old = FlagColumns.decode(systemFlags: row["system_flags"], keywords: row["keywords"])
                let new = Self.apply(flags, mode, to: old)
                if Self.sameFlags(old, new) { continue }
                let encoded = FlagColumns.encode(new)
                try update.execute(arguments: [encoded.systemFlags, encoded.keywords, Int64(modSeq.rawValue), row["id"] as Int64])
                changed.append(FlagChange(uid: uid, flags: new, modSeq: modSeq))
            }
            if !changed.isEmpty {
                try db.execute(sql: "UPDATE mailbox SET highest_mod_seq = ? WHERE id = ?",
                               arguments: [Int64(modSeq.rawValue), mailboxID])
            }
            return (changed, failed)
        }
    }

    static func apply(_ flags: Set<Flag>, _ mode: FlagUpdate, to old: Set<Flag>) -> Set<Flag> {
        switch mode {
        case .replace: flags
        // Keep the spelling already stored for a keyword that is added again.
        case .add: old.union(flags.subtracting(old))
        case .remove: old.subtracting(flags)
        }
    }

    /// Flag's == ignores keyword case, so "$junk" replacing "$Junk" is no change.
    private static func sameFlags(_ a: Set<Flag>, _ b: Set<Flag>) -> Bool { a == b }
}
