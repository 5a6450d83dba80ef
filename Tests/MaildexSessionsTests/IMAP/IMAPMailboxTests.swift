import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexSessions
import Testing

@Suite struct IMAPMailboxTests {
    static let login = "C: a LOGIN alice secret\nS: a OK [CAPABILITY *] Logged in"

    @Test func listShowsSpecialUseAndChildren() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play(Self.login + """

            C: b CREATE Work/Projects
            S: b OK Create completed.
            C: c LIST "" "*"
            S: * LIST (\\HasNoChildren) "/" "INBOX"
            S: * LIST (\\HasNoChildren \\Archive) "/" "Archive"
            S: * LIST (\\HasNoChildren \\Drafts) "/" "Drafts"
            S: * LIST (\\HasNoChildren \\Junk) "/" "Junk"
            S: * LIST (\\HasNoChildren \\Sent) "/" "Sent"
            S: * LIST (\\HasNoChildren \\Trash) "/" "Trash"
            S: * LIST (\\HasChildren) "/" "Work"
            S: * LIST (\\HasNoChildren) "/" "Work/Projects"
            S: c OK List completed.
            C: d LIST "" "%"
            S: * LIST (\\HasNoChildren) "/" "INBOX"
            S: * LIST (\\HasNoChildren \\Archive) "/" "Archive"
            S: * LIST (\\HasNoChildren \\Drafts) "/" "Drafts"
            S: * LIST (\\HasNoChildren \\Junk) "/" "Junk"
            S: * LIST (\\HasNoChildren \\Sent) "/" "Sent"
            S: * LIST (\\HasNoChildren \\Trash) "/" "Trash"
            S: * LIST (\\HasChildren) "/" "Work"
            S: d OK List completed.
            C: e LIST "Work/" "%"
            S: * LIST (\\HasNoChildren) "/" "Work/Projects"
            S: e OK List completed.
            C: f LIST "" ""
            S: * LIST (\\Noselect) "/" ""
            S: f OK List completed.
            C: g LIST (SPECIAL-USE) "" "*"
            S: * LIST (\\HasNoChildren \\Archive) "/" "Archive"
            S: * LIST (\\HasNoChildren \\Drafts) "/" "Drafts"
            S: * LIST (\\HasNoChildren \\Junk) "/" "Junk"
            S: * LIST (\\HasNoChildren \\Sent) "/" "Sent"
            S: * LIST (\\HasNoChildren \\Trash) "/" "Trash"
            S: g OK List completed.
            C: h list "" inbox
            S: * LIST (\\HasNoChildren) "/" "INBOX"
            S: h OK List completed.
            C: i LIST "" "S%" RETURN (STATUS (MESSAGES SIZE HIGHESTMODSEQ))
            S: * LIST (\\HasNoChildren \\Sent) "/" "Sent"
            S: * STATUS "Sent" (MESSAGES 0 SIZE 0 HIGHESTMODSEQ 1)
            S: i OK List completed.
            """)
    }

    @Test func createRenameDeleteSubscribe() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play(Self.login + """

            C: b CREATE "Caf&AOk-"
            S: b OK Create completed.
            C: c CREATE "Caf&AOk-"
            S: c NO [ALREADYEXISTS] Mailbox already exists: Caf&AOk-
            C: d RENAME "Caf&AOk-" Bar
            S: d OK Rename completed.
            C: e SUBSCRIBE Bar
            S: e OK Subscribe completed.
            C: f LSUB "" "*"
            S: * LSUB () "/" "INBOX"
            S: * LSUB () "/" "Archive"
            S: * LSUB () "/" "Bar"
            S: * LSUB () "/" "Drafts"
            S: * LSUB () "/" "Junk"
            S: * LSUB () "/" "Sent"
            S: * LSUB () "/" "Trash"
            S: f OK Lsub completed.
            C: g DELETE Bar
            S: g OK Delete completed.
            C: h DELETE Bar
            S: h NO [NONEXISTENT] Mailbox doesn't exist: Bar
            C: i DELETE INBOX
            S: i NO [CANNOT] mailbox 'INBOX': INBOX cannot be deleted
            C: j CREATE "a..b"
            S: j NO [CANNOT] invalid mailbox name 'a..b': '.' is not allowed (it separates levels on disk)
            C: k CREATE "/etc"
            S: k NO [CANNOT] invalid mailbox name '/etc': empty hierarchy level
            C: l SELECT "../bob"
            S: l NO [CANNOT] *
            """)
    }

    @Test func renameInboxMovesItsMessages() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        var t = IMAPTranscript(f.imapSession())
        await t.play(Self.login + """

            C: b RENAME inbox Old
            S: b OK Rename completed.
            C: c STATUS INBOX (MESSAGES)
            S: * STATUS "INBOX" (MESSAGES 0)
            S: c OK Status completed.
            C: d STATUS Old (MESSAGES UIDNEXT UNSEEN)
            S: * STATUS "Old" (MESSAGES 3 UIDNEXT 4 UNSEEN 3)
            S: d OK Status completed.
            """)
    }

    @Test func selectExamineAndRecent() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        let validity = try await f.alice.open(.inbox).uidValidity
        var first = IMAPTranscript(f.imapSession())
        await first.play(Self.login + """

            C: b STATUS INBOX (MESSAGES RECENT UIDVALIDITY)
            S: * STATUS "INBOX" (MESSAGES 3 RECENT 3 UIDVALIDITY \(validity))
            S: b OK Status completed.
            C: c EXAMINE INBOX
            S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
            S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
            S: * 3 EXISTS
            S: * 3 RECENT
            S: * OK [UNSEEN 1] First unseen.
            S: * OK [UIDVALIDITY \(validity)] UIDs valid
            S: * OK [UIDNEXT 4] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: c OK [READ-ONLY] Examine completed.
            C: d SELECT INBOX
            S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
            S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
            S: * 3 EXISTS
            S: * 3 RECENT
            S: * OK [UNSEEN 1] First unseen.
            S: * OK [UIDVALIDITY \(validity)] UIDs valid
            S: * OK [UIDNEXT 4] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: d OK [READ-WRITE] Select completed.
            C: e FETCH 1:* FLAGS
            S: * 1 FETCH (FLAGS (\\Recent))
            S: * 2 FETCH (FLAGS (\\Recent))
            S: * 3 FETCH (FLAGS (\\Recent))
            S: e OK Fetch completed.
            """)
        // A second session sees the messages, but they are no longer recent.
        var second = IMAPTranscript(f.imapSession())
        await second.play(Self.login + """

            C: b SELECT INBOX
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 3 EXISTS
            S: * 0 RECENT
            S: * OK [UNSEEN 1] First unseen.
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 4] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: b OK [READ-WRITE] Select completed.
            C: c SELECT Nope
            S: c NO [NONEXISTENT] Mailbox doesn't exist: Nope
            C: d FETCH 1 FLAGS
            S: d BAD No mailbox selected.
            """)
    }

    @Test func appendWithFlagsDateAndMultiappend() async throws {
        let f = try await POP3Fixture()
        let validity = try await f.alice.open(try MailboxName("Sent")).uidValidity
        var t = IMAPTranscript(f.imapSession())
        await t.play(Self.login + """

            C: b APPEND Sent (\\Seen) "17-Jul-1996 02:44:25 -0700" {13}
            S: + Ready for literal data
            C: Subject: hi
            C:
            S: b OK [APPENDUID \(validity) 1] Append completed.
            C: c APPEND Sent {12+}
            C: Subject: a
            C:  {12+}
            C: Subject: b
            C:
            S: c OK [APPENDUID \(validity) 2:3] Append completed.
            C: d APPEND Nowhere {1+}
            C: x
            S: d NO [TRYCREATE] Mailbox doesn't exist: Nowhere
            C: e EXAMINE Sent
            S: * FLAGS *
            S: * OK *
            S: * 3 EXISTS
            S: * 3 RECENT
            S: * OK [UNSEEN 2] First unseen.
            S: * OK *
            S: * OK [UIDNEXT 4] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: e OK [READ-ONLY] Examine completed.
            C: f FETCH 1 (FLAGS INTERNALDATE RFC822.SIZE BODY[])
            S: * 1 FETCH (FLAGS (\\Seen) INTERNALDATE "17-Jul-1996 09:44:25 +0000" RFC822.SIZE 13 BODY[] {13}
            S: Subject: hi
            S: )
            S: f OK Fetch completed.
            """)
    }

    @Test func literalLimits() async throws {
        let f = try await POP3Fixture()
        var limits = IMAPLimits()
        limits.appendLimit = 100
        var t = IMAPTranscript(f.imapSession(limits: limits), maximumLiteralSize: 100)
        await t.play(Self.login + """

            C: b APPEND INBOX {101}
            S: b NO [TOOBIG] Literal too large (APPENDLIMIT=100).
            C: c NOOP
            S: c OK NOOP completed.
            C: d APPEND INBOX {101+}
            S: d BAD [TOOBIG] Literal too large (APPENDLIMIT=100).
            S! close
            """)
    }
}
