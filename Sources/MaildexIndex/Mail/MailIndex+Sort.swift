import GRDB
public import MaildexCore

extension MailIndex {
    /// The UIDs of the messages of a mailbox matching `query`, in the order of `keys` (RFC 5256
    /// §3, RFC 5957 §3): one SQL query whose `ORDER BY` has one term per key, then the UID
    /// ascending (the RFC breaks ties by sequence number, which follows the UID). An empty `keys`
    /// orders by UID. Throws ``NoSuchMailbox``.
    public func sort(_ query: SearchQuery, by keys: [SortKeySpec], in mailboxID: Int64) throws -> [UID] {
        var compiler = SearchCompiler()
        let condition = compiler.condition(query)
        var arguments = compiler.arguments
        arguments["mailbox"] = mailboxID
        let mailboxTerm = SearchCompiler.isDrivenByHeaderFTS(query) ? "+m.mailbox_id" : "m.mailbox_id"
        let order = (keys.map { "\($0.sqlExpression)\($0.reverse ? " DESC" : "")" } + ["m.uid"]).joined(separator: ", ")
        let sql = """
            SELECT m.uid FROM message m LEFT JOIN message_header h ON h.message_id = m.id
            WHERE \(mailboxTerm) = :mailbox AND \(condition) ORDER BY \(order)
            """
        return try pool.read { db in
            try Self.requireMailbox(mailboxID, db)
            return try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
                .map { UID(UInt32(truncatingIfNeeded: $0)) }
        }
    }
}
