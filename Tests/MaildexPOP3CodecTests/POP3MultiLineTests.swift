import MaildexPOP3Codec
import MaildexTesting
import Foundation
import Testing

@Test(arguments: [
    ("Subject: a\r\n\r\nbody\r\n", "Subject: a\r\n\r\nbody\r\n.\r\n"),
    // bare LF to CRLF
    ("Subject: a\n\nbody\n", "Subject: a\r\n\r\nbody\r\n.\r\n"),
    // a line that is just "." and one starting with ".."
    ("S: a\r\n\r\n.\r\n..two\r\n.x\r\nend\r\n", "S: a\r\n\r\n..\r\n...two\r\n..x\r\nend\r\n.\r\n"),
    // dots not at a line start are left alone
    ("S: a\n\na.b.\n", "S: a\r\n\r\na.b.\r\n.\r\n"),
    // no final newline
    ("S: a\n\nlast", "S: a\r\n\r\nlast\r\n.\r\n"),
    ("S: a\n\n.", "S: a\r\n\r\n..\r\n.\r\n"),
    // first line starts with a dot
    (".starts\n", "..starts\r\n.\r\n"),
    // lone CR stays; mixed endings
    ("a\rb\r\nc\n", "a\rb\r\nc\r\n.\r\n"),
    ("", ".\r\n"),
])
func message(_ stored: String, _ sent: String) {
    #expect(String(decoding: POP3MultiLine.message(Array(stored.utf8)), as: UTF8.self) == sent)
}

let topMessage = "From: a\nSubject: t\n\nline 1\n.line 2\nline 3\n"

@Test(arguments: [
    (topMessage, 0, "From: a\r\nSubject: t\r\n\r\n.\r\n"),
    (topMessage, 1, "From: a\r\nSubject: t\r\n\r\nline 1\r\n.\r\n"),
    (topMessage, 2, "From: a\r\nSubject: t\r\n\r\nline 1\r\n..line 2\r\n.\r\n"),
    (topMessage, 3, "From: a\r\nSubject: t\r\n\r\nline 1\r\n..line 2\r\nline 3\r\n.\r\n"),
    (topMessage, 99, "From: a\r\nSubject: t\r\n\r\nline 1\r\n..line 2\r\nline 3\r\n.\r\n"),
    // CRLF input, no final newline
    ("A: 1\r\n\r\nx\r\ny", 5, "A: 1\r\n\r\nx\r\ny\r\n.\r\n"),
    ("A: 1\r\n\r\nx\r\ny", 1, "A: 1\r\n\r\nx\r\n.\r\n"),
    // no blank line: all header, sent whole
    ("A: 1\nB: 2", 0, "A: 1\r\nB: 2\r\n.\r\n"),
    // header ends with the message
    ("A: 1\n\n", 3, "A: 1\r\n\r\n.\r\n"),
    // negative is treated as 0
    ("A: 1\n\nbody\n", -4, "A: 1\r\n\r\n.\r\n"),
])
func top(_ stored: String, _ lines: Int, _ sent: String) {
    #expect(String(decoding: POP3MultiLine.top(Array(stored.utf8), bodyLines: lines), as: UTF8.self) == sent)
}

/// Unstuffing what we send gives the message with CRLF endings back (a client's view).
@Test(arguments: ["x\n.\n..\n...\n", "\n\n.", ".", "a\r\n.\r\nb"])
func roundTrip(_ stored: String) {
    var lines = String(decoding: POP3MultiLine.message(Array(stored.utf8)), as: UTF8.self).components(separatedBy: "\r\n")
    #expect(lines.removeLast() == "")
    #expect(lines.removeLast() == ".")
    let unstuffed = lines.map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }.joined(separator: "\r\n") + "\r\n"
    var expected = stored.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    if !expected.hasSuffix("\r\n") { expected += "\r\n" }
    #expect(unstuffed == expected)
}

/// RETR's line-at-a-time block equals the byte-at-a-time one (which TOP uses) on random input
/// made of the bytes that matter: dots, CR, LF and a letter.
@Test(arguments: 0..<4)
func retrBlockMatchesByteLoop(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let alphabet: [UInt8] = [0x2E, 0x0D, 0x0A, 0x61]
    for length in [0, 1, 2, 3, 17, 300, 5_000] {
        let bytes = (0..<length).map { _ in alphabet[Int(random.next() % 4)] }
        #expect(POP3MultiLine.message(bytes) == POP3MultiLine.top(bytes, bodyLines: .max))
    }
}

@Test func retrBlockIsAppendedAfterTheStatusLine() {
    var out = Array("+OK 5 octets\r\n".utf8)
    POP3MultiLine.append(message: Array(".a\nb".utf8), to: &out)
    #expect(String(decoding: out, as: UTF8.self) == "+OK 5 octets\r\n..a\r\nb\r\n.\r\n")
}
