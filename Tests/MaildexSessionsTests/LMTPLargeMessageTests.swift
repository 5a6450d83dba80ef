import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import Testing

@Suite struct LMTPLargeMessageTests {
    /// 5 MB in 50 000 lines: quick only if appending a line does not copy the message so far.
    @Test(.timeLimit(.minutes(1))) func aLargeMessageIsReadInLinearTime() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        let session = fixture.session()
        _ = await session.start()
        for command in ["LHLO relay.example.org", "MAIL FROM:<bob@example.org> SIZE=5000000", "RCPT TO:<alice@example.com>", "DATA"] {
            _ = await session.receive(Array(command.utf8))
        }
        let line = Array(repeating: UInt8(ascii: "q"), count: 98)
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<50_000 { _ = await session.receive(line) }
        let reply = await session.receive([UInt8(ascii: ".")])
        #expect(reply == [.send(Array("250 2.0.0 <alice@example.com> Saved\r\n".utf8))])
        #expect(clock.now - started < .seconds(30))
        let user = try fixture.user("alice")
        let stored = try await user.messages(in: .inbox)
        #expect(stored.count == 1)
        #expect(try await user.read(stored[0].uid, in: .inbox).count == "Return-Path: <bob@example.org>\r\nDelivered-To: alice@example.com\r\n".utf8.count + 50_000 * 100)
    }
}
