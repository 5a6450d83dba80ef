import Testing
import MaildexMIME

/// Content-Type values with RFC 2045 parameters and RFC 2231 continuations/encodings, read through a message.
struct ContentTypeCase: Sendable, CustomTestStringConvertible {
    var header: String
    var mimeType: String
    var parameters: [String: String]
    /// The body-fld-param list of BODYSTRUCTURE.
    var bodyParameters: String
    var testDescription: String { header }
}

let contentTypeCases: [ContentTypeCase] = [
    ContentTypeCase(header: "text/plain; charset=utf-8", mimeType: "text/plain",
                    parameters: ["charset": "utf-8"], bodyParameters: #"("CHARSET" "utf-8")"#),
    ContentTypeCase(header: #"TEXT/HTML; CharSet="ISO-8859-1""#, mimeType: "text/html",
                    parameters: ["charset": "ISO-8859-1"], bodyParameters: #"("CHARSET" "ISO-8859-1")"#),
    ContentTypeCase(header: "text/plain (comment); charset=us-ascii (Plain text)", mimeType: "text/plain",
                    parameters: ["charset": "us-ascii"], bodyParameters: #"("CHARSET" "us-ascii")"#),
    ContentTypeCase(header: #"application/x-stuff; title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A"#,
                    mimeType: "application/x-stuff", parameters: ["title": "This is ***fun***"],
                    bodyParameters: #"("TITLE*" "us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A")"#),
    // RFC 2231 §3: continuations, mixing plain and quoted sections
    ContentTypeCase(header: #"message/external-body; access-type=URL; URL*0="ftp://"; URL*1="cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar""#,
                    mimeType: "message/external-body",
                    parameters: ["access-type": "URL", "url": "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar"],
                    bodyParameters: #"("ACCESS-TYPE" "URL" "URL" "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar")"#),
    // RFC 2231 §4.1: encoded and unencoded sections, out of order
    ContentTypeCase(header: #"application/x-stuff; title*2="isn't it!"; title*1*=%2A%2A%2Afun%2A%2A%2A%20; title*0*=us-ascii'en'This%20is%20even%20more%20"#,
                    mimeType: "application/x-stuff", parameters: ["title": "This is even more ***fun*** isn't it!"],
                    bodyParameters: #"("TITLE*" "us-ascii'en'This%20is%20even%20more%20%2A%2A%2Afun%2A%2A%2A%20isn%27t%20it!")"#),
    ContentTypeCase(header: "application/octet-stream; name*=iso-8859-1''caf%E9.txt", mimeType: "application/octet-stream",
                    parameters: ["name": "café.txt"], bodyParameters: #"("NAME*" "iso-8859-1''caf%E9.txt")"#),
    ContentTypeCase(header: #"application/pdf; name="=?UTF-8?B?6KuL5rGC5pu4LnBkZg==?=""#, mimeType: "application/pdf",
                    parameters: ["name": "請求書.pdf"], bodyParameters: #"("NAME" "=?UTF-8?B?6KuL5rGC5pu4LnBkZg==?=")"#),
    ContentTypeCase(header: #"text/plain; name="a \"quoted\" name;.txt""#, mimeType: "text/plain",
                    parameters: ["name": #"a "quoted" name;.txt"#], bodyParameters: #"("NAME" "a \"quoted\" name;.txt" "CHARSET" "us-ascii")"#),
    // malformed: fall back to text/plain; charset=us-ascii (RFC 2045 §5.2)
    ContentTypeCase(header: "garbage", mimeType: "text/plain", parameters: ["charset": "us-ascii"],
                    bodyParameters: #"("CHARSET" "us-ascii")"#),
    ContentTypeCase(header: "text/", mimeType: "text/plain", parameters: ["charset": "us-ascii"],
                    bodyParameters: #"("CHARSET" "us-ascii")"#),
    ContentTypeCase(header: "", mimeType: "text/plain", parameters: ["charset": "us-ascii"],
                    bodyParameters: #"("CHARSET" "us-ascii")"#),
    // text without charset gets the default charset in BODYSTRUCTURE, after other parameters, as Dovecot does
    ContentTypeCase(header: "text/html", mimeType: "text/html", parameters: [:], bodyParameters: #"("CHARSET" "us-ascii")"#),
    ContentTypeCase(header: "text/plain; format=flowed", mimeType: "text/plain", parameters: ["format": "flowed"],
                    bodyParameters: #"("FORMAT" "flowed" "CHARSET" "us-ascii")"#),
    ContentTypeCase(header: "image/png", mimeType: "image/png", parameters: [:], bodyParameters: "NIL"),
]

@Test(arguments: contentTypeCases)
func contentType(_ expected: ContentTypeCase) {
    let message = ParsedMessage(parsing: Array("Content-Type: \(expected.header)\r\n\r\nbody\r\n".utf8))
    let type = message.root.contentType
    #expect(type.mimeType == expected.mimeType)
    #expect(Dictionary(type.parameters, uniquingKeysWith: { first, _ in first }) == expected.parameters)
    for (name, value) in expected.parameters { #expect(type.parameter(name.uppercased()) == value) }
    let structure = message.bodyStructure.imapString(extended: false)
    let prefix = "(\"\(expected.mimeType.split(separator: "/")[0].uppercased())\" \"\(expected.mimeType.split(separator: "/")[1].uppercased())\" "
    #expect(structure.hasPrefix(prefix + expected.bodyParameters + " "), "\(structure)")
}

@Test func attachmentFilenameFromRFC2231Continuations() throws {
    let message = ParsedMessage(parsing: LineEndings.crlf(Fixture.bytes("attachment")))
    let part = try #require(message.root.part(at: [2]))
    #expect(part.filename == "請求書.pdf")
    #expect(part.dispositionType == "attachment")
    #expect(part.contentTransferEncoding == "base64")
    #expect(part.contentType.parameter("name") == "請求書.pdf")
}
