public import MaildexAuth
import MaildexCore
import MaildexLMTPCodec
import MaildexStore

/// An LMTP server session (RFC 2033): the state machine between a connection and the store.
///
/// ```
/// S: 220 mx.example.com Maildex LMTP ready
/// C: LHLO relay.example.com
/// S: 250-mx.example.com
/// S: 250-PIPELINING
/// S: 250-ENHANCEDSTATUSCODES
/// S: 250-8BITMIME
/// S: 250 SIZE 52428800
/// C: MAIL FROM:<bob@example.org>
/// S: 250 2.1.0 OK
/// C: RCPT TO:<alice@example.com>
/// S: 250 2.1.5 OK
/// C: RCPT TO:<nobody@example.com>
/// S: 550 5.1.1 <nobody@example.com> User doesn't exist
/// C: DATA
/// S: 354 End data with <CR><LF>.<CR><LF>
/// C: Subject: hi
/// C:
/// C: Hello.
/// C: .
/// S: 250 2.0.0 <alice@example.com> Saved
/// ```
///
/// After the final dot every accepted recipient gets its own reply, in the order of the RCPT
/// commands (RFC 2033 §4.2); `250` is sent only once the copy is durable in the store.
/// Pipelined commands (RFC 2920) need nothing special: the connection feeds lines in order.
public actor LMTPSession: LineSession {
    /// How long a line the connection may hand over: 64 KiB, so that message lines longer than
    /// RFC 5321's 1 000 octets still arrive whole; command lines are held to
    /// ``LMTPCommand/maximumLineLength`` by the parser.
    public static let maximumDataLineLength = 64 * 1024

    let authenticator: Authenticator
    let resolver: MailResolver
    let limits: LMTPLimits
    var connection: ConnectionInfo
    /// The connection's ``ConnectionInfo/executor``: this session runs there.
    private nonisolated let executor: any SerialExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    var phase: Phase = .connected

    enum Phase: Sendable {
        /// Before LHLO (and again after STARTTLS).
        case connected
        /// After LHLO, no transaction.
        case ready
        /// After MAIL FROM.
        case transaction(LMTPTransaction)
        /// After DATA's 354, reading message lines.
        case data(LMTPTransaction, LMTPDataReader)
        /// After QUIT or when the connection is gone.
        case closed
    }

    public init(connection: ConnectionInfo, authenticator: Authenticator, resolver: MailResolver, limits: LMTPLimits = .init()) {
        self.connection = connection
        executor = connection.executor
        self.authenticator = authenticator
        self.resolver = resolver
        self.limits = limits
    }

    public nonisolated var maximumLineLength: Int { Self.maximumDataLineLength }

    /// `220 <hostname> Maildex LMTP ready` (RFC 5321 §4.3.1).
    public func start() async -> [SessionAction] {
        send(LMTPReply(220, nil, "\(connection.hostname) Maildex LMTP ready"))
    }

    public func receive(_ line: [UInt8]) async -> [SessionAction] {
        switch phase {
        case .closed:
            return []
        case .data(let transaction, var reader):
            // Drop the phase's reference first, so that appending does not copy the message.
            phase = .ready
            guard reader.append(line: line) else {
                phase = .data(transaction, reader)
                return []
            }
            return await finishData(transaction, reader)
        case .connected, .ready, .transaction:
            do {
                return try await execute(LMTPCommand(parsing: line))
            } catch {
                return send(error.reply)
            }
        }
    }

    /// In DATA the message is spoilt (refused after the dot); a command line gets `500 5.5.2`.
    public func receiveTooLong() async -> [SessionAction] {
        switch phase {
        case .closed:
            return []
        case .data(let transaction, var reader):
            phase = .ready
            reader.noteOverlongLine()
            phase = .data(transaction, reader)
            return []
        case .connected, .ready, .transaction:
            return send(LMTPReply(500, .init(5, 5, 2), "Line too long"))
        }
    }

    /// The client must start over with LHLO (RFC 3207 §4.2).
    public func tlsStarted() async {
        connection.isTLS = true
        connection.canStartTLS = false
        if case .closed = phase { return }
        phase = .connected
    }

    /// A message still being read is dropped; nothing is delivered.
    public func closed() async {
        phase = .closed
    }

    /// The server is stopping: `421` (RFC 5321 §3.8), so the MTA retries later. Called between
    /// lines; a message whose DATA had not ended was never acknowledged and is not lost.
    public func shutdown() async -> [SessionAction] {
        send(LMTPReply(421, .init(4, 3, 2), "Service shutting down")) + [.close]
    }

    func send(_ replies: LMTPReply...) -> [SessionAction] {
        [.send(replies.flatMap(\.encoded))]
    }
}
