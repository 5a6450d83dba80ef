import Foundation
import GRDB
public import MaildexCore

extension MailIndex {
    /// The threading data of the messages of a mailbox matching `query` (RFC 5256 §4–5), in UID
    /// order: one SQL query with the search compiler's condition. Throws ``NoSuchMailbox``.
    public func threadData(_ query: SearchQuery, in mailboxID: Int64) throws -> [ThreadRow] {
        var compiler = SearchCompiler()
        let condition = compiler.condition(query)
        var arguments = compiler.arguments
        arguments["mailbox"] = mailboxID
        let mailboxTerm = SearchCompiler.isDrivenByHeaderFTS(query) ? "+m.mailbox_id" : "m.mailbox_id"
        let sql = """
            SELECT m.uid, h.message_id_text, h.in_reply_to_text, h.references_text,
                   coalesce(h.base_subject, maildex_unicode_casemap(h.subject), ''), coalesce(h.subject, ''),
                   coalesce(h.sent_date, m.internal_date)
            FROM message m LEFT JOIN message_header h ON h.message_id = m.id
            WHERE \(mailboxTerm) = :mailbox AND \(condition) ORDER BY m.uid
            """
        return try pool.read { db in
            try Self.requireMailbox(mailboxID, db)
            // A cursor reads each column straight from SQLite; fetchAll would copy every row
            // into a Row first, which was a third of THREAD's time over 100,000 messages.
            var rows: [ThreadRow] = []
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try cursor.next() {
                let references: String? = row[3]
                rows.append(ThreadRow(
                    uid: UID(UInt32(truncatingIfNeeded: row[0] as Int64)),
                    messageID: row[1], inReplyTo: row[2],
                    references: references.map { $0.utf8.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) } } ?? [],
                    baseSubject: row[4], subject: row[5],
                    sentDate: Date(timeIntervalSince1970: row[6] as Double)))
            }
            return rows
        }
    }
}
