import Foundation
import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import Testing

/// A recipient over quota gets `552 5.2.2 <address> Mailbox full` (RFC 3463 §3.3): at RCPT TO
/// when already full, else for its DATA reply; the other recipients of the transaction get theirs.
@Suite struct LMTPQuotaTests {
    @Test func fullAtDataForOneRecipientOnly() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        // Room for 100 bytes: RCPT finds alice not full, but the message with its added headers is larger.
        try fixture.store.global.setQuotaLimits(QuotaLimits(storage: 100), of: Username("alice"))
        await play(lmtpPreamble + """

            C: MAIL FROM:<carol@example.org>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice@example.com>
            S: 250 2.1.5 OK
            C: RCPT TO:<bob@example.com>
            S: 250 2.1.5 OK
            C: DATA
            S: 354 *
            C: Subject: a message of more than one hundred bytes once Return-Path and Delivered-To are on top
            C:
            C: hello
            C: .
            S: 552 5.2.2 <alice@example.com> Mailbox full
            S: 250 2.0.0 <bob@example.com> Saved
            """, on: fixture.session())
        #expect(try await fixture.messages("alice").isEmpty)
        #expect(try await fixture.messages("bob").count == 1)
        #expect(try fixture.tmpFiles("alice").isEmpty, "nothing half-written")
    }

    @Test func fullAlreadyAtRcpt() async throws {
        let fixture = try await LMTPFixture()
        defer { fixture.remove() }
        try await fixture.user("alice").deliver(Array("Subject: one\r\n\r\nx\r\n".utf8))
        try fixture.store.global.setQuotaLimits(QuotaLimits(messages: 1), of: Username("alice"))
        await play(lmtpPreamble + """

            C: MAIL FROM:<carol@example.org>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice+lists@example.com>
            S: 552 5.2.2 <alice+lists@example.com> Mailbox full
            C: RCPT TO:<bob@example.com>
            S: 250 2.1.5 OK
            C: DATA
            S: 354 *
            C: Subject: two
            C:
            C: y
            C: .
            S: 250 2.0.0 <bob@example.com> Saved
            """, on: fixture.session())
        #expect(try await fixture.messages("alice").count == 1)
        // Room again (the admin raised the limit): delivered.
        try fixture.store.global.setQuotaLimits(QuotaLimits(messages: 2), of: Username("alice"))
        await play(lmtpPreamble + """

            C: MAIL FROM:<carol@example.org>
            S: 250 2.1.0 OK
            C: RCPT TO:<alice@example.com>
            S: 250 2.1.5 OK
            C: DATA
            S: 354 *
            C: Subject: three
            C:
            C: .
            S: 250 2.0.0 <alice@example.com> Saved
            """, on: fixture.session())
        #expect(try await fixture.messages("alice").count == 2)
    }
}
