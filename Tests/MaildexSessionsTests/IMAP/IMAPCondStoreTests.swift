import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import Testing

/// CONDSTORE, QRESYNC (RFC 7162), ESEARCH (RFC 4731) and WITHIN (RFC 5032) over three messages
/// (MODSEQ 2, 3, 4 after delivery).
@Suite struct IMAPCondStoreTests {
    @Test func condStoreFetchStoreAndSearch() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        var t = await IMAPMessageTests().selected(f)
        await t.play("""
            C: c ENABLE CONDSTORE
            S: * ENABLED CONDSTORE
            S: c OK Enabled.
            C: d STORE 1 +FLAGS (\\Flagged)
            S: * 1 FETCH (FLAGS (\\Flagged \\Recent) MODSEQ (5))
            S: d OK Store completed.
            C: e FETCH 1:* (FLAGS) (CHANGEDSINCE 4)
            S: * 1 FETCH (FLAGS (\\Flagged \\Recent) MODSEQ (5))
            S: e OK Fetch completed.
            C: f STORE 1:2 (UNCHANGEDSINCE 4) +FLAGS.SILENT (\\Seen)
            S: * 2 FETCH (MODSEQ (6))
            S: f OK [MODIFIED 1] Conditional store failed.
            C: g UID SEARCH RETURN (MIN MAX COUNT ALL) UNSEEN
            S: * ESEARCH (TAG "g") UID MIN 1 MAX 3 COUNT 2 ALL 1,3
            S: g OK Search completed.
            C: h SEARCH RETURN () DRAFT
            S: * ESEARCH (TAG "h")
            S: h OK Search completed.
            C: i SEARCH MODSEQ 5
            S: * SEARCH 1 2 (MODSEQ 6)
            S: i OK Search completed.
            C: j SEARCH YOUNGER 3600 FLAGGED
            S: * SEARCH 1
            S: j OK Search completed.
            C: k SEARCH OLDER 3600
            S: * SEARCH
            S: k OK Search completed.
            """)
    }

    /// A client that knew the mailbox at MODSEQ 4 resyncs in one SELECT: only what changed.
    @Test func qresyncSelectReturnsOnlyTheChanges() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        let validity = try await f.alice.open(.inbox).uidValidity
        var one = await IMAPMessageTests().selected(f)
        await one.play("""
            C: c STORE 1 +FLAGS.SILENT (\\Flagged)
            S: c OK Store completed.
            C: d UID STORE 3 +FLAGS.SILENT (\\Deleted)
            S: d OK Store completed.
            C: e EXPUNGE
            S: * 3 EXPUNGE
            S: e OK Expunge completed.
            """)
        var two = IMAPTranscript(f.imapSession())
        await two.play("""
            C: a LOGIN alice secret
            S: a OK [CAPABILITY *] Logged in
            C: b SELECT INBOX (QRESYNC (\(validity) 4))
            S: b BAD QRESYNC parameter without ENABLE QRESYNC (RFC 7162 §3.2.5).
            C: c ENABLE QRESYNC
            S: * ENABLED CONDSTORE QRESYNC
            S: c OK Enabled.
            C: d SELECT INBOX (QRESYNC (\(validity) 4 1:3))
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 2 EXISTS
            S: * 0 RECENT
            S: * OK [UNSEEN 1] First unseen.
            S: * OK [UIDVALIDITY \(validity)] UIDs valid
            S: * OK [UIDNEXT 4] Predicted next UID
            S: * OK [HIGHESTMODSEQ 7] Highest
            S: * VANISHED (EARLIER) 3
            S: * 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (5))
            S: d OK [READ-WRITE] Select completed.
            C: e UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)
            S: * VANISHED (EARLIER) 3
            S: * 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (5))
            S: e OK Fetch completed.
            """)
        // Once QRESYNC is on, expunges by others arrive as VANISHED, and flag changes with MODSEQ.
        await one.play("""
            C: f STORE 2 +FLAGS (\\Deleted)
            S: * 2 FETCH (FLAGS (\\Deleted \\Recent))
            S: f OK Store completed.
            C: g EXPUNGE
            S: * 2 EXPUNGE
            S: g OK Expunge completed.
            """)
        await two.play("""
            C: h NOOP
            S: * VANISHED 2
            S: h OK NOOP completed.
            C: i SELECT Sent
            S: * OK [CLOSED] Previous mailbox closed.
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 0 EXISTS
            S: * 0 RECENT
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 1] Predicted next UID
            S: * OK [HIGHESTMODSEQ 1] Highest
            S: i OK [READ-WRITE] Select completed.
            """)
    }
}
