import NIOCore
import Synchronization

/// The events of one connection, from its event loop to its session's task, in order: a queue
/// with one consumer, which waits isolated to the session. A resumed continuation goes to the
/// global executor first unless the task has an executor preference: the session's task has its
/// event loop (``EventLoopTaskExecutor``), so an event read on the loop resumes the session there.
final class ConnectionInbox<Element: Sendable>: Sendable {
    private struct State: ~Copyable {
        var buffer = CircularBuffer<Element>()
        var waiter: CheckedContinuation<Element?, Never>?
        var finished = false
    }

    private let state = Mutex(State())

    /// Queues an event; dropped once the inbox is finished.
    func yield(_ element: Element) {
        let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
            guard !state.finished else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.buffer.append(element)
            return nil
        }
        waiter?.resume(returning: element)
    }

    /// No more events: ``next(isolation:)`` returns what is queued, then nil.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// The next event, or nil once the inbox is finished and empty. One consumer only.
    func next(isolation: isolated (any Actor)? = #isolation) async -> Element? {
        await withCheckedContinuation(isolation: isolation) { (continuation: CheckedContinuation<Element?, Never>) in
            let ready = state.withLock { state -> Element?? in
                if let element = state.buffer.popFirst() { return .some(element) }
                if state.finished { return .some(nil) }
                state.waiter = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
