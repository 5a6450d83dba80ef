/// One POP3 client command (RFC 1939 §4–§7, CAPA from RFC 2449, STLS from RFC 2595, AUTH from
/// RFC 5034), parsed from one line by ``init(parsing:)``.
///
/// ```
/// C: USER alice                 .user("alice")
/// C: PASS open sesame           .pass("open sesame")
/// C: TOP 3 10                   .top(3, lines: 10)
/// C: AUTH PLAIN AGFsaWNl...     .auth(mechanism: "PLAIN", initialResponse: "AGFsaWNl...")
/// ```
///
/// Message numbers are 1 or more; they are checked against the maildrop by the session.
public enum POP3Command: Sendable, Equatable {
    /// `USER name` (RFC 1939 §7).
    case user(String)
    /// `PASS secret`: everything after the first space, spaces included (RFC 1939 §7).
    case pass(String)
    /// `STAT` (RFC 1939 §5).
    case stat
    /// `LIST [msg]` (RFC 1939 §5).
    case list(Int?)
    /// `UIDL [msg]` (RFC 1939 §7).
    case uidl(Int?)
    /// `RETR msg` (RFC 1939 §5).
    case retr(Int)
    /// `TOP msg n`: headers, the blank line and the first `lines` body lines (RFC 1939 §7).
    case top(Int, lines: Int)
    /// `DELE msg` (RFC 1939 §5).
    case dele(Int)
    /// `RSET` (RFC 1939 §5).
    case rset
    /// `NOOP` (RFC 1939 §5).
    case noop
    /// `QUIT` (RFC 1939 §4 and §6).
    case quit
    /// `CAPA` (RFC 2449 §5).
    case capa
    /// `STLS` (RFC 2595 §4).
    case stls
    /// `AUTH [mechanism [initial-response]]` (RFC 5034 §4; without a mechanism, the mechanism
    /// list of RFC 1734 style clients).
    case auth(mechanism: String?, initialResponse: String?)

    /// The command keyword as the client would write it, upper-case.
    public var name: String {
        switch self {
        case .user: "USER"
        case .pass: "PASS"
        case .stat: "STAT"
        case .list: "LIST"
        case .uidl: "UIDL"
        case .retr: "RETR"
        case .top: "TOP"
        case .dele: "DELE"
        case .rset: "RSET"
        case .noop: "NOOP"
        case .quit: "QUIT"
        case .capa: "CAPA"
        case .stls: "STLS"
        case .auth: "AUTH"
        }
    }
}
