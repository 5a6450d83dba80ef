import GRDB
public import MaildexCore

extension MailIndex {
    /// One message of ``move(_:from:to:)``: its UID in the source and its file's base and full
    /// name in the destination, or nil when its file was gone (the row is then only expunged).
    public typealias Move = (uid: UID, file: (baseName: String, fileName: String)?)

    /// Moves message rows to another mailbox in one transaction (IMAP MOVE, RFC 6851): each row
    /// keeps its id, and with it its header fields, FETCH strings and full-text entries, and gets
    /// the destination's next UID, a new MODSEQ and its new file name. The source records every
    /// UID it loses in the expunged table with its new MODSEQ, as ``expunge(uids:in:)`` does, for
    /// QRESYNC's VANISHED. The destination may be the source (the messages get new UIDs).
    ///
    /// UIDs not in the source are skipped. Returns the (source, destination) UID pairs of the
    /// moved rows, in the order given. Throws ``NoSuchMailbox`` or ``UIDsExhausted``.
    public func move(_ moves: [Move], from sourceID: Int64, to destinationID: Int64) throws -> [(UID, UID)] {
        if moves.isEmpty { return [] }
        return try pool.write { db in
            guard let source = try Self.mailbox(id: sourceID, db) else { throw NoSuchMailbox(id: sourceID) }
            guard let target = try Self.mailbox(id: destinationID, db) else { throw NoSuchMailbox(id: destinationID) }
            let sourceModSeq = source.highestModSeq.next
            let targetModSeq = sourceID == destinationID ? sourceModSeq : target.highestModSeq.next
            var uidNext = UInt64(sourceID == destinationID ? source.uidNext.rawValue : target.uidNext.rawValue)
            let recordExpunge = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO expunged (mailbox_id, uid, mod_seq)
                SELECT mailbox_id, uid, ? FROM message WHERE mailbox_id = ? AND uid = ?
                """)
            let reassign = try db.cachedStatement(sql: """
                UPDATE message SET mailbox_id = ?, uid = ?, mod_seq = ?, base_name = ?, file_name = ?
                WHERE mailbox_id = ? AND uid = ?
                """)
            let remove = try db.cachedStatement(sql: "DELETE FROM message WHERE mailbox_id = ? AND uid = ?")
            var pairs: [(UID, UID)] = []
            var removed = 0
            for move in moves {
                let uid = Int64(move.uid.rawValue)
                try recordExpunge.execute(arguments: [Int64(sourceModSeq.rawValue), sourceID, uid])
                guard db.changesCount > 0 else { continue }
                removed += 1
                guard let file = move.file else {
                    try remove.execute(arguments: [sourceID, uid])
                    continue
                }
                guard uidNext < UInt64(UInt32.max) else { throw UIDsExhausted(mailboxID: destinationID) }
                try reassign.execute(arguments: [destinationID, Int64(uidNext), Int64(targetModSeq.rawValue),
                                                 file.baseName, file.fileName, sourceID, uid])
                pairs.append((move.uid, UID(UInt32(uidNext))))
                uidNext += 1
            }
            guard removed > 0 else { return [] }
            try db.execute(sql: "UPDATE mailbox SET highest_mod_seq = ? WHERE id = ?", arguments: [Int64(sourceModSeq.rawValue), sourceID])
            if !pairs.isEmpty {
                try db.execute(sql: "UPDATE mailbox SET uid_next = ?, highest_mod_seq = ? WHERE id = ?",
                               arguments: [Int64(uidNext), Int64(targetModSeq.rawValue), destinationID])
            }
            return pairs
        }
    }
}
