import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexSessions
import MaildexIMAPCodec
import MaildexMaildir
import Testing

@Suite struct IMAPMessageTests {
    static let selectInbox = loginAndSelectInbox(exists: 3, uidNext: 4)

    func selected(_ f: POP3Fixture) async -> Transcript<IMAPSession> {
        var t = IMAPTranscript(f.imapSession())
        await t.play(Self.selectInbox)
        return t
    }

    @Test func fetchSectionsAndSeen() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        var t = await selected(f)
        await t.play("""
            C: c FETCH 1 (UID RFC822.SIZE ENVELOPE)
            S: * 1 FETCH (UID 1 RFC822.SIZE 80 ENVELOPE (NIL "one" (("Bob" NIL "bob" "example.org")) (("Bob" NIL "bob" "example.org")) (("Bob" NIL "bob" "example.org")) NIL NIL NIL NIL NIL))
            S: c OK Fetch completed.
            C: d FETCH 2 (BODY.PEEK[HEADER.FIELDS (subject)] BODY.PEEK[TEXT]<0.7>)
            S: * 2 FETCH (BODY[HEADER.FIELDS (subject)] {17}
            S: Subject: dots
            S: 
            S:  BODY[TEXT]<0> {7}
            S: .
            S: ..tw)
            S: d OK Fetch completed.
            C: e FETCH 3 BODY[TEXT]
            S: * 3 FETCH (BODY[TEXT] {24}
            S: line 1
            S: line 2
            S: line 3
            S:  FLAGS (\\Seen \\Recent))
            S: e OK Fetch completed.
            C: f UID FETCH 3 (FLAGS BODY.PEEK[1])
            S: * 3 FETCH (UID 3 FLAGS (\\Seen \\Recent) BODY[1] {24}
            S: line 1
            S: line 2
            S: line 3
            S: )
            S: f OK Fetch completed.
            C: g FETCH 4 FLAGS
            S: g BAD Invalid messageset: 4 (there are 3 messages)
            C: h UID FETCH 4:* FLAGS
            S: * 3 FETCH (UID 3 FLAGS (\\Seen \\Recent))
            S: h OK Fetch completed.
            C: i FETCH 1 BODY[HEADER]
            S: * 1 FETCH (BODY[HEADER] {45}
            S: From: Bob <bob@example.org>
            S: Subject: one
            S: 
            S:  FLAGS (\\Seen \\Recent))
            S: i OK Fetch completed.
            """)
    }

    @Test func storeAndExpungeRenumber() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        var t = await selected(f)
        await t.play("""
            C: c STORE 1:2 +FLAGS (\\Deleted $Important)
            S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Important)
            S: * 1 FETCH (FLAGS (\\Deleted $Important \\Recent))
            S: * 2 FETCH (FLAGS (\\Deleted $Important \\Recent))
            S: c OK Store completed.
            C: d UID STORE 2 -FLAGS.SILENT ($Important)
            S: d OK Store completed.
            C: e STORE 3 FLAGS (\\Recent)
            S: e BAD *
            C: f SEARCH DELETED
            S: * SEARCH 1 2
            S: f OK Search completed.
            C: g UID EXPUNGE 2
            S: * 2 EXPUNGE
            S: g OK Expunge completed.
            C: h EXPUNGE
            S: * 1 EXPUNGE
            S: h OK Expunge completed.
            C: i FETCH 1 UID
            S: * 1 FETCH (UID 3)
            S: i OK Fetch completed.
            """)
    }

    @Test func searchKeys() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        var t = await selected(f)
        await t.play("""
            C: c SEARCH FROM bob
            S: * SEARCH 1
            S: c OK Search completed.
            C: d UID SEARCH OR SUBJECT dots SUBJECT three
            S: * SEARCH 2 3
            S: d OK Search completed.
            C: e SEARCH CHARSET UTF-8 NOT SUBJECT "one"
            S: * SEARCH 2 3
            S: e OK Search completed.
            C: f SEARCH CHARSET KOI8-R ALL
            S: f NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset KOI8-R.
            C: g SEARCH BODY "two dots"
            S: * SEARCH 2
            S: g OK Search completed.
            C: h SEARCH 2:* UNSEEN LARGER 60
            S: * SEARCH 2
            S: h OK Search completed.
            C: i SEARCH RECENT
            S: * SEARCH 1 2 3
            S: i OK Search completed.
            C: j SEARCH HEADER Subject thr SINCE 1-Jan-2000
            S: * SEARCH 3
            S: j OK Search completed.
            """)
    }

    @Test func copyAndMoveAnswerCOPYUID() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        let trash = try await f.alice.open(try MailboxName("Trash")).uidValidity
        var t = await selected(f)
        await t.play("""
            C: c COPY 1:2 Trash
            S: c OK [COPYUID \(trash) 1:2 1:2] Copy completed.
            C: d UID MOVE 3 Trash
            S: * OK [COPYUID \(trash) 3 3] Moved
            S: * 3 EXPUNGE
            S: d OK Move completed.
            C: e MOVE 1 Nowhere
            S: e NO [TRYCREATE] Mailbox doesn't exist: Nowhere
            C: f STATUS Trash (MESSAGES)
            S: * STATUS "Trash" (MESSAGES 3)
            S: f OK Status completed.
            C: g CLOSE
            S: g OK Close completed.
            C: h FETCH 1 FLAGS
            S: h BAD No mailbox selected.
            """)
    }

    @Test func twoSessionsSeeEachOthersChanges() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        var one = await selected(f)
        var two = await selected(f)
        await one.play("""
            C: c STORE 1 +FLAGS (\\Flagged)
            S: * 1 FETCH (FLAGS (\\Flagged \\Recent))
            S: c OK Store completed.
            C: d STORE 2 +FLAGS.SILENT (\\Deleted)
            S: d OK Store completed.
            C: e EXPUNGE
            S: * 2 EXPUNGE
            S: e OK Expunge completed.
            """)
        try await f.alice.deliver(Array("Subject: four\r\n\r\n4\r\n".utf8))
        // FETCH must not report the expunge (RFC 3501 §7.4.1); NOOP does, renumbering after it.
        await two.play("""
            C: f FETCH 3 UID
            S: * 3 FETCH (UID 3)
            S: * 1 FETCH (UID 1 FLAGS (\\Flagged))
            S: * 4 EXISTS
            S: * 1 RECENT
            S: f OK Fetch completed.
            C: g NOOP
            S: * 2 EXPUNGE
            S: g OK NOOP completed.
            C: h FETCH 3 (UID BODY.PEEK[HEADER.FIELDS (SUBJECT)])
            S: * 3 FETCH (UID 4 BODY[HEADER.FIELDS (SUBJECT)] {17}
            S: Subject: four
            S: 
            S: )
            S: h OK Fetch completed.
            """)
    }

    @Test func idleSeesDeliveries() async throws {
        let f = try await POP3Fixture()
        try await f.deliverAll()
        var t = await selected(f)
        await t.play("""
            C: c IDLE
            S: + idling
            """)
        try await f.alice.deliver(Array("Subject: four\r\n\r\n4\r\n".utf8))
        await t.play("""
            C! wake
            S: * 4 EXISTS
            S: * 4 RECENT
            C: DONE
            S: c OK Idle completed.
            C: d IDLE
            S: + idling
            C: e NOOP
            S: d BAD Expected DONE to end IDLE.
            """)
    }

    @Test func badCommandsKeepTheConnectionUsable() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play("""
            C: a FROB
            S: a BAD *
            C: 
            S: * BAD *
            C: b FETCH 1 FLAGS
            S: b BAD Log in first.
            C: c NOOP
            S: c OK NOOP completed.
            """)
    }
}

