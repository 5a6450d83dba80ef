import MaildexSessions
import Testing

@Suite struct LMTPGreetingTests {
    @Test func lhloListsTheExtensionsWithoutSTARTTLS() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        await play("""
            S: 220 mx.example.com Maildex LMTP ready
            C: LHLO relay.example.org
            S: 250-mx.example.com
            S: 250-PIPELINING
            S: 250-ENHANCEDSTATUSCODES
            S: 250-8BITMIME
            S: 250 SIZE 52428800
            C: STARTTLS
            S: 502 5.5.1 *
            C: QUIT
            S: 221 2.0.0 Bye
            S! close
            C: NOOP
            """, on: fixture.session())
    }

    @Test func startTLSIsOfferedAndStartsOver() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        await play("""
            S: 220 mx.example.com Maildex LMTP ready
            C: lhlo relay.example.org
            S: 250-mx.example.com
            S: 250-PIPELINING
            S: 250-ENHANCEDSTATUSCODES
            S: 250-8BITMIME
            S: 250-SIZE 1000
            S: 250 STARTTLS
            C: STARTTLS
            S: 220 2.0.0 Begin TLS negotiation now
            S! starttls
            C! tls
            C: MAIL FROM:<bob@example.org>
            S: 503 5.5.1 *
            C: LHLO relay.example.org
            S: 250-mx.example.com
            S: 250-PIPELINING
            S: 250-ENHANCEDSTATUSCODES
            S: 250-8BITMIME
            S: 250 SIZE 1000
            C: STARTTLS
            S: 502 5.5.1 *
            """, on: fixture.session(canStartTLS: true, limits: LMTPLimits(maximumMessageSize: 1000)))
    }

    @Test func theConnectionHandsOverLongLines() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        #expect(fixture.session().maximumLineLength == 64 * 1024)
    }
}
