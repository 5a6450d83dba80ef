import MaildexSessions
import NIOCore
import NIOTLS

/// What a framer hands to the session handler: the session's frames, and the start of TLS.
enum InboundFrame<Frame: Sendable>: Sendable {
    /// The frames complete after one read from the socket, in order: one pipeline event per
    /// read, not per line (a message of 300 lines would otherwise cost 300 of them).
    case frames([Frame])
    /// The TLS handshake completed; bytes buffered before it were discarded.
    case tlsEstablished
}

/// Splits the byte stream into lines, with a length limit, and marks the start of TLS: every
/// byte the client sent in plaintext before the handshake is dropped (the CVE-2011-0411 class
/// of STARTTLS command injection).
final class LineFramer: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = InboundFrame<LineFrame>

    private let maximumLineLength: Int
    private var buffer: [UInt8] = []
    private var discarding = false

    init(maximumLineLength: Int) {
        self.maximumLineLength = maximumLineLength
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        buffer.append(contentsOf: unwrapInboundIn(data).readableBytesView)
        var frames: [LineFrame] = []
        defer { if !frames.isEmpty { context.fireChannelRead(wrapInboundOut(.frames(frames))) } }
        var start = 0
        while let newline = buffer[start...].firstIndex(of: 0x0A) {
            var end = newline
            if end > start, buffer[end - 1] == 0x0D { end -= 1 }
            if discarding {
                discarding = false
            } else if end - start > maximumLineLength {
                frames.append(.tooLong)
            } else {
                frames.append(.line(Array(buffer[start..<end])))
            }
            start = newline + 1
        }
        buffer.removeFirst(start)
        if buffer.count > maximumLineLength + 1 {
            // No line end in sight: drop what we have and the rest of this line.
            if !discarding { frames.append(.tooLong) }
            discarding = true
            buffer.removeAll(keepingCapacity: true)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls {
            buffer.removeAll()
            discarding = false
            context.fireChannelRead(wrapInboundOut(.tlsEstablished))
        }
        context.fireUserInboundEventTriggered(event)
    }
}
