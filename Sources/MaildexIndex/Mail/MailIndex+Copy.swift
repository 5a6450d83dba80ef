import GRDB
public import MaildexCore

extension MailIndex {
    /// One message of ``copy(_:from:to:)``: its UID in the source and its copy's file base and full name.
    public typealias Copy = (uid: UID, baseName: String, fileName: String)

    /// Copies message rows into a mailbox in one transaction (IMAP COPY, RFC 3501 §6.4.7): each
    /// copy gets the destination's next UID, one new MODSEQ and its own file name, and takes the
    /// source row's flags, INTERNALDATE, sizes, header fields and FETCH strings with SQL, so no
    /// file is read or parsed. Its body text is indexed later, like a delivery's.
    ///
    /// UIDs not in the source are skipped. Returns the (source, new) UID pairs, in the order given.
    /// Throws ``NoSuchMailbox`` or ``UIDsExhausted``.
    public func copy(_ copies: [Copy], from sourceID: Int64, to destinationID: Int64) throws -> [(UID, UID)] {
        if copies.isEmpty { return [] }
        return try pool.write { db in
            try Self.requireMailbox(sourceID, db)
            guard let target = try Self.mailbox(id: destinationID, db) else { throw NoSuchMailbox(id: destinationID) }
            let modSeq = target.highestModSeq.next
            var uidNext = UInt64(target.uidNext.rawValue)
            let find = try db.cachedStatement(sql: "SELECT id FROM message WHERE mailbox_id = ? AND uid = ?")
            let insertMessage = try db.cachedStatement(sql: """
                INSERT INTO message (mailbox_id, uid, mod_seq, system_flags, keywords, internal_date, size,
                                     virtual_size, base_name, file_name)
                SELECT ?, ?, ?, system_flags, keywords, internal_date, size, virtual_size, ?, ? FROM message WHERE id = ?
                """)
            let header = "from_text, to_text, cc_text, bcc_text, subject, sent_date, message_id_text, in_reply_to_text, "
                + "references_text, base_subject, from_sort, to_sort, cc_sort, display_from, display_to"
            let insertHeader = try db.cachedStatement(sql: """
                INSERT INTO message_header (message_id, \(header)) SELECT ?, \(header) FROM message_header WHERE message_id = ?
                """)
            let insertDetail = try db.cachedStatement(sql: """
                INSERT INTO message_detail (message_id, envelope, body_structure, body)
                SELECT ?, envelope, body_structure, body FROM message_detail WHERE message_id = ?
                """)
            let insertHeaderBlock = try db.cachedStatement(sql: """
                INSERT INTO message_header_block (message_id, header_text) SELECT ?, header_text FROM message_header_block WHERE message_id = ?
                """)
            var pairs: [(UID, UID)] = []
            for copy in copies {
                guard let old = try Int64.fetchOne(find, arguments: [sourceID, Int64(copy.uid.rawValue)]) else { continue }
                guard uidNext < UInt64(UInt32.max) else { throw UIDsExhausted(mailboxID: destinationID) }
                try insertMessage.execute(arguments: [destinationID, Int64(uidNext), Int64(modSeq.rawValue),
                                                      copy.baseName, copy.fileName, old])
                let id = db.lastInsertedRowID
                for statement in [insertHeader, insertDetail, insertHeaderBlock] { try statement.execute(arguments: [id, old]) }
                pairs.append((copy.uid, UID(UInt32(uidNext))))
                uidNext += 1
            }
            guard !pairs.isEmpty else { return [] }
            try db.execute(sql: "UPDATE mailbox SET uid_next = ?, highest_mod_seq = ? WHERE id = ?",
                           arguments: [Int64(uidNext), Int64(modSeq.rawValue), destinationID])
            return pairs
        }
    }
}
