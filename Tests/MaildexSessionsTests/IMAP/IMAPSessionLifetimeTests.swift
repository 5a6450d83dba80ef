import MaildexSessions
@testable import MaildexStore
import Testing

/// An IMAP session observes its user's store once logged in. The server ends that in `closed()`;
/// a session dropped without it (as the session tests do) must end it too, or the observation and
/// its task outlive the session (`scripts/sanitize.sh address` reported them as leaks).
@Suite struct IMAPSessionLifetimeTests {
    @Test func aDroppedSessionStopsObservingTheStore() async throws {
        let f = try await POP3Fixture()
        do {
            var t = IMAPTranscript(f.imapSession())
            await t.play("""
                S: * OK *
                C: a LOGIN alice secret
                S: a OK *
                """)
            #expect(f.alice.changeSignal.observerCount == 1)
        }
        #expect(f.alice.changeSignal.observerCount == 0)
    }
}
