import NIOCore
import Synchronization

/// Open TCP connections per remote address, for ``ConnectionLimits/maximumConnectionsPerAddress``.
/// A slot is taken when the connection is set up (before its greeting) and given back when it closes.
final class AddressConnectionCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    /// Takes a slot for `address`; false (and nothing taken) when it already has `limit`.
    func reserve(_ address: String, limit: Int) -> Bool {
        counts.withLock { counts in
            let open = counts[address, default: 0]
            guard open < limit else { return false }
            counts[address] = open + 1
            return true
        }
    }

    func release(_ address: String) {
        counts.withLock { counts in
            let open = counts[address, default: 0] - 1
            counts[address] = open > 0 ? open : nil
        }
    }
}

/// Sends a refusal as soon as the connection is up, then closes it; nothing the client sends is read.
final class RefusalHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    private let refusal: [UInt8]

    init(refusal: [UInt8]) { self.refusal = refusal }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: refusal))).whenComplete { _ in channel.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}

/// Closes a connection that has not logged in when the login deadline passes, after the
/// protocol's refusal. `isLoggedIn` is asked on the event loop when the deadline comes.
final class LoginDeadlineHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    private let timeout: Duration
    private let refusal: [UInt8]
    private let isLoggedIn: @Sendable () -> Bool
    private var deadline: Scheduled<Void>?

    init(timeout: Duration, refusal: [UInt8], isLoggedIn: @escaping @Sendable () -> Bool) {
        self.timeout = timeout
        self.refusal = refusal
        self.isLoggedIn = isLoggedIn
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        let refusal = self.refusal
        let isLoggedIn = self.isLoggedIn
        deadline = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            guard !isLoggedIn() else { return }
            channel.writeAndFlush(ByteBuffer(bytes: refusal)).whenComplete { _ in channel.close(promise: nil) }
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        context.fireChannelInactive()
    }
}
