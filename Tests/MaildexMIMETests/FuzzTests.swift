import MaildexTesting
import Testing
import MaildexMIME

/// Truncated, mutated and random bytes of every fixture: parsing must never crash, whatever comes out.
@Test(arguments: Fixture.names)
func fuzzFixture(_ name: String) {
    let original = LineEndings.crlf(Fixture.bytes(name))
    var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
    var inputs: [[UInt8]] = []
    for length in stride(from: 0, through: original.count, by: max(1, original.count / 60)) {
        inputs.append(Array(original.prefix(length)))
        inputs.append(Array(original.suffix(length)))
    }
    for _ in 0..<150 {
        var mutated = original
        for _ in 0..<(1 + Int(generator.next() % 8)) where !mutated.isEmpty {
            let position = Int(generator.next() % UInt64(mutated.count))
            switch generator.next() % 4 {
            case 0: mutated[position] = UInt8(truncatingIfNeeded: generator.next())
            case 1: mutated.remove(at: position)
            case 2: mutated.insert(contentsOf: Array("\r\n--=?;\"(<:".utf8).shuffled(using: &generator).prefix(3), at: position)
            default: mutated.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
            }
        }
        inputs.append(mutated)
    }
    inputs.append((0..<2048).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
    for input in inputs {
        let message = ParsedMessage(parsing: input)
        _ = message.envelope.imapString
        _ = message.bodyStructure.imapString(extended: true)
        _ = message.bodyStructure.imapString(extended: false)
        _ = message.indexedHeaders
        _ = message.bodyText
        for path in [[1], [2], [2, 1], [1, 1, 1], [3, 2]] {
            if let part = message.root.part(at: path) {
                #expect(part.bodyRange.upperBound <= input.count)
                #expect(part.headerRange.lowerBound >= 0)
            }
        }
    }
}

