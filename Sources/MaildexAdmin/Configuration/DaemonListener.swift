/// One socket `maildexd` listens on, from a `service { inet_listener | unix_listener }` block
/// or Dovecot's default for it.
public struct DaemonListener: Sendable, Equatable, CustomStringConvertible {
    /// The protocols of `protocols =` (RFC 9051 IMAP, RFC 1939 POP3, RFC 2033 LMTP).
    public enum Service: String, Sendable, Equatable, CaseIterable {
        case imap, pop3, lmtp
    }

    public enum Endpoint: Sendable, Hashable {
        /// An address (`0.0.0.0` for `*`, `::` for `::`, or as written) and a port from 1 to 65535.
        case tcp(host: String, port: Int)
        /// A Unix socket path.
        case unix(path: String)
    }

    public enum TLS: Sendable, Equatable {
        /// Plain text only (`ssl = no`, and Unix sockets).
        case none
        /// Plain text with STARTTLS/STLS offered (RFC 2595).
        case startTLS
        /// TLS from the first byte (`ssl = yes` in the listener: imaps, pop3s; RFC 8314).
        case implicit
    }

    /// Owner and mode of a Unix socket (`mode = 0600`, `user = postfix`, `group = postfix`);
    /// nil fields leave the system's choice.
    public struct SocketPermissions: Sendable, Equatable {
        public var mode: UInt16?
        public var user: String?
        public var group: String?

        public init(mode: UInt16? = nil, user: String? = nil, group: String? = nil) {
            self.mode = mode
            self.user = user
            self.group = group
        }
    }

    /// The listener's name in its service block (`imap`, `imaps`, `lmtp`, or a socket path).
    public var name: String
    public var service: Service
    public var endpoint: Endpoint
    public var tls: TLS
    /// For Unix sockets only.
    public var permissions: SocketPermissions?

    public init(name: String, service: Service, endpoint: Endpoint, tls: TLS = .none, permissions: SocketPermissions? = nil) {
        self.name = name
        self.service = service
        self.endpoint = endpoint
        self.tls = tls
        self.permissions = permissions
    }

    /// `IMAP (STARTTLS) on 0.0.0.0:143`, `LMTP on /run/maildex/lmtp`.
    public var description: String {
        let tls = switch tls { case .none: ""; case .startTLS: " (STARTTLS)"; case .implicit: " (TLS)" }
        return "\(service.rawValue.uppercased())\(tls) on \(endpoint.place)"
    }
}

extension DaemonListener.Endpoint: CustomStringConvertible {
    /// `0.0.0.0:143`, `[::]:993`, `/run/maildex/lmtp`.
    public var description: String { place }

    var place: String {
        switch self {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unix(let path): path
        }
    }
}
