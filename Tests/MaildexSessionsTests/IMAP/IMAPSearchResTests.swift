import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexSessions
import Testing

// SEARCHRES (RFC 5182), after the RFC's examples (§3): INBOX holds three messages, from Bob
// ("one"), Carol ("dots") and nobody ("three"), UIDs 1-3.
@Suite struct IMAPSearchResTests {
    func selected() async throws -> (POP3Fixture, Transcript<IMAPSession>) {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        var t = IMAPTranscript(f.imapSession())
        await t.play(loginAndSelectInbox(exists: 3, uidNext: 4))
        return (f, t)
    }

    /// `$` before any SAVE is empty; SAVE answers no ESEARCH; `$` follows the messages, not
    /// their numbers, and loses what is expunged.
    @Test func saveThenUseDollar() async throws {
        var (f, t) = try await selected()
        _ = f
        await t.play("""
            C: c FETCH $ (FLAGS)
            S: c OK Fetch completed.
            C: d SEARCH RETURN (SAVE) OR FROM bob FROM carol
            S: d OK Search completed, result saved.
            C: e FETCH $ (UID)
            S: * 1 FETCH (UID 1)
            S: * 2 FETCH (UID 2)
            S: e OK Fetch completed.
            C: f STORE $ +FLAGS.SILENT (\\Deleted)
            S: f OK Store completed.
            C: g SEARCH DELETED NOT $
            S: * SEARCH
            S: g OK Search completed.
            C: h UID EXPUNGE 1
            S: * 1 EXPUNGE
            S: h OK Expunge completed.
            C: i UID SEARCH $
            S: * SEARCH 2
            S: i OK Search completed.
            C: j SEARCH UID $ SUBJECT dots
            S: * SEARCH 1
            S: j OK Search completed.
            C: k FETCH $ UID
            S: * 1 FETCH (UID 2)
            S: k OK Fetch completed.
            C: l UID FETCH $ UID
            S: * 1 FETCH (UID 2)
            S: l OK Fetch completed.
            """)
    }

    /// SAVE with MIN and/or MAX keeps only those (RFC 5182 §2.1); with COUNT or ALL, everything.
    @Test func saveWithMinMax() async throws {
        var (f, t) = try await selected()
        _ = f
        await t.play("""
            C: c UID SEARCH RETURN (SAVE MIN MAX) ALL
            S: * ESEARCH (TAG "c") UID MIN 1 MAX 3
            S: c OK Search completed.
            C: d UID SEARCH $
            S: * SEARCH 1 3
            S: d OK Search completed.
            C: e SEARCH RETURN (MAX SAVE) NOT FROM bob
            S: * ESEARCH (TAG "e") MAX 3
            S: e OK Search completed.
            C: f SEARCH $
            S: * SEARCH 3
            S: f OK Search completed.
            C: g SEARCH RETURN (SAVE MIN COUNT) NOT FROM bob
            S: * ESEARCH (TAG "g") MIN 2 COUNT 2
            S: g OK Search completed.
            C: h SEARCH $
            S: * SEARCH 2 3
            S: h OK Search completed.
            C: i SEARCH RETURN (SAVE) SUBJECT nothing-matches
            S: i OK Search completed, result saved.
            C: j SEARCH $
            S: * SEARCH
            S: j OK Search completed.
            """)
    }

    /// COPY and MOVE of `$`; SELECT, EXAMINE, UNSELECT and CLOSE forget it (RFC 5182 §2.1).
    @Test func copyMoveAndForget() async throws {
        var (f, t) = try await selected()
        let trash = try await f.alice.open(try MailboxName("Trash")).uidValidity
        await t.play("""
            C: c SEARCH RETURN (SAVE) SUBJECT three
            S: c OK Search completed, result saved.
            C: d UID COPY $ Trash
            S: d OK [COPYUID \(trash) 3 1] Copy completed.
            C: e MOVE $ Archive
            S: * OK [COPYUID * 3 1] Moved
            S: * 3 EXPUNGE
            S: e OK Move completed.
            C: f SEARCH RETURN (SAVE) ALL
            S: f OK Search completed, result saved.
            C: g UNSELECT
            S: g OK Unselect completed.
            C: h EXAMINE INBOX
            S: * FLAGS *
            S: * OK [PERMANENTFLAGS *
            S: * 2 EXISTS
            S: * 0 RECENT
            S: * OK [UNSEEN 1] First unseen.
            S: * OK [UIDVALIDITY *
            S: * OK [UIDNEXT 4] Predicted next UID
            S: * OK [HIGHESTMODSEQ *] Highest
            S: h OK [READ-ONLY] Examine completed.
            C: i SEARCH $
            S: * SEARCH
            S: i OK Search completed.
            C: j FETCH $ UID
            S: j OK Fetch completed.
            C: k UID SEARCH RETURN (SAVE) ALL
            S: k OK Search completed, result saved.
            C: l CLOSE
            S: l OK Close completed.
            C: m FETCH $ UID
            S: m BAD No mailbox selected.
            """)
    }
}
