import Foundation
import Synchronization
public import MaildexSessions

extension MailServer: ServerControl {
    public func statusLines() -> [String] {
        var lines = ["uptime \(Int(Date().timeIntervalSince(startedAt)))"]
        for listener in boundListeners.withLock({ $0 }) where listener.configuration.service != .control {
            let endpoint = switch listener.configuration.endpoint {
            case .tcp(let host, let port): "\(host):\(listener.port ?? port)"
            case .unix(let path): path
            }
            let tls = switch listener.configuration.tls { case .none: "plain"; case .startTLS: "starttls"; case .implicit: "tls" }
            lines.append("listener \(listener.configuration.service.rawValue) \(endpoint) \(tls)")
        }
        let open = connections.snapshots
        for service in ["imap", "pop3", "lmtp"] {
            let mine = open.filter { $0.service == service }
            lines.append("connections \(service) \(mine.count) (\(mine.filter { $0.user != nil }.count) logged in)")
        }
        return lines
    }

    public func whoLines() -> [String] {
        let time = ISO8601DateFormatter()
        return connections.snapshots.compactMap { c in
            c.user.map { "\($0)\t\(c.service)\t\(c.remoteAddress)\t\(time.string(from: c.since))\t\(c.id)" }
        }
    }

    public func kick(user: String) -> Int { connections.kick(user: user) }

    /// The connections open now (who is connected, since when, with which protocol).
    public var openConnections: [ConnectionSnapshot] { connections.snapshots }
}
