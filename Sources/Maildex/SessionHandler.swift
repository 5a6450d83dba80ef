import Foundation
import Logging
import MaildexMaildir
import MaildexSessions
import NIOCore
import NIOSSL
import Synchronization

/// Feeds one connection's frames to its session, one at a time and in order, and carries out
/// the session's actions. The session runs in Swift concurrency; this handler only moves bytes.
final class SessionHandler<Session: ConnectionSession>: ChannelDuplexHandler, @unchecked Sendable {
    typealias InboundIn = InboundFrame<Session.Frame>
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// A frame from the client, a signal that the session has something to say, or the server
    /// shutting down.
    private enum Event: Sendable {
        /// The TLS handshake completed.
        case tlsEstablished
        /// The frames of one read from the socket, handed to the session in one turn.
        case frames([Session.Frame])
        case wake
        case shutdown
    }

    private let session: Session
    private let tls: NIOSSLContext?
    private let connections: ConnectionRegistry
    private let inbox = ConnectionInbox<Event>()

    /// Frames read since the last `channelReadComplete` (event loop only). A message of a few
    /// hundred lines arrives in a few reads, so the session gets a few turns instead of one per
    /// line: a hop into the session's actor and an AsyncStream element per line cost more CPU
    /// than the rest of an LMTP delivery.
    private var pendingFrames: [Session.Frame] = []

    private let log: Logger
    private let opened = ContinuousClock.now
    private let snapshot: ConnectionSnapshot
    /// Backpressure: frames received and not handled yet. Above ``maximumQueuedFrames`` the
    /// handler holds `read()` until the session is halfway through, so a client that pipelines
    /// faster than the session works (or a compressed stream that inflates to many commands)
    /// waits in TCP buffers, not in memory.
    private let queued = Atomic<Int>(0)
    private static var maximumQueuedFrames: Int { 64 }
    /// A `read()` is held (event loop only).
    private var readHeld = false
    /// Wakes the session every ``ConnectionSession/tick`` (event loop only).
    private var ticker: RepeatedTask?

