/// An extended response code in brackets after `-ERR` (RFC 2449 §8, RFC 3206).
///
/// ```
/// S: -ERR [AUTH] Authentication failed.
/// S: -ERR [SYS/TEMP] Internal error occurred.
/// ```
public enum POP3ResponseCode: String, Sendable, Equatable, CaseIterable {
    /// The failure is about the credentials, not the system (RFC 3206 §5).
    case auth = "AUTH"
    /// A temporary system problem; retrying later may work (RFC 3206 §4).
    case sysTemp = "SYS/TEMP"
    /// A permanent system problem; retrying will not help (RFC 3206 §4).
    case sysPerm = "SYS/PERM"
    /// The maildrop is locked by another session (RFC 2449 §8.1.1).
    case inUse = "IN-USE"
    /// The user logged in too recently (RFC 2449 §8.1.2).
    case loginDelay = "LOGIN-DELAY"
}
