@testable import Maildex
import MaildexSessions
import NIOCore
import NIOEmbedded
import NIOTLS
import Testing

/// The framer must produce the same lines however the bytes are split (pipelined commands split
/// at every byte boundary), tolerate bare LF, and refuse over-long lines without losing the next.
@Suite struct LineFramerTests {
    static func frames(_ chunks: [[UInt8]], limit: Int = 16) throws -> [String] {
        let channel = EmbeddedChannel(handler: LineFramer(maximumLineLength: limit))
        for chunk in chunks { try channel.writeInbound(ByteBuffer(bytes: chunk)) }
        var out: [String] = []
        while let event = try channel.readInbound(as: InboundFrame<LineFrame>.self) {
            switch event {
            case .frames(let frames):
                for frame in frames {
                    switch frame {
                    case .line(let bytes): out.append(String(decoding: bytes, as: UTF8.self))
                    case .tooLong: out.append("<too long>")
                    }
                }
            case .tlsEstablished: out.append("<tls>")
            }
        }
        _ = try channel.finish()
        return out
    }

    static let input = Array("LHLO x\r\nMAIL FROM:<a@b>\nRCPT TO:<c>\r\n\r\nDATA\r\n".utf8)
    static let expected = ["LHLO x", "MAIL FROM:<a@b>", "RCPT TO:<c>", "", "DATA"]

    @Test func sameLinesAtEveryByteBoundary() throws {
        #expect(try Self.frames([Self.input], limit: 64) == Self.expected)
        #expect(try Self.frames(Self.input.map { [$0] }, limit: 64) == Self.expected)
        for cut in 1..<Self.input.count {
            #expect(try Self.frames([Array(Self.input[..<cut]), Array(Self.input[cut...])], limit: 64) == Self.expected, "cut at \(cut)")
        }
    }

    @Test func oneEventPerReadWithAllItsLines() throws {
        let channel = EmbeddedChannel(handler: LineFramer(maximumLineLength: 64))
        try channel.writeInbound(ByteBuffer(bytes: Self.input))
        let event = try channel.readInbound(as: InboundFrame<LineFrame>.self)
        guard case .frames(let frames) = event else { Issue.record("expected frames, got \(String(describing: event))"); return }
        #expect(frames.count == Self.expected.count)
        #expect(try channel.readInbound(as: InboundFrame<LineFrame>.self) == nil, "one pipeline event for the whole read")
        try channel.writeInbound(ByteBuffer(bytes: Array("half a li".utf8)))
        #expect(try channel.readInbound(as: InboundFrame<LineFrame>.self) == nil, "no event for a read without a whole line")
        _ = try channel.finish()
    }

    @Test func overlongLinesAreReportedOnceAndTheNextLineSurvives() throws {
        let long = Array(repeating: UInt8(ascii: "x"), count: 40)
        #expect(try Self.frames([long + Array("\r\nNOOP\r\n".utf8)]) == ["<too long>", "NOOP"])
        // Arriving in pieces, longer than the limit before any line end.
        #expect(try Self.frames([Array(long[..<20]), Array(long[20...]), Array("\nNOOP\n".utf8)]) == ["<too long>", "NOOP"])
        #expect(try Self.frames([Array("a\0b\r\n".utf8)]) == ["a\0b"], "NUL bytes are passed on for the session to judge")
    }

    @Test func tlsHandshakeDropsBufferedPlaintext() throws {
        let channel = EmbeddedChannel(handler: LineFramer(maximumLineLength: 64))
        try channel.writeInbound(ByteBuffer(bytes: Array("STLS\r\nUSER inject".utf8)))
        channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: nil))
        try channel.writeInbound(ByteBuffer(bytes: Array("ed\r\nCAPA\r\n".utf8)))
        var lines: [String] = []
        while let frame = try channel.readInbound(as: InboundFrame<LineFrame>.self) {
            if case .frames(let frames) = frame {
                for case .line(let l) in frames { lines.append(String(decoding: l, as: UTF8.self)) }
            }
            if case .tlsEstablished = frame { lines.append("<tls>") }
        }
        #expect(lines == ["STLS", "<tls>", "ed", "CAPA"], "the half line 'USER inject' from before TLS is gone")
        _ = try channel.finish()
    }
}
