import MaildexCore
import MaildexSessions
import Testing

/// The frames of one read from the socket reach a session in one turn
/// (``ConnectionSession/receive(frames:)``): replies come out in order, and a frame that closes
/// the connection or starts TLS ends the turn, so what was pipelined after it is never run.
@Suite struct SessionTurnTests {
    static func lines(_ text: [String]) -> [LineFrame] { text.map { .line(Array($0.utf8)) } }

    static func replies(_ actions: [SessionAction]) -> [Substring] {
        let text = actions.compactMap { action -> String? in
            if case .send(let bytes) = action { String(decoding: bytes, as: UTF8.self) } else { nil }
        }.joined()
        // The status line of each reply (LHLO's continuation lines left out).
        return text.split(separator: "\r\n").filter { !$0.hasPrefix("250-") }.map { $0.prefix(3) }
    }

    @Test func aPipelinedDeliveryToTwoUsersInOneTurn() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        let session = fixture.session()
        _ = await session.start()
        let actions = await session.receive(frames: Self.lines([
            "LHLO relay.example.org", "MAIL FROM:<carol@example.org>", "RCPT TO:<alice@example.com>",
            "RCPT TO:<bob@example.com>", "DATA", "Subject: one turn", "", "..leading dot", ".", "QUIT", "NOOP",
        ]))
        #expect(Self.replies(actions) == ["250", "250", "250", "250", "354", "250", "250", "221"])
        #expect(actions.last == .close)
        for user in ["alice", "bob"] {
            let messages = try await fixture.messages(user)
            #expect(messages.count == 1)
            #expect(messages.first?.hasSuffix("Subject: one turn\r\n\r\n.leading dot\r\n") == true)
        }
    }

    @Test func startTLSEndsTheTurn() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        let session = fixture.session(canStartTLS: true)
        _ = await session.start()
        let actions = await session.receive(frames: Self.lines([
            "LHLO relay.example.org", "STARTTLS", "MAIL FROM:<mallory@example.org>", "RCPT TO:<alice@example.com>",
        ]))
        #expect(Self.replies(actions) == ["250", "220"])
        #expect(actions.last == .startTLS)
    }
}
