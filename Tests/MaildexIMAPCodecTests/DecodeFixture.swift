import MaildexIMAPCodec
import MaildexTesting
import Testing

/// Input for an ``IMAPFrameDecoder`` with small limits, and the frames it must give. Every
/// fixture is checked fed whole, one byte at a time, and in random chunks.
struct DecodeFixture: Sendable, CustomTestStringConvertible {
    let input: [UInt8]
    let expected: [IMAPFrame]
    var maximumLineLength = 40
    var maximumLiteralSize = 20
    var maximumCommandSize: Int?

    var testDescription: String { String(decoding: input.prefix(60), as: UTF8.self).debugDescription }

    init(_ input: String, _ expected: [IMAPFrame], line: Int = 40, literal: Int = 20, command: Int? = nil) {
        self.input = Array(input.utf8)
        self.expected = expected
        maximumLineLength = line
        maximumLiteralSize = literal
        maximumCommandSize = command
    }

    var decoder: IMAPFrameDecoder {
        IMAPFrameDecoder(maximumLineLength: maximumLineLength, maximumLiteralSize: maximumLiteralSize, maximumCommandSize: maximumCommandSize)
    }

    func check(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(decode(input, chunks: [input.count], with: decoder) == expected, "whole", sourceLocation: sourceLocation)
        #expect(decode(input, chunks: Array(repeating: 1, count: input.count), with: decoder) == expected, "byte at a time", sourceLocation: sourceLocation)
        var random = SplitMix64(seed: UInt64(input.count))
        for round in 0..<20 {
            let chunks = (0..<input.count).map { _ in Int.random(in: 1...9, using: &random) }
            #expect(decode(input, chunks: chunks, with: decoder) == expected, "random chunks, round \(round)", sourceLocation: sourceLocation)
        }
    }
}

/// Feeds `input` in chunks of the given sizes, draining frames after each.
func decode(_ input: [UInt8], chunks: [Int], with decoder: IMAPFrameDecoder) -> [IMAPFrame] {
    var decoder = decoder
    var frames: [IMAPFrame] = []
    var offset = 0
    for size in chunks where offset < input.count {
        let end = min(input.count, offset + size)
        decoder.append(input[offset..<end])
        offset = end
        while let frame = decoder.next() { frames.append(frame) }
    }
    if offset < input.count {
        decoder.append(input[offset...])
        while let frame = decoder.next() { frames.append(frame) }
    }
    return frames
}

func command(_ text: String) -> IMAPFrame { .command(Array(text.utf8)) }
