import Foundation
import MaildexCore
import MaildexSessions
import MaildexStore
import Testing

/// LHLO and MAIL FROM, answered: the start of most conversations below.
let lmtpPreamble = """
    S: 220 mx.example.com Maildex LMTP ready
    C: LHLO relay.example.org
    S: 250-mx.example.com
    S: 250-PIPELINING
    S: 250-ENHANCEDSTATUSCODES
    S: 250-8BITMIME
    S: 250 SIZE *
    """

@Suite struct LMTPDeliveryTests {
    @Test func deliversToEachKnownRecipientWithOneReplyEach() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        await play(lmtpPreamble + """

            C: MAIL FROM:<bob@example.org> BODY=8BITMIME
            S: 250 2.1.0 OK
            C: RCPT TO:<alice@example.com>
            S: 250 2.1.5 OK
            C: RCPT TO:<nobody@example.com>
            S: 550 5.1.1 <nobody@example.com> User doesn't exist
            C: RCPT TO:<bob@Example.COM>
            S: 250 2.1.5 OK
            C: DATA
            S: 354 End data with <CR><LF>.<CR><LF>
            C: From: Bob <bob@example.org>
            C: Subject: dots
            C:
            C: ..starts with a dot
            C: .
            S: 250 2.0.0 <alice@example.com> Saved
            S: 250 2.0.0 <bob@Example.COM> Saved
            C: RCPT TO:<alice@example.com>
            S: 503 5.5.1 Send MAIL first
            """, on: fixture.session())
        let body = "From: Bob <bob@example.org>\r\nSubject: dots\r\n\r\n.starts with a dot\r\n"
        #expect(try await fixture.messages("alice") == ["Return-Path: <bob@example.org>\r\nDelivered-To: alice@example.com\r\n" + body])
        #expect(try await fixture.messages("bob") == ["Return-Path: <bob@example.org>\r\nDelivered-To: bob@Example.COM\r\n" + body])
    }

    @Test func messageBytesAreExactBelowTheAddedHeaders() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        await play(lmtpPreamble + """

            C: MAIL FROM:<>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice@example.com>
            S: 250 2.1.5 OK
            C: DATA
            S: 354 *
            C: Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=
            C: X-Trailing: spaces kept\u{20}\u{20}
            C:
            C: NUL \u{0} byte, tab\there, 8-bit: grüße
            C: ...
            C: .x
            C:
            C:
            C: .
            S: 250 2.0.0 <alice@example.com> Saved
            """, on: fixture.session())
        let expected = "Return-Path: <>\r\nDelivered-To: alice@example.com\r\n"
            + "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\nX-Trailing: spaces kept  \r\n\r\n"
            + "NUL \u{0} byte, tab\there, 8-bit: grüße\r\n..\r\nx\r\n\r\n\r\n"
        #expect(try await fixture.messages("alice") == [expected])
    }

    @Test func userAtDomainAndBareUserReachTheSameUser() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        await play(lmtpPreamble + """

            C: MAIL FROM:<bob@example.org>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice>
            S: 250 2.1.5 OK
            C: RCPT TO:<ALICE@Example.Com>
            S: 250 2.1.5 OK
            C: RCPT TO:<alice@elsewhere.example>
            S: 250 2.1.5 OK
            C: RCPT TO:<"alice"@example.com>
            S: 250 2.1.5 OK
            C: RCPT TO:<"john smith"@example.com>
            S: 550 5.1.1 <"john smith"@example.com> User doesn't exist
            C: RCPT TO:<postmaster>
            S: 550 5.1.1 <postmaster> User doesn't exist
            C: DATA
            S: 354 *
            C: hi
            C: .
            S: 250 2.0.0 <alice> Saved
            S: 250 2.0.0 <ALICE@Example.Com> Saved
            S: 250 2.0.0 <alice@elsewhere.example> Saved
            S: 250 2.0.0 <"alice"@example.com> Saved
            """, on: fixture.session())
        let delivered = try await fixture.messages("alice").map { $0.components(separatedBy: "\r\n")[1] }
        #expect(delivered == ["Delivered-To: alice", "Delivered-To: ALICE@Example.Com",
                              "Delivered-To: alice@elsewhere.example", "Delivered-To: \"alice\"@example.com"])
    }

    @Test func detailPicksAnExistingMailboxElseINBOX() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        let lists = try MailboxName("Lists")
        try await fixture.user("alice").createMailbox(lists)
        await play(lmtpPreamble + """

            C: MAIL FROM:<bob@example.org>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice+Lists@example.com>
            S: 250 2.1.5 OK
            C: RCPT TO:<alice+lists@example.com>
            S: 250 2.1.5 OK
            C: RCPT TO:<alice+nosuch@example.com>
            S: 250 2.1.5 OK
            C: RCPT TO:<alice+@example.com>
            S: 250 2.1.5 OK
            C: RCPT TO:<alice+bad.name@example.com>
            S: 250 2.1.5 OK
            C: DATA
            S: 354 *
            C: hi
            C: .
            S: 250 2.0.0 <alice+Lists@example.com> Saved
            S: 250 2.0.0 <alice+lists@example.com> Saved
            S: 250 2.0.0 <alice+nosuch@example.com> Saved
            S: 250 2.0.0 <alice+@example.com> Saved
            S: 250 2.0.0 <alice+bad.name@example.com> Saved
            """, on: fixture.session())
        let inLists = try await fixture.messages("alice", in: lists)
        let inInbox = try await fixture.messages("alice")
        #expect(inLists.map { $0.components(separatedBy: "\r\n")[1] } == ["Delivered-To: alice+Lists@example.com", "Delivered-To: alice+lists@example.com"])
        #expect(inInbox.map { $0.components(separatedBy: "\r\n")[1] } == [
            "Delivered-To: alice+nosuch@example.com", "Delivered-To: alice+@example.com", "Delivered-To: alice+bad.name@example.com",
        ])
    }

    @Test func aMessageTooBigIsReadToTheDotAndRefusedForEachRecipient() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        let line = String(repeating: "y", count: 60)
        await play(lmtpPreamble + """

            C: MAIL FROM:<bob@example.org>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice@example.com>
            S: 250 2.1.5 OK
            C: RCPT TO:<bob@example.com>
            S: 250 2.1.5 OK
            C: DATA
            S: 354 *
            C: \(line)
            C: \(line)
            C: QUIT
            C: .
            S: 552 5.3.4 Message too big
            S: 552 5.3.4 Message too big
            C: MAIL FROM:<bob@example.org>
            S: 250 2.1.0 OK
            """, on: fixture.session(limits: LMTPLimits(maximumMessageSize: 100)))
        #expect(try await fixture.messages("alice").isEmpty)
        #expect(try await fixture.messages("bob").isEmpty)
    }

    @Test func anOverlongDataLineSpoilsTheMessage() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        await play(lmtpPreamble + """

            C: MAIL FROM:<bob@example.org>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice@example.com>
            S: 250 2.1.5 OK
            C: DATA
            S: 354 *
            C: before
            C! too long
            C: after
            C: .
            S: 554 5.6.0 <alice@example.com> Message line too long
            """, on: fixture.session())
        #expect(try await fixture.messages("alice").isEmpty)
    }

    @Test func aLongDataLineUnderTheConnectionLimitIsKept() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        let long = String(repeating: "z", count: 5_000)
        await play(lmtpPreamble + """

            C: MAIL FROM:<bob@example.org>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice@example.com>
            S: 250 2.1.5 OK
            C: DATA
            S: 354 *
            C: \(long)
            C: .
            S: 250 2.0.0 <alice@example.com> Saved
            """, on: fixture.session())
        #expect(try await fixture.messages("alice").first?.hasSuffix("\r\n\(long)\r\n") == true)
    }

    @Test func aDisconnectDuringDataDeliversNothing() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        let session = fixture.session()
        await play(lmtpPreamble + """

            C: MAIL FROM:<bob@example.org>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice@example.com>
            S: 250 2.1.5 OK
            C: DATA
            S: 354 *
            C: Subject: cut off
            C:
            C! closed
            C: .
            C: QUIT
            """, on: session)
        #expect(await session.receive(Array("NOOP".utf8)).isEmpty)
        #expect(try await fixture.messages("alice").isEmpty)
        #expect(try fixture.tmpFiles("alice").isEmpty)
    }

    @Test func aStoreFailureIsTemporaryForThatRecipientOnly() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        // Without tmp/ the Maildir cannot take a message (chmod would not stop root).
        try FileManager.default.removeItem(atPath: try fixture.user("bob").location.maildir + "/tmp")
        await play(lmtpPreamble + """

            C: MAIL FROM:<carol@example.org>
            S: 250 2.1.0 OK
            C: RCPT TO:<bob@example.com>
            S: 250 2.1.5 OK
            C: RCPT TO:<alice@example.com>
            S: 250 2.1.5 OK
            C: DATA
            S: 354 *
            C: Subject: half a success
            C:
            C: text
            C: .
            S: 451 4.3.0 <bob@example.com> Temporary failure, try again later
            S: 250 2.0.0 <alice@example.com> Saved
            """, on: fixture.session())
        #expect(try await fixture.messages("alice").count == 1)
        #expect(try await fixture.messages("bob").isEmpty)
    }
}
