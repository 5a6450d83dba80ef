import Logging
public import MaildexAuth
import MaildexCore
public import MaildexIMAPCodec
import MaildexStore

/// An IMAP4rev1 server session (RFC 3501) with IDLE, UIDPLUS, MOVE, NAMESPACE, ID, ENABLE,
/// UNSELECT, CHILDREN, LITERAL+, SASL-IR, SPECIAL-USE, LIST-EXTENDED and MULTIAPPEND: frames
/// in, actions out, no socket.
///
/// ```
/// S: * OK [CAPABILITY IMAP4rev1 ...] Maildex ready.
/// C: a LOGIN alice secret
/// S: a OK [CAPABILITY IMAP4rev1 ...] Logged in
/// C: b SELECT INBOX
/// S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
/// S: * 2 EXISTS
/// S: ...
/// S: b OK [READ-WRITE] Select completed.
/// ```
///
/// The session keeps its own view of the selected mailbox (``SelectedMailbox``) and brings it up
/// to date from the store's MODSEQ log before answering each command, so changes by other
/// sessions and deliveries appear as untagged EXISTS/EXPUNGE/FETCH, never in the middle of a
/// FETCH, STORE or SEARCH (RFC 3501 §7.4.1). IDLE is woken by the store's ``ChangeSignal``.
public actor IMAPSession: ConnectionSession {
    enum State {
        case notAuthenticated
        /// In an AUTHENTICATE exchange; the tag to answer when it ends.
        case authenticating(SASLExchange, tag: String)
        case authenticated(UserStore)
        case selected(UserStore, SelectedMailbox)
        case logout
    }

    var connection: ConnectionInfo
    /// The connection's ``ConnectionInfo/executor``: this session runs there.
    private nonisolated let executor: any SerialExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    let logins: LoginService<ContinuousClock>
    let resolver: MailResolver
    let limits: IMAPLimits
    let clock = ContinuousClock()
    var state = State.notAuthenticated
    /// The tag of a running IDLE, nil when not idling.
    var idleTag: String?
    /// STARTTLS was answered and the handshake has not completed yet.
    var tlsPending = false
    var lastCommand: ContinuousClock.Instant
    var lastKeepalive: ContinuousClock.Instant
    /// Wakes the connection for IDLE updates; the clock's wake-ups come every ``tick``.
    public nonisolated let wakeup: SessionWakeup? = SessionWakeup()
    /// Where a STORE over many messages writes its FETCH answers early (``storeFlags``).
    public nonisolated let output: SessionOutput? = SessionOutput()
    var changeObservation: ChangeObservation?
    /// RFC 7162: CONDSTORE enabled (ENABLE, or a CONDSTORE parameter or item used), and
    /// QRESYNC enabled (ENABLE QRESYNC, which implies CONDSTORE).
    var condStore = false
    var qresync = false
    /// RFC 9051: ENABLE IMAP4rev2 (no \Recent, ESEARCH, UTF-8 mailbox names; see IMAPSession+Rev2).
    var imap4rev2 = false
    /// RFC 6855: ENABLE UTF8=ACCEPT (UTF-8 mailbox names, APPEND UTF8).
    var utf8Accept = false
    /// COMPRESS DEFLATE is on (RFC 4978): a second one is refused, and an over-long line ends
    /// the connection (see ``compress(_:tag:)``).
    var compressing = false

    public init(connection: ConnectionInfo, logins: LoginService<ContinuousClock>, resolver: MailResolver, limits: IMAPLimits = IMAPLimits()) {
        self.connection = connection
        executor = connection.executor
        self.logins = logins
        self.resolver = resolver
        self.limits = limits
        lastCommand = clock.now
        lastKeepalive = clock.now
    }

    /// A session dropped without ``closed()`` (an embedder's early return) must not leave its
    /// observation in the user's ``ChangeSignal`` (ASan reported it as a leak).
    deinit {
        changeObservation?.cancel()
    }

    /// IDLE's keepalive and the autologout are checked this often.
    public nonisolated var tick: Duration? { limits.tick }

    public func start() async -> [SessionAction] {
        send("* OK [CAPABILITY \(await capabilities())] Maildex ready.")
    }

    public func receive(_ frame: IMAPFrame) async -> [SessionAction] {
        lastCommand = clock.now
        switch (frame, state) {
        case (_, .logout):
            return []
        case (.continuationRequest, _):
            return send("+ Ready for literal data")
        case (.lineTooLong(let tag), _):
            if case .authenticating = state { state = .notAuthenticated }
            let reply = "\(tag ?? "*") BAD Command line too long (limit \(limits.maximumLineLength) bytes)."
            return compressing ? finish(reply) : send(reply)
        case (.literalTooLarge(let tag, _, let synchronizing), _):
            if synchronizing {
                return send("\(tag ?? "*") NO [TOOBIG] Literal too large (APPENDLIMIT=\(limits.appendLimit)).")
            }
            return finish("\(tag ?? "*") BAD [TOOBIG] Literal too large (APPENDLIMIT=\(limits.appendLimit)).")
        case (.command(let bytes), .authenticating(var exchange, let tag)):
            let step = exchange.receive(String(decoding: bytes, as: UTF8.self))
            return await continueAuthentication(step, exchange, tag: tag)
        case (.command(let bytes), _):
            if let tag = idleTag { return await endIdle(tag: tag, line: bytes) }
            let command: IMAPCommand
            do {
                command = try IMAPCommandParser.parse(bytes)
            } catch {
                return send("\(error.tag ?? "*") BAD \(error.message)")
            }
            return await execute(command)
        }
    }

    public func tlsStarted() async {
        connection.isTLS = true
        tlsPending = false
    }

    public func closed() async {
        state = .logout
        stopObserving()
        wakeup?.close()
    }

    /// Called for each ``wakeup`` signal and ``tick``: IDLE updates, the IDLE keepalive, autologout.
    public func wake() async -> [SessionAction] {
        let now = clock.now
        if let _ = idleTag {
            var out = await updates(expunges: true)
            if now - lastKeepalive >= limits.idleKeepalive {
                lastKeepalive = now
                out += send("* OK Still here")
            }
            return out
        }
        if case .logout = state { return [] }
        if now - lastCommand >= limits.autologout {
            return finish("* BYE Autologout; idle for too long")
        }
        return []
    }

    /// The server is stopping (RFC 3501 §7.1.5: BYE before the connection closes).
    public func shutdown() async -> [SessionAction] {
        if case .logout = state { return [] }
        return finish("* BYE Server shutting down.")
    }

    // MARK: - Dispatch

    func execute(_ command: IMAPCommand) async -> [SessionAction] {
        let tag = command.tag
        do {
            switch (command.kind, state) {
            case (.capability, _):
                return send("* CAPABILITY \(await capabilities())") + ok(tag, "Capability completed.")
            case (.noop, _):
                return await updates(expunges: true) + ok(tag, "NOOP completed.")
            case (.logout, _):
                connection.log.info("Logout")
                return finish("* BYE Logging out", then: "\(tag) OK Logout completed.")
            case (.id(let fields), _):
                return id(fields, tag: tag)
            case (.startTLS, .notAuthenticated):
                return try startTLS(tag: tag)
            case (.login(let user, let password), .notAuthenticated):
                return try await login(user: user, password: password, tag: tag)
            case (.authenticate(let mechanism, let initial), .notAuthenticated):
                return try await authenticate(mechanism: mechanism, initialResponse: initial, tag: tag)
            case (.startTLS, _), (.login, _), (.authenticate, _):
                throw IMAPError.bad("Already authenticated.")
            case (_, .notAuthenticated), (_, .authenticating), (_, .logout):
                throw IMAPError.bad("Log in first.")
            case (.compress(let algorithm), _):
                return try compress(algorithm, tag: tag)
            case (.enable(let names), _):
                return enable(names, tag: tag)
            case (.namespace, _):
                return send("* NAMESPACE ((\"\" \"/\")) NIL NIL") + ok(tag, "Namespace completed.")
            case (.select(let name, let readOnly, let parameters), _):
                return try await select(name, readOnly: readOnly, parameters: parameters, tag: tag)
            case (.create(let name, let uses), _): return try await create(name, specialUse: uses, tag: tag)
            case (.delete(let name), _): return try await delete(name, tag: tag)
            case (.rename(let from, let to), _): return try await rename(from, to, tag: tag)
            case (.subscribe(let name), _): return try await subscribe(name, true, tag: tag)
            case (.unsubscribe(let name), _): return try await subscribe(name, false, tag: tag)
            case (.list(let list), _): return try await self.list(list, tag: tag)
            case (.lsub(let reference, let pattern), _): return try await lsub(reference: reference, pattern: pattern, tag: tag)
            case (.status(let name, let items), _): return try await status(name, items, tag: tag)
            case (.append(let name, let messages), _): return try await append(messages, to: name, tag: tag)
            case (.getQuota, _), (.getQuotaRoot, _), (.setQuota, _): return try await quota(command.kind, tag: tag)
            case (.idle, _):
                idleTag = tag
                lastKeepalive = clock.now
                return await updates(expunges: true) + send("+ idling")
            case (_, .authenticated):
                throw IMAPError.bad("No mailbox selected.")
            case (_, .selected(let store, let mailbox)):
                return try await executeSelected(command.kind, tag: tag, store: store, mailbox: mailbox)
            }
        } catch let error as IMAPError {
            return send(error.line(tag: tag))
        } catch {
            return send(IMAPError(storeError: error).line(tag: tag))
        }
    }

    /// `DONE` ends IDLE (RFC 2177); anything else is a protocol error that ends it too.
    func endIdle(tag: String, line: [UInt8]) async -> [SessionAction] {
        idleTag = nil
        guard String(decoding: line, as: UTF8.self).uppercased() == "DONE" else {
            return send("\(tag) BAD Expected DONE to end IDLE.")
        }
        return await updates(expunges: true) + ok(tag, "Idle completed.")
    }

    /// ENABLE (RFC 5161): CONDSTORE and QRESYNC (RFC 7162 §3.1, §3.2.3), IMAP4rev2 (RFC 9051)
    /// and UTF8=ACCEPT (RFC 6855) are known.
    func enable(_ names: [String], tag: String) -> [SessionAction] {
        var enabled: [String] = []
        for name in names.map({ $0.uppercased() }) {
            switch name {
            case "CONDSTORE" where !condStore:
                condStore = true
                enabled.append(name)
            case "QRESYNC" where !qresync:
                qresync = true
                if !condStore { condStore = true; enabled.append("CONDSTORE") }
                enabled.append(name)
            case "IMAP4REV2" where !imap4rev2:
                enableIMAP4rev2()
                enabled.append("IMAP4rev2")
            case "UTF8=ACCEPT" where !utf8Accept:
                utf8Accept = true
                enabled.append(name)
            default: break
            }
        }
        return send("* ENABLED" + enabled.map { " " + $0 }.joined()) + ok(tag, "Enabled.")
    }

    var updateStyle: SelectedMailbox.UpdateStyle { .init(modSeq: condStore, vanished: qresync, recent: !imap4rev2) }

    // MARK: - Output

    func send(_ line: String) -> [SessionAction] { [.send(Array((line + "\r\n").utf8))] }
    func send(_ lines: [String]) -> [SessionAction] {
        lines.isEmpty ? [] : [.send(Array((lines.joined(separator: "\r\n") + "\r\n").utf8))]
    }
    func ok(_ tag: String, _ text: String) -> [SessionAction] { send("\(tag) OK \(text)") }

    /// Says the last words and closes the connection.
    func finish(_ lines: String..., then last: String? = nil) -> [SessionAction] {
        state = .logout
        idleTag = nil
        stopObserving()
        return send(lines + (last.map { [$0] } ?? [])) + [.close]
    }

    // MARK: - Change observation

    func startObserving(_ store: UserStore) {
        stopObserving()
        changeObservation = store.changeSignal.observe { [wakeup] in wakeup?.signal() }
    }

    func stopObserving() {
        changeObservation?.cancel()
        changeObservation = nil
    }

    /// Brings the selected mailbox's view up to date and returns the untagged responses.
    func updates(expunges: Bool) async -> [SessionAction] {
        guard case .selected(let store, var mailbox) = state else { return [] }
        do {
            let changes = try await store.changes(in: mailbox.name, since: mailbox.modSeq)
            var claimed: ClosedRange<UInt32>? = nil
            let new = mailbox.newUIDs(in: changes)
            if !mailbox.readOnly, !imap4rev2, let first = new.first, let last = new.last {
                claimed = try await store.claimRecent(in: mailbox.name, from: first, through: last)
            }
            let lines = mailbox.apply(changes, expunges: expunges, recent: claimed, style: updateStyle)
            state = .selected(store, mailbox)
            return send(lines)
        } catch {
            // The mailbox was deleted or renamed by another session: nothing can be shown.
            return []
        }
    }
}

