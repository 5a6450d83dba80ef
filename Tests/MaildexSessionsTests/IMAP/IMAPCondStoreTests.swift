import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import MaildexIMAPCodec
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

/// RFC 7162's promise: a client that knows a large mailbox resyncs with what changed only.
@Suite struct IMAPQuickResyncScaleTests {
    @Test func resyncOfAHundredThousandMessagesSendsOnlyTheChanges() async throws {
        let f = try await POP3Fixture()
        let messages = (1...100_000).map { ImportMessage(bytes: Array("Subject: m\($0)\r\n\r\nbody\r\n".utf8)) }
        _ = try await f.alice.importBatch(messages, into: .inbox, skipDuplicates: false)
        let before = try await f.alice.open(.inbox)
        for i in stride(from: 1, through: 1_000, by: 10) {            // 100 flag changes
            _ = try await f.alice.setFlags([.flagged], .add, uids: [UID(UInt32(i))], in: .inbox)
        }
        _ = try await f.alice.expunge((5_001...5_050).map { UID(UInt32($0)) }, in: .inbox)   // 50 expunges
        let session = f.imapSession()
        var t = IMAPTranscript(session)
        await t.play("""
            C: a LOGIN alice secret
            S: a OK [CAPABILITY *] Logged in
            C: b ENABLE QRESYNC
            S: * ENABLED CONDSTORE QRESYNC
            S: b OK Enabled.
            """)
        var decoder = IMAPFrameDecoder()
        decoder.append(Array("c SELECT INBOX (QRESYNC (\(before.uidValidity) \(before.highestModSeq)))\r\n".utf8))
        var bytes: [UInt8] = []
        for case .send(let sent) in await session.receive(try #require(decoder.next())) { bytes += sent }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n")
        #expect(lines.filter { $0.hasPrefix("* VANISHED (EARLIER) ") } == ["* VANISHED (EARLIER) 5001:5050"])
        let fetches = lines.filter { $0.contains(" FETCH (") }
        #expect(fetches.count == 100)
        #expect(fetches.allSatisfy { $0.contains("FLAGS (\\Flagged") && $0.contains("MODSEQ (") })
        #expect(lines.count == 100 + 1 + 9, "standard SELECT responses, one VANISHED, 100 FETCH: \(lines.count) lines")
        #expect(bytes.count < 8_000, "\(bytes.count) bytes for 100,000 messages")
    }
}
