@testable import Maildex
import MaildexIMAPCodec
import NIOCore
import NIOEmbedded
import Testing

/// The COMPRESS=DEFLATE handler (RFC 4978) on embedded channels: a second handler plays the
/// client, so both directions go through real DEFLATE streams.
@Suite struct DeflateHandlerTests {
    /// A client: its outbound side compresses what the test writes, its inbound side inflates
    /// what the server sent.
    static func client() throws -> EmbeddedChannel {
        try active(EmbeddedChannel(handler: try DeflateHandler()))
    }

    /// An embedded channel is inactive until connected, and the handler inflates nothing for a
    /// closed channel.
    static func active(_ channel: EmbeddedChannel) throws -> EmbeddedChannel {
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1143)).wait()
        return channel
    }

    /// The server side as MailServer builds it: the framer, then the deflater put in first.
    static func server(line: Int = 64, literal: Int = 1_000) throws -> (EmbeddedChannel, DeflateHandler) {
        let channel = try active(EmbeddedChannel(handler: IMAPFramer(decoder: IMAPFrameDecoder(maximumLineLength: line, maximumLiteralSize: literal))))
        let deflater = try DeflateHandler()
        try channel.pipeline.syncOperations.addHandler(deflater, position: .first)
        return (channel, deflater)
    }

    static func compress(_ bytes: [UInt8], with client: EmbeddedChannel) throws -> [ByteBuffer] {
        try client.writeAndFlush(ByteBuffer(bytes: bytes)).wait()
        var out: [ByteBuffer] = []
        while let piece = try client.readOutbound(as: ByteBuffer.self) { out.append(piece) }
        return out
    }

    /// Drives reads as autoRead would: one piece of inflated input per `read()`.
    static func pump(_ channel: EmbeddedChannel, times: Int = 64) {
        for _ in 0..<times {
            channel.pipeline.read()
            channel.embeddedEventLoop.run()
        }
    }

    static func frames(_ channel: EmbeddedChannel) throws -> [IMAPFrame] {
        var out: [IMAPFrame] = []
        while let frame = try channel.readInbound(as: InboundFrame<IMAPFrame>.self) {
            if case .frames(let f) = frame { out += f }
        }
        return out
    }

    @Test func bothDirectionsRoundTrip() throws {
        let client = try Self.client()
        let (server, _) = try Self.server()
        for piece in try Self.compress(Array("a1 NOOP\r\nb2 LOGIN alice {6}\r\nsecret\r\n".utf8), with: client) {
            try server.writeInbound(piece)
        }
        Self.pump(server)
        #expect(try Self.frames(server) == [.command(Array("a1 NOOP".utf8)), .continuationRequest,
                                           .command(Array("b2 LOGIN alice {6}\r\nsecret".utf8))])

        let reply = Array(((1...20).map { "* \($0) FETCH (FLAGS (\\Seen))\r\n" }.joined() + "a1 OK Fetch completed.\r\n").utf8)
        try server.writeAndFlush(ByteBuffer(bytes: reply)).wait()
        var received: [UInt8] = []
        while let piece = try server.readOutbound(as: ByteBuffer.self) {
            // Every flush ends on the empty stored block of Z_SYNC_FLUSH: the client can inflate it all now.
            received += piece.readableBytesView
        }
        #expect(received.suffix(4) == [0x00, 0x00, 0xFF, 0xFF])
        #expect(received.count < reply.count)
        try client.writeInbound(ByteBuffer(bytes: received))
        var inflated: [UInt8] = []
        while let piece = try client.readInbound(as: ByteBuffer.self) { inflated += piece.readableBytesView }
        #expect(inflated == reply)
    }

    /// A megabyte of zeros a kilobyte long, sent again and again: the framer finds the line too
    /// long after the line limit, the inflater stops, and nothing more is inflated however much
    /// more comes. Bounded in bytes: the line limit and a piece.
    @Test func decompressionBombStopsAtTheLineLimit() throws {
        let client = try Self.client()
        let (server, deflater) = try Self.server(line: 65_536)
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        var sentCompressed = 0
        for round in 0..<20 {
            for piece in try Self.compress(zeros, with: client) {
                sentCompressed += piece.readableBytes
                try server.writeInbound(piece)
            }
            Self.pump(server)
            if round == 0 {
                let frames = try Self.frames(server)
                #expect(frames.count == 1)
                if case .lineTooLong = frames.first {} else { Issue.record("expected a line too long, got \(frames)") }
            }
        }
        #expect(sentCompressed < 100_000, "20 MB of zeros compress to \(sentCompressed) bytes")
        #expect(deflater.inflatedByteCount <= 65_536 + DeflateHandler.pieceSize,
                "inflated \(deflater.inflatedByteCount) bytes of 20 MiB")
        #expect(try Self.frames(server).isEmpty)
    }

    /// Without a `read()` from the handlers after it (a session that is behind holds it), at
    /// most one piece is inflated however much compressed input arrives.
    @Test func onePiecePerRead() throws {
        let client = try Self.client()
        let (server, deflater) = try Self.server()
        let gate = ReadGate()
        try server.pipeline.syncOperations.addHandler(gate)
        let lines = [UInt8](repeating: 0x0A, count: 1 << 20)   // a million empty commands
        let compressed = try Self.compress(lines, with: client)
        #expect(compressed.count == 1)
        for piece in compressed { try server.writeInbound(piece) }
        #expect(deflater.inflatedByteCount == DeflateHandler.pieceSize)
        Self.pump(server, times: 10)
        #expect(deflater.inflatedByteCount == DeflateHandler.pieceSize, "reads held: nothing more")
        gate.allowance = 3
        Self.pump(server, times: 10)
        #expect(deflater.inflatedByteCount == 4 * DeflateHandler.pieceSize)
    }

    @Test func corruptInputClosesWithAnError() throws {
        let (server, _) = try Self.server()
        #expect(throws: DeflateHandler.CorruptStream.self) {
            try server.writeInbound(ByteBuffer(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]))
        }
    }
}

/// Lets `allowance` reads through, as a session that is behind holds them.
final class ReadGate: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    var allowance = 0
    func read(context: ChannelHandlerContext) {
        guard allowance > 0 else { return }
        allowance -= 1
        context.read()
    }
}
