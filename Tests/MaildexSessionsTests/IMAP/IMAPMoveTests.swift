import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import MaildexIMAPCodec
import Testing

/// MOVE (RFC 6851) as other sessions see it: EXPUNGE in the source, EXISTS (and RECENT) in the target.
@Suite struct IMAPMoveTests {
    @Test func otherSessionsSeeTheMoveInBothMailboxes() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        let trash = try await f.alice.open(try MailboxName("Trash")).uidValidity
        var mover = await IMAPMessageTests().selected(f)
        var source = await IMAPMessageTests().selected(f)
        var target = IMAPTranscript(f.imapSession())
        await target.play("""
            C: a LOGIN alice secret
            S: a OK [CAPABILITY *] Logged in
            C: b SELECT Trash
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 0 EXISTS
            S: * 0 RECENT
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 1] Predicted next UID
            S: * OK [HIGHESTMODSEQ 1] Highest
            S: b OK [READ-WRITE] Select completed.
            """)
        await mover.play("""
            C: c UID MOVE 1,3 Trash
            S: * OK [COPYUID \(trash) 1,3 1:2] Moved
            S: * 1 EXPUNGE
            S: * 2 EXPUNGE
            S: c OK Move completed.
            """)
        await source.play("""
            C: c NOOP
            S: * 1 EXPUNGE
            S: * 2 EXPUNGE
            S: c OK NOOP completed.
            C: d UID FETCH 1:* (FLAGS)
            S: * 1 FETCH (UID 2 FLAGS ())
            S: d OK Fetch completed.
            """)
        await target.play("""
            C: c NOOP
            S: * 2 EXISTS
            S: * 2 RECENT
            S: c OK NOOP completed.
            C: d FETCH 1:* (UID FLAGS)
            S: * 1 FETCH (UID 1 FLAGS (\\Recent))
            S: * 2 FETCH (UID 2 FLAGS (\\Recent))
            S: d OK Fetch completed.
            """)
    }
}
