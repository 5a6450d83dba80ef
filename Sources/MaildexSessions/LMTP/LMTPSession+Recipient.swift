import MaildexAuth
import MaildexCore
import MaildexLMTPCodec
import MaildexStore

/// A recipient refused at RCPT, with the reply that says why.
struct LMTPRecipientRefusal: Error, LMTPResponseError {
    var reply: LMTPReply
    /// For logs: the cause, which the client is not told.
    var reason: String
}

extension LMTPSession {
    /// Finds the user of a recipient address and the mailbox its copy goes to.
    ///
    /// `alice+lists@Example.COM`: the detail `lists` is cut at the first `+`; the userdb is asked
    /// for `alice@example.com`, then for `alice` alone; the copy goes to the user's mailbox
    /// `lists` when it exists, else to INBOX (Dovecot's `lmtp_save_to_detail_mailbox`).
    func resolveRecipient(_ address: LMTPAddress) async -> Result<LMTPRecipient, LMTPRecipientRefusal> {
        let (user, detail) = Self.splitDetail(address.localPart)
        var candidates = [address.domain.map { "\(user)@\($0)" } ?? user, user].map { $0.lowercased() }
        if candidates[0] == candidates[1] { candidates.removeLast() }
        var fields: UserFields?
        do {
            for candidate in candidates {
                fields = try await authenticator.lookup(user: candidate)
                if fields != nil { break }
            }
        } catch {
            return .failure(LMTPRecipientRefusal(reply: LMTPReply(451, .init(4, 3, 0), "Temporary failure"), reason: "userdb lookup of \(address): \(error)"))
        }
        guard let fields else {
            return .failure(LMTPRecipientRefusal(reply: LMTPReply(550, .init(5, 1, 1), "\(address.bracketed) User doesn't exist"), reason: "no user for \(address)"))
        }
        let store: UserStore
        do {
            store = try resolver.userStore(for: fields)
        } catch {
            return .failure(LMTPRecipientRefusal(reply: LMTPReply(451, .init(4, 3, 0), "Temporary failure"), reason: "mail store of \(fields.username): \(error)"))
        }
        // Like Dovecot's lmtp_rcpt_check_quota: a full user is refused before the data is sent.
        // (A failed check is not a refusal: DATA checks again.)
        if store.hasQuotaLimits, (try? await store.isOverQuota()) == true {
            return .failure(LMTPRecipientRefusal(reply: Self.mailboxFull(address), reason: "\(fields.username) is over quota"))
        }
        let mailbox = await Self.detailMailbox(detail, in: store) ?? .inbox
        return .success(LMTPRecipient(address: address, store: store, mailbox: mailbox))
    }

    /// `alice+lists` → (`alice`, `lists`); a name starting with `+` has no detail.
    static func splitDetail(_ localPart: String) -> (user: String, detail: String?) {
        guard let plus = localPart.firstIndex(of: "+"), plus != localPart.startIndex else { return (localPart, nil) }
        return (String(localPart[..<plus]), String(localPart[localPart.index(after: plus)...]))
    }

    /// The selectable mailbox the detail names: the exact name, else the one name that matches
    /// ignoring case (MTAs may lower-case addresses). nil for no detail or no such mailbox.
    static func detailMailbox(_ detail: String?, in store: UserStore) async -> MailboxName? {
        guard let detail, !detail.isEmpty, let wanted = try? MailboxName(detail) else { return nil }
        guard let mailboxes = try? await store.mailboxes().filter(\.selectable).map(\.name) else { return nil }
        if mailboxes.contains(wanted) { return wanted }
        let folded = mailboxes.filter { $0.rawValue.lowercased() == wanted.rawValue.lowercased() }
        return folded.count == 1 ? folded[0] : nil
    }
}

extension LMTPSession {
    /// `552 5.2.2 <address> Mailbox full` (RFC 3463 §3.3: mailbox full), for a recipient over quota.
    static func mailboxFull(_ address: LMTPAddress) -> LMTPReply {
        LMTPReply(552, .init(5, 2, 2), "\(address.bracketed) Mailbox full")
    }
}
