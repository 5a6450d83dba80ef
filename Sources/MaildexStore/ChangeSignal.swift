import Foundation
import Synchronization

/// Wakes the sessions of one user when anything in the user's store changed (a delivery, a
/// STORE, an expunge, a sync that found new files): IDLE and NOOP then ask the index what
/// changed. A signal carries no data; several changes before a session looks coalesce into one.
public final class ChangeSignal: Sendable {
    private let observers = Mutex<[UUID: AsyncStream<Void>.Continuation]>([:])

    init() {}

    /// A stream that yields once after each change (coalesced), until the observation ends.
    public func observe() -> ChangeObservation {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        observers.withLock { $0[id] = continuation }
        return ChangeObservation(signals: stream) { [weak self] in
            self?.observers.withLock { $0.removeValue(forKey: id) }?.finish()
        }
    }

    /// How many observations are open (for tests: a dropped session must not leave one behind).
    var observerCount: Int { observers.withLock { $0.count } }

    /// Tells every observer that something changed.
    func fire() {
        observers.withLock { observers in
            for continuation in observers.values { continuation.yield() }
        }
    }
}

/// One observer of a ``ChangeSignal``; call ``cancel()`` when done.
public struct ChangeObservation: Sendable {
    public let signals: AsyncStream<Void>
    private let onCancel: @Sendable () -> Void

    init(signals: AsyncStream<Void>, onCancel: @escaping @Sendable () -> Void) {
        self.signals = signals
        self.onCancel = onCancel
    }

    public func cancel() { onCancel() }
}
