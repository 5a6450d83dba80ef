public import Logging
public import MaildexAuth
public import MaildexSessions

/// Where a listener accepts connections, for which protocol, and how TLS is used.
public struct ListenerConfiguration: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        /// An address and port; port 0 picks a free one (tests).
        case tcp(host: String, port: Int)
        /// A Unix socket (Postfix's `lmtp:unix:private/maildex-lmtp`); an old socket file is replaced.
        case unix(path: String)
    }
    public enum ServiceProtocol: String, Sendable, Equatable {
        case imap, pop3, lmtp
        /// The control socket of `mailadm status/who/kick` (a Unix socket, root-only).
        case control
    }
    public enum TLSMode: Sendable, Equatable {
        /// Plain text only.
        case none
        /// Plain text, with STARTTLS/STLS offered (needs a certificate).
        case startTLS
        /// TLS from the first byte (995, 993).
        case implicit
    }

    public var endpoint: Endpoint
    public var service: ServiceProtocol
    public var tls: TLSMode

    public init(_ endpoint: Endpoint, service: ServiceProtocol, tls: TLSMode = .none) {
        self.endpoint = endpoint
        self.service = service
        self.tls = tls
    }
}

/// Everything the server needs, as plain values with defaults. Reading files is maildexd's job.
public struct ServerConfiguration: Sendable {
    public var listeners: [ListenerConfiguration]
    /// The server certificate chain (PEM; leaf first, intermediates after) and its key.
    /// Needed by STARTTLS and implicit-TLS listeners.
    public var certificatePath: String?
    public var keyPath: String?
    /// Extra intermediate certificates sent after the chain (`ssl_ca`).
    public var caPath: String?
    /// The host name in greetings. The default is "localhost".
    public var hostname = "localhost"
    /// Login rules (plaintext, trusted networks, mechanisms, username_format).
    public var loginPolicy = LoginPolicy()
    /// LMTP limits (message size, recipients).
    public var lmtpLimits = LMTPLimits()
    /// The oldest TLS version accepted (`ssl_min_protocol`): TLS 1.2 unless set to 1.3.
    public var minimumTLSVersion = MinimumTLSVersion.tls12
    public enum MinimumTLSVersion: Sendable, Equatable { case tls12, tls13 }
    /// Where connections, logins, logouts and deliveries are logged, one line each, with the
    /// connection's id (`session`), protocol and remote address. Discards by default;
    /// `maildexd` logs to stderr (the journal) or `log_path`.
    public var logger = ConnectionInfo.silent
    /// IMAP command line and APPEND size limits.
    public var imapLimits = IMAPLimits()
    /// Connections per remote address and the login deadline (`max_connections_per_ip`, `login_timeout`).
    public var connectionLimits = ConnectionLimits()

    public init(listeners: [ListenerConfiguration], certificatePath: String? = nil, keyPath: String? = nil) {
        self.listeners = listeners
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }
}
