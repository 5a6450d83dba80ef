import MaildexIMAPCodec
import NIOCore
import NIOTLS

/// Splits an IMAP connection's bytes into commands with their literals (``IMAPFrameDecoder``),
/// and marks the start of TLS: every byte sent in plaintext before the handshake is dropped.
final class IMAPFramer: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = InboundFrame<IMAPFrame>

    private var decoder: IMAPFrameDecoder

    init(decoder: IMAPFrameDecoder) {
        self.decoder = decoder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        decoder.append(bytes.readableBytesView)
        while let frame = decoder.next() {
            context.fireChannelRead(wrapInboundOut(.frame(frame)))
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls {
            decoder.discardBuffered()
            context.fireChannelRead(wrapInboundOut(.tlsEstablished))
        }
        context.fireUserInboundEventTriggered(event)
    }
}
