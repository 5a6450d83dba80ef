import MaildexCore
import MaildexSessions
import MaildexStore
import Testing

/// FETCH BINARY, BINARY.PEEK and BINARY.SIZE (RFC 3516) on quoted-printable, base64 and unknown
/// transfer encodings.
@Suite struct IMAPBinaryTests {
    static let multipart = [
        "From: a@example.org", "Subject: parts", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b\"", "",
        "--b", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
        "Gr=C3=BC=C3=9Fe =", "aus Berlin",
        "--b", "Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64", "",
        "AAECAwRoZWxsbw==",
        "--b", "Content-Type: application/octet-stream", "Content-Transfer-Encoding: x-uuencode", "",
        "begin 644 x", "end",
        "--b--", "",
    ].joined(separator: "\r\n")
    static let singlePart = "Subject: one part\r\nContent-Transfer-Encoding: BASE64\r\n\r\naGVsbG8g\r\nd29ybGQ=\r\n"

    @Test func binarySections() async throws {
        let f = try await POP3Fixture()
        try await f.alice.deliver(Array(Self.multipart.utf8))
        try await f.alice.deliver(Array(Self.singlePart.utf8))
        var t = IMAPTranscript(f.imapSession())
        await t.play(loginAndSelectInbox(exists: 2, uidNext: 3) + """

            C: c FETCH 1 (BINARY.SIZE[1] BINARY.PEEK[1])
            S: * 1 FETCH (BINARY.SIZE[1] 18 BINARY[1] {18}
            S: Grüße aus Berlin)
            S: c OK Fetch completed.
            C: d FETCH 1 (BINARY.SIZE[2] BINARY.PEEK[2])
            S: * 1 FETCH (BINARY.SIZE[2] 10 BINARY[2] ~{10}
            S: \u{0}\u{1}\u{2}\u{3}\u{4}hello)
            S: d OK Fetch completed.
            C: e FETCH 1 BINARY.PEEK[2]<2.3>
            S: * 1 FETCH (BINARY[2]<2> {3}
            S: \u{2}\u{3}\u{4})
            S: e OK Fetch completed.
            C: f FETCH 1 BINARY.PEEK[3]
            S: f NO [UNKNOWN-CTE] Can't decode BINARY[3]: unknown Content-Transfer-Encoding x-uuencode.
            C: g FETCH 1 BINARY.SIZE[3]
            S: g NO [UNKNOWN-CTE] Can't decode BINARY[3]: unknown Content-Transfer-Encoding x-uuencode.
            C: h FETCH 1 (BINARY.SIZE[] RFC822.SIZE BINARY.PEEK[9])
            S: * 1 FETCH (BINARY.SIZE[] \(Self.multipart.utf8.count) RFC822.SIZE \(Self.multipart.utf8.count) BINARY[9] {0}
            S: )
            S: h OK Fetch completed.
            C: i FETCH 2 (FLAGS BINARY.SIZE[1] BINARY[1])
            S: * 2 FETCH (FLAGS (\\Seen \\Recent) BINARY.SIZE[1] 11 BINARY[1] {11}
            S: hello world)
            S: i OK Fetch completed.
            C: j FETCH 1 (FLAGS BINARY.PEEK[])
            S: * 1 FETCH (FLAGS (\\Recent) BINARY[] {\(Self.multipart.utf8.count)}
            S: From: a@example.org
            S: Subject: parts
            S: MIME-Version: 1.0
            S: Content-Type: multipart/mixed; boundary="b"
            S: *
            S: *
            S: *
            S: *
            S: *
            S: Gr=C3=BC=C3=9Fe =
            S: *
            S: *
            S: *
            S: *
            S: *
            S: AAECAwRoZWxsbw==
            S: *
            S: *
            S: *
            S: *
            S: *
            S: end
            S: --b--
            S: )
            S: j OK Fetch completed.
            """)
    }
}
