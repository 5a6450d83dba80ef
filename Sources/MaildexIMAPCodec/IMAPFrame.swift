/// What ``IMAPFrameDecoder`` hands to the session, in order.
public enum IMAPFrame: Sendable, Equatable {
    /// One complete command: its bytes up to (not including) the final line end, with every
    /// literal inline exactly as sent (`a APPEND INBOX {5}\r\nhello`). Also the lines that are
    /// not commands: AUTHENTICATE responses and IDLE's `DONE`.
    case command([UInt8])
    /// The client announced a synchronizing literal within the limit: the connection must send
    /// `+ Ready for literal data` now (RFC 3501 §7.5), before the client sends it.
    case continuationRequest
    /// A line longer than the line limit; its bytes were dropped up to the next LF.
    /// `tag` is the tag the line started with, when it had one.
    case lineTooLong(tag: String?)
    /// A literal above the literal limit (RFC 7889 APPENDLIMIT, RFC 7888). For a synchronizing
    /// literal the client sends nothing more of the command: answer `NO [TOOBIG]`. For a
    /// non-synchronizing one (`{n+}`) the bytes are on their way: answer `BAD` and close.
    case literalTooLarge(tag: String?, size: UInt64, synchronizing: Bool)
}
