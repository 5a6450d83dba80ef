public import MaildexCore
public import MaildexIndex

extension UserStore {
    /// The threading data of the messages matching a query (RFC 5256 §4–5), in UID order;
    /// answered from the index, never from the message files.
    public func threadData(_ query: SearchQuery, in name: MailboxName) throws -> [ThreadRow] {
        try index.threadData(query, in: mailboxID(name))
    }
}
