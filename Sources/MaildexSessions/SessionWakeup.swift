import Synchronization

/// How a session with something to say unasked (an IDLE update after a delivery) gets its
/// connection's attention: ``signal()`` calls the handler the connection installed with
/// ``connect(_:)``, which queues a call of the session's `wake()`.
///
/// Signals coalesce: after one, further signals call the handler again only once the connection
/// has taken it (``taken()``, just before it calls `wake()`), so a burst of deliveries wakes an
/// IDLE session once, not once per message. A signal before ``connect(_:)`` waits for it; after
/// ``close()`` signals are dropped.
///
/// A callback, not an AsyncStream: a stream needs a task per connection to read it, and an idle
/// connection's memory is mostly its tasks.
public final class SessionWakeup: Sendable {
    private struct State {
        var handler: (@Sendable () -> Void)?
        var signalled = false
        var closed = false
    }

    private let state = Mutex(State())

    public init() {}

    /// The session has something to say.
    public func signal() {
        let handler = state.withLock { state -> (@Sendable () -> Void)? in
            guard !state.closed, !state.signalled else { return nil }
            state.signalled = true
            return state.handler
        }
        handler?()
    }

    /// The connection's handler; a signal that came before is passed on at once.
    public func connect(_ handler: @escaping @Sendable () -> Void) {
        let pending = state.withLock { state -> Bool in
            state.handler = handler
            return state.signalled && !state.closed
        }
        if pending { handler() }
    }

    /// The connection is about to call `wake()`: the next signal calls the handler again.
    public func taken() {
        state.withLock { $0.signalled = false }
    }

    /// No more signals (the session ended); the handler is released.
    public func close() {
        state.withLock { state in
            state.closed = true
            state.handler = nil
        }
    }
}
