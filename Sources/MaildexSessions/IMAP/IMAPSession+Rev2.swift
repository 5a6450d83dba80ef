import MaildexCore
import MaildexIMAPCodec
import MaildexStore

/// IMAP4rev2 (RFC 9051) beside IMAP4rev1, and UTF8=ACCEPT (RFC 6855).
///
/// A session speaks IMAP4rev1 until the client enables more. After `ENABLE IMAP4rev2`, as RFC 9051
/// Appendix E lists: no `\Recent` flag and no RECENT response (the session no longer claims
/// messages as recent, so IMAP4rev1 sessions still see them); SEARCH answers with ESEARCH;
/// SELECT and EXAMINE send a LIST response for the mailbox, no `[UNSEEN n]`, and `[CLOSED]` when
/// they replace a selection; mailbox names are UTF-8. `ENABLE UTF8=ACCEPT` switches mailbox names
/// to UTF-8 alone, allows `APPEND ... UTF8 (~{n}...)` and makes a SEARCH CHARSET a BAD
/// (RFC 6855 §3, §4). Messages with UTF-8 header fields (RFC 6532) are served as stored either way.
///
/// ```
/// C: a ENABLE IMAP4rev2 UTF8=ACCEPT
/// S: * ENABLED IMAP4rev2 UTF8=ACCEPT
/// S: a OK Enabled.
/// C: b LIST "" *
/// S: * LIST (\HasNoChildren) "/" "Entwürfe"
/// ```
extension IMAPSession {
    /// Mailbox names are UTF-8 on the wire, not modified UTF-7 (RFC 9051 §5.1, RFC 6855 §3).
    var utf8MailboxNames: Bool { imap4rev2 || utf8Accept }

    /// What a logged-in session offers beyond the IMAP4rev1 extensions, for IMAP4rev2.
    static let rev2Capabilities = ["BINARY", "UTF8=ACCEPT"]

    func enableIMAP4rev2() {
        imap4rev2 = true
        updateMailbox { $0.forgetRecent() }
    }

    /// A mailbox name on the wire: a UTF-8 quoted string once UTF-8 names are on, modified UTF-7
    /// otherwise.
    func wire(_ name: MailboxName) -> String {
        guard utf8MailboxNames else { return IMAPResponseText.mailbox(name) }
        var out = "\""
        for scalar in name.rawValue.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(scalar)
        }
        return out + "\""
    }

    /// A mailbox name as the client sent it: UTF-8 once enabled, modified UTF-7 before. Before,
    /// 8-bit text is a BAD: RFC 3501's mailbox syntax is 7-bit, and only a client that enabled
    /// UTF8=ACCEPT or IMAP4rev2 may send UTF-8 names (RFC 6855 §3). An invalid name is a NO.
    func decodeMailboxName(_ wire: String) throws(IMAPError) -> MailboxName {
        if !utf8MailboxNames, wire.utf8.contains(where: { $0 >= 0x80 }) {
            throw .bad("Mailbox name in UTF-8 needs ENABLE UTF8=ACCEPT or IMAP4rev2; send it in modified UTF-7.")
        }
        do {
            return try utf8MailboxNames ? MailboxName(wire) : MailboxName(modifiedUTF7: wire)
        } catch {
            throw .no("\(error)", code: "CANNOT")
        }
    }

    /// The LIST response SELECT and EXAMINE send in IMAP4rev2 (RFC 9051 §6.3.2).
    func selectListLine(_ name: MailboxName, store: UserStore) async throws -> String {
        let box = try await store.mailboxes().first { $0.name == name }
        var attributes = [box?.hasChildren == true ? "\\HasChildren" : "\\HasNoChildren"]
        if let use = box?.specialUse { attributes.append(use) }
        return "* LIST (\(attributes.joined(separator: " "))) \"/\" \(wire(name))"
    }

    /// `APPEND ... UTF8 (~{n}...)` only after ENABLE UTF8=ACCEPT (RFC 6855 §4).
    func checkUTF8Append(_ messages: [AppendMessage]) throws(IMAPError) {
        if !utf8Accept, messages.contains(where: \.utf8) {
            throw .bad("APPEND with UTF8 data needs ENABLE UTF8=ACCEPT.")
        }
    }

    /// After ENABLE UTF8=ACCEPT, SEARCH takes no CHARSET: everything is UTF-8 (RFC 6855 §3).
    func checkSearchCharset(_ program: SearchProgram) throws(IMAPError) {
        if utf8Accept, let charset = program.charset {
            throw .bad("SEARCH CHARSET \(charset) after ENABLE UTF8=ACCEPT: strings are UTF-8.")
        }
    }
}
