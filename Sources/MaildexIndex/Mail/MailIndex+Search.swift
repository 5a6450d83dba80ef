import GRDB
public import MaildexCore

extension MailIndex {
    /// The UIDs of the messages of a mailbox matching `query`, ascending (RFC 3501 §6.4.4).
    /// One SQL query; complete even while ``indexPendingBodies(limit:)`` lags.
    /// Throws ``NoSuchMailbox``.
    public func search(_ query: SearchQuery, in mailboxID: Int64) throws -> [UID] {
        var compiler = SearchCompiler()
        let condition = compiler.condition(query)
        var arguments = compiler.arguments
        arguments["mailbox"] = mailboxID
        // When a header FTS term leads, SQLite should walk its row ids rather than the whole
        // mailbox's (mailbox_id, uid) index: `+` keeps it off that index (100k: 7 ms -> 0.1 ms).
        let mailboxTerm = SearchCompiler.isDrivenByHeaderFTS(query) ? "+m.mailbox_id" : "m.mailbox_id"
        let sql = "SELECT m.uid FROM message m WHERE \(mailboxTerm) = :mailbox AND \(condition) ORDER BY m.uid"
        return try pool.read { db in
            try Self.requireMailbox(mailboxID, db)
            return try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
                .map { UID(UInt32(truncatingIfNeeded: $0)) }
        }
    }

    /// Catch-up indexer: adds up to `limit` messages' header block and body text to the body
    /// FTS, oldest first, and moves the watermark past them. Returns how many it indexed (0 when
    /// nothing is pending). Run it after deliveries, e.g. from the user's actor when idle.
    @discardableResult
    public func indexPendingBodies(limit: Int = 500) throws -> Int {
        guard limit > 0 else { return 0 }
        return try pool.write { db in
            let watermark = try Int64.fetchOne(db, sql: "SELECT value FROM state WHERE key = 'body_fts_indexed_through'") ?? 0
            let ids = try Int64.fetchAll(db, sql: "SELECT message_id FROM message_body WHERE message_id > ? ORDER BY message_id LIMIT ?",
                                         arguments: [watermark, limit])
            guard let last = ids.last else { return 0 }
            try db.execute(sql: """
                INSERT INTO message_body_fts (rowid, header_text, body_text)
                SELECT message_id, header_text, body_text FROM message_body WHERE message_id > ? AND message_id <= ?
                """, arguments: [watermark, last])
            try db.execute(sql: "UPDATE state SET value = ? WHERE key = 'body_fts_indexed_through'", arguments: [last])
            return ids.count
        }
    }
}
