public import MaildexAuth
import MaildexCore
import MaildexPOP3Codec

/// A POP3 server session (RFC 1939, CAPA RFC 2449, STLS RFC 2595, AUTH RFC 5034): lines in,
/// actions out, no socket.
///
/// ```
/// S: +OK Maildex POP3 ready
/// C: USER alice
/// S: +OK
/// C: PASS secret
/// S: +OK Logged in.
/// C: STAT
/// S: +OK 2 320
/// C: DELE 1
/// S: +OK Marked to be deleted.
/// C: QUIT
/// S: +OK Logging out.                  (message 1 is expunged now, in UPDATE state)
/// ```
///
/// Behaviour follows Dovecot's defaults: UIDLs are `%08Xu%08Xv`, RETR marks a message \Seen
/// at QUIT (`pop3_no_flag_updates = no`), TOP does not, RSET forgets both DELE and \Seen
/// marks, and the maildrop is not locked (`pop3_lock_session = no`): the session works on
/// a snapshot of INBOX taken at login.
public actor POP3Session: LineSession {
    enum State {
        /// Before login; `user` is the name of a USER command awaiting PASS.
        case authorization(user: String?)
        /// In an AUTH exchange, waiting for the client's next continuation line.
        case authenticating(SASLExchange)
        case transaction(POP3Maildrop)
        /// After QUIT or a close: nothing more is answered.
        case finished
    }

    /// Client mistakes (unknown commands, bad arguments, wrong state, failed logins) tolerated
    /// before the connection is closed. The default is 10.
    public static let badCommandLimit = 10
    /// RFC 2449 §4 limits command lines to 255 octets; we are tolerant, up to 8 192.
    public nonisolated var maximumLineLength: Int { 8_192 }

    var connection: ConnectionInfo
    /// The connection's ``ConnectionInfo/executor``: this session runs there.
    private nonisolated let executor: any SerialExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    let logins: LoginService<ContinuousClock>
    let resolver: MailResolver
    var state = State.authorization(user: nil)
    /// STLS was answered and the handshake has not completed yet.
    var tlsPending = false
    var badCommands = 0

    public init(connection: ConnectionInfo, logins: LoginService<ContinuousClock>, resolver: MailResolver) {
        self.connection = connection
        executor = connection.executor
        self.logins = logins
        self.resolver = resolver
    }

    public func start() async -> [SessionAction] {
        reply(.ok("Maildex POP3 ready"))
    }

    public func receive(_ line: [UInt8]) async -> [SessionAction] {
        switch state {
        case .finished:
            return []
        case .authenticating(var exchange):
            let step = exchange.receive(String(decoding: line, as: UTF8.self))
            return await continueAuthentication(step, exchange)
        case .authorization, .transaction:
            break
        }
        let command: POP3Command
        do {
            command = try POP3Command(parsing: line)
        } catch {
            return fail(POP3SessionError(Self.response(for: error)))
        }
        do {
            return try await execute(command)
        } catch {
            return fail(error)
        }
    }

    public func receiveTooLong() async -> [SessionAction] {
        if case .authenticating = state { state = .authorization(user: nil) }
        return fail(POP3SessionError(.error(nil, "Line too long.")))
    }

    public func tlsStarted() async {
        connection.isTLS = true
        tlsPending = false
        // RFC 2595 §4: the client starts over; nothing said in plaintext carries over.
        if case .authorization = state { state = .authorization(user: nil) }
    }

    public func closed() async {
        // Without QUIT there is no UPDATE state: nothing is deleted or flagged (RFC 1939 §6).
        state = .finished
    }

    // MARK: - Dispatch

    func execute(_ command: POP3Command) async throws(POP3SessionError) -> [SessionAction] {
        if case .transaction(var maildrop) = state {
            switch command {
            case .capa, .quit, .noop: break
            default:
                // The state lets go of the maildrop first, so that marking a message retrieved
                // or deleted changes the one copy: a copy of the sets per RETR was O(messages).
                state = .finished
                defer { state = .transaction(maildrop) }
                return try await transaction(command, &maildrop)
            }
        }
        switch (command, state) {
        case (.capa, _): return await capa()
        case (.quit, .transaction(let maildrop)): return await update(maildrop)
        case (.quit, _):
            state = .finished
            return reply(.ok("Logging out.")) + [.close]
        case (.noop, .transaction): return reply(.ok(""))
        case (.stls, .authorization): return try await stls()
        case (.user(let name), .authorization): return try await user(name)
        case (.pass(let password), .authorization(let user)): return try await pass(password, user: user)
        case (.auth(let mechanism, let response), .authorization):
            return try await auth(mechanism: mechanism, initialResponse: response)
        case (_, .transaction):
            return []   // answered above
        case (_, .authorization):
            throw POP3SessionError(.error(nil, "\(command.name) is not valid in AUTHORIZATION state."))
        case (_, .authenticating), (_, .finished):
            return []
        }
    }

    // MARK: - Helpers

    func reply(_ response: POP3Response) -> [SessionAction] { [.send(response.encoded)] }

    /// Answers an error; closes the connection at the bad-command limit.
    func fail(_ error: POP3SessionError) -> [SessionAction] {
        guard error.countsAsBad else { return reply(error.response) }
        badCommands += 1
        guard badCommands >= Self.badCommandLimit else { return reply(error.response) }
        state = .finished
        return reply(error.response) + reply(.error(nil, "Too many bad commands.")) + [.close]
    }

    static func response(for error: POP3CommandError) -> POP3Response {
        switch error.reason {
        case .unknownCommand: .error(nil, "Unknown command.")
        case .unsupportedCommand: .error(nil, "\(error.command) is not supported.")
        case .missingArgument: .error(nil, "\(error.command): Missing argument.")
        case .unexpectedArgument: .error(nil, "\(error.command): Noise after the arguments.")
        case .invalidNumber(let text): .error(nil, "Invalid message number: \(text.prefix(40))")
        case .argumentTooLong(let limit): .error(nil, "\(error.command): Argument longer than \(limit) characters.")
        case .invalidText: .error(nil, "Invalid characters in the command line.")
        }
    }
}
