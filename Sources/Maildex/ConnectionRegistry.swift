import Foundation
import Synchronization

/// The open connections of a server, each with a way to ask it to say goodbye and close, so
/// that a shutdown can let commands in progress finish and tell IMAP clients `* BYE`.
final class ConnectionRegistry: Sendable {
    private let connections = Mutex<[UUID: @Sendable () -> Void]>([:])

    func add(_ id: UUID, shutdown: @escaping @Sendable () -> Void) {
        connections.withLock { $0[id] = shutdown }
    }

    func remove(_ id: UUID) {
        _ = connections.withLock { $0.removeValue(forKey: id) }
    }

    var count: Int { connections.withLock { $0.count } }

    /// Asks every open connection to finish.
    func shutdownAll() {
        for shutdown in connections.withLock({ Array($0.values) }) { shutdown() }
    }
}
