public import MaildexCore

/// POP3 unique-id listings (RFC 1939 §7 UIDL) in Dovecot's default `pop3_uidl_format`,
/// `%08Xu%08Xv`: the UID, then the mailbox's UIDVALIDITY, each as 8 upper-case hexadecimal
/// digits. A Maildir migrated from Dovecot keeps its UIDVALIDITY and UIDs (from
/// `dovecot-uidlist`), so POP3 clients see the same UIDLs and download nothing twice.
///
/// ```
/// UID 1, UIDVALIDITY 1700000000     →  000000016553F100
/// ```
public enum POP3UIDL {
    /// The UIDL of `uid` in a mailbox with `uidValidity`.
    public static func dovecotDefault(uid: UID, uidValidity: UIDValidity) -> String {
        hex8(uid.rawValue) + hex8(uidValidity.rawValue)
    }

    private static func hex8(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
