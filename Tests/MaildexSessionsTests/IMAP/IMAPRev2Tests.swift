import MaildexCore
import MaildexSessions
import MaildexStore
import Testing

/// The same commands answered as IMAP4rev1 (RFC 3501) and, after ENABLE IMAP4rev2, as
/// RFC 9051 Appendix E says; and UTF8=ACCEPT (RFC 6855).
@Suite struct IMAPRev2Tests {
    static let login = "C: a LOGIN alice secret\nS: a OK [CAPABILITY *] Logged in"

    /// A fixture with the three messages in INBOX and a mailbox `Entwürfe`.
    func fixture() async throws -> POP3Fixture {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        try await f.alice.createMailbox(MailboxName("Entwürfe"))
        return f
    }

    @Test func rev1Answers() async throws {
        let f = try await fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play(Self.login + """

            C: b SELECT INBOX
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 3 EXISTS
            S: * 3 RECENT
            S: * OK [UNSEEN 1] First unseen.
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 4] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: b OK [READ-WRITE] Select completed.
            C: c FETCH 1 FLAGS
            S: * 1 FETCH (FLAGS (\\Recent))
            S: c OK Fetch completed.
            C: d SEARCH SUBJECT three
            S: * SEARCH 3
            S: d OK Search completed.
            C: e LIST "" "Entw*"
            S: * LIST (\\HasNoChildren) "/" "Entw&APw-rfe"
            S: e OK List completed.
            C: f STATUS "Entw&APw-rfe" (MESSAGES)
            S: * STATUS "Entw&APw-rfe" (MESSAGES 0)
            S: f OK Status completed.
            C: g SELECT "Entw&APw-rfe"
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 0 EXISTS
            S: * 0 RECENT
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 1] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: g OK [READ-WRITE] Select completed.
            C: h SELECT INBOX
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 3 EXISTS
            S: * 0 RECENT
            S: * OK [UNSEEN 1] First unseen.
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 4] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: h OK [READ-WRITE] Select completed.
            """)
        try await f.alice.deliver(Array("Subject: four\r\n\r\nbody\r\n".utf8))
        await t.play("""
            C: i NOOP
            S: * 4 EXISTS
            S: * 1 RECENT
            S: i OK NOOP completed.
            """)
    }

    @Test func rev2Answers() async throws {
        let f = try await fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play(Self.login + """

            C: b ENABLE IMAP4rev2
            S: * ENABLED IMAP4rev2
            S: b OK Enabled.
            C: c SELECT INBOX
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 3 EXISTS
            S: * LIST (\\HasNoChildren) "/" "INBOX"
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 4] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: c OK [READ-WRITE] Select completed.
            C: d FETCH 1 FLAGS
            S: * 1 FETCH (FLAGS ())
            S: d OK Fetch completed.
            C: e SEARCH SUBJECT three
            S: * ESEARCH (TAG "e") ALL 3
            S: e OK Search completed.
            C: f UID SEARCH SUBJECT nowhere
            S: * ESEARCH (TAG "f") UID
            S: f OK Search completed.
            C: g SEARCH RETURN (COUNT) ALL
            S: * ESEARCH (TAG "g") COUNT 3
            S: g OK Search completed.
            C: h LIST "" "Entw*"
            S: * LIST (\\HasNoChildren) "/" "Entwürfe"
            S: h OK List completed.
            C: i STORE 2 +FLAGS.SILENT (\\Deleted)
            S: i OK Store completed.
            C: j STATUS INBOX (MESSAGES DELETED SIZE)
            S: * STATUS "INBOX" (MESSAGES 3 DELETED 1 SIZE *)
            S: j OK Status completed.
            C: k STATUS "Entwürfe" (MESSAGES DELETED)
            S: * STATUS "Entwürfe" (MESSAGES 0 DELETED 0)
            S: k OK Status completed.
            C: l EXAMINE "Entwürfe"
            S: * OK [CLOSED] Previous mailbox closed.
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
            S: * 0 EXISTS
            S: * LIST (\\HasNoChildren) "/" "Entwürfe"
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 1] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: l OK [READ-ONLY] Examine completed.
            C: m CREATE "Entwürfe/Alt"
            S: m OK Create completed.
            C: n LIST "" "Entwürfe%"
            S: * LIST (\\HasChildren) "/" "Entwürfe"
            S: n OK List completed.
            C: o SELECT INBOX
            S: * OK [CLOSED] Previous mailbox closed.
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 3 EXISTS
            S: * LIST (\\HasNoChildren) "/" "INBOX"
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 4] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: o OK [READ-WRITE] Select completed.
            """)
        try await f.alice.deliver(Array("Subject: four\r\n\r\nbody\r\n".utf8))
        await t.play("""
            C: p NOOP
            S: * 4 EXISTS
            S: p OK NOOP completed.
            """)
        // The rev2 session claimed nothing: a rev1 session still sees the four as \Recent.
        var rev1 = IMAPTranscript(f.imapSession())
        await rev1.play(Self.login + """

            C: b EXAMINE INBOX
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
            S: * 4 EXISTS
            S: * 4 RECENT
            S: * OK [UNSEEN 1] First unseen.
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 5] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: b OK [READ-ONLY] Examine completed.
            """)
    }