@Suite struct IMAPStreamingTests {
    /// BODY[] of a large message is streamed from the file (a `.stream` action), byte-exact,
    /// partial fetches included; small messages and other sections are sent from memory.
    @Test func largeBodyIsStreamedFromTheFile() async throws {
        let f = try await POP3Fixture()
        let line = String(repeating: "0123456789abcdef", count: 4) + "\r\n"
        let message = "Subject: big\r\n\r\n" + String(repeating: line, count: 6_000)   // about 400 KB
        try await f.alice.deliver(Array(message.utf8))
        let session = f.imapSession()
        var t = IMAPTranscript(session)
        await t.play("""
            C: a LOGIN alice secret
            S: a OK [CAPABILITY *] Logged in
            C: b EXAMINE INBOX
            S: * FLAGS *
            S: * OK *
            S: * 1 EXISTS
            S: * 1 RECENT
            S: * OK [UNSEEN 1] First unseen.
            S: * OK *
            S: * OK *
            S: * OK [HIGHESTMODSEQ *] Highest
            S: b OK [READ-ONLY] Examine completed.
            """)
        var decoder = IMAPFrameDecoder()
        decoder.append(Array("c FETCH 1 (BODY.PEEK[] BODY.PEEK[]<16.10>)\r\n".utf8))
        let actions = await session.receive(try #require(decoder.next()))
        let slices = actions.compactMap { if case .stream(let slice) = $0 { slice } else { nil } }
        #expect(slices.count == 2)
        var bytes: [UInt8] = []
        for action in actions {
            switch action {
            case .send(let sent): bytes += sent
            case .stream(let slice): bytes += try slice.file.read(offset: slice.offset, length: slice.length)
            default: break
            }
        }
        let expected = "* 1 FETCH (BODY[] {\(message.utf8.count)}\r\n" + message + " BODY[]<16> {10}\r\n" + "0123456789" + ")\r\nc OK Fetch completed.\r\n"
        #expect(bytes == Array(expected.utf8))
    }
}
