import GRDB
public import MaildexCore

/// What an IMAP FETCH reads from the index for one message: the light row, and only the FETCH
/// strings asked for (nil when not asked for).
public struct FetchRow: Sendable {
    public var record: MessageRecord
    public var envelope: String?
    public var bodyStructure: String?
    public var body: String?
    /// The raw header block, CRLF line ends, with the empty line that ends it.
    public var headerBlock: [UInt8]?

    public init(record: MessageRecord, envelope: String? = nil, bodyStructure: String? = nil, body: String? = nil,
                headerBlock: [UInt8]? = nil) {
        self.record = record
        self.envelope = envelope
        self.bodyStructure = bodyStructure
        self.body = body
        self.headerBlock = headerBlock
    }
}

/// Which FETCH strings ``MailIndex/fetchRows(in:uids:columns:)`` reads.
public struct FetchColumns: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let envelope = FetchColumns(rawValue: 1)
    public static let bodyStructure = FetchColumns(rawValue: 2)
    public static let body = FetchColumns(rawValue: 4)
    public static let headerBlock = FetchColumns(rawValue: 8)
}

extension MailIndex {
    /// The rows of the given UIDs with the asked-for FETCH strings, ascending by UID, in one query
    /// that joins only the tables it needs; UIDs not in the mailbox are skipped. Throws ``NoSuchMailbox``.
    public func fetchRows(in mailboxID: Int64, uids: [UID], columns: FetchColumns) throws -> [FetchRow] {
        try pool.read { db in
            try Self.requireMailbox(mailboxID, db)
            let detail = !columns.isDisjoint(with: [.envelope, .bodyStructure, .body])
            let select = [
                columns.contains(.envelope) ? "d.envelope" : "NULL",
                columns.contains(.bodyStructure) ? "d.body_structure" : "NULL",
                columns.contains(.body) ? "d.body" : "NULL",
                columns.contains(.headerBlock) ? "b.header_text" : "NULL",
            ].joined(separator: ", ")
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(Self.recordColumns), \(select)
                FROM message m
                \(detail ? "JOIN message_detail d ON d.message_id = m.id" : "")
                \(columns.contains(.headerBlock) ? "LEFT JOIN message_header_block b ON b.message_id = m.id" : "")
                WHERE m.mailbox_id = ? AND m.uid IN (SELECT value FROM json_each(?))
                ORDER BY m.uid
                """), arguments: [mailboxID, Self.jsonArray(uids)])
            var result: [FetchRow] = []
            while let row = try rows.next() {
                let header: String? = row[13]
                result.append(FetchRow(record: Self.messageRecord(row), envelope: row[10], bodyStructure: row[11], body: row[12],
                                       headerBlock: header.map { Array($0.utf8) }))
            }
            return result
        }
    }
}