/// A refusal: `tag NO [CODE] text` or `tag BAD text`.
struct IMAPError: Error {
    var line: String
    var bad: Bool

    static func no(_ text: String, code: String? = nil) -> IMAPError {
        IMAPError(line: "NO " + (code.map { "[\($0)] " } ?? "") + text, bad: false)
    }
    static func bad(_ text: String) -> IMAPError { IMAPError(line: "BAD " + text, bad: true) }

    func line(tag: String) -> String { "\(tag) \(line)" }

    init(line: String, bad: Bool) {
        self.line = line
        self.bad = bad
    }

    /// The NO for an error of the store, with the RFC 5530 response code that fits.
    init(storeError error: any Error) {
        switch error {
        case let error as MailboxNotFound: self = .no("Mailbox doesn't exist: \(error.name.modifiedUTF7)", code: "NONEXISTENT")
        case let error as MailboxAlreadyExists: self = .no("Mailbox already exists: \(error.name.modifiedUTF7)", code: "ALREADYEXISTS")
        case let error as MailboxOperationRefused: self = .no("\(error)", code: "CANNOT")
        case let error as InvalidMailboxName: self = .no("\(error)", code: "CANNOT")
        case is MessageNotFound: self = .no("Some of the requested messages no longer exist.", code: "EXPUNGEISSUED")
        case let error as QuotaExceeded: self = .overQuota(error)
        default: self = .no("Internal error: \(error)", code: "SERVERBUG")
        }
    }
}
