import MaildexLMTPCodec
import Testing

func read(_ lines: [String], maximumSize: Int = 1_000) -> LMTPDataReader {
    var reader = LMTPDataReader(maximumSize: maximumSize)
    for line in lines where reader.append(line: Array(line.utf8)) { break }
    return reader
}

@Test(arguments: [
    (["Subject: x", "", "body", "."], "Subject: x\r\n\r\nbody\r\n"),
    (["..", "..leading", ".single", "."], ".\r\n.leading\r\nsingle\r\n"),
    (["."], ""),
    (["", "", "."], "\r\n\r\n"),
    (["a\u{0}b", "."], "a\u{0}b\r\n"),
    (["tail ", "\t", "."], "tail \r\n\t\r\n"),
])
func dotUnstuffingAndCRLF(_ lines: [String], _ message: String) {
    let reader = read(lines)
    #expect(reader.isComplete)
    #expect(reader.message == Array(message.utf8))
    #expect(reader.size == message.utf8.count)
}

@Test func linesAfterTheDotAreNotTaken() {
    var reader = LMTPDataReader(maximumSize: 100)
    let endedAtA = reader.append(line: Array("a".utf8))
    #expect(endedAtA == false)
    let endedAtDot = reader.append(line: Array(".".utf8))
    #expect(endedAtDot)
    let endedAtB = reader.append(line: Array("b".utf8))
    #expect(endedAtB)
    #expect(reader.message == Array("a\r\n".utf8))
}

@Test func messageOverTheLimitIsReadToTheEndButNotKept() {
    let fits = read(["12345678", "."], maximumSize: 10)
    #expect(!fits.exceedsMaximumSize)
    #expect(fits.message.count == 10)
    let over = read(["12345678", "9", "more", "."], maximumSize: 10)
    #expect(over.exceedsMaximumSize)
    #expect(over.isComplete)
    #expect(over.message.isEmpty)
    #expect(over.size == 10 + 3 + 6)
}

@Test func overlongLineSpoilsTheMessage() {
    var reader = LMTPDataReader(maximumSize: 100)
    reader.append(line: Array("a".utf8))
    reader.noteOverlongLine()
    reader.append(line: Array("b".utf8))
    let endedAtDot = reader.append(line: Array(".".utf8))
    #expect(endedAtDot)
    #expect(reader.hasOverlongLine)
    #expect(reader.message.isEmpty)
}
