import GRDB
public import MaildexCore

extension MailIndex {
    /// The UIDs of the messages of a mailbox matching `query`, ascending (RFC 3501 §6.4.4).
    /// One SQL query; complete even while ``indexPendingHeaders(limit:)`` and
    /// ``indexPendingBodies(limit:)`` lag.
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

    /// Whether the catch-up indexers have messages left to index (header fields or bodies).
    public func hasPendingIndexing() throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT coalesce((SELECT max(id) FROM message), 0) > min(
                    coalesce((SELECT value FROM state WHERE key = 'header_fts_indexed_through'), 0),
                    coalesce((SELECT value FROM state WHERE key = 'body_fts_indexed_through'), 0))
                """) ?? false
        }
    }

    /// Catch-up indexer for the header FTS: adds the address, subject and id fields of up to
    /// `limit` messages above the watermark `state.header_fts_indexed_through`, oldest first, in
    /// one transaction, and moves the watermark past them. Deliveries leave this to the indexer:
    /// an FTS5 insert in each delivery's transaction wrote a segment of its own. Returns how many.
    @discardableResult
    public func indexPendingHeaders(limit: Int = 500) throws -> Int {
        guard limit > 0 else { return 0 }
        return try pool.write { db in try Self.indexPendingHeaders(limit: limit, db) }
    }

    static func indexPendingHeaders(limit: Int, _ db: Database) throws -> Int {
        let watermark = try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM state WHERE key = 'header_fts_indexed_through'")) ?? 0
        guard let batch = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) AS count, max(message_id) AS through
            FROM (SELECT message_id FROM message_header WHERE message_id > ? ORDER BY message_id LIMIT ?)
            """), arguments: [watermark, limit]), let through = batch["through"] as Int64? else { return 0 }
        try db.cachedStatement(sql: """
            INSERT INTO message_header_fts (rowid, from_text, to_text, cc_text, bcc_text, subject, message_id_text, in_reply_to_text, references_text)
            SELECT message_id, from_text, to_text, cc_text, bcc_text, subject, message_id_text, in_reply_to_text, references_text
            FROM message_header WHERE message_id > ? AND message_id <= ?
            """).execute(arguments: [watermark, through])
        try db.cachedStatement(sql: "UPDATE state SET value = ? WHERE key = 'header_fts_indexed_through'").execute(arguments: [through])
        return batch["count"]
    }

    /// Catch-up indexer: adds up to `limit` messages' header block and body text (read from their
    /// files through the ``BodyTextSource``, outside any transaction) to the text FTS, oldest
    /// first, and moves the watermark past them. A message whose file is gone is indexed with its
    /// header block only. Returns how many it indexed (0 when nothing is pending, or when the first
    /// pending row was moved or renamed meanwhile: the next run reads it again).
    @discardableResult
    public func indexPendingBodies(limit: Int = 500) throws -> Int {
        guard limit > 0 else { return 0 }
        let (watermark, pending) = try pool.read { db in
            let watermark = try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM state WHERE key = 'body_fts_indexed_through'")) ?? 0
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT m.id, mb.name, m.file_name, coalesce(b.header_text, '') AS header_text
                FROM message m JOIN mailbox mb ON mb.id = m.mailbox_id
                LEFT JOIN message_header_block b ON b.message_id = m.id
                WHERE m.id > ? ORDER BY m.id LIMIT ?
                """), arguments: [watermark, limit])
            return (watermark, rows)
        }
        guard !pending.isEmpty else { return 0 }
        let texts = pending.map { row -> String in
            guard let mailbox = try? MailboxName(row["name"] as String) else { return "" }
            return bodyText(mailbox, row["file_name"]) ?? ""
        }
        return try pool.write { db in
            // Another indexer got here first: its rows are in, ours would be duplicates.
            guard try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM state WHERE key = 'body_fts_indexed_through'")) == watermark else { return 0 }
            // A row moved or renamed since it was read (MOVE keeps its id) was read from a file
            // that may be gone: stop before it, and the next run reads it again.
            let current = try db.cachedStatement(sql: "SELECT file_name FROM message WHERE id = ?")
            let insert = try db.cachedStatement(sql: "INSERT INTO message_text_fts (rowid, header_text, body_text) VALUES (?, ?, ?)")
            var through = watermark, count = 0
            for (row, text) in zip(pending, texts) {
                let id: Int64 = row["id"]
                if let now = try String.fetchOne(current, arguments: [id]), now != row["file_name"] as String { break }
                try insert.execute(arguments: [id, row["header_text"] as String, text])
                (through, count) = (id, count + 1)
            }
            guard count > 0 else { return 0 }
            try db.cachedStatement(sql: "UPDATE state SET value = ? WHERE key = 'body_fts_indexed_through'").execute(arguments: [through])
            return count
        }
    }
}
