import MaildexCore
import MaildexIMAPCodec
import MaildexIndex
import MaildexStore

extension IMAPSession {
    /// RFC 9208 §3.1: the resources this server counts. No QUOTASET: limits are set with
    /// `mailadm user set-quota`, never by clients.
    static let quotaCapabilities = ["QUOTA", "QUOTA=RES-STORAGE", "QUOTA=RES-MESSAGE"]

    /// The name of the user's one quota root, shared by all their mailboxes.
    static let quotaRoot = ""

    /// GETQUOTA, GETQUOTAROOT and SETQUOTA (RFC 9208 §4).
    ///
    /// ```
    /// C: G1 GETQUOTAROOT INBOX
    /// S: * QUOTAROOT "INBOX" ""
    /// S: * QUOTA "" (STORAGE 10 512 MESSAGE 3 1000)
    /// S: G1 OK Getquotaroot completed.
    /// ```
    /// A user without limits has no quota root: GETQUOTAROOT answers `* QUOTAROOT "INBOX"`
    /// with no root names (§4.2.2 allows zero), and GETQUOTA of any root is a NO.
    func quota(_ kind: IMAPCommandKind, tag: String) async throws -> [SessionAction] {
        let store = try requireStore()
        switch kind {
        case .getQuotaRoot(let wire):
            let name = try mailboxName(wire)
            _ = try await store.open(name)   // NO [NONEXISTENT] for a mailbox that does not exist
            let resources = Self.quotaResources(try await store.quota())
            let mailbox = IMAPResponseText.mailbox(name)
            guard let resources else { return send("* QUOTAROOT \(mailbox)") + ok(tag, "Getquotaroot completed.") }
            return send(["* QUOTAROOT \(mailbox) \"\"", "* QUOTA \"\" (\(resources))"]) + ok(tag, "Getquotaroot completed.")
        case .getQuota(let root):
            guard root == Self.quotaRoot, let resources = Self.quotaResources(try await store.quota()) else {
                throw IMAPError.no("No such quota root.", code: "NONEXISTENT")
            }
            return send("* QUOTA \"\" (\(resources))") + ok(tag, "Getquota completed.")
        case .setQuota:
            throw IMAPError.no("Quotas are set by the administrator.", code: "NOPERM")
        default:
            throw IMAPError.bad("Command not valid in this state.")
        }
    }

    /// `STORAGE used limit MESSAGE used limit` for the limits that are set (RFC 9208 §5), nil
    /// when none is. STORAGE is in units of 1024 octets: usage rounded up and the limit down,
    /// so that a client never sees more room than there is.
    static func quotaResources(_ quota: (limits: QuotaLimits, usage: QuotaUsage)) -> String? {
        var items: [String] = []
        if let limit = quota.limits.storage {
            items.append("STORAGE \((quota.usage.storage + 1023) / 1024) \(max(0, limit) / 1024)")
        }
        if let limit = quota.limits.messages {
            items.append("MESSAGE \(quota.usage.messages) \(max(0, limit))")
        }
        return items.isEmpty ? nil : items.joined(separator: " ")
    }
}

extension IMAPError {
    /// `NO [OVERQUOTA]` for an APPEND, COPY or MOVE refused by the quota (RFC 9208 §4.3).
    static func overQuota(_ error: QuotaExceeded) -> IMAPError {
        .no("Quota exceeded (\(error.resource.rawValue) limit).", code: "OVERQUOTA")
    }
}
