import Logging
import NIOCore

extension MailServer {
    /// Applies ``ConnectionLimits`` to a new connection before its greeting: one over the per-address
    /// limit gets the protocol's refusal and is closed (returns true); an IMAP or POP3 connection gets
    /// its login deadline.
    func refuseOrGuard(_ channel: any Channel, listener: ListenerConfiguration, remote: String, id: String) throws -> Bool {
        let limits = configuration.connectionLimits
        let sync = channel.pipeline.syncOperations
        if case .tcp = listener.endpoint, listener.service != .control, let limit = limits.maximumConnectionsPerAddress, limit > 0 {
            guard addressCounts.reserve(remote, limit: limit) else {
                configuration.logger.notice("Too many connections", metadata: ["rip": "\(remote)", "proto": "\(listener.service.rawValue)", "limit": "\(limit)"])
                try sync.addHandler(RefusalHandler(refusal: listener.service.refusal("Too many connections from your address")))
                return true
            }
            channel.closeFuture.whenComplete { [self] _ in addressCounts.release(remote) }
        }
        if let timeout = limits.loginTimeout, listener.service == .imap || listener.service == .pop3 {
            let connections = self.connections
            try sync.addHandler(LoginDeadlineHandler(timeout: timeout, refusal: listener.service.refusal("Login timeout"),
                                                     isLoggedIn: { connections.user(id) != nil }))
        }
        return false
    }
}
