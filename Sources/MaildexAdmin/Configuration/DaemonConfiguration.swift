public import MaildexAuth
public import MaildexConfig

/// What `maildexd -c maildex.conf` serves: listeners, TLS files, host name and directories,
/// read from a Dovecot 2.3 configuration as plain values. `maildexd` turns them into the server's
/// `ServerConfiguration`; this target does not link the server.
///
/// ```
/// protocols = imap pop3 lmtp        # default: imap pop3 lmtp
/// listen = *, ::                    # default: *, ::  (* is every IPv4 address, :: every IPv6 one)
/// ssl = required                    # no | yes | required; default: yes
/// ssl_cert = </etc/maildex/tls/server.crt
/// ssl_key = </etc/maildex/tls/server.key
/// service imap-login {
///   inet_listener imap { port = 143 }           # STARTTLS unless ssl = no
///   inet_listener imaps { port = 993  ssl = yes }
/// }
/// service lmtp {
///   unix_listener /var/spool/postfix/private/maildex-lmtp { mode = 0600  user = postfix }
///   inet_listener lmtp { address = 127.0.0.1  port = 24 }
/// }
/// ```
/// Dovecot's default listeners are built in (imap 143, imaps 993, pop3 110, pop3s 995, and the
/// LMTP socket `<base_dir>/lmtp`); a listener block with the same name changes them, `port = 0`
/// turns one off, and an `address` replaces `listen` for that listener. Errors name file and line.
public struct DaemonConfiguration: Sendable, Equatable {
    /// `ssl`: whether TLS is offered. The default is `.yes`, as in Dovecot 2.3.
    public enum SSLMode: String, Sendable, Equatable, CaseIterable {
        /// No TLS at all: neither STARTTLS nor the imaps/pop3s listeners.
        case no
        /// STARTTLS on the plain listeners, and the implicit-TLS listeners.
        case yes
        /// As `yes`, and passwords are refused on connections without TLS (loopback and
        /// `login_trusted_networks` count as secure, as in Dovecot).
        case required
    }

    /// `ssl_min_protocol`: the oldest TLS version accepted. The default is TLS 1.2.
    public enum TLSProtocolVersion: String, Sendable, Equatable, CaseIterable {
        case tlsv12 = "TLSv1.2"
        case tlsv13 = "TLSv1.3"
    }

    /// The protocols of `protocols =`, in the order the file names them.
    public var protocols: [DaemonListener.Service]
    /// Every listener to open, in a stable order: IMAP, POP3, LMTP; within a service in the order
    /// of its listeners (Dovecot's defaults first), then of the addresses.
    public var listeners: [DaemonListener]
    public var ssl: SSLMode
    /// `ssl_cert = </path`: the certificate chain (PEM, leaf first).
    public var certificatePath: String?
    /// `ssl_key = </path`: its private key (PEM).
    public var keyPath: String?
    /// `ssl_ca = </path`: extra intermediate certificates sent after the chain.
    public var caPath: String?
    public var minimumTLSVersion: TLSProtocolVersion
    /// `hostname`, for greetings; nil when not set.
    public var hostname: String?
    /// `state_dir`: the data directory. The default is `/var/lib/maildex`.
    public var stateDirectory: String
    /// `base_dir`: where the LMTP socket lives by default. The default is `/run/maildex`.
    public var baseDirectory: String
    /// `mail_uid`/`mail_gid`: whom maildexd runs as after binding, for virtual users. The default
    /// is `vmail` when that user exists, else nil (maildexd then stays root, with a warning).
    public var mailAccount: MailAccount?
    /// `max_connections_per_ip`: open connections from one remote address, all protocols together;
    /// 0 means no limit. The default is 50.
    public var maximumConnectionsPerIP = 50
    /// `login_timeout`: seconds from connect to a successful IMAP/POP3 login; 0 means none. The default is 60.
    public var loginTimeoutSeconds = 60
    /// Settings that were read but are ignored or adjusted, worth a line in the log
    /// (`maildex.conf:7: haproxy is not supported ...`).
    public var warnings: [String]

    /// Reads the daemon's settings from a parsed file (see the type's documentation).
    ///
    /// Throws, naming file and line: an unknown protocol, a port outside 0…65535, an unknown `ssl` or
    /// `ssl_min_protocol` value, `ssl = yes|required` without `ssl_cert`/`ssl_key` while a listener needs
    /// TLS, a certificate given inline rather than as `</path`, a file that is not PEM, and unsupported
    /// settings inside a listener block. Unreadable `<file` values are already reported by ``ConfigParser``.
    public init(config: ConfigBlock) throws(ConfigError) {
        var reader = DaemonConfigurationReader(config: config)
        self = try reader.read()
    }

    init(protocols: [DaemonListener.Service], listeners: [DaemonListener], ssl: SSLMode, certificatePath: String?, keyPath: String?,
         caPath: String?, minimumTLSVersion: TLSProtocolVersion, hostname: String?, stateDirectory: String, baseDirectory: String,
         warnings: [String]) {
        self.protocols = protocols
        self.listeners = listeners
        self.ssl = ssl
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        self.caPath = caPath
        self.minimumTLSVersion = minimumTLSVersion
        self.hostname = hostname
        self.stateDirectory = stateDirectory
        self.baseDirectory = baseDirectory
        self.warnings = warnings
    }

    /// The login policy to run with: `auth`'s (from ``AuthConfiguration``, which reads
    /// `disable_plaintext_auth`), with plaintext authentication disabled when `ssl = required`,
    /// which wins over `disable_plaintext_auth = no`.
    public func loginPolicy(reconciling auth: LoginPolicy) -> LoginPolicy {
        var policy = auth
        if ssl == .required { policy.disablePlaintextAuth = true }
        return policy
    }
}
