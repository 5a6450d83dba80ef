import GRDB
public import MaildexCore

/// The outcome of a STORE (see ``MailIndex/setFlags(_:_:uids:in:unchangedSince:renaming:settle:)``).
public struct FlagStoreResult: Sendable {
    /// Messages whose flags changed, with their new flags and the call's one MODSEQ, ascending by UID.
    public var changed: [FlagChange] = []
    /// Messages named whose flags already were so, with their flags and MODSEQ, ascending by UID:
    /// with ``changed``, what the untagged FETCH answers need, without reading the rows again.
    public var unchanged: [FlagChange] = []
    /// Messages refused by UNCHANGEDSINCE, ascending.
    public var failed: [UID] = []
}

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
        let result = try setFlags(flags, mode, uids: uids, in: mailboxID, unchangedSince: unchangedSince) { _, _ in nil }
        return (result.changed, result.failed)
    }

    /// STORE as above, in one transaction with one prepared UPDATE, calling `rename` for each
    /// message whose flags change with its file name and new flags: the name it returns (nil
    /// when the file keeps its name) is stored with the flags, so that the index and the
    /// Maildir file names change together. After the commit, `settle` is given the committed
    /// result and gives the names that came out otherwise, by position among the non-nil names
    /// `rename` returned, and they are recorded in a second transaction.
    ///
    /// `rename` may leave the renames to another thread (``MaildirFolder/flagRenames()``):
    /// `settle` then waits for them outside the transaction, so that the commit overlaps them
    /// and deliveries need not wait for them to take the index's write lock. A crash before
    /// the renames are done leaves rows naming files by their new names; the folder's next
    /// sync finds the files by their base and takes their flags from the names they still have.
    public func setFlags(
        _ flags: Set<Flag>, _ mode: FlagUpdate, uids: [UID], in mailboxID: Int64, unchangedSince: ModSeq?,
        renaming rename: (_ fileName: String, _ flags: Set<Flag>) -> String?,
        settle: (FlagStoreResult) -> [Int: String] = { _ in [:] }
    ) throws -> FlagStoreResult {
        var renamed: [Int64] = []
        let result = try pool.write { db in
            guard let box = try Self.mailbox(id: mailboxID, db) else { throw NoSuchMailbox(id: mailboxID) }
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT id, uid, mod_seq, system_flags, keywords, file_name FROM message
                WHERE mailbox_id = ? AND uid IN (SELECT value FROM json_each(?)) ORDER BY uid
                """), arguments: [mailboxID, Self.jsonArray(uids)])
            let modSeq = box.highestModSeq.next
            let update = try db.cachedStatement(sql: """
                UPDATE message SET system_flags = ?, keywords = ?, mod_seq = ?, file_name = coalesce(?, file_name) WHERE id = ?
                """)
            var result = FlagStoreResult()
            // Rows often share their flags (1:* +FLAGS): decode and apply each distinct set once.
            var applied: [FlagColumnValues: (old: Set<Flag>, new: Set<Flag>)] = [:]
            while let row = try rows.next() {
                let uid = UID(UInt32(truncatingIfNeeded: row[1] as Int64))
                let rowModSeq = ModSeq(UInt64(clamping: row[2] as Int64))
                if let unchangedSince, rowModSeq > unchangedSince {
                    result.failed.append(uid)
                    continue
                }
                let stored = FlagColumnValues(systemFlags: row[3], keywords: row[4])
                let (old, new) = applied[stored] ?? {
                    let old = FlagColumns.decode(systemFlags: stored.systemFlags, keywords: stored.keywords)
                    let pair = (old, Self.apply(flags, mode, to: old))
                    applied[stored] = pair
                    return pair
                }()
                // Flag's == ignores keyword case, so "$junk" replacing "$Junk" is no change.
                if old == new {
                    result.unchanged.append(FlagChange(uid: uid, flags: old, modSeq: rowModSeq))
                    continue
                }
                let encoded = FlagColumns.encode(new)
                let id: Int64 = row[0]
                let fileName = rename(row[5], new)
                if fileName != nil { renamed.append(id) }
                try update.execute(arguments: [encoded.systemFlags, encoded.keywords, Int64(modSeq.rawValue), fileName, id])
                result.changed.append(FlagChange(uid: uid, flags: new, modSeq: modSeq))
            }
            if !result.changed.isEmpty {
                try db.execute(sql: "UPDATE mailbox SET highest_mod_seq = ? WHERE id = ?",
                               arguments: [Int64(modSeq.rawValue), mailboxID])
            }
            return result
        }
        let settled = settle(result).filter { renamed.indices.contains($0.key) }
        if !settled.isEmpty {
            // Not thrown: the flags are stored, and a row naming a file that is not there is
            // found again by its base on the next read or sync.
            try? pool.write { db in
                for (position, fileName) in settled {
                    try db.execute(sql: "UPDATE message SET file_name = ? WHERE id = ?", arguments: [fileName, renamed[position]])
                }
            }
        }
        return result
    }

    static func apply(_ flags: Set<Flag>, _ mode: FlagUpdate, to old: Set<Flag>) -> Set<Flag> {
        switch mode {
        case .replace: flags
        // Keep the spelling already stored for a keyword that is added again.
        case .add: old.union(flags.subtracting(old))
        case .remove: old.subtracting(flags)
        }
    }
}

/// A flag set as stored in a message row, as a dictionary key.
private struct FlagColumnValues: Hashable {
    var systemFlags: Int64
    var keywords: String?
}
