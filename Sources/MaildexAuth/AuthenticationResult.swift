/// The outcome of ``Authenticator/authenticate(user:password:)``.
public enum AuthenticationResult: Sendable, Equatable {
    case success(AuthenticatedUser)
    case failure(AuthenticationFailure)
}

/// A user whose password a passdb accepted, with the user fields merged from that passdb and
/// the userdbs.
public struct AuthenticatedUser: Sendable, Equatable {
    /// The name of the passdb that accepted the password, e.g. `passwd-file`.
    public var passdb: String
    /// The name of the userdb that found the user, or `nil` when none is configured.
    public var userdb: String?
    /// The passdb's fields overlaid with the userdb's.
    public var fields: UserFields

    public init(passdb: String, userdb: String?, fields: UserFields) {
        self.passdb = passdb
        self.userdb = userdb
        self.fields = fields
    }
}

/// Why authentication failed. The description is safe to log: it never contains the
/// password or a hash. Clients should see only a generic "authentication failed".
public enum AuthenticationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No passdb knows the user.
    case unknownUser
    /// A passdb knows the user, but no passdb accepted the password.
    case passwordMismatch
    /// The password was accepted, but no userdb knows the user.
    case userNotInUserDB
    /// A driver failed (unreadable file, database or PAM error, unknown scheme); the text
    /// names the driver and the problem. Like Dovecot's tempfail, it wins over a mismatch.
    case internalError(String)

    public var description: String {
        switch self {
        case .unknownUser: "unknown user"
        case .passwordMismatch: "password mismatch"
        case .userNotInUserDB: "user not found in any userdb"
        case .internalError(let reason): "internal error: \(reason)"
        }
    }
}
