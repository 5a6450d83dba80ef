import CompressNIO
import NIOCore
import NIOSSL

/// Raw DEFLATE (RFC 1951, no zlib header) both ways, for IMAP COMPRESS=DEFLATE (RFC 4978):
/// it sits after TLS and before the framer, so compression is inside the TLS layer.
///
/// **Out.** Writes are deflated as they come; a flush ends with Z_SYNC_FLUSH, so the client can
/// inflate everything the server sent and never waits for more (RFC 4978 §4).
///
/// **In.** Compressed input is inflated at most ``pieceSize`` bytes at a time, one piece per
/// `read()` from the handlers after it: a session that is behind holds its `read()`, and the
/// rest of the input waits, compressed. The framer's limits (line length, literal size) bound
/// what a piece can add up to; when the framer meets a line or literal over them it sends
/// ``StopInflating`` and nothing more is inflated. So a decompression bomb costs at most a line
/// limit and a piece of memory, and the connection is closed.
final class DeflateHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Inbound user event, sent when the handler is installed: the framer makes its limits
    /// fatal from now on.
    struct Started: Sendable {}
    /// Outbound user event from the framer: the stream broke a limit and the connection is
    /// being closed; later input is dropped without inflating it.
    struct StopInflating: Sendable {}

    /// The input was not a DEFLATE stream (or went on after its end).
    struct CorruptStream: Error, CustomStringConvertible {
        var description: String { "the client's DEFLATE stream is corrupt" }
    }

    /// The most bytes inflated at once. The default is 64 KiB.
    static let pieceSize = 64 * 1024

    private let inflater: ZlibDecompressor
    private let deflater: ZlibCompressor
    /// Compressed input not inflated yet.
    private var input = ByteBuffer()
    /// The last piece filled up: zlib may hold more output even with no input left.
    private var outputPending = false
    private var stopped = false
    /// Promises of writes whose bytes are deflated but not flushed yet.
    private var unflushed: [EventLoopPromise<Void>] = []
    /// Bytes handed on after inflating (for tests and the bomb limit's proof).
    private(set) var inflatedByteCount = 0

    init() throws {
        inflater = try ZlibDecompressor(algorithm: .deflate, windowSize: 15)
        deflater = try ZlibCompressor(algorithm: .deflate, configuration: ZlibConfiguration(windowSize: .window128k))
    }

    /// Puts a new handler after TLS, or first without TLS. Call on the event loop, right after
    /// writing the uncompressed OK, in the same tick.
    static func install(in channel: any Channel) throws {
        let sync = channel.pipeline.syncOperations
        let handler = try DeflateHandler()
        if let tls = try? sync.handler(type: NIOSSLServerHandler.self) {
            try sync.addHandler(handler, position: .after(tls))
        } else {
            try sync.addHandler(handler, position: .first)
        }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        context.fireUserInboundEventTriggered(Started())
    }

    // MARK: - Inflating

    private var hasInput: Bool { input.readableBytes > 0 || outputPending }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !stopped else { return }
        var bytes = unwrapInboundIn(data)
        if input.readableBytes == 0 { input = bytes } else { input.writeBuffer(&bytes) }
        inflatePiece(context: context)
    }

    func read(context: ChannelHandlerContext) {
        guard hasInput, !stopped else { return context.read() }
        inflatePiece(context: context)
        context.fireChannelReadComplete()
        guard hasInput else { return context.read() }
        // The next piece when the next read() comes through the pipeline (on a later tick, so
        // no recursion); a session that is behind holds it.
        let channel = context.channel
        context.eventLoop.execute { if channel.isActive { channel.read() } }
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is StopInflating else { return context.triggerUserOutboundEvent(event, promise: promise) }
        stopped = true
        input = ByteBuffer()
        outputPending = false
        promise?.succeed()
    }

    /// Inflates at most one piece and hands it on.
    private func inflatePiece(context: ChannelHandlerContext) {
        guard hasInput, !stopped, context.channel.isActive else { return }
        var piece = context.channel.allocator.buffer(capacity: Self.pieceSize)
        let before = input.readableBytes
        do {
            try inflater.inflate(from: &input, to: &piece)
            outputPending = false
        } catch let error as CompressNIOError where error == .bufferOverflow {
            outputPending = true
        } catch let error as CompressNIOError where error == .inputBufferOverflow {
            outputPending = false   // all input used; zlib waits for more
        } catch {
            return fail(context: context)
        }
        if piece.readableBytes == 0, input.readableBytes == before, input.readableBytes > 0 {
            return fail(context: context)   // no progress: bytes after the end of the stream
        }
        if input.readableBytes == 0 { input.clear() } else if input.readerIndex > Self.pieceSize { input.discardReadBytes() }
        guard piece.readableBytes > 0 else { return }
        inflatedByteCount += piece.readableBytes
        context.fireChannelRead(wrapInboundOut(piece))
    }

    private func fail(context: ChannelHandlerContext) {
        stopped = true
        input = ByteBuffer()
        outputPending = false
        context.fireErrorCaught(CorruptStream())
    }

    // MARK: - Deflating

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        var bytes = unwrapOutboundIn(data)
        do {
            for piece in try deflate(&bytes, flush: .no, allocator: context.channel.allocator) {
                context.write(wrapOutboundOut(piece), promise: nil)
            }
            if let promise { unflushed.append(promise) }
        } catch {
            promise?.fail(error)
            context.fireErrorCaught(error)
        }
    }

    func flush(context: ChannelHandlerContext) {
        let promises = unflushed
        unflushed = []
        var nothing = context.channel.allocator.buffer(capacity: 8)
        do {
            var pieces = try deflate(&nothing, flush: .sync, allocator: context.channel.allocator)
            let last = pieces.popLast() ?? context.channel.allocator.buffer(capacity: 0)
            for piece in pieces { context.write(wrapOutboundOut(piece), promise: nil) }
            let written = context.eventLoop.makePromise(of: Void.self)
            context.write(wrapOutboundOut(last), promise: written)
            for promise in promises { written.futureResult.cascade(to: promise) }
        } catch {
            for promise in promises { promise.fail(error) }
            context.fireErrorCaught(error)
        }
        context.flush()
    }

    /// Deflates `input` into pieces of at most ``pieceSize`` bytes. With `.sync`, the pieces end
    /// on a byte boundary with everything so far (the empty stored block `00 00 ff ff`).
    private func deflate(_ input: inout ByteBuffer, flush: CompressNIOFlush, allocator: ByteBufferAllocator) throws -> [ByteBuffer] {
        var pieces: [ByteBuffer] = []
        while true {
            var piece = allocator.buffer(capacity: Self.pieceSize)
            let before = input.readableBytes
            do {
                try deflater.deflate(from: &input, to: &piece, flush: flush)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                // Z_BUF_ERROR: nothing more to do for now.
            }
            let full = piece.writableBytes == 0
            if piece.readableBytes > 0 { pieces.append(piece) }
            let progressed = piece.readableBytes > 0 || input.readableBytes < before
            guard progressed, full || input.readableBytes > 0 else { break }
        }
        return pieces
    }
}
