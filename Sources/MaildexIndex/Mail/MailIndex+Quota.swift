import GRDB

extension MailIndex {
    /// The user's usage over all mailboxes (see ``QuotaUsage``): one row that triggers keep up
    /// to date on every insert and delete of a message row (migration `user_v0006`), so the
    /// check costs the same at 10 or 100,000 messages.
    public func quotaUsage() throws -> QuotaUsage {
        try pool.read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT storage, messages FROM quota_usage WHERE id = 1"))
            return QuotaUsage(storage: row?[0] ?? 0, messages: row?[1] ?? 0)
        }
    }
}
