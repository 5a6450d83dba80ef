import MaildexIMAPCodec
import MaildexTesting
import Testing

@Test(arguments: [
    // Lines
    DecodeFixture("a NOOP\r\n", [command("a NOOP")]),
    DecodeFixture("a NOOP\n", [command("a NOOP")]),
    DecodeFixture("a NOOP\r\nb LOGOUT\nc CHECK\r\n", [command("a NOOP"), command("b LOGOUT"), command("c CHECK")]),
    DecodeFixture("\r\n\n", [command(""), command("")]),
    DecodeFixture("a NOOP\r\r\n", [command("a NOOP\r")]),
    DecodeFixture("DONE\r\n", [command("DONE")]),
    // Incomplete
    DecodeFixture("a NOO", []),
    DecodeFixture("a NOOP\r", []),
    DecodeFixture("a NOOP\r\nb NO", [command("a NOOP")]),
    // Literals: inline as sent, continuation request only for synchronizing ones
    DecodeFixture("a APPEND INBOX {5}\r\nhello\r\n", [.continuationRequest, command("a APPEND INBOX {5}\r\nhello")]),
    DecodeFixture("a APPEND INBOX {5+}\r\nhello\r\n", [command("a APPEND INBOX {5+}\r\nhello")]),
    DecodeFixture("a APPEND INBOX ~{3}\r\nabc\r\n", [.continuationRequest, command("a APPEND INBOX ~{3}\r\nabc")]),
    DecodeFixture("a APPEND INBOX ~{3+}\r\nabc\r\n", [command("a APPEND INBOX ~{3+}\r\nabc")]),
    DecodeFixture("a LOGIN {4}\r\n\r\n\u{0}x {2+}\r\n}\n\r\n",
                  [.continuationRequest, command("a LOGIN {4}\r\n\r\n\u{0}x {2+}\r\n}\n")]),
    DecodeFixture("a LOGIN {0}\r\n {0}\r\n\r\n", [.continuationRequest, .continuationRequest, command("a LOGIN {0}\r\n {0}\r\n")]),
    DecodeFixture("a LOGIN {1}\nx y\n", [.continuationRequest, command("a LOGIN {1}\nx y")]),
    DecodeFixture("a APPEND INBOX {1}\r\nx {1}\r\ny\r\nb NOOP\r\n",
                  [.continuationRequest, .continuationRequest, command("a APPEND INBOX {1}\r\nx {1}\r\ny"), command("b NOOP")]),
    DecodeFixture("a APPEND INBOX {5}\r\nhel", [.continuationRequest]),
    DecodeFixture("a APPEND INBOX {5}\r\nhello", [.continuationRequest]),
    // Not literal markers
    DecodeFixture("a LOGIN {5} x\r\n", [command("a LOGIN {5} x")]),
    DecodeFixture("a X {}\r\nb X {+}\r\nc X {5x}\r\n", [command("a X {}"), command("b X {+}"), command("c X {5x}")]),
    DecodeFixture("a X 5}\r\n", [command("a X 5}")]),
    // Line too long (limit 10): dropped up to the LF, once
    DecodeFixture("a 12345678\r\n", [command("a 12345678")], line: 10),
    DecodeFixture("a 123456789\r\nb NOOP\r\n", [.lineTooLong(tag: "a"), command("b NOOP")], line: 10),
    DecodeFixture("a 123456789012345678901234567890\nb NOOP\n", [.lineTooLong(tag: "a"), command("b NOOP")], line: 10),
    DecodeFixture("abcdefghijklmnopqrstuvwxyz\r\nb NOOP\r\n", [.lineTooLong(tag: nil), command("b NOOP")], line: 10),
    DecodeFixture("+a 123456789012345678\r\n", [.lineTooLong(tag: nil)], line: 10),
    DecodeFixture("a X {1}\r\nx 0123456789012\r\nb NOOP\r\n", [.continuationRequest, .lineTooLong(tag: "a"), command("b NOOP")], line: 10),
    DecodeFixture("a 12345678901234567890", [.lineTooLong(tag: "a")], line: 10),
    // Literal too large (limit 20)
    DecodeFixture("a APPEND INBOX {21}\r\nb NOOP\r\n", [.literalTooLarge(tag: "a", size: 21, synchronizing: true), command("b NOOP")]),
    DecodeFixture("a APPEND INBOX {20}\r\n01234567890123456789\r\n",
                  [.continuationRequest, command("a APPEND INBOX {20}\r\n01234567890123456789")]),
    DecodeFixture("a APPEND INBOX {21+}\r\n012345678901234567890\r\nb NOOP\r\n",
                  [.literalTooLarge(tag: "a", size: 21, synchronizing: false)]),
    DecodeFixture("a X {99999999999999999999999}\r\nb NOOP\r\n",
                  [.literalTooLarge(tag: "a", size: .max, synchronizing: true), command("b NOOP")]),
    DecodeFixture("{99}\r\nb NOOP\r\n", [.literalTooLarge(tag: nil, size: 99, synchronizing: true), command("b NOOP")]),
    // Command too large (limit 30): the literal that would pass it is refused
    DecodeFixture("a APPEND INBOX {10}\r\n0123456789 {10}\r\nb NOOP\r\n",
                  [.continuationRequest, .literalTooLarge(tag: "a", size: 10, synchronizing: true), command("b NOOP")], command: 30),
    DecodeFixture("a APPEND INBOX {10}\r\n0123456789\r\n",
                  [.continuationRequest, command("a APPEND INBOX {10}\r\n0123456789")], command: 30),
])
func frames(_ fixture: DecodeFixture) { fixture.check() }

