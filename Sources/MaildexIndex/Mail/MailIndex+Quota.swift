import GRDB

extension MailIndex {
    /// The user's usage over all mailboxes, as one aggregate query (sum of `virtual_size`, the
    /// RFC822.SIZE, and the count of message rows). See ``QuotaUsage``.
    public func quotaUsage() throws -> QuotaUsage {
        try pool.read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT count(*), total(virtual_size) FROM message"))
            return QuotaUsage(storage: Int64(row?[1] ?? 0.0), messages: row?[0] ?? 0)
        }
    }
}