    /// ENABLE IMAP4rev2 while a mailbox is selected: \Recent disappears from then on.
    @Test func enableWhileSelectedDropsRecent() async throws {
        let f = try await fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play(loginAndSelectInbox(exists: 3, uidNext: 4) + """

            C: c FETCH 1 FLAGS
            S: * 1 FETCH (FLAGS (\\Recent))
            S: c OK Fetch completed.
            C: d ENABLE IMAP4rev2 IMAP4rev2
            S: * ENABLED IMAP4rev2
            S: d OK Enabled.
            C: e FETCH 1 FLAGS
            S: * 1 FETCH (FLAGS ())
            S: e OK Fetch completed.
            C: f ENABLE IMAP4rev2
            S: * ENABLED
            S: f OK Enabled.
            """)
    }

    @Test func utf8Accept() async throws {
        let f = try await fixture()
        var t = IMAPTranscript(f.imapSession())
        let message = ["From: Jörg <jörg@exämple.org>", "Subject: Grüße", "", "Hallo"]
        let size = message.joined(separator: "\r\n").utf8.count + 2   // the literal ends with the CRLF after "Hallo"
        await t.play(Self.login + """

            C: b CREATE "Brief/Grüße"
            S: b BAD Mailbox name in UTF-8 needs ENABLE UTF8=ACCEPT or IMAP4rev2; send it in modified UTF-7.
            C: c APPEND INBOX UTF8 (~{5+}
            C: hello)
            S: c BAD APPEND with UTF8 data needs ENABLE UTF8=ACCEPT.
            C: d ENABLE UTF8=ACCEPT
            S: * ENABLED UTF8=ACCEPT
            S: d OK Enabled.
            C: e CREATE "Brief/Grüße"
            S: e OK Create completed.
            C: f LIST "" "Brief/*"
            S: * LIST (\\HasNoChildren) "/" "Brief/Grüße"
            S: f OK List completed.
            C: g LIST "" "Entw&APw-rfe"
            S: g OK List completed.
            C: h APPEND "Brief/Grüße" UTF8 (~{\(size)+}
            C: \(message.joined(separator: "\nC: "))
            C: )
            S: h OK [APPENDUID * 1] Append completed.
            C: i SELECT "Brief/Grüße"
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 1 EXISTS
            S: * 1 RECENT
            S: * OK [UNSEEN 1] First unseen.
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 2] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: i OK [READ-WRITE] Select completed.
            C: j FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)])
            S: * 1 FETCH (BODY[HEADER.FIELDS (SUBJECT FROM)] {54}
            S: From: Jörg <jörg@exämple.org>
            S: Subject: Grüße
            S: 
            S: )
            S: j OK Fetch completed.
            C: k SEARCH CHARSET UTF-8 SUBJECT "Grüße"
            S: k BAD SEARCH CHARSET UTF-8 after ENABLE UTF8=ACCEPT: strings are UTF-8.
            C: l SEARCH SUBJECT "Grüße"
            S: * SEARCH 1
            S: l OK Search completed.
            C: m STATUS "Brief/Grüße" (MESSAGES)
            S: * STATUS "Brief/Grüße" (MESSAGES 1)
            S: m OK Status completed.
            """)
        // The name is stored as Unicode: on disk in modified UTF-7, as Dovecot writes it.
        let boxes = try await f.alice.mailboxes().map(\.name.rawValue)
        #expect(boxes.contains("Brief/Grüße"))
    }
}
