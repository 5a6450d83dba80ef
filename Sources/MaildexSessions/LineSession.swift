public import Logging
public import MaildexMaildir
import MaildexCore
/// What a session asks its connection to do, in order.
public enum SessionAction: Sendable, Equatable {
    /// Write these bytes (complete lines, CRLF-terminated).
    case send([UInt8])
    /// Write `length` bytes of an open file from `offset`, read in pieces (a large message in
    /// a FETCH literal, never held in memory whole). If the file cannot be read, the connection
    /// is closed, since the literal's length was promised.
    case stream(FileSlice)
    /// Once everything before it is written, start TLS (STARTTLS, STLS). Input the client sent
    /// before the handshake is discarded by the connection (CVE-2011-0411 class), and
    /// ``LineSession/tlsStarted()`` is called when the handshake completes.
    case startTLS
    /// Once everything before it is written, compress both directions with raw DEFLATE
    /// (IMAP COMPRESS, RFC 4978 §3): the connection inflates what it reads and deflates what it
    /// writes, flushing at the end of every write.
    case startCompression
    /// Once everything before it is written, close the connection.
    case close
}

/// A piece of an open message file, for ``SessionAction/stream(_:)``.
public struct FileSlice: Sendable, Equatable {
    public let file: MessageFile
    public let offset: Int
    public let length: Int

    public init(file: MessageFile, offset: Int, length: Int) {
        self.file = file
        self.offset = offset
        self.length = length
    }

    public static func == (a: FileSlice, b: FileSlice) -> Bool {
        a.file === b.file && a.offset == b.offset && a.length == b.length
    }
}

/// The connection a session runs on, as the server sees it.
public struct ConnectionInfo: Sendable, Equatable {
    /// A short id that every log line of this connection carries (`session=<id>`).
    public var id: String
    /// Where the session logs logins, logouts and deliveries: already carrying the connection's
    /// metadata. Discards everything unless the server was given a logger.
    public var log: Logger
    /// Told the user name after a successful login (the server's list of who is connected).
    public var loggedIn: @Sendable (String) -> Void
    /// The client's address (`203.0.113.7`, `::1`), or `"local"` for a Unix socket.
    public var remoteAddress: String
    /// Whether the connection is encrypted now (implicit TLS, or after STARTTLS).
    public var isTLS: Bool
    /// Whether STARTTLS/STLS can be offered (a certificate is configured and TLS is not on yet).
    public var canStartTLS: Bool
    /// The server's host name for greetings.
    public var hostname: String
    /// Where the session's code runs. The server gives each session its connection's event
    /// loop, so that a command read on the loop is answered on it without waking another thread
    /// (three wake-ups per POP3 RETR otherwise); by default, a dispatch queue of its own. The
    /// session's blocking work runs elsewhere: the store on its own queue, password hashing and
    /// PAM on dispatch queues.
    public let executor: any SerialExecutor

    public init(remoteAddress: String, isTLS: Bool = false, canStartTLS: Bool = false, hostname: String = "localhost",
                id: String = ConnectionInfo.newID(), log: Logger = ConnectionInfo.silent,
                loggedIn: @escaping @Sendable (String) -> Void = { _ in }, executor: (any SerialExecutor)? = nil) {
        self.executor = executor ?? QueueExecutor(label: "maildex.session")
        self.id = id
        self.log = log
        self.loggedIn = loggedIn
        self.remoteAddress = remoteAddress
        self.isTLS = isTLS
        self.canStartTLS = canStartTLS
        self.hostname = hostname
    }
}

