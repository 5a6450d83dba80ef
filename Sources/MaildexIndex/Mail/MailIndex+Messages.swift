import Foundation
import GRDB
public import MaildexCore

extension MailIndex {
    /// Adds messages to a mailbox in one transaction: the light rows, header fields, FETCH
    /// strings, header FTS and the raw header block. Body text is not stored: the catch-up indexer
    /// (``indexPendingBodies(limit:)``) reads it from the message file.
    ///
    /// All messages of one call share one new MODSEQ. UIDs are allocated from UIDNEXT unless
    /// given; a given UID below UIDNEXT throws ``InvalidUID`` and nothing is inserted.
    /// Throws ``NoSuchMailbox``. Returns the UID and MODSEQ of each message, in order.
    ///
    /// `syncState`, when given, is recorded as the mailbox's sync state (see
    /// ``setSyncState(id:newMTime:curMTime:)``) in the same transaction: a delivery moves it along
    /// without a second commit.
    public func insert(_ messages: [NewMessage], into mailboxID: Int64,
                       syncState: (newMTime: Double, curMTime: Double)? = nil) throws -> [(uid: UID, modSeq: ModSeq)] {
        if messages.isEmpty { return [] }
        return try pool.write { db in
            guard let box = try Self.mailbox(id: mailboxID, db) else { throw NoSuchMailbox(id: mailboxID) }
            let modSeq = box.highestModSeq.next
            var uidNext = UInt64(box.uidNext.rawValue)
            let insertMessage = try db.cachedStatement(sql: """
                INSERT INTO message (mailbox_id, uid, mod_seq, system_flags, keywords, internal_date, size,
                                     virtual_size, base_name, file_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertHeader = try db.cachedStatement(sql: """
                INSERT INTO message_header (message_id, from_text, to_text, cc_text, bcc_text, subject, sent_date,
                    message_id_text, in_reply_to_text, references_text,
                    base_subject, from_sort, to_sort, cc_sort, display_from, display_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertDetail = try db.cachedStatement(sql: """
                INSERT INTO message_detail (message_id, envelope, body_structure, body) VALUES (?, ?, ?, ?)
                """)
            let insertHeaderBlock = try db.cachedStatement(sql: "INSERT INTO message_header_block (message_id, header_text) VALUES (?, ?)")
            var result: [(uid: UID, modSeq: ModSeq)] = []
            result.reserveCapacity(messages.count)
            for message in messages {
                let uid: UInt64
                if let given = message.uid {
                    guard UInt64(given.rawValue) >= uidNext, given.rawValue < UInt32.max else {
                        throw InvalidUID(uid: given, uidNext: UID(UInt32(clamping: uidNext)))
                    }
                    uid = UInt64(given.rawValue)
                } else {
                    guard uidNext < UInt64(UInt32.max) else { throw UIDsExhausted(mailboxID: mailboxID) }
                    uid = uidNext
                }
                uidNext = uid + 1
                let flags = FlagColumns.encode(message.flags)
                try insertMessage.execute(arguments: [
                    mailboxID, Int64(uid), Int64(modSeq.rawValue), flags.systemFlags, flags.keywords,
                    message.internalDate.timeIntervalSince1970, message.size, message.virtualSize,
                    message.baseName, message.fileName,
                ])
                let id = db.lastInsertedRowID
                let h = message.headers
                try insertHeader.execute(arguments: [
                    id, h.from, h.to, h.cc, h.bcc, h.subject, h.sentDate?.timeIntervalSince1970,
                    h.messageID, h.inReplyTo, h.references.isEmpty ? nil : h.references.joined(separator: " "),
                    h.sort.baseSubject, h.sort.from, h.sort.to, h.sort.cc, h.sort.displayFrom, h.sort.displayTo,
                ])
                try insertDetail.execute(arguments: [id, message.envelope, message.bodyStructure, message.body])
                try insertHeaderBlock.execute(arguments: [id, h.headerText])
                result.append((UID(UInt32(uid)), modSeq))
            }
            if let syncState {
                try db.cachedStatement(sql: """
                    UPDATE mailbox SET uid_next = ?, highest_mod_seq = ?, synced_new_mtime = ?, synced_cur_mtime = ? WHERE id = ?
                    """).execute(arguments: [Int64(uidNext), Int64(modSeq.rawValue), syncState.newMTime, syncState.curMTime, mailboxID])
            } else {
                try db.cachedStatement(sql: "UPDATE mailbox SET uid_next = ?, highest_mod_seq = ? WHERE id = ?")
                    .execute(arguments: [Int64(uidNext), Int64(modSeq.rawValue), mailboxID])
            }
            return result
        }
    }

    /// The light rows of a mailbox, ascending by UID. Throws ``NoSuchMailbox``.
    public func messages(in mailboxID: Int64) throws -> [MessageRecord] {
        try pool.read { db in
            try Self.requireMailbox(mailboxID, db)
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.recordColumns) FROM message m WHERE m.mailbox_id = ? ORDER BY m.uid",
                                           arguments: [mailboxID])
            return try Self.collect(rows, Self.messageRecord)
        }
    }

