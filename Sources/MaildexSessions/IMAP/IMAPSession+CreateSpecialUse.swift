import MaildexIMAPCodec

// CREATE-SPECIAL-USE (RFC 6154 §3): `CREATE name (USE (\Sent))`.
extension IMAPSession {
    /// The special uses a CREATE may give, as LIST shows them. \All and \Flagged name virtual
    /// mailboxes, which this store does not have.
    static let creatableSpecialUses = ["\\Archive", "\\Drafts", "\\Junk", "\\Sent", "\\Trash"]

    /// The special uses of a CREATE as the store keeps them (space-separated, as LIST shows
    /// them), nil for none; `NO [USEATTR]` for one this server cannot give (RFC 6154 §3).
    ///
    /// ```
    /// C: t1 CREATE MySpecial (USE (\Drafts \Sent))
    /// S: t1 OK Create completed.
    /// C: t3 CREATE Everything (USE (\All))
    /// S: t3 NO [USEATTR] \All is not supported for a new mailbox.
    /// ```
    static func specialUse(_ requested: [String]) throws(IMAPError) -> String? {
        var uses: [String] = []
        for use in requested {
            guard let known = creatableSpecialUses.first(where: { $0.lowercased() == use.lowercased() }) else {
                throw .no("\(use) is not supported for a new mailbox.", code: "USEATTR")
            }
            uses.append(known)
        }
        return uses.isEmpty ? nil : uses.joined(separator: " ")
    }
}