    init(session: Session, tls: NIOSSLContext?, connections: ConnectionRegistry, log: Logger, snapshot: ConnectionSnapshot) {
        self.session = session
        self.tls = tls
        self.connections = connections
        self.log = log
        self.snapshot = snapshot
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        let inbox = self.inbox
        // A shutdown is queued behind the frames already received, so a command in progress
        // (an LMTP delivery) finishes first.
        connections.add(snapshot) { inbox.yield(.shutdown) }
        log.info("Connect")
        session.wakeup?.connect { inbox.yield(.wake) }
        session.output?.connect({ bytes in channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil) },
                                drain: { [weak self] actions in
                                    guard let self else { return false }
                                    var awaitingTLS = false   // a drain carries bytes and streamed files only
                                    return await self.perform(actions, on: channel, awaitingTLS: &awaitingTLS) && channel.isActive
                                })
        if let tick = session.tick {
            ticker = channel.eventLoop.scheduleRepeatedTask(initialDelay: TimeAmount(tick), delay: TimeAmount(tick)) { _ in
                inbox.yield(.wake)
            }
        }
        let session = self.session
        let executor = EventLoopTaskExecutor(channel.eventLoop)
        Task(executorPreference: executor) { await self.serve(channel, in: session, executor: executor) }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .frames(let frames):
            queued.add(frames.count, ordering: .relaxed)
            pendingFrames += frames
        case .tlsEstablished:
            handOverFrames()
            inbox.yield(.tlsEstablished)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        handOverFrames()
        context.fireChannelReadComplete()
    }

    private func handOverFrames() {
        guard !pendingFrames.isEmpty else { return }
        inbox.yield(.frames(pendingFrames))
        pendingFrames = []
    }

    func read(context: ChannelHandlerContext) {
        if queued.load(ordering: .relaxed) >= Self.maximumQueuedFrames {
            readHeld = true
        } else {
            context.read()
        }
    }

    /// `count` frames were taken by the session; once the queue drops to half, a held `read()` goes on.
    private func handled(_ count: Int, _ channel: any Channel) {
        let left = queued.subtract(count, ordering: .relaxed).newValue
        let half = Self.maximumQueuedFrames / 2
        guard left <= half, left + count > half else { return }
        channel.eventLoop.execute {
            guard self.readHeld, self.queued.load(ordering: .relaxed) < Self.maximumQueuedFrames else { return }
            self.readHeld = false
            channel.pipeline.read()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        handOverFrames()
        connections.remove(snapshot.id)
        session.output?.close()
        ticker?.cancel()
        inbox.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A broken connection (reset, TLS failure) ends this session only.
        context.close(promise: nil)
    }

    /// The connection's life: greeting, then one frame at a time until it closes. It runs on the
    /// session's executor (the connection's event loop, ``ConnectionInfo/executor``): frames
    /// read on the loop are answered there, and answers are written there, with no thread hop
    /// (except the part of a long answer a session writes early, through its ``ConnectionSession/output``).
    private func serve(_ channel: any Channel, in session: isolated Session, executor: EventLoopTaskExecutor) async {
        var awaitingTLS = false
        var open = await perform(turn(on: executor) { await session.start() }, on: channel, awaitingTLS: &awaitingTLS)
        while open, let event = await inbox.next() {
            if case .frames(let frames) = event { handled(frames.count, channel) }
            switch event {
            case .frames(let frames):
                if awaitingTLS { continue }   // pipelined before the handshake: discarded
                open = await perform(turn(on: executor) { await Session.receive(frames, in: session) },
                                     on: channel, awaitingTLS: &awaitingTLS)
            case .wake:
                session.wakeup?.taken()
                if awaitingTLS { continue }
                open = await perform(turn(on: executor) { await session.wake() }, on: channel, awaitingTLS: &awaitingTLS)
            case .shutdown:
                // The session's last words (IMAP's `* BYE`), then the connection closes.
                _ = await perform(awaitingTLS ? [] : session.shutdown(), on: channel, awaitingTLS: &awaitingTLS)
                try? await channel.close()
                open = false
            case .tlsEstablished:
                awaitingTLS = false
                await session.tlsStarted()
            }
        }
        await session.closed()
        log.info("Disconnect", metadata: ["seconds": "\((ContinuousClock.now - opened).components.seconds)"])
    }

    /// One turn of the session (its greeting, its answer to frames, a wake-up), in a task of its
    /// own on the connection's loop. A task keeps the memory its deepest call ever took until it
    /// ends, and a command goes deep (IMAP's dispatch alone takes 8 KiB of async frames): run by
    /// the connection's long-lived task, that memory stayed with every idle connection.
    private func turn(on executor: EventLoopTaskExecutor, _ body: @escaping @Sendable () async -> [SessionAction],
                      isolation: isolated (any Actor)? = #isolation) async -> [SessionAction] {
        await Task(executorPreference: executor, operation: body).value
    }

    /// Writes the session's output; returns false once the connection is to be closed.
    private func perform(_ actions: [SessionAction], on channel: any Channel, awaitingTLS: inout Bool,
                         isolation: isolated (any Actor)? = #isolation) async -> Bool {
        var pending: [UInt8] = []
        for action in actions {
            switch action {
            case .send(let bytes):
                if pending.isEmpty { pending = bytes } else { pending += bytes }
            case .startTLS:
                guard let tls else { continue }
                awaitingTLS = true
                // The reply and the TLS handler go in in one event-loop tick, so the client's
                // ClientHello can never reach the line framer.
                let reply = pending
                pending = []
                let started = channel.eventLoop.submit {
                    channel.writeAndFlush(ByteBuffer(bytes: reply), promise: nil)
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
                }
                do { try await started.get() } catch { channel.close(promise: nil); return false }
            case .stream(let slice):
                if !pending.isEmpty {
                    do { try await channel.writeAndFlush(ByteBuffer(bytes: pending)) } catch { return false }
                    pending = []
                }
                var offset = slice.offset
                let end = slice.offset + slice.length
                while offset < end {
                    guard let chunk = try? slice.file.read(offset: offset, length: min(256 * 1024, end - offset)), !chunk.isEmpty else {
                        // The literal's length was promised; a short file leaves no way to go on.
                        try? await channel.close()
                        return false
                    }
                    do { try await channel.writeAndFlush(ByteBuffer(bytes: chunk)) } catch { return false }
                    offset += chunk.count
                }
            case .startCompression:
                // The OK goes out uncompressed; the deflater is in before the next read.
                let reply = pending
                pending = []
                let started = channel.eventLoop.submit {
                    channel.writeAndFlush(ByteBuffer(bytes: reply), promise: nil)
                    try DeflateHandler.install(in: channel)
                }
                do { try await started.get() } catch { channel.close(promise: nil); return false }
            case .close:
                if !pending.isEmpty { try? await channel.writeAndFlush(ByteBuffer(bytes: pending)) }
                try? await channel.close()
                return false
            }
        }
        if !pending.isEmpty { await write(pending, to: channel) }
        return true
    }

    /// Writes a turn's answer. The turn waits for the event loop to report it written only when
    /// the channel is over NIO's high-water mark of unsent bytes (a client that does not read):
    /// waiting every time cost a thread wake-up per command, a fifth of a POP3 RETR. A failed
    /// write closes the channel, which ends the session.
    private func write(_ bytes: [UInt8], to channel: any Channel, isolation: isolated (any Actor)? = #isolation) async {
        let written = channel.eventLoop.makePromise(of: Void.self)
        channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: written)
        if channel.isWritable { return }
        try? await written.futureResult.get()
    }
}
