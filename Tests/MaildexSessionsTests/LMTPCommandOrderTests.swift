import MaildexSessions
import Testing

@Suite struct LMTPCommandOrderTests {
    @Test func everyCommandOutOfOrderIsRefused() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        await play("""
            S: 220 *
            C: MAIL FROM:<bob@example.org>
            S: 503 5.5.1 Send LHLO first
            C: RCPT TO:<alice@example.com>
            S: 503 5.5.1 Send LHLO first
            C: DATA
            S: 503 5.5.1 Send LHLO first
            C: HELO relay.example.org
            S: 500 5.5.1 Use LHLO
            C: EHLO relay.example.org
            S: 500 5.5.1 Use LHLO
            C: LHLO relay.example.org
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250 SIZE *
            C: RCPT TO:<alice@example.com>
            S: 503 5.5.1 Send MAIL first
            C: DATA
            S: 503 5.5.1 Send MAIL first
            C: MAIL FROM:<bob@example.org>
            S: 250 2.1.0 OK
            C: MAIL FROM:<bob@example.org>
            S: 503 5.5.1 Nested MAIL command
            C: DATA
            S: 503 5.5.1 No valid recipients
            C: RCPT TO:<nobody@example.com>
            S: 550 5.1.1 <nobody@example.com> User doesn't exist
            C: DATA
            S: 503 5.5.1 No valid recipients
            C: RCPT TO:<alice@example.com>
            S: 250 2.1.5 OK
            C: RSET
            S: 250 2.0.0 OK
            C: RCPT TO:<alice@example.com>
            S: 503 5.5.1 Send MAIL first
            C: DATA
            S: 503 5.5.1 Send MAIL first
            C: VRFY alice
            S: 252 2.5.0 *
            C: NOOP
            S: 250 2.0.0 OK
            C: BDAT 10 LAST
            S: 500 5.5.1 Command unrecognized
            """, on: fixture.session())
        #expect(try await fixture.messages("alice").isEmpty)
    }

    @Test func startTLSInsideATransactionIsRefused() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        await play("""
            S: 220 *
            C: LHLO relay.example.org
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250 STARTTLS
            C: MAIL FROM:<>
            S: 250 2.1.0 OK
            C: STARTTLS
            S: 503 5.5.1 *
            """, on: fixture.session(canStartTLS: true))
    }

    @Test func oddlyWrittenCommandsAreAccepted() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        await play("""
            S: 220 *
            C: lhlo relay.example.org\u{20}\u{20}
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250 *
            C: mail from: <bob@example.org>\u{20}
            S: 250 2.1.0 OK
            C: Rcpt To:<alice@example.com>\u{20}\u{20}\u{20}
            S: 250 2.1.5 OK
            C: data\u{20}
            S: 354 *
            C: Subject: odd
            C:
            C: ok
            C: .
            S: 250 2.0.0 <alice@example.com> Saved
            """, on: fixture.session())
        #expect(try await fixture.messages("alice").count == 1)
    }

    @Test func badCommandLinesAreRefused() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        let long = String(repeating: "x", count: 600)
        await play("""
            S: 220 *
            C: NOOP \u{0}
            S: 500 5.5.2 NUL byte in command
            C: LHLO relay\u{0}.example.org
            S: 500 5.5.2 *
            C! too long
            S: 500 5.5.2 Line too long
            C: NOOP \(long)
            S: 500 5.5.2 Line too long
            C:
            S: 500 5.5.2 *
            C: MAIL FROM:<bob@example.org> X-UNKNOWN=1
            S: 555 5.5.4 *
            C: MAIL FROM:<bob@example.org>
            S: 503 5.5.1 *
            C: LHLO relay.example.org
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250 *
            C: MAIL FROM:<bob@example.org> X-UNKNOWN=1
            S: 555 5.5.4 *
            C: MAIL FROM:<bob@example.org> SIZE=100000
            S: 552 5.3.4 *
            C: MAIL FROM:<bob@@example.org>
            S: 501 5.1.7 *
            C: MAIL FROM:<bob@example.org>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice@example.com> NOTIFY=NEVER
            S: 555 5.5.4 *
            C: RCPT TO:alice
            S: 501 5.5.4 *
            """, on: fixture.session(limits: LMTPLimits(maximumMessageSize: 1000)))
    }

    @Test func pipelinedCommandsAreAnsweredInOrder() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        await play("""
            S: 220 *
            C: LHLO relay.example.org
            C: MAIL FROM:<bob@example.org>
            C: RCPT TO:<alice@example.com>
            C: RCPT TO:<nobody@example.com>
            C: RCPT TO:<bob@example.com>
            C: DATA
            C: Subject: piped
            C:
            C: body
            C: .
            C: QUIT
            S: 250-mx.example.com
            S: 250-PIPELINING
            S: 250-ENHANCEDSTATUSCODES
            S: 250-8BITMIME
            S: 250 SIZE 52428800
            S: 250 2.1.0 OK
            S: 250 2.1.5 OK
            S: 550 5.1.1 <nobody@example.com> User doesn't exist
            S: 250 2.1.5 OK
            S: 354 End data with <CR><LF>.<CR><LF>
            S: 250 2.0.0 <alice@example.com> Saved
            S: 250 2.0.0 <bob@example.com> Saved
            S: 221 2.0.0 Bye
            S! close
            """, on: fixture.session())
        #expect(try await fixture.messages("alice").count == 1)
        #expect(try await fixture.messages("bob").count == 1)
    }

    @Test func tooManyRecipientsGet452() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        await play("""
            S: 220 *
            C: LHLO relay.example.org
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250 *
            C: MAIL FROM:<>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice@example.com>
            S: 250 2.1.5 OK
            C: RCPT TO:<bob@example.com>
            S: 250 2.1.5 OK
            C: RCPT TO:<alice@example.com>
            S: 452 4.5.3 Too many recipients
            """, on: fixture.session(limits: LMTPLimits(maximumRecipients: 2)))
    }

    @Test func aFailingUserDBIsATemporaryFailure() async throws {
        let fixture = try await LMTPFixture(failingUserDB: true)
        defer { fixture.remove() }
        await play("""
            S: 220 *
            C: LHLO relay.example.org
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250-*
            S: 250 *
            C: MAIL FROM:<>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice@example.com>
            S: 451 4.3.0 Temporary failure
            C: DATA
            S: 503 5.5.1 No valid recipients
            """, on: fixture.session())
    }
}
