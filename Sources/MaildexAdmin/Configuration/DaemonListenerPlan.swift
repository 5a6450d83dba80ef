import Foundation

/// The listeners to bind on this host. `listen = *, ::` asks for 0.0.0.0 and :: on each port; on
/// Linux an IPv6 wildcard socket also takes IPv4 unless it sets IPV6_V6ONLY (as Dovecot does, and
/// MailServer does not yet), so the pair would clash. With `net.ipv6.bindv6only = 0` the :: listener
/// alone serves both, and the 0.0.0.0 one is dropped; without IPv6 the :: one is dropped.
public struct DaemonListenerPlan: Sendable, Equatable {
    /// What to bind, in the order of ``DaemonConfiguration/listeners``.
    public var listeners: [DaemonListener]
    /// The `::` endpoints that serve IPv4 too, for the start-up lines.
    public var dualStack: Set<DaemonListener.Endpoint> = []
    /// Listeners left out, for the log.
    public var notes: [String] = []

    public init(_ listeners: [DaemonListener], ipv6: IPv6Support = .current) {
        self.listeners = []
        for listener in listeners {
            guard case .tcp(let host, let port) = listener.endpoint else { self.listeners.append(listener); continue }
            let partner = DaemonListener.Endpoint.tcp(host: host == "::" ? "0.0.0.0" : "::", port: port)
            let paired = (host == "::" || host == "0.0.0.0") && listeners.contains { $0.endpoint == partner }
            switch (ipv6, host, paired) {
            case (.unavailable, "::", _):
                notes.append("\(listener) skipped: this host has no IPv6")
            case (.dualStack, "0.0.0.0", true):
                continue
            case (.dualStack, "::", true):
                dualStack.insert(listener.endpoint)
                self.listeners.append(listener)
            default:
                self.listeners.append(listener)
            }
        }
    }

    /// How this host's kernel treats an IPv6 wildcard socket.
    public enum IPv6Support: Sendable {
        /// No IPv6 (`/proc/sys/net/ipv6` is absent).
        case unavailable
        /// `net.ipv6.bindv6only = 0`: `::` takes IPv4 too (Linux's default).
        case dualStack
        /// `net.ipv6.bindv6only = 1`: `::` is IPv6 only.
        case separate

        /// From `/proc/sys/net/ipv6/bindv6only` (absent when the kernel has no IPv6).
        public static var current: IPv6Support {
            guard let text = try? String(contentsOfFile: "/proc/sys/net/ipv6/bindv6only", encoding: .utf8) else { return .unavailable }
            return text.trimmingCharacters(in: .whitespacesAndNewlines) == "0" ? .dualStack : .separate
        }
    }
}
