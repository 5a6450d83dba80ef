/// An error that renders itself as an LMTP reply (a `5xx` for bad syntax, a `4xx` for a
/// temporary failure).
public protocol LMTPResponseError: Error {
    /// What the client is told.
    var reply: LMTPReply { get }
}

/// A command line that cannot be accepted as written: an unknown verb, bad syntax, an
/// unsupported parameter. Carries the reply to send and the reason for logs.
///
/// ```
/// C: EHLO client.example.com
/// S: 500 5.5.1 Use LHLO
/// ```
public struct LMTPCommandError: LMTPResponseError, Hashable, CustomStringConvertible {
    public var reply: LMTPReply
    /// Why, for logs; may name the offending input.
    public var reason: String

    public init(reply: LMTPReply, reason: String) {
        self.reply = reply
        self.reason = reason
    }

    public var description: String { "LMTP command refused (\(reply.code)): \(reason)" }

    /// `500 5.5.1` — the verb is not an LMTP command (RFC 5321 §4.2.4).
    static func unrecognized(_ verb: String) -> Self {
        Self(reply: LMTPReply(500, .init(5, 5, 1), "Command unrecognized"), reason: "unknown command '\(verb)'")
    }

    /// `500 5.5.1 Use LHLO` — HELO and EHLO are not LMTP (RFC 2033 §4.1).
    static func useLHLO(_ verb: String) -> Self {
        Self(reply: LMTPReply(500, .init(5, 5, 1), "Use LHLO"), reason: "\(verb) is not valid in LMTP")
    }

    /// `500 5.5.2` — the line is not a command at all (empty, NUL, not UTF-8, too long).
    static func malformedLine(_ text: String, reason: String) -> Self {
        Self(reply: LMTPReply(500, .init(5, 5, 2), text), reason: reason)
    }

    /// `501 5.5.4` — the arguments are wrong (RFC 5321 §4.2.2, RFC 3463 X.5.4).
    static func badArguments(_ reason: String) -> Self {
        Self(reply: LMTPReply(501, .init(5, 5, 4), "Syntax error in parameters"), reason: reason)
    }

    /// `501 5.1.7` / `501 5.1.3` — a sender or recipient path that does not parse (RFC 3463).
    static func badPath(_ reason: String, sender: Bool) -> Self {
        let status = sender ? EnhancedStatusCode(5, 1, 7) : EnhancedStatusCode(5, 1, 3)
        let text = sender ? "Bad sender address syntax" : "Bad recipient address syntax"
        return Self(reply: LMTPReply(501, status, text), reason: reason)
    }

    /// `555 5.5.4` — a MAIL or RCPT parameter that is not supported (RFC 5321 §4.1.1.11).
    static func unsupportedParameter(_ keyword: String) -> Self {
        Self(reply: LMTPReply(555, .init(5, 5, 4), "Unsupported parameter \(keyword)"), reason: "unsupported parameter '\(keyword)'")
    }
}
