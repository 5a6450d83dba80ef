#if canImport(Glibc)
import Glibc
#endif

/// The listeners to bind on this host. `listen = *, ::` asks for 0.0.0.0 and :: on each port; the
/// server binds IPv6 sockets with IPV6_V6ONLY (as Dovecot does), so the two live side by side
/// whatever `net.ipv6.bindv6only` says. On a host without IPv6 the IPv6 listeners are left out,
/// with a note, so the default `listen` still starts.
public struct DaemonListenerPlan: Sendable, Equatable {
    /// What to bind, in the order of ``DaemonConfiguration/listeners``.
    public var listeners: [DaemonListener]
    /// Listeners left out, for the log.
    public var notes: [String] = []

    public init(_ listeners: [DaemonListener], ipv6: IPv6Support = .current) {
        self.listeners = []
        for listener in listeners {
            if ipv6 == .unavailable, case .tcp(let host, _) = listener.endpoint, host.contains(":") {
                notes.append("\(listener) skipped: this host has no IPv6")
                continue
            }
            self.listeners.append(listener)
        }
    }

    /// Whether this host can open IPv6 sockets.
    public enum IPv6Support: Sendable {
        case available
        /// The kernel has no IPv6 (or it is disabled): an AF_INET6 socket cannot be made.
        case unavailable

        /// Tries to make an AF_INET6 socket.
        public static var current: IPv6Support {
            let fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return .unavailable }
            close(fd)
            return .available
        }
    }
}
