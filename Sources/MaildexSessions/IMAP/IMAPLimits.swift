/// Limits of an IMAP connection (the `imap_max_line_length` and APPENDLIMIT of the config).
public struct IMAPLimits: Sendable, Equatable {
    /// The longest command line, without literals: 64 KiB, as Dovecot.
    public var maximumLineLength = 65_536
    /// The largest message APPEND accepts (RFC 7889 APPENDLIMIT), and so the largest literal: 50 MiB.
    public var appendLimit = 50 << 20
    /// Autologout after this long without a command (RFC 3501 §5.4 asks for at least 30 minutes).
    public var autologout: Duration = .seconds(30 * 60)
    /// During IDLE, an `* OK Still here` after this long, so NAT boxes keep the connection.
    public var idleKeepalive: Duration = .seconds(2 * 60)
    /// How often the session looks at its timers.
    public var tick: Duration = .seconds(30)

    public init() {}
}
