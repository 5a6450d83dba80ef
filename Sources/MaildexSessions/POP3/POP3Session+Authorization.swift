import MaildexAuth
import MaildexCore
import MaildexIndex
import MaildexPOP3Codec
import MaildexStore

extension POP3Session {
    static let plaintextDisallowed = POP3Response.error(.auth, "Plaintext authentication disallowed on non-secure (SSL/TLS) connections.")
    static let authenticationFailed = POP3Response.error(.auth, "Authentication failed.")
    static let internalError = POP3Response.error(.sysTemp, "Internal error occurred. Refer to server log for more information.")

    var allowsPlaintext: Bool {
        get async { await logins.policy.allowsPlaintext(overTLS: connection.isTLS, from: connection.remoteAddress) }
    }

    var offersSTLS: Bool { connection.canStartTLS && !connection.isTLS && !tlsPending }

    /// CAPA (RFC 2449 §5). The same list in both states: capabilities of the AUTHORIZATION
    /// state must be announced in both. USER and SASL only where a password may be sent.
    func capa() async -> [SessionAction] {
        var lines = ["CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE"]
        let policy = await logins.policy
        if await allowsPlaintext {
            lines.append("USER")
            if !policy.mechanisms.isEmpty { lines.append((["SASL"] + policy.mechanisms.map(\.rawValue)).joined(separator: " ")) }
        }
        if offersSTLS { lines.append("STLS") }
        lines.append("IMPLEMENTATION Maildex")
        return reply(.multiLine("Capability list follows", lines))
    }

    /// STLS (RFC 2595 §4): answer, then hand the connection to TLS.
    func stls() async throws(POP3SessionError) -> [SessionAction] {
        if connection.isTLS || tlsPending { throw POP3SessionError(.error(nil, "TLS is already active.")) }
        guard connection.canStartTLS else { throw POP3SessionError(.error(nil, "TLS support isn't enabled.")) }
        tlsPending = true
        state = .authorization(user: nil)
        return reply(.ok("Begin TLS negotiation")) + [.startTLS]
    }

    /// USER (RFC 1939 §7). Refused at once where PASS would be.
    func user(_ name: String) async throws(POP3SessionError) -> [SessionAction] {
        guard await allowsPlaintext else {
            state = .authorization(user: nil)
            throw POP3SessionError(Self.plaintextDisallowed)
        }
        state = .authorization(user: name)
        return reply(.ok(""))
    }

    /// PASS (RFC 1939 §7), after USER.
    func pass(_ password: String, user: String?) async throws(POP3SessionError) -> [SessionAction] {
        state = .authorization(user: nil)
        guard let user else { throw POP3SessionError(.error(nil, "No username given.")) }
        return try await logIn(user: user, password: password, method: "USER")
    }

    /// AUTH (RFC 5034): without a mechanism, the list of mechanisms; else a SASL exchange.
    func auth(mechanism: String?, initialResponse: String?) async throws(POP3SessionError) -> [SessionAction] {
        state = .authorization(user: nil)
        let policy = await logins.policy
        let plaintext = await allowsPlaintext
        guard let mechanism else {
            return reply(.multiLine("", plaintext ? policy.mechanisms.map(\.rawValue) : []))
        }
        guard let chosen = SASLMechanism(name: mechanism), policy.mechanisms.contains(chosen) else {
            throw POP3SessionError(.error(nil, "Unsupported authentication mechanism."))
        }
        guard plaintext else { throw POP3SessionError(Self.plaintextDisallowed) }
        var exchange = SASLExchange(mechanism: chosen)
        let step = exchange.start(initialResponse: initialResponse)
        return await continueAuthentication(step, exchange)
    }

    /// One step of an AUTH exchange: a `+ challenge`, a login, or a refusal.
    func continueAuthentication(_ step: SASLStep, _ exchange: SASLExchange) async -> [SessionAction] {
        switch step {
        case .challenge(let text):
            state = .authenticating(exchange)
            return reply(.continuation(text))
        case .credentials(_, let user, let password):
            state = .authorization(user: nil)
            do { return try await logIn(user: user, password: password, method: exchange.mechanism.rawValue) } catch { return fail(error) }
        case .failure(let failure):
            state = .authorization(user: nil)
            switch failure {
            case .cancelled: return fail(POP3SessionError(.error(nil, "Authentication cancelled.")))
            case .malformedBase64: return fail(POP3SessionError(.error(nil, "Invalid base64 data.")))
            case .malformedResponse: return fail(POP3SessionError(Self.authenticationFailed))
            }
        }
    }

    /// Checks the password through ``LoginService`` (plaintext rule, failure delay) and opens
    /// the snapshot of INBOX. The client never learns whether the user exists.
    func logIn(user: String, password: String, method: String) async throws(POP3SessionError) -> [SessionAction] {
        let result = await logins.login(user: user, password: password, from: connection.remoteAddress, overTLS: connection.isTLS)
        connection.logLogin(user: user, method: method, result)
        switch result {
        case .refused(.plaintextDisallowed):
            throw POP3SessionError(Self.plaintextDisallowed)
        case .refused(.failed(.internalError)):
            throw POP3SessionError(Self.internalError, countsAsBad: false)
        case .refused(.failed):
            throw POP3SessionError(Self.authenticationFailed)
        case .success(let authenticated):
            do {
                let store = try resolver.userStore(for: authenticated.fields)
                let inbox = try await store.open(.inbox)
                let messages = try await store.messages(in: .inbox)
                state = .transaction(POP3Maildrop(store: store, uidValidity: inbox.uidValidity, messages: messages))
                return reply(.ok("Logged in."))
            } catch {
                throw POP3SessionError(Self.internalError, countsAsBad: false)
            }
        }
    }
}
