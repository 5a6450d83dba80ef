public import MaildexCore
public import MaildexIndex

extension UserStore {
    /// UIDs matching a query, in SORT order (RFC 5256 §3, RFC 5957 §3); answered from the index.
    public func sort(_ query: SearchQuery, by keys: [SortKeySpec], in name: MailboxName) throws -> [UID] {
        try index.sort(query, by: keys, in: mailboxID(name))
    }
}
