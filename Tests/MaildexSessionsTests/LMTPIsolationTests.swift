import MaildexCore
import MaildexSessions
import Testing

/// `+detail` and user names with traversal in them: the message lands in the named user's own
/// INBOX, or the recipient is refused (user-name traversal always is); never in another user's mail.
@Suite struct LMTPIsolationTests {
    private func say(_ session: LMTPSession, _ line: String) async -> String {
        var out: [UInt8] = []
        for case .send(let bytes) in await session.receive(Array(line.utf8)) { out += bytes }
        return String(decoding: out, as: UTF8.self)
    }

    static let recipients: [(address: String, owner: String?)] = [
        ("alice+../bob@example.com", "alice"),
        ("alice+../../bob/Maildir@example.com", "alice"),
        ("\"alice+/../bob\"@example.com", "alice"),
        ("alice+%2e%2e@example.com", "alice"),
        ("alice+~bob@example.com", "alice"),
        ("../bob@example.com", nil),
        ("alice/../bob@example.com", nil),
        ("\"../../bob\"@example.com", nil),
        ("\"bob\u{0}\"@example.com", nil),
    ]

    @Test(arguments: recipients)
    func detailAndUserTraversal(_ recipient: (address: String, owner: String?)) async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        let session = fixture.session()
        _ = await session.start()
        _ = await say(session, "LHLO relay.example.org")
        #expect(await say(session, "MAIL FROM:<carol@example.org>").hasPrefix("250"))
        let rcpt = await say(session, "RCPT TO:<\(recipient.address)>")
        // A strict address parser may refuse the odd ones outright (5xx): also safe.
        if let owner = recipient.owner, rcpt.hasPrefix("250") {
            #expect(await say(session, "DATA").hasPrefix("354"))
            _ = await say(session, "Subject: traversal")
            _ = await say(session, "")
            _ = await say(session, "body")
            let saved = await say(session, ".")
            #expect(saved.hasPrefix("250"), "\(saved)")
            #expect(try await fixture.messages(owner).count == 1, "in \(owner)'s INBOX")
        } else {
            #expect(rcpt.hasPrefix("5"), "\(recipient.address): \(rcpt)")
        }
        #expect(try await fixture.messages("bob").isEmpty, "nothing reached bob")
    }
}
