import MaildexAuth
import MaildexCore
import MaildexIMAPCodec
import MaildexStore

extension IMAPSession {
    /// The capabilities of the current state (RFC 3501 §6.1.1). Before login: STARTTLS where it
    /// can be started, the AUTH= mechanisms where a password may be sent, LOGINDISABLED where it
    /// may not. After login: the extensions this session implements.
    func capabilities() async -> String {
        var list = ["IMAP4rev1", "IMAP4rev2", "SASL-IR", "LITERAL+", "ID", "ENABLE", "IDLE"]
        switch state {
        case .notAuthenticated, .authenticating:
            if connection.canStartTLS, !connection.isTLS, !tlsPending { list.append("STARTTLS") }
            if await allowsPlaintext {
                list += await logins.policy.mechanisms.map { "AUTH=\($0.rawValue)" }
            } else {
                list.append("LOGINDISABLED")
            }
        case .authenticated, .selected, .logout:
            list += ["NAMESPACE", "UIDPLUS", "MOVE", "UNSELECT", "CHILDREN", "LIST-EXTENDED", "SPECIAL-USE",
                     "MULTIAPPEND", "APPENDLIMIT=\(limits.appendLimit)", "CONDSTORE", "QRESYNC", "ESEARCH", "WITHIN", "LIST-STATUS", "STATUS=SIZE", "SORT", "SORT=DISPLAY",
                     "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES"]
            list += Self.quotaCapabilities
            list += ["COMPRESS=DEFLATE", "SEARCHRES", "CREATE-SPECIAL-USE"]
        }
        if userStore != nil { list += Self.rev2Capabilities }
        return list.joined(separator: " ")
    }

    var allowsPlaintext: Bool {
        get async { await logins.policy.allowsPlaintext(overTLS: connection.isTLS, from: connection.remoteAddress) }
    }

    /// STARTTLS (RFC 3501 §6.2.1): answer, then hand the connection to TLS.
    func startTLS(tag: String) throws(IMAPError) -> [SessionAction] {
        if connection.isTLS || tlsPending { throw .bad("TLS is already active.") }
        guard connection.canStartTLS else { throw .no("TLS support isn't enabled.") }
        tlsPending = true
        return ok(tag, "Begin TLS negotiation now.") + [.startTLS]
    }

    /// LOGIN (RFC 3501 §6.2.3).
    func login(user: String, password: String, tag: String) async throws(IMAPError) -> [SessionAction] {
        guard await allowsPlaintext else {
            throw .no("Plaintext authentication disallowed on non-secure (SSL/TLS) connections.", code: "PRIVACYREQUIRED")
        }
        return try await logIn(user: user, password: password, method: "LOGIN", tag: tag)
    }

    /// AUTHENTICATE (RFC 3501 §6.2.2) with an optional initial response (RFC 4959 SASL-IR).
    func authenticate(mechanism: String, initialResponse: String?, tag: String) async throws(IMAPError) -> [SessionAction] {
        guard let chosen = SASLMechanism(name: mechanism), await logins.policy.mechanisms.contains(chosen) else {
            throw .no("Unsupported authentication mechanism.")
        }
        guard await allowsPlaintext else {
            throw .no("Plaintext authentication disallowed on non-secure (SSL/TLS) connections.", code: "PRIVACYREQUIRED")
        }
        var exchange = SASLExchange(mechanism: chosen)
        let step = exchange.start(initialResponse: initialResponse)
        return await continueAuthentication(step, exchange, tag: tag)
    }

    /// One step of an AUTHENTICATE exchange.
    func continueAuthentication(_ step: SASLStep, _ exchange: SASLExchange, tag: String) async -> [SessionAction] {
        switch step {
        case .challenge(let text):
            state = .authenticating(exchange, tag: tag)
            return send("+ \(text)")
        case .credentials(_, let user, let password):
            state = .notAuthenticated
            do {
                return try await logIn(user: user, password: password, method: exchange.mechanism.rawValue, tag: tag)
            } catch {
                return send(error.line(tag: tag))
            }
        case .failure(let failure):
            state = .notAuthenticated
            switch failure {
            case .cancelled: return send("\(tag) BAD Authentication cancelled.")
            case .malformedBase64: return send("\(tag) BAD Invalid base64 data in the response.")
            case .malformedResponse: return send("\(tag) NO [AUTHENTICATIONFAILED] Authentication failed.")
            }
        }
    }

    /// Checks the password through ``LoginService`` (plaintext rule, failure delay) and opens the
    /// user's store. The tagged OK carries the new capabilities (RFC 3501 §6.2.3, RFC 5530 codes).
    func logIn(user: String, password: String, method: String, tag: String) async throws(IMAPError) -> [SessionAction] {
        let result = await logins.login(user: user, password: password, from: connection.remoteAddress, overTLS: connection.isTLS)
        connection.logLogin(user: user, method: method, result)
        switch result {
        case .refused(.plaintextDisallowed):
            throw .no("Plaintext authentication disallowed on non-secure (SSL/TLS) connections.", code: "PRIVACYREQUIRED")
        case .refused(.failed(.internalError)):
            throw .no("Temporary authentication failure.", code: "UNAVAILABLE")
        case .refused(.failed):
            throw .no("Authentication failed.", code: "AUTHENTICATIONFAILED")
        case .success(let authenticated):
            do {
                let store = try resolver.userStore(for: authenticated.fields)
                state = .authenticated(store)
                startObserving(store)
                return ok(tag, "[CAPABILITY \(await capabilities())] Logged in")
            } catch {
                throw .no("Your mail could not be opened; try again later.", code: "UNAVAILABLE")
            }
        }
    }

    /// ID (RFC 2971): the server's name; the client's fields are not kept.
    func id(_ fields: [IDParameter]?, tag: String) -> [SessionAction] {
        send("* ID (\"name\" \"Maildex\" \"vendor\" \"Maildex\")") + ok(tag, "ID completed.")
    }
}
