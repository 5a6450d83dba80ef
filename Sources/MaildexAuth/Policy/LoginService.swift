import Synchronization

/// What a front end calls to log a user in: the plaintext rule, name normalisation, the
/// passdbs and userdbs, and the failure delay, in that order. Shared by all connections of a
/// server, so that the delay grows per source address across them.
///
/// The delay is an `await` on the clock: no thread waits, and other logins go on meanwhile.
/// Not an actor: a login runs where the session that asks runs (its connection's event loop),
/// and only the delays are shared, under a lock. (As an actor, each login cost two thread
/// wake-ups more than the password check itself on two cores.)
public final class LoginService<C: Clock>: Sendable where C.Duration == Duration, C.Instant: Sendable {
    public let authenticator: Authenticator
    public let policy: LoginPolicy
    private let clock: C
    private let delays: Mutex<FailureDelay<C>>

    public init(authenticator: Authenticator, policy: LoginPolicy, clock: C, failureDelay: FailureDelay<C> = FailureDelay()) {
        self.authenticator = authenticator
        self.policy = policy
        self.clock = clock
        delays = Mutex(failureDelay)
    }

    /// Logs `user` in with `password` from `address`. A refusal has already waited out its delay
    /// when this returns; its reason is for the log, the client gets a generic answer.
    public func login(user: String, password: String, from address: String, overTLS: Bool) async -> LoginResult {
        guard policy.allowsPlaintext(overTLS: overTLS, from: address) else { return .refused(.plaintextDisallowed) }
        let name = policy.usernameFormat.apply(to: user)
        let result = await authenticator.authenticate(user: name, password: password)
        switch result {
        case .success(let authenticated):
            delays.withLock { $0.succeeded(from: address) }
            return .success(authenticated)
        case .failure(let failure):
            if !policy.isTrusted(address) {
                let now = clock.now
                let delay = delays.withLock { $0.failed(from: address, at: now) }
                try? await clock.sleep(for: delay)
            }
            return .refused(.failed(failure))
        }
    }
}

extension LoginService where C == ContinuousClock {
    public convenience init(authenticator: Authenticator, policy: LoginPolicy) {
        self.init(authenticator: authenticator, policy: policy, clock: ContinuousClock())
    }
}

/// The outcome of ``LoginService/login(user:password:from:overTLS:)``.
public enum LoginResult: Sendable {
    case success(AuthenticatedUser)
    case refused(LoginRefusal)
}

/// Why a login was refused; safe to log (no password, no hash).
public enum LoginRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// A password on a connection without TLS while `disable_plaintext_auth` is on.
    case plaintextDisallowed
    case failed(AuthenticationFailure)

    public var description: String {
        switch self {
        case .plaintextDisallowed: "plaintext authentication disallowed on non-secure (SSL/TLS) connections"
        case .failed(let failure): "\(failure)"
        }
    }
}
