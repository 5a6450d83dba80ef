/// Checks credentials against passdbs, then finds the user in userdbs, in the configured
/// order, as Dovecot does. One instance serves IMAP, POP3 and `mailadm auth test`.
///
/// - Passdbs are tried in order. An unknown user or a wrong password moves on to the next
///   one; the first that accepts the password wins. If none does, the result is an internal
///   error if any driver failed, else a password mismatch if any knew the user, else an
///   unknown user.
/// - Userdbs are then asked in order and the first that knows the user wins; its fields are
///   laid over those the passdb returned. With no userdb configured, the passdb's fields
///   are used.
///
/// Hashing and PAM run off the caller's executor (see ``PasswordHash/verifyOffloaded(_:against:defaultScheme:)``).
/// The failure delay, plaintext policy and name normalisation belong to the caller.
public struct Authenticator: Sendable {
    public let passdbs: [any PassDB]
    public let userdbs: [any UserDB]

    public init(passdbs: [any PassDB], userdbs: [any UserDB]) {
        self.passdbs = passdbs
        self.userdbs = userdbs
    }

    /// Authenticates `user` with `password`; never throws, failures carry a loggable reason.
    public func authenticate(user: String, password: String) async -> AuthenticationResult {
        var failure = AuthenticationFailure.unknownUser
        var accepted: (passdb: String, fields: UserFields?)?
        for passdb in passdbs {
            do {
                switch try await passdb.verify(user: user, password: password) {
                case .success(let fields):
                    accepted = (passdb.name, fields)
                case .passwordMismatch:
                    if case .unknownUser = failure { failure = .passwordMismatch }
                case .unknownUser:
                    break
                }
            } catch {
                failure = .internalError("passdb \(passdb.name): \(error)")
            }
            if accepted != nil { break }
        }
        guard let accepted else { return .failure(failure) }
        let base = accepted.fields ?? UserFields(username: user)
        if userdbs.isEmpty { return .success(AuthenticatedUser(passdb: accepted.passdb, userdb: nil, fields: base)) }
        do {
            guard let (userdb, fields) = try await findInUserDBs(user: user) else { return .failure(.userNotInUserDB) }
            return .success(AuthenticatedUser(passdb: accepted.passdb, userdb: userdb, fields: base.merging(fields)))
        } catch let failure as AuthenticationFailure {
            return .failure(failure)
        } catch {
            return .failure(.internalError("\(error)"))
        }
    }

    /// The user's fields from the first userdb that knows the user, or `nil`. For LMTP
    /// delivery and `mailadm auth test`. Throws ``AuthenticationFailure/internalError(_:)``
    /// when a userdb fails before one finds the user.
    public func lookup(user: String) async throws -> UserFields? {
        try await findInUserDBs(user: user)?.fields
    }

    private func findInUserDBs(user: String) async throws -> (userdb: String, fields: UserFields)? {
        var failure: AuthenticationFailure?
        for userdb in userdbs {
            do {
                if let fields = try await userdb.lookup(user: user) { return (userdb.name, fields) }
            } catch {
                failure = failure ?? .internalError("userdb \(userdb.name): \(error)")
            }
        }
        if let failure { throw failure }
        return nil
    }
}