    /// The light rows of the given UIDs, ascending by UID; UIDs not in the mailbox are skipped.
    /// Throws ``NoSuchMailbox``.
    public func messages(in mailboxID: Int64, uids: [UID]) throws -> [MessageRecord] {
        try pool.read { db in
            try Self.requireMailbox(mailboxID, db)
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(Self.recordColumns) FROM message m
                WHERE m.mailbox_id = ? AND m.uid IN (SELECT value FROM json_each(?))
                ORDER BY m.uid
                """), arguments: [mailboxID, Self.jsonArray(uids)])
            return try Self.collect(rows, Self.messageRecord)
        }
    }

    /// Records, FETCH strings and header fields of the given UIDs, ascending by UID, in one
    /// query; UIDs not in the mailbox are skipped. Throws ``NoSuchMailbox``.
    public func details(in mailboxID: Int64, uids: [UID]) throws -> [MessageDetail] {
        try pool.read { db in
            try Self.requireMailbox(mailboxID, db)
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(Self.recordColumns), \(Self.detailColumns), b.header_text
                FROM message m
                JOIN message_header h ON h.message_id = m.id
                JOIN message_detail d ON d.message_id = m.id
                LEFT JOIN message_header_block b ON b.message_id = m.id
                WHERE m.mailbox_id = ? AND m.uid IN (SELECT value FROM json_each(?))
                ORDER BY m.uid
                """), arguments: [mailboxID, Self.jsonArray(uids)])
            return try Self.collect(rows, Self.messageDetail)
        }
    }

    /// Records a message's new file name (after its flags or folder changed). Unknown UIDs are ignored.
    public func setFileName(_ fileName: String, uid: UID, in mailboxID: Int64) throws {
        try setFileNames([(uid, fileName)], in: mailboxID)
    }

    /// Records several new file names in one transaction (after STORE on many messages).
    public func setFileNames(_ names: [(uid: UID, fileName: String)], in mailboxID: Int64) throws {
        guard !names.isEmpty else { return }
        try pool.write { db in
            let statement = try db.makeStatement(sql: "UPDATE message SET file_name = ? WHERE mailbox_id = ? AND uid = ?")
            for (uid, fileName) in names {
                try statement.execute(arguments: [fileName, mailboxID, Int64(uid.rawValue)])
            }
        }
    }

    // MARK: - Rows

    /// Columns 0…9 of every message query; ``messageRecord(_:)`` reads them by position.
    static let recordColumns = """
        m.id, m.uid, m.mod_seq, m.system_flags, m.keywords, m.internal_date, m.size, m.virtual_size, \
        m.base_name, m.file_name
        """

    /// Columns 10…21 of ``details(in:uids:)``, then `b.header_text` at 22.
    static let detailColumns = """
        h.from_text, h.to_text, h.cc_text, h.bcc_text, h.subject, h.sent_date, h.message_id_text, \
        h.in_reply_to_text, h.references_text, d.envelope, d.body_structure, d.body
        """

    /// Decodes straight from the statement (a cursor's rows are not copied, unlike fetchAll's).
    static func collect<T>(_ rows: RowCursor, _ decode: (Row) -> T) throws -> [T] {
        var result: [T] = []
        while let row = try rows.next() { result.append(decode(row)) }
        return result
    }

    static func requireMailbox(_ id: Int64, _ db: Database) throws {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM mailbox WHERE id = ?"), arguments: [id]) == true else {
            throw NoSuchMailbox(id: id)
        }
    }

    /// A JSON array of UIDs, for `IN (SELECT value FROM json_each(?))`: one bound value for any count.
    static func jsonArray(_ uids: [UID]) -> String {
        "[" + uids.map { String($0.rawValue) }.joined(separator: ",") + "]"
    }

    static func messageRecord(_ row: Row) -> MessageRecord {
        MessageRecord(
            id: row[0],
            uid: UID(UInt32(truncatingIfNeeded: row[1] as Int64)),
            modSeq: ModSeq(UInt64(clamping: row[2] as Int64)),
            flags: FlagColumns.decode(systemFlags: row[3], keywords: row[4]),
            internalDate: Date(timeIntervalSince1970: row[5]),
            size: row[6], virtualSize: row[7],
            baseName: row[8], fileName: row[9])
    }

    static func messageDetail(_ row: Row) -> MessageDetail {
        let sent: Double? = row[15]
        let references: String? = row[18]
        let headers = HeaderValues(
            from: row[10], to: row[11], cc: row[12], bcc: row[13], subject: row[14],
            sentDate: sent.map(Date.init(timeIntervalSince1970:)),
            messageID: row[16], inReplyTo: row[17],
            references: references.map { $0.split(separator: " ").map(String.init) } ?? [],
            headerText: row[22] ?? "")
        return MessageDetail(record: messageRecord(row), envelope: row[19], bodyStructure: row[20], body: row[21],
                             headers: headers)
    }
}
