import Foundation
import Synchronization

/// Wakes the sessions of one user when anything in the user's store changed (a delivery, a
/// STORE, an expunge, a sync that found new files): IDLE and NOOP then ask the index what
/// changed. A signal carries no data; the sessions' wake-ups coalesce (``SessionWakeup``).
public final class ChangeSignal: Sendable {
    private let observers = Mutex<[UUID: @Sendable () -> Void]>([:])

    init() {}

    /// Calls `onChange` after each change, on the changing thread, until the observation ends.
    /// It should only queue work (a session's wake-up, which coalesces), never do it.
    public func observe(_ onChange: @escaping @Sendable () -> Void) -> ChangeObservation {
        let id = UUID()
        observers.withLock { $0[id] = onChange }
        return ChangeObservation { [weak self] in
            _ = self?.observers.withLock { $0.removeValue(forKey: id) }
        }
    }

    /// How many observations are open (for tests: a dropped session must not leave one behind).
    var observerCount: Int { observers.withLock { $0.count } }

    /// Tells every observer that something changed.
    func fire() {
        for onChange in observers.withLock({ Array($0.values) }) { onChange() }
    }
}

/// One observer of a ``ChangeSignal``; call ``cancel()`` when done.
public struct ChangeObservation: Sendable {
    private let onCancel: @Sendable () -> Void

    init(onCancel: @escaping @Sendable () -> Void) {
        self.onCancel = onCancel
    }

    public func cancel() { onCancel() }
}
