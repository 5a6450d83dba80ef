import Testing
import MaildexMIME

/// MIMEPart.part(at:) against RFC 3501 §6.4.5 section numbers, and the byte ranges it reports.
struct SectionCase: Sendable, CustomTestStringConvertible {
    var fixture: String
    var path: [Int]
    /// `type/subtype` of the part, or nil when the section names no part.
    var mimeType: String?
    /// The body bytes (as text) when given.
    var body: String?
    var testDescription: String { "\(fixture) [\(path.map(String.init).joined(separator: "."))]" }
}

let sectionCases: [SectionCase] = [
    SectionCase(fixture: "forwarded", path: [], mimeType: "multipart/mixed"),
    SectionCase(fixture: "forwarded", path: [1], mimeType: "text/plain", body: "See the forwarded notes below."),
    SectionCase(fixture: "forwarded", path: [2], mimeType: "message/rfc822"),
    SectionCase(fixture: "forwarded", path: [2, 1], mimeType: "text/plain", body: "Decisions: ship on Friday."),
    SectionCase(fixture: "forwarded", path: [2, 2], mimeType: "text/html", body: "<p>Decisions: <b>ship</b> on Friday.</p>"),
    SectionCase(fixture: "forwarded", path: [2, 3], mimeType: nil),
    SectionCase(fixture: "forwarded", path: [2, 1, 1], mimeType: nil),
    SectionCase(fixture: "forwarded", path: [3], mimeType: nil),
    SectionCase(fixture: "forwarded", path: [0], mimeType: nil),
    SectionCase(fixture: "plain", path: [1], mimeType: "text/plain", body: "Hi Bob,\r\n\r\nshall we have lunch on Friday?\r\n\r\nAlice\r\n"),
    SectionCase(fixture: "plain", path: [2], mimeType: nil),
    SectionCase(fixture: "plain", path: [1, 1], mimeType: nil),
    SectionCase(fixture: "attachment", path: [2], mimeType: "application/pdf"),
    SectionCase(fixture: "alternative", path: [2], mimeType: "text/html"),
    SectionCase(fixture: "broken", path: [2], mimeType: "text/html", body: "<p>d\u{E9}j\u{E0} vu</p>\r\n"),
    SectionCase(fixture: "bare-lf", path: [1], mimeType: "text/plain", body: "first part\ntwo lines"),
]

@Test(arguments: sectionCases)
func section(_ expected: SectionCase) {
    // bare-lf is looked at as stored (LF), the others as the store passes them (CRLF).
    let raw = Fixture.bytes(expected.fixture)
    let bytes = expected.fixture == "bare-lf" ? raw : LineEndings.crlf(raw)
    let message = ParsedMessage(parsing: bytes)
    let part = message.root.part(at: expected.path)
    #expect(part?.contentType.mimeType == expected.mimeType)
    if let body = expected.body, let part {
        #expect(Array(bytes[part.bodyRange]) == Array(body.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
    }
}

@Test func nonMultipartMessagePartOneIsItsBody() throws {
    let message = ParsedMessage(parsing: LineEndings.crlf(Fixture.bytes("plain")))
    let part = try #require(message.root.part(at: [1]))
    #expect(part.bodyRange == message.root.bodyRange)
}

@Test func encapsulatedMessageRanges() throws {
    let bytes = LineEndings.crlf(Fixture.bytes("forwarded"))
    let message = ParsedMessage(parsing: bytes)
    let forwarded = try #require(message.root.part(at: [2]))
    #expect(String(decoding: bytes[forwarded.headerRange], as: UTF8.self)
        == "Content-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n")
    let inner = try #require(forwarded.message)
    #expect(inner.header.first("Subject") == "Meeting notes")
    #expect(inner.headerRange.lowerBound == forwarded.bodyRange.lowerBound)
    #expect(inner.bodyRange.upperBound == forwarded.bodyRange.upperBound)
    #expect(String(decoding: bytes[forwarded.bodyRange].suffix(9), as: UTF8.self) == "--inner--")
    #expect(message.root.headerRange.lowerBound == 0)
    #expect(message.root.bodyRange.upperBound == bytes.count)
}

@Test func rootHeaderFieldsAreUnfoldedInOrder() {
    let message = ParsedMessage(parsing: LineEndings.crlf(Fixture.bytes("plain")))
    #expect(message.header.fields.map(\.name) == [
        "Return-Path", "Date", "From", "To", "Cc", "Subject", "Message-ID", "In-Reply-To", "References",
        "MIME-Version", "Content-Type",
    ])
    #expect(message.header.first("subject") == "Lunch on Friday?")
    #expect(message.header.values("REFERENCES") == ["<A0@example.org> <A1@example.org>"])
    #expect(message.header.first("X-Missing") == nil)
}

@Test func brokenHeaderLinesAreSkippedAndEightBitKept() {
    let message = ParsedMessage(parsing: Fixture.bytes("broken"))
    #expect(message.header.fields.map(\.name) == ["From", "X-Junk", "To", "Subject", "Date", "Content-Type"])
    #expect(message.header.first("X-Junk") == "\u{FF}\u{FE} caf\u{E9} \u{80}")
    #expect(message.header.decoded("Subject") == "Broken été")
    #expect(message.root.parts.count == 2)
}
