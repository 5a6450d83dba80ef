import Foundation
import MaildexAdmin

/// The listeners to bind on this host. `listen = *, ::` asks for 0.0.0.0 and :: on each port; on
/// Linux an IPv6 wildcard socket also takes IPv4 unless it sets IPV6_V6ONLY (as Dovecot does, and
/// MailServer does not yet), so the pair would clash. With `net.ipv6.bindv6only = 0` the :: listener
/// alone serves both, and the 0.0.0.0 one is dropped; without IPv6 the :: one is dropped.
struct DaemonListenerPlan {
    var listeners: [DaemonListener]
    /// Endpoints that serve IPv4 too, for the start-up lines.
    var dualStack: Set<DaemonListener.Endpoint> = []
    var notes: [String] = []

    init(_ listeners: [DaemonListener], ipv6: IPv6Support = .current) {
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

    enum IPv6Support {
        case unavailable, dualStack, separate

        /// From `/proc/sys/net/ipv6/bindv6only` (absent when the kernel has no IPv6).
        static var current: IPv6Support {
            guard let text = try? String(contentsOfFile: "/proc/sys/net/ipv6/bindv6only", encoding: .utf8) else { return .unavailable }
            return text.trimmingCharacters(in: .whitespacesAndNewlines) == "0" ? .dualStack : .separate
        }
    }
}