/// A protocol session on one connection, as a state machine: frames in, actions out. It knows no
/// socket; the server's connection handler feeds it one frame at a time, in order, and carries out
/// its actions.
public protocol ConnectionSession: Actor {
    /// What the connection's framer hands over (lines for POP3/LMTP, commands for IMAP).
    associatedtype Frame: Sendable
    /// The greeting (sent when the connection opens).
    func start() async -> [SessionAction]
    /// The next frame from the client.
    func receive(_ frame: Frame) async -> [SessionAction]
    /// TLS is now established on the connection.
    func tlsStarted() async
    /// The connection is gone (client closed, error, server shutdown). Nothing more is sent.
    func closed() async
    /// Signals that the session has something to say unasked (IDLE updates): the connection
    /// installs a handler (``SessionWakeup/connect(_:)``) that queues a call of ``wake()``, and
    /// calls ``SessionWakeup/taken()`` just before each, since signals coalesce until then.
    /// Nil: it never does.
    nonisolated var wakeup: SessionWakeup? { get }
    /// How often the connection calls ``wake()`` regardless (IDLE keepalive, autologout); nil: never.
    nonisolated var tick: Duration? { get }
    /// Where the session may write part of an answer before its command completes (see
    /// ``SessionOutput``); the connection attaches its writer. Nil: it never does.
    nonisolated var output: SessionOutput? { get }
    /// Unsolicited output, after a ``wakeup`` signal or a ``tick``.
    func wake() async -> [SessionAction]
    /// The server is shutting down: the last words before the connection closes (IMAP's
    /// `* BYE`, LMTP's `421`). Called between frames, never during one.
    func shutdown() async -> [SessionAction]
}

extension ConnectionSession {
    /// Frames that arrived together (one read from the socket), in order and in one turn of the
    /// session: their actions are concatenated (less what the session wrote early, ``output``).
    /// A frame that starts TLS or closes the connection ends the turn, since what the client
    /// pipelined past it is dropped by the connection.
    public func receive(frames: [Frame]) async -> [SessionAction] {
        await Self.receive(frames, in: self)
    }

    /// ``receive(frames:)`` isolated to the session: one hop onto its actor for the whole turn
    /// (none for a caller already there), not one per frame. With an ``output``, the answers so
    /// far are held there while the next frame runs, so that an answer written early goes after
    /// them.
    public static func receive(_ frames: [Frame], in session: isolated Self) async -> [SessionAction] {
        let output = session.output
        var actions: [SessionAction] = []
        for frame in frames {
            if let output { output.hold(actions) }
            let next = await session.receive(frame)
            if let output { actions = output.takeHeld() }
            if actions.isEmpty { actions = next } else { actions += next }
            if next.contains(where: \.endsTurn) { break }
        }
        return actions
    }
}

extension SessionAction {
    /// Whether frames after this action must not reach the session in the same turn.
    var endsTurn: Bool {
        switch self {
        case .startTLS, .startCompression, .close: true
        case .send, .stream: false
        }
    }
}

/// What a line framer hands to a ``LineSession``.
public enum LineFrame: Sendable, Equatable {
    /// One line without its line ending (CRLF or bare LF).
    case line([UInt8])
    /// A line longer than ``LineSession/maximumLineLength``; its bytes were dropped up to the next LF.
    case tooLong
}

extension ConnectionInfo {
    /// A logger that discards everything (the default of an embedded server and of tests).
    public static let silent = Logger(label: "maildex", factory: { _ in SwiftLogNoOpLogHandler() })

    /// 8 hex digits, random.
    public static func newID() -> String {
        let n = UInt32.random(in: .min ... .max)
        let hex = String(n, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    public static func == (a: ConnectionInfo, b: ConnectionInfo) -> Bool {
        a.id == b.id && a.remoteAddress == b.remoteAddress && a.isTLS == b.isTLS
            && a.canStartTLS == b.canStartTLS && a.hostname == b.hostname
    }
}

/// A line-oriented protocol session (POP3, LMTP): lines in, actions out, and nothing unasked.
public protocol LineSession: ConnectionSession where Frame == LineFrame {
    /// One line from the client, without its line ending (CRLF or bare LF). In LMTP DATA the
    /// message lines arrive here too.
    func receive(_ line: [UInt8]) async -> [SessionAction]
    /// The client sent a line longer than ``maximumLineLength``; the connection dropped its bytes.
    func receiveTooLong() async -> [SessionAction]
    /// The longest line the connection should hand over, in bytes without the line ending.
    nonisolated var maximumLineLength: Int { get }
}

extension LineSession {
    public func receive(_ frame: LineFrame) async -> [SessionAction] {
        switch frame {
        case .line(let line): await receive(line)
        case .tooLong: await receiveTooLong()
        }
    }

    /// Line sessions never speak unasked, and answer each command whole.
    public nonisolated var wakeup: SessionWakeup? { nil }
    public nonisolated var output: SessionOutput? { nil }
    public nonisolated var tick: Duration? { nil }
    public func wake() async -> [SessionAction] { [] }
    public func shutdown() async -> [SessionAction] { [] }
}
