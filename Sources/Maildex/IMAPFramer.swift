import MaildexIMAPCodec
import NIOCore
import NIOTLS

/// Splits an IMAP connection's bytes into commands with their literals (``IMAPFrameDecoder``),
/// and marks the start of TLS: every byte sent in plaintext before the handshake is dropped.
/// Under COMPRESS (``DeflateHandler``) a line or non-synchronizing literal over the limits
/// ends the input: the inflater is told to stop, and the session closes the connection.
final class IMAPFramer: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = InboundFrame<IMAPFrame>

    private var decoder: IMAPFrameDecoder
    private var compressed = false
    private var ended = false

    init(decoder: IMAPFrameDecoder) {
        self.decoder = decoder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !ended else { return }
        let bytes = unwrapInboundIn(data)
        decoder.append(bytes.readableBytesView)
        var frames: [IMAPFrame] = []
        while let frame = decoder.next() {
            frames.append(frame)
            if compressed, frame.overflows {
                ended = true
                decoder.discardBuffered()
                break
            }
        }
        if !frames.isEmpty { context.fireChannelRead(wrapInboundOut(.frames(frames))) }
        if ended { context.triggerUserOutboundEvent(DeflateHandler.StopInflating(), promise: nil) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is DeflateHandler.Started { compressed = true; return }
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls {
            decoder.discardBuffered()
            context.fireChannelRead(wrapInboundOut(.tlsEstablished))
        }
        context.fireUserInboundEventTriggered(event)
    }
}

extension IMAPFrame {
    /// A line or a non-synchronizing literal over the limits: its bytes are on their way.
    var overflows: Bool {
        switch self {
        case .lineTooLong: true
        case .literalTooLarge(_, _, let synchronizing): !synchronizing
        case .command, .continuationRequest: false
        }
    }
}