@Test func aLongLineWithoutLineEndIsDroppedAsItArrives() {
    var decoder = IMAPFrameDecoder(maximumLineLength: 1000, maximumLiteralSize: 1000)
    let chunk = [UInt8](repeating: 0x78, count: 4096)
    var frames: [IMAPFrame] = []
    decoder.append(Array("a1 LOGIN ".utf8))
    for _ in 0..<2_500 { // 10 MB
        decoder.append(chunk)
        while let frame = decoder.next() { frames.append(frame) }
        #expect(decoder.bufferedByteCount <= 1001)
    }
    decoder.append(Array("\r\nb NOOP\r\n".utf8))
    while let frame = decoder.next() { frames.append(frame) }
    #expect(frames == [.lineTooLong(tag: "a1"), command("b NOOP")])
}

@Test func aRefusedNonSynchronizingLiteralDropsEverythingAfter() {
    var decoder = IMAPFrameDecoder(maximumLineLength: 1000, maximumLiteralSize: 1000)
    decoder.append(Array("a APPEND INBOX {100000000+}\r\n".utf8))
    #expect(decoder.next() == .literalTooLarge(tag: "a", size: 100_000_000, synchronizing: false))
    for _ in 0..<100 {
        decoder.append([UInt8](repeating: 0x0A, count: 10_000))
        #expect(decoder.next() == nil)
        #expect(decoder.bufferedByteCount == 0)
    }
}

@Test func aLiteralIsHeldOnlyUpToItsAnnouncedSize() {
    var decoder = IMAPFrameDecoder(maximumLineLength: 100, maximumLiteralSize: 5000)
    decoder.append(Array("a APPEND INBOX {5000}\r\n".utf8))
    #expect(decoder.next() == .continuationRequest)
    for _ in 0..<50 {
        decoder.append([UInt8](repeating: 0x0A, count: 100))
        #expect(decoder.next() == nil)
        #expect(decoder.bufferedByteCount <= 5000 + 100)
    }
    decoder.append(Array("\r\n".utf8))
    #expect(decoder.next() == .command(Array("a APPEND INBOX {5000}\r\n".utf8) + [UInt8](repeating: 0x0A, count: 5000)))
    #expect(decoder.bufferedByteCount == 0)
}

@Test func discardBufferedDropsPipelinedInputAndPartialCommands() {
    var decoder = IMAPFrameDecoder()
    decoder.append(Array("a STARTTLS\r\nb LOGIN alice {6}\r\nsecret\r\n".utf8))
    #expect(decoder.next() == command("a STARTTLS"))
    decoder.discardBuffered()
    #expect(decoder.next() == nil)
    decoder.append(Array("c NOOP\r\n".utf8))
    #expect(decoder.next() == command("c NOOP"))

    decoder.append(Array("d LOGIN alice {6}\r\nsec".utf8))
    #expect(decoder.next() == .continuationRequest)
    #expect(decoder.next() == nil)
    decoder.discardBuffered()
    decoder.append(Array("e NOOP\r\n".utf8))
    #expect(decoder.next() == command("e NOOP"))
    #expect(decoder.bufferedByteCount == 0)
}

@Test func defaultLimits() {
    let decoder = IMAPFrameDecoder()
    #expect(decoder.maximumLineLength == 65_536)
    #expect(decoder.maximumLiteralSize == 50 << 20)
    #expect(decoder.maximumCommandSize == 2 * (50 << 20) + 65_536)
}

/// Random streams full of literal markers and line ends give the same frames however they are
/// chunked, and memory stays within the limits.
@Test func randomStreamsDecodeTheSameInAnyChunking() {
    var random = SplitMix64(seed: 0x1A2B_3C4D)
    let alphabet = Array("a {}+~0123456789\r\n\r\nx(".utf8)
    let limits = (line: 24, literal: 16)
    for _ in 0..<300 {
        let input = (0..<Int.random(in: 0...400, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 }
        let decoder = IMAPFrameDecoder(maximumLineLength: limits.line, maximumLiteralSize: limits.literal)
        let whole = decode(input, chunks: [input.count], with: decoder)
        let bytewise = decode(input, chunks: Array(repeating: 1, count: input.count), with: decoder)
        let chunks = (0..<input.count).map { _ in Int.random(in: 1...30, using: &random) }
        #expect(whole == bytewise)
        #expect(whole == decode(input, chunks: chunks, with: decoder))

        var bounded = decoder
        for byte in input {
            bounded.append([byte])
            while bounded.next() != nil {}
            #expect(bounded.bufferedByteCount <= limits.line + 1 + bounded.maximumCommandSize)
        }
    }
}
