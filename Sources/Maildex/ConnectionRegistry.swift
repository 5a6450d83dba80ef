public import Foundation
import Synchronization

/// One open connection, as `mailadm who` and `status` show it.
public struct ConnectionSnapshot: Sendable, Equatable {
    /// The connection's log id (`session=` in the log).
    public var id: String
    public var service: String
    public var remoteAddress: String
    /// The logged-in user, nil before login (and for LMTP).
    public var user: String?
    public var since: Date
}

/// The open connections of a server, each with a way to ask it to say goodbye and close: a
/// shutdown lets commands in progress finish and tells IMAP clients `* BYE`, and `kick` does
/// the same for one user's connections.
final class ConnectionRegistry: Sendable {
    private struct Entry {
        var snapshot: ConnectionSnapshot
        var shutdown: @Sendable () -> Void
    }

    private let connections = Mutex<[String: Entry]>([:])

    func add(_ snapshot: ConnectionSnapshot, shutdown: @escaping @Sendable () -> Void) {
        connections.withLock { $0[snapshot.id] = Entry(snapshot: snapshot, shutdown: shutdown) }
    }

    func remove(_ id: String) {
        _ = connections.withLock { $0.removeValue(forKey: id) }
    }

    func setUser(_ id: String, _ user: String) {
        connections.withLock { $0[id]?.snapshot.user = user }
    }

    /// The user connection `id` logged in as; nil before login or once it closed.
    func user(_ id: String) -> String? { connections.withLock { $0[id]?.snapshot.user } }

    var count: Int { connections.withLock { $0.count } }

    var snapshots: [ConnectionSnapshot] {
        connections.withLock { $0.values.map(\.snapshot) }.sorted { ($0.since, $0.id) < ($1.since, $1.id) }
    }

    /// Asks every open connection to finish.
    func shutdownAll() {
        for shutdown in connections.withLock({ $0.values.map(\.shutdown) }) { shutdown() }
    }

    /// Asks the connections of one user to finish; returns how many.
    func kick(user: String) -> Int {
        let matching = connections.withLock { $0.values.filter { $0.snapshot.user == user }.map(\.shutdown) }
        for shutdown in matching { shutdown() }
        return matching.count
    }
}
