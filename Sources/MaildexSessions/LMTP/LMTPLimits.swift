/// Limits of an LMTP session.
public struct LMTPLimits: Sendable, Equatable {
    /// The largest message accepted, in bytes as received (CRLF line ends, after dot-unstuffing,
    /// before Return-Path and Delivered-To are added); announced as `SIZE` (RFC 1870). The
    /// default is 50 MiB (52 428 800 bytes).
    public var maximumMessageSize: Int
    /// The most recipients of one transaction; more get `452 4.5.3` (RFC 5321 §4.5.3.1.10).
    /// The default is 100, the minimum RFC 5321 asks a server to accept.
    public var maximumRecipients: Int

    public init(maximumMessageSize: Int = 50 * 1024 * 1024, maximumRecipients: Int = 100) {
        self.maximumMessageSize = maximumMessageSize
        self.maximumRecipients = maximumRecipients
    }
}
