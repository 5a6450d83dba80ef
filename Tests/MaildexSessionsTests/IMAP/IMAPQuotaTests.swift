import Foundation
import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import Testing

// QUOTA (RFC 9208): GETQUOTAROOT, GETQUOTA, SETQUOTA (refused), and OVERQUOTA on APPEND, COPY and MOVE.
@Suite struct IMAPQuotaTests {
    static let message = "Subject: a\r\n\r\nhello\r\n"   // 21 octets

    func loggedIn(limits: QuotaLimits, messages: Int = 0) async throws -> (POP3Fixture, Transcript<IMAPSession>) {
        let f = try await POP3Fixture()
        try f.store.global.setQuotaLimits(limits, of: Username("alice"))
        for _ in 0..<messages { try await f.alice.deliver(Array(Self.message.utf8)) }
        var t = IMAPTranscript(f.imapSession())
        await t.play("""
            C: a LOGIN alice secret
            S: a OK [CAPABILITY * QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE*] Logged in
            """)
        return (f, t)
    }

    /// RFC 9208 §4.2.2 and §4.2.1 examples, with this server's one root "" per user.
    @Test func getQuotaRootAndGetQuota() async throws {
        var (f, t) = try await loggedIn(limits: QuotaLimits(storage: 512 * 1024, messages: 1000), messages: 3)
        try await f.alice.createMailbox(MailboxName("Lists"))
        await t.play("""
            C: b GETQUOTAROOT INBOX
            S: * QUOTAROOT "INBOX" ""
            S: * QUOTA "" (STORAGE 1 512 MESSAGE 3 1000)
            S: b OK Getquotaroot completed.
            C: c GETQUOTAROOT Lists
            S: * QUOTAROOT "Lists" ""
            S: * QUOTA "" (STORAGE 1 512 MESSAGE 3 1000)
            S: c OK Getquotaroot completed.
            C: d GETQUOTA ""
            S: * QUOTA "" (STORAGE 1 512 MESSAGE 3 1000)
            S: d OK Getquota completed.
            C: e GETQUOTA "#user/alice"
            S: e NO [NONEXISTENT] No such quota root.
            C: f GETQUOTAROOT Nowhere
            S: f NO [NONEXISTENT] *
            C: g SETQUOTA "" (STORAGE 510)
            S: g NO [NOPERM] Quotas are set by the administrator.
            """)
        // A change by mailadm (another process, the same table) shows at once; one resource alone.
        try f.store.global.setQuotaLimits(QuotaLimits(messages: 5), of: Username("alice"))
        await t.play("""
            C: h GETQUOTA ""
            S: * QUOTA "" (MESSAGE 3 5)
            S: h OK Getquota completed.
            """)
    }

    @Test func withoutLimitsThereIsNoQuotaRoot() async throws {
        var (f, t) = try await loggedIn(limits: .unlimited, messages: 2)
        _ = f
        await t.play("""
            C: b GETQUOTAROOT INBOX
            S: * QUOTAROOT "INBOX"
            S: b OK Getquotaroot completed.
            C: c GETQUOTA ""
            S: c NO [NONEXISTENT] No such quota root.
            C: d SETQUOTA "" ()
            S: d NO [NOPERM] Quotas are set by the administrator.
            """)
    }

    @Test func quotaCommandsNeedALogin() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play("""
            C: b GETQUOTAROOT INBOX
            S: b BAD Log in first.
            """)
    }

    /// RFC 9208 §4.3's example: an APPEND that would pass the limit gets NO [OVERQUOTA] and
    /// stores nothing; MULTIAPPEND is refused whole.
    @Test func appendOverTheMessageLimit() async throws {
        var (f, t) = try await loggedIn(limits: QuotaLimits(messages: 2), messages: 1)
        await t.play("""
            C: b APPEND INBOX {21+}
            C: Subject: a
            C:
            C: hello
            C:
            S: b OK [APPENDUID * 2] Append completed.
            C: c APPEND INBOX (\\Seen) {21+}
            C: Subject: a
            C:
            C: hello
            C:
            S: c NO [OVERQUOTA] Quota exceeded (MESSAGE limit).
            """)
        try f.store.global.setQuotaLimits(QuotaLimits(messages: 3), of: Username("alice"))
        await t.play("""
            C: d APPEND INBOX {21+}
            C: Subject: a
            C:
            C: hello
            C:  {21+}
            C: Subject: b
            C:
            C: hello
            C:
            S: d NO [OVERQUOTA] Quota exceeded (MESSAGE limit).
            """)
        #expect(try await f.alice.messages(in: .inbox).count == 2)
        #expect(try await f.alice.quota().usage == QuotaUsage(storage: 42, messages: 2))
    }

    @Test func appendOverTheStorageLimit() async throws {
        var (f, t) = try await loggedIn(limits: QuotaLimits(storage: 50), messages: 1)
        await t.play("""
            C: b APPEND INBOX {21+}
            C: Subject: a
            C:
            C: hello
            C:
            S: b OK [APPENDUID * 2] Append completed.
            C: c APPEND INBOX {9+}
            C: Subject:x
            S: c NO [OVERQUOTA] Quota exceeded (STORAGE limit).
            C: d APPEND INBOX {8+}
            C: Subject:
            S: d OK [APPENDUID * 3] Append completed.
            """)
        #expect(try await f.alice.quota().usage == QuotaUsage(storage: 50, messages: 3))
    }

    /// COPY would grow the usage and is refused whole; MOVE within the user does not, so it is
    /// allowed even at the limit.
    @Test func copyIsRefusedMoveIsNot() async throws {
        var (f, t) = try await loggedIn(limits: QuotaLimits(messages: 3), messages: 2)
        await t.play("""
            C: b SELECT INBOX
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 2 EXISTS
            S: * * RECENT
            S: * OK [UNSEEN 1] First unseen.
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 3] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: b OK [READ-WRITE] Select completed.
            C: c COPY 1:2 Archive
            S: c NO [OVERQUOTA] Quota exceeded (MESSAGE limit).
            C: d COPY 1 Archive
            S: d OK [COPYUID * 1 1] Copy completed.
            C: e COPY 2 Archive
            S: e NO [OVERQUOTA] Quota exceeded (MESSAGE limit).
            C: f MOVE 2 Archive
            S: * OK [COPYUID * 2 2] Moved
            S: * 2 EXPUNGE
            S: f OK Move completed.
            """)
        #expect(try await f.alice.messages(in: MailboxName("Archive")).count == 2)
        #expect(try await f.alice.quota().usage.messages == 3)
    }
}
