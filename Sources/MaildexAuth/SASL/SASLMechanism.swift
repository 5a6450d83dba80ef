/// The SASL mechanisms Maildex offers (`AUTH=PLAIN AUTH=LOGIN` in IMAP CAPABILITY, `SASL
/// PLAIN LOGIN` in POP3 CAPA).
public enum SASLMechanism: String, Sendable, CaseIterable {
    /// RFC 4616: one message `[authzid] NUL authcid NUL passwd`.
    case plain = "PLAIN"
    /// draft-murchison-sasl-login: "Username:" and "Password:" challenges.
    case login = "LOGIN"

    /// The mechanism named `name` (case-insensitive, RFC 4422 §3.1), or `nil`.
    public init?(name: String) {
        self.init(rawValue: name.uppercased())
    }
}

/// What to do next in a SASL exchange.
public enum SASLStep: Sendable, Equatable {
    /// Send this base64 text as a continuation (`+ text` in IMAP and POP3) and pass the
    /// client's next line to ``SASLExchange/receive(_:)``.
    case challenge(String)
    /// The client is done: check these credentials with the ``Authenticator``.
    /// `authorizationID` is `nil` when the client asked for none (or for itself).
    case credentials(authorizationID: String?, user: String, password: String)
    /// The exchange ended without credentials; answer `NO`/`-ERR` (or `BAD` for cancel).
    case failure(SASLFailure)
}

/// Why a SASL exchange ended without credentials. Never contains the password.
public enum SASLFailure: Sendable, Equatable, CustomStringConvertible {
    /// The client sent `*` (RFC 4422 §3.5).
    case cancelled
    /// A response was not valid base64 (RFC 4648 §4).
    case malformedBase64
    /// A decoded response broke the mechanism's rules; the text says which.
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .cancelled: "authentication cancelled by the client"
        case .malformedBase64: "response is not valid base64"
        case .malformedResponse(let reason): "malformed response: \(reason)"
        }
    }
}
