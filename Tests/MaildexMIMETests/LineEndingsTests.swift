import Testing
import MaildexCore
import MaildexMIME

@Test(arguments: [
    ("", "", 0),
    ("a", "a", 1),
    ("a\n", "a\r\n", 3),
    ("a\r\n", "a\r\n", 3),
    ("a\nb\r\nc\n", "a\r\nb\r\nc\r\n", 9),
    ("\n\n", "\r\n\r\n", 4),
    ("a\rb\n", "a\rb\r\n", 5),  // a lone CR stays as it is
])
func lineEndings(_ input: String, _ crlf: String, _ virtualSize: Int) {
    let bytes = Array(input.utf8)
    #expect(LineEndings.crlf(bytes) == Array(crlf.utf8))
    #expect(bytes.virtualSize == virtualSize)
    #expect(bytes.virtualSize == LineEndings.crlf(bytes).count)
}

@Test func virtualSizeOfFixtures() {
    for name in Fixture.names {
        let bytes = Fixture.bytes(name)
        #expect(bytes.virtualSize == LineEndings.crlf(bytes).count, "\(name)")
        #expect(LineEndings.crlf(LineEndings.crlf(bytes)) == LineEndings.crlf(bytes), "\(name): crlf is idempotent")
    }
    #expect(Fixture.bytes("bare-lf").virtualSize == Fixture.bytes("bare-lf").count + 18)
}

@Test(arguments: [
    ("", #""""#),
    ("hello", #""hello""#),
    (#"say "hi""#, #""say \"hi\"""#),
    (#"back\slash"#, #""back\\slash""#),
    ("café", "{5}\r\ncafé"),
    ("line\r\nbreak", "{11}\r\nline\r\nbreak"),
    ("nul\u{0}", "{4}\r\nnul\u{0}"),
])
func imapString(_ input: String, _ expected: String) {
    #expect(IMAPString.quotedOrLiteral(input) == expected)
    #expect(IMAPString.nstring(input) == expected)
}

@Test func imapNilString() {
    #expect(IMAPString.nstring(nil) == "NIL")
}
