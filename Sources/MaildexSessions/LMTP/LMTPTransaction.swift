import MaildexCore
import MaildexLMTPCodec
import MaildexStore

/// One mail transaction: the sender of `MAIL FROM` and the recipients accepted so far.
struct LMTPTransaction: Sendable {
    /// nil for the null reverse path `<>` (bounces).
    var sender: LMTPAddress?
    var parameters: MailParameters
    var recipients: [LMTPRecipient] = []

    /// `Return-Path: <sender>` (RFC 5321 §4.4), the first line added to each delivered copy.
    var returnPathHeader: String { "Return-Path: <\(sender?.text ?? "")>\r\n" }
}

/// An accepted recipient: the address as the client wrote it, and where its copy goes.
struct LMTPRecipient: Sendable {
    var address: LMTPAddress
    var store: UserStore
    /// INBOX, or the mailbox named by the address's `+detail` when the user has it.
    var mailbox: MailboxName

    /// `Delivered-To: address` as Postfix and Dovecot write it (no angle brackets).
    var deliveredToHeader: String { "Delivered-To: \(address.text)\r\n" }
}
