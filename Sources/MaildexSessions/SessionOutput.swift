import Synchronization

/// How a session writes part of its answer while a command is still running: the FETCH lines of
/// a STORE over many messages go out once the index has the new flags, and the client reads them
/// while the message files are still being renamed (``writer()``); a FETCH of many messages goes
/// out a megabyte at a time, no faster than the client reads it, so that the server never holds
/// the whole answer (``flush(_:)``). The connection installs its writer and drain with
/// ``connect(_:drain:)``.
///
/// Order is kept: ``writer()`` first writes what the session answered earlier in the same turn
/// (pipelined commands, held by ``ConnectionSession/receive(_:in:)`` until the turn ends), and
/// the writer it returns passes bytes to the connection in the order it is called, from any
/// thread. The rest of the turn's answer (the tagged reply) is written after them, provided the
/// writer is called before the session's command resumes (as the store's `committed` callback
/// is, before the store call returns): the connection's writes and the session's continuation
/// go through one event loop's queue, in submission order.
public final class SessionOutput: Sendable {
    private struct State {
        var write: (@Sendable ([UInt8]) -> Void)?
        var drain: (@Sendable ([SessionAction]) async -> Bool)?
        /// ``close()`` ran: nothing more is written, and ``flush(_:)`` says so.
        var closed = false
        /// The turn's answers so far (see ``ConnectionSession/receive(_:in:)``): touched only in
        /// the session's turn, but kept here so that ``writer()`` can send them first.
        var held: [SessionAction] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// The connection's writer: bytes to write to the client, in order, without waiting; and its
    /// drain: actions (bytes, streamed files) to write in order, returning once the connection
    /// has taken them (waiting while the client is behind), false if it is gone.
    public func connect(_ write: @escaping @Sendable ([UInt8]) -> Void,
                        drain: (@Sendable ([SessionAction]) async -> Bool)? = nil) {
        state.withLock { state in
            state.write = write
            state.drain = drain
        }
    }

    /// The connection is gone: the writer and drain are released, ``writer()`` gives nil and
    /// ``flush(_:)`` false.
    public func close() {
        state.withLock { state in
            state.write = nil
            state.drain = nil
            state.closed = true
        }
    }

    /// Writes the turn's earlier answers and then `actions` through the connection's drain, and
    /// empties `actions`; returns when the connection has taken them, so a session that flushes
    /// between pieces of a long answer produces it no faster than the client reads it. Returns
    /// false once the connection is gone (the command may stop). Without a drain attached,
    /// `actions` stays as it is, for the end of the turn.
    public func flush(_ actions: inout [SessionAction]) async -> Bool {
        let taken = state.withLock { state -> (drain: (@Sendable ([SessionAction]) async -> Bool)?, held: [SessionAction], closed: Bool) in
            guard let drain = state.drain else { return (nil, [], state.closed) }
            defer { state.held = [] }
            return (drain, state.held, false)
        }
        guard let drain = taken.drain else { return !taken.closed }
        let all = taken.held.isEmpty ? actions : taken.held + actions
        actions = []
        return await drain(all)
    }

    /// Writes the turn's earlier answers and returns the writer for the rest of this command's
    /// early output; nil (everything stays for the end of the turn) when no connection is
    /// attached, or when an earlier answer is more than bytes (a file streamed in a FETCH).
    public func writer() -> (@Sendable ([UInt8]) -> Void)? {
        let taken = state.withLock { state -> (write: @Sendable ([UInt8]) -> Void, bytes: [UInt8])? in
            guard let write = state.write else { return nil }
            var bytes: [UInt8] = []
            for action in state.held {
                guard case .send(let more) = action else { return nil }
                bytes += more
            }
            state.held = []
            return (write, bytes)
        }
        guard let taken else { return nil }
        if !taken.bytes.isEmpty { taken.write(taken.bytes) }
        // Through the state, so that nothing is written once the connection is gone (its event
        // loop may be shut down by then).
        return { [self] bytes in state.withLock { $0.write }?(bytes) }
    }

    /// Hands the turn's answers so far over before the session takes the next frame.
    func hold(_ actions: [SessionAction]) {
        state.withLock { $0.held = actions }
    }

    /// Takes them back after it: empty if ``writer()`` wrote them meanwhile.
    func takeHeld() -> [SessionAction] {
        state.withLock { state in
            defer { state.held = [] }
            return state.held
        }
    }
}
