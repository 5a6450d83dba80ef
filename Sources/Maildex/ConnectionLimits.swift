/// Limits against clients that hold connections open without using them: too many connections
/// from one address, and connections that never log in (slowloris: a client that trickles a byte
/// at a time is still closed, since the deadline counts from the connect, not from the last byte).
///
/// ```
/// max_connections_per_ip = 50     # IMAP, POP3 and LMTP together, per remote address; 0 = no limit
/// login_timeout = 60s             # from connect to a successful IMAP/POP3 login
/// ```
/// ```
/// S: * BYE Too many connections from your address     (then the server closes)
/// S: * BYE Login timeout                              (no login within login_timeout)
/// ```
public struct ConnectionLimits: Sendable, Equatable {
    /// Most connections open at once from one remote address, all TCP listeners together
    /// (`max_connections_per_ip`); the next one gets a refusal and is closed. Unix sockets are not
    /// counted. nil means no limit. The default is 50.
    public var maximumConnectionsPerAddress: Int? = 50
    /// How long an IMAP or POP3 client may take from connecting to a successful login
    /// (`login_timeout`); then it gets `* BYE Login timeout` (`-ERR`) and is closed. LMTP has no
    /// login and is not timed. nil means no limit. The default is 60 seconds.
    public var loginTimeout: Duration? = .seconds(60)

    public init(maximumConnectionsPerAddress: Int? = 50, loginTimeout: Duration? = .seconds(60)) {
        self.maximumConnectionsPerAddress = maximumConnectionsPerAddress
        self.loginTimeout = loginTimeout
    }
}

extension ListenerConfiguration.ServiceProtocol {
    /// The protocol's last words before the server closes a connection it refuses
    /// (RFC 3501 §7.1.5 BYE, RFC 2449 `-ERR [SYS/TEMP]`, RFC 5321 §3.8 `421`).
    func refusal(_ reason: String) -> [UInt8] {
        switch self {
        case .imap: Array("* BYE \(reason)\r\n".utf8)
        case .pop3: Array("-ERR [SYS/TEMP] \(reason)\r\n".utf8)
        case .lmtp: Array("421 4.7.0 \(reason)\r\n".utf8)
        case .control: []
        }
    }
}
