/// A command line from an LMTP client (RFC 2033 §4, with the syntax of RFC 5321 §4.1.1).
///
/// ```
/// C: LHLO mx.example.org                          .lhlo(domain: "mx.example.org")
/// C: MAIL FROM:<bob@example.org> SIZE=512         .mail(from: bob@example.org, parameters: size 512)
/// C: RCPT TO:<alice@example.com>                  .rcpt(to: alice@example.com)
/// C: DATA                                         .data
/// ```
///
/// Parse with ``init(parsing:)``; a line that is not acceptable throws an ``LMTPCommandError``
/// that carries the reply to send.
public enum LMTPCommand: Sendable, Hashable {
    /// `LHLO domain` (RFC 2033 §4.1). The domain is taken as given.
    case lhlo(domain: String)
    /// `MAIL FROM:<reverse-path> [SIZE=n] [BODY=…]`; a nil sender is the null path `<>`.
    case mail(from: LMTPAddress?, parameters: MailParameters)
    /// `RCPT TO:<forward-path>`, including `<postmaster>`.
    case rcpt(to: LMTPAddress)
    /// `DATA` (RFC 5321 §4.1.1.4).
    case data
    /// `RSET` (RFC 5321 §4.1.1.5).
    case rset
    /// `NOOP [string]` (RFC 5321 §4.1.1.9).
    case noop
    /// `QUIT` (RFC 5321 §4.1.1.10).
    case quit
    /// `VRFY string` (RFC 5321 §4.1.1.6); answered with 252.
    case vrfy(String)
    /// `STARTTLS` (RFC 3207).
    case startTLS

    /// The longest command line accepted, in bytes without the line ending. RFC 5321
    /// §4.5.3.1.4 allows 512 octets including CRLF; the extra two bytes are tolerance.
    public static let maximumLineLength = 512
}
