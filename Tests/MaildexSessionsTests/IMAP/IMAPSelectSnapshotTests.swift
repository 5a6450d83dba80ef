import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import Testing

/// SELECT answers from the store's snapshot of the mailbox (``UserStore/snapshot(of:)``): what
/// other sessions changed in between must show in its counts.
@Suite struct IMAPSelectSnapshotTests {
    static let login = "C: a LOGIN alice secret\nS: a OK [CAPABILITY *] Logged in"

    @Test func selectAgainAfterAnotherSessionsStoreExpungeAndAppend() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        var a = IMAPTranscript(f.imapSession())
        await a.play(loginAndSelectInbox(exists: 3, uidNext: 4))
        var b = IMAPTranscript(f.imapSession())
        await b.play(loginAndSelectInbox(exists: 3, uidNext: 4) + """

            C: c STORE 1 +FLAGS.SILENT (\\Seen)
            S: c OK Store completed.
            C: d STORE 2 +FLAGS.SILENT (\\Deleted $Later)
            S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Later)
            S: d OK Store completed.
            C: e EXPUNGE
            S: * 2 EXPUNGE
            S: e OK Expunge completed.
            C: f APPEND INBOX {21+}
            C: Subject: a
            C:
            C: hello
            C:
            S: * 3 EXISTS
            S: * 1 RECENT
            S: f OK [APPENDUID * 4] Append completed.
            """)
        // uid 1 seen, uid 2 gone (with the only $Later), uids 3 and 4 unseen: the first unseen is message 2.
        await a.play("""
            C: c SELECT INBOX
            S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
            S: * OK [PERMANENTFLAGS *
            S: * 3 EXISTS
            S: * 0 RECENT
            S: * OK [UNSEEN 2] First unseen.
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 5] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: c OK [READ-WRITE] Select completed.
            C: d FETCH 1:* (UID FLAGS)
            S: * 1 FETCH (UID 1 FLAGS (\\Seen))
            S: * 2 FETCH (UID 3 FLAGS ())
            S: * 3 FETCH (UID 4 FLAGS ())
            S: d OK Fetch completed.
            """)
        // Every message seen, by this session's own STORE: SELECT shows no UNSEEN.
        await a.play("""
            C: e STORE 2:3 +FLAGS.SILENT (\\Seen)
            S: e OK Store completed.
            C: f EXAMINE INBOX
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
            S: * 3 EXISTS
            S: * 0 RECENT
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 5] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: f OK [READ-ONLY] Examine completed.
            """)
    }

    /// STORE answers with every named message's flags, changed or not, from the store's result.
    @Test func storeAnswersForChangedAndUnchangedMessages() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        _ = try await f.alice.setFlags([.flagged], .add, uids: [UID(2)], in: .inbox)
        var t = IMAPTranscript(f.imapSession())
        await t.play(loginAndSelectInbox(exists: 3, uidNext: 4) + """

            C: c STORE 1:3 +FLAGS (\\Flagged)
            S: * 1 FETCH (FLAGS (\\Flagged \\Recent))
            S: * 2 FETCH (FLAGS (\\Flagged \\Recent))
            S: * 3 FETCH (FLAGS (\\Flagged \\Recent))
            S: c OK Store completed.
            C: d UID STORE 1:3 -FLAGS (\\Flagged)
            S: * 1 FETCH (UID 1 FLAGS (\\Recent))
            S: * 2 FETCH (UID 2 FLAGS (\\Recent))
            S: * 3 FETCH (UID 3 FLAGS (\\Recent))
            S: d OK Store completed.
            C: e NOOP
            S: e OK NOOP completed.
            """)
    }
}
