import Testing
import MaildexMIME

/// Structures the fixtures do not cover: digests, empty multiparts, hostile nesting, odd delimiters.
private func structure(_ text: String, extended: Bool = false) -> String {
    ParsedMessage(parsing: Array(text.utf8)).bodyStructure.imapString(extended: extended)
}

// The expected strings of the next two tests are what Dovecot 2.3 returns, upper-cased.
@Test func multipartDigestPartsDefaultToMessageRFC822() {
    let text = "Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: one\r\n\r\nhi\r\n--d--\r\n"
    #expect(structure(text)
        == #"(("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 18 (NIL "one" NIL NIL NIL NIL NIL NIL NIL NIL) ("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 2 0) 2) "DIGEST")"#)
}

@Test func multipartWithoutPartsReportsAnEmptyTextPart() {
    let text = "Content-Type: multipart/mixed; boundary=x\r\n\r\nno delimiter at all\r\n"
    #expect(structure(text, extended: true)
        == #"(("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 0 0 NIL NIL NIL NIL) "MIXED" ("BOUNDARY" "x") NIL NIL NIL)"#)
    #expect(ParsedMessage(parsing: Array(text.utf8)).root.parts.isEmpty)
}

@Test func multipartWithoutBoundaryIsOpaque() {
    let message = ParsedMessage(parsing: Array("Content-Type: multipart/mixed\r\n\r\n--x\r\n\r\na\r\n--x--\r\n".utf8))
    #expect(message.root.parts.isEmpty)
}

@Test func boundaryMustBeFollowedByWhitespaceOrDashes() {
    // "--ab" must not be taken for the delimiter of boundary "a"; transport padding after a delimiter is allowed.
    let text = "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a  \r\n\r\nx\r\n--ab\r\ny\r\n--a--\r\n"
    let message = ParsedMessage(parsing: Array(text.utf8))
    #expect(message.root.parts.count == 1)
    let part = message.root.parts[0]
    #expect(String(decoding: message.bytes[part.bodyRange], as: UTF8.self) == "x\r\n--ab\r\ny")
}

@Test func base64MessageRFC822IsNotDescendedButKeepsTheGrammar() {
    let text = "Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\nU3ViamVjdDogeA0KDQp5DQo=\r\n"
    #expect(structure(text)
        == #"("MESSAGE" "RFC822" NIL NIL NIL "BASE64" 26 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 0 0) 1)"#)
}

@Test func messageGlobalIsEncapsulated() throws {
    let text = "Content-Type: message/global\r\n\r\nSubject: x\r\n\r\ny\r\n"
    let message = ParsedMessage(parsing: Array(text.utf8))
    #expect(message.root.message?.header.first("Subject") == "x")
    #expect(message.root.part(at: [1, 1])?.contentType.mimeType == "text/plain")
}

@Test func dispositionLanguageAndLocationExtensionData() {
    let text = "Content-Type: text/plain\r\nContent-Disposition: inline; filename=\"a.txt\"\r\n"
        + "Content-Language: en, de\r\nContent-Location: http://example.com/a.txt\r\nContent-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\r\n\r\nx"
    #expect(structure(text, extended: true)
        == #"("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 1 0 "Q2hlY2sgSW50ZWdyaXR5IQ==" ("INLINE" ("FILENAME" "a.txt")) ("en" "de") "http://example.com/a.txt")"#)
}

@Test func hostileNestingIsBounded() {
    // 5000 nested multiparts: parsing stops descending at MIMEParser's depth bound instead of overflowing the stack.
    var text = ""
    for level in 0..<5000 { text += "Content-Type: multipart/mixed; boundary=b\(level)\r\n\r\n--b\(level)\r\n" }
    text += "\r\ninnermost\r\n"
    let message = ParsedMessage(parsing: Array(text.utf8))
    var depth = 0
    var part = message.root
    while let child = part.parts.first {
        depth += 1
        part = child
    }
    #expect(depth == 100)
    #expect(message.bodyStructure.imapString(extended: true).hasPrefix("(((("))
    _ = message.bodyText
}

@Test func hostileMessageNestingIsBounded() {
    let text = String(repeating: "Content-Type: message/rfc822\r\n\r\n", count: 3000) + "body\r\n"
    let message = ParsedMessage(parsing: Array(text.utf8))
    var depth = 0
    var part = message.root
    while let inner = part.message {
        depth += 1
        part = inner
    }
    #expect(depth == 100)
    _ = message.bodyStructure.imapString(extended: true)
    _ = message.envelope.imapString
}

@Test func headerWithoutBodyAndEmptyInput() {
    let headerOnly = ParsedMessage(parsing: Array("Subject: only a header".utf8))
    #expect(headerOnly.header.first("Subject") == "only a header")
    #expect(headerOnly.root.bodyRange.isEmpty)
    let empty = ParsedMessage(parsing: [])
    #expect(empty.header.fields.isEmpty)
    #expect(empty.envelope.imapString == "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)")
    #expect(empty.bodyStructure.imapString(extended: false) == #"("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 0 0)"#)
    #expect(empty.bodyText == "")
}

@Test func obsoleteHeaderSyntaxAndFolding() {
    let text = "Subject : spaced name\r\nTo: a@b.c,\r\n\tfolded@d.e\r\nX-Empty:\r\n\r\n"
    let message = ParsedMessage(parsing: Array(text.utf8))
    #expect(message.header.first("Subject") == "spaced name")
    #expect(message.header.first("To") == "a@b.c,\tfolded@d.e")
    #expect(message.header.first("X-Empty") == "")
    #expect(message.indexedHeaders.to == "a@b.c, folded@d.e")
}
