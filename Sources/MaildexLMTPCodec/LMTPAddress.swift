/// A mailbox from a `MAIL FROM` or `RCPT TO` path (RFC 5321 §4.1.2): a local part and a domain.
///
/// ```
/// C: RCPT TO:<"john smith"@Example.COM>
///    localPart "john smith", domain "Example.COM", text "\"john smith\"@Example.COM"
/// C: RCPT TO:<postmaster>
///    localPart "postmaster", domain nil
/// ```
///
/// A local part without a domain is accepted (RFC 5321 allows it only for `<postmaster>`), as
/// Dovecot's LMTP does, so that an MTA may deliver to a bare user name.
public struct LMTPAddress: Sendable, Hashable, CustomStringConvertible {
    /// The local part with quoting removed (`"a\"b"` becomes `a"b`).
    public var localPart: String
    /// The domain or address literal (`[192.0.2.1]`) as written, or nil for a bare local part.
    public var domain: String?
    /// The mailbox as the client wrote it between the angle brackets, without a source route.
    public var text: String

    public init(localPart: String, domain: String?, text: String) {
        self.localPart = localPart
        self.domain = domain
        self.text = text
    }

    /// `<text>`, the way replies and Return-Path quote a path.
    public var bracketed: String { "<\(text)>" }

    public var description: String { text }
}
