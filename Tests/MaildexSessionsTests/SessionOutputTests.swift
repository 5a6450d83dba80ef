import Foundation
import MaildexCore
import MaildexIMAPCodec
import MaildexIndex
@testable import MaildexSessions
import MaildexStore
import Synchronization
import Testing

/// ``SessionOutput``: early answers go out after the turn's earlier answers, and an IMAP STORE
/// over many messages writes its FETCH answers through it, before its tagged reply; a FETCH over
/// several batches is flushed through it batch by batch.
@Suite struct SessionOutputTests {
    final class Written: Sendable {
        let bytes = Mutex<[UInt8]>([])
        /// What each call of the drain got, as text; it reports the connection gone once `open` is false.
        let drained = Mutex<[String]>([])
        let open = Atomic<Bool>(true)
        /// While set, the drain does not return (a client that does not read).
        let blocked = Atomic<Bool>(false)
        var text: String { bytes.withLock { String(decoding: $0, as: UTF8.self) } }
        func connect(_ output: SessionOutput) {
            output.connect({ more in self.bytes.withLock { $0 += more } },
                           drain: { actions in
                               self.drained.withLock { $0.append(SessionOutputTests.text(actions)) }
                               while self.blocked.load(ordering: .relaxed) { try? await Task.sleep(for: .milliseconds(5)) }
                               return self.open.load(ordering: .relaxed)
                           })
        }
    }

    @Test func noWriterUntilConnectedNorAfterClose() {
        let output = SessionOutput()
        #expect(output.writer() == nil)
        let written = Written()
        written.connect(output)
        #expect(output.writer() != nil)
        output.close()
        #expect(output.writer() == nil)
    }

    @Test func theTurnsEarlierAnswersAreWrittenFirst() {
        let output = SessionOutput()
        let written = Written()
        written.connect(output)
        output.hold([.send(Array("a OK\r\n".utf8)), .send(Array("b OK\r\n".utf8))])
        let write = output.writer()
        write?(Array("* 1 FETCH\r\n".utf8))
        #expect(written.text == "a OK\r\nb OK\r\n* 1 FETCH\r\n")
        #expect(output.takeHeld().isEmpty)
    }

    @Test func anEarlierAnswerThatIsMoreThanBytesKeepsEverythingForTheEnd() {
        let output = SessionOutput()
        let written = Written()
        written.connect(output)
        let held: [SessionAction] = [.send(Array("a OK\r\n".utf8)), .startCompression]
        output.hold(held)
        #expect(output.writer() == nil)
        #expect(written.text.isEmpty)
        #expect(output.takeHeld() == held)
    }

    @Test func flushNeedsADrainAndSaysWhenTheConnectionIsGone() async {
        let output = SessionOutput()
        var actions: [SessionAction] = [.send(Array("* 1 FETCH\r\n".utf8))]
        #expect(await output.flush(&actions), "no connection yet: go on")
        #expect(actions.count == 1, "kept for the end of the turn")

        let written = Written()
        written.connect(output)
        output.hold([.send(Array("a OK\r\n".utf8))])
        #expect(await output.flush(&actions))
        #expect(actions.isEmpty)
        #expect(written.drained.withLock { $0 } == ["a OK\r\n* 1 FETCH\r\n"])
        #expect(output.takeHeld().isEmpty)

        output.close()
        actions = [.send(Array("* 2 FETCH\r\n".utf8))]
        #expect(await output.flush(&actions) == false)
    }

    static func frames(_ text: String) -> [IMAPFrame] {
        var decoder = IMAPFrameDecoder()
        decoder.append(Array(text.utf8))
        var frames: [IMAPFrame] = []
        while let frame = decoder.next() { frames.append(frame) }
        return frames
    }

    static func text(_ actions: [SessionAction]) -> String {
        actions.map { action in
            if case .send(let bytes) = action { String(decoding: bytes, as: UTF8.self) } else { "<\(action)>" }
        }.joined()
    }

    /// A fixture whose INBOX holds `count` messages with `body`; returns their UIDs.
    static func inbox(of count: Int, body: String = "body\r\n") async throws -> (POP3Fixture, [UID]) {
        let f = try await POP3Fixture()
        let uids = try await f.alice.append((1...count).map { ImportMessage(bytes: Array("Subject: \($0)\r\n\r\n\(body)".utf8)) }, to: .inbox)
        return (f, uids)
    }

    /// 10 KB: a hundred such bodies pass ``IMAPSession/flushBytes``.
    static let tenKilobytes = String(repeating: String(repeating: "y", count: 98) + "\r\n", count: 100)

    /// An IMAP session of alice with its early output collected, after `commands` (login and SELECT).
    static func session(_ f: POP3Fixture, after commands: String = "a LOGIN alice secret\r\nb SELECT INBOX\r\n") async throws -> (IMAPSession, Written) {
        let session = f.imapSession()
        let written = Written()
        written.connect(try #require(session.output))
        _ = await session.start()
        _ = await session.receive(frames: frames(commands))
        return (session, written)
    }

    @Test func aStoreOverManyMessagesAnswersEarlyAfterTheCommandsBeforeIt() async throws {
        let count = IMAPSession.earlyAnswerMinimum
        let (f, _) = try await Self.inbox(of: count)
        let (session, written) = try await Self.session(f)
        #expect(written.text.isEmpty, "nothing written early without a large STORE")

        let actions = await session.receive(frames: Self.frames("c NOOP\r\nd STORE 1:* +FLAGS (\\Seen)\r\ne NOOP\r\n"))
        let early = written.text.split(separator: "\r\n")
        #expect(early.first?.hasPrefix("c OK") == true, "the NOOP before it first: \(early.prefix(2))")
        #expect(early.dropFirst().count == count)
        #expect(early.dropFirst().filter { !$0.hasSuffix(" FETCH (FLAGS (\\Seen \\Recent))") }.isEmpty)
        #expect(early.last == "* \(count) FETCH (FLAGS (\\Seen \\Recent))")
        let rest = Self.text(actions)
        #expect(rest.hasPrefix("d OK Store completed.\r\n"), "\(rest.prefix(200))")
        #expect(rest.contains("e OK"))
        #expect(!rest.contains("FETCH"))
        #expect(try await f.alice.messages(in: .inbox).allSatisfy { $0.flags.contains(.seen) })
    }

    @Test func smallerAndSilentStoresAnswerAtTheEnd() async throws {
        let count = IMAPSession.earlyAnswerMinimum
        let (f, _) = try await Self.inbox(of: count)
        let (session, written) = try await Self.session(f)

        let small = Self.text(await session.receive(frames: Self.frames("c STORE 2:\(count) +FLAGS (\\Flagged)\r\n")))
        #expect(small.split(separator: "\r\n").filter { $0.contains(" FETCH ") }.count == count - 1)
        #expect(small.hasSuffix("c OK Store completed.\r\n"))
        // .SILENT without CONDSTORE has only a FLAGS line to say (a new keyword): at the end.
        let silent = Self.text(await session.receive(frames: Self.frames("d STORE 1:* +FLAGS.SILENT ($Junk)\r\n")))
        #expect(silent == "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Junk)\r\nd OK Store completed.\r\n")
        #expect(written.text.isEmpty)
    }

    /// A keyword new to the session (another client set it on a message this STORE changes)
    /// needs a `* FLAGS` line before the FETCH answers that carry it, early or not.
    @Test func aKeywordNewToTheSessionIsAnnouncedBeforeTheEarlyAnswers() async throws {
        let count = IMAPSession.earlyAnswerMinimum
        let (f, uids) = try await Self.inbox(of: count)
        let (session, written) = try await Self.session(f)
        _ = try await f.alice.setFlags([try #require(Flag("$Forwarded"))], .add, uids: [uids[4]], in: .inbox)

        let rest = Self.text(await session.receive(frames: Self.frames("c STORE 1:* +FLAGS (\\Seen)\r\n")))
        let early = written.text.split(separator: "\r\n")
        #expect(early.first == "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)")
        #expect(early.dropFirst().count == count)
        let fifth = early.first { $0.hasPrefix("* 5 FETCH") }
        #expect(fifth == "* 5 FETCH (FLAGS (\\Seen $Forwarded \\Recent))")
        #expect(rest.hasSuffix("c OK Store completed.\r\n"))
        #expect(!rest.contains("* FLAGS"), "announced once: \(rest.prefix(300))")
    }

    /// A FETCH that sets \Seen on a message carrying a keyword another client set announces
    /// the keyword in a `* FLAGS` line before the FETCH answer, and once only.
    @Test func aFetchThatSetsSeenAnnouncesAKeywordNewToTheSession() async throws {
        let (f, uids) = try await Self.inbox(of: 3)
        let (session, written) = try await Self.session(f)
        _ = try await f.alice.setFlags([try #require(Flag("$Forwarded"))], .add, uids: [uids[1]], in: .inbox)

        let answer = Self.text(await session.receive(frames: Self.frames("c FETCH 2 (RFC822.SIZE BODY[TEXT])\r\n")))
        let lines = (written.text + answer).split(separator: "\r\n")
        let flags = try #require(lines.firstIndex { $0.hasPrefix("* FLAGS") }, "\(lines)")
        let fetch = try #require(lines.firstIndex { $0.hasPrefix("* 2 FETCH") }, "\(lines)")
        #expect(flags < fetch)
        #expect(lines[flags] == "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)")
        #expect(lines[fetch...].joined().contains("FLAGS (\\Seen $Forwarded"), "the FETCH reports the keyword: \(lines)")
        #expect(lines.filter { $0.hasPrefix("* FLAGS") }.count == 1)
        let noop = Self.text(await session.receive(frames: Self.frames("d NOOP\r\n")))
        #expect(!noop.contains("* FLAGS"), "announced once: \(noop)")
    }

    /// The same STORE answered early (1,000 messages named) and at the end (999) says the same
    /// for the messages both name: UID STORE, .SILENT with CONDSTORE, UNCHANGEDSINCE refusals
    /// (`[MODIFIED 2,4]` in both).
    @Test(arguments: [
        "UID STORE 1:* (UNCHANGEDSINCE <before>) +FLAGS (\\Answered)",
        "STORE 1:* +FLAGS.SILENT (\\Draft)",
        "UID STORE 1:* -FLAGS (\\Seen)",
    ])
    func earlyAndEndOfTurnAnswersAgree(command: String) async throws {
        var answers: [[Substring]] = []
        for count in [IMAPSession.earlyAnswerMinimum - 1, IMAPSession.earlyAnswerMinimum] {
            let (f, uids) = try await Self.inbox(of: count)
            // Two messages changed after the others, so that UNCHANGEDSINCE <before> refuses them.
            let before = try await f.alice.open(.inbox).highestModSeq
            _ = try await f.alice.setFlags([.seen], .add, uids: [uids[1], uids[3]], in: .inbox)
            let (session, written) = try await Self.session(f, after: "a LOGIN alice secret\r\nb ENABLE CONDSTORE\r\nc SELECT INBOX\r\n")
            let line = command.replacingOccurrences(of: "<before>", with: "\(before)")
            let rest = Self.text(await session.receive(frames: Self.frames("d \(line)\r\n")))
            #expect(written.text.isEmpty == (count < IMAPSession.earlyAnswerMinimum))
            let lines = (written.text + rest).split(separator: "\r\n")
            // The messages both runs name: the first 999.
            answers.append(lines.filter { line in
                guard line.hasPrefix("* "), let n = Int(line.dropFirst(2).prefix { $0 != " " }) else { return !line.hasPrefix("* ") }
                return n < IMAPSession.earlyAnswerMinimum
            })
        }
        #expect(answers[0].count > 2)
        #expect(answers[0] == answers[1])
        if command.contains("UNCHANGEDSINCE") {
            #expect(answers[1].last == "d OK [MODIFIED 2,4] Conditional store failed.")
        }
    }

    /// A FETCH whose answer passes ``IMAPSession/flushBytes`` is written a megabyte at a time
    /// (after the answers to the commands pipelined before it) while it goes on reading; the
    /// rest and the tagged reply end the turn. All in order, nothing twice.
    @Test func aFetchOfManyBodiesIsWrittenAMegabyteAtATime() async throws {
        let count = 250   // 2.5 MB of bodies
        let (f, _) = try await Self.inbox(of: count, body: Self.tenKilobytes)
        let (session, written) = try await Self.session(f)
        written.drained.withLock { $0 = [] }

        let rest = Self.text(await session.receive(frames: Self.frames("c NOOP\r\nd FETCH 1:* (BODY.PEEK[TEXT])\r\n")))
        let drained = written.drained.withLock { $0 }
        #expect(drained.count == 2, "\(drained.map(\.utf8.count))")
        #expect(drained.first?.hasPrefix("c OK") == true)
        #expect(drained.allSatisfy { $0.utf8.count >= IMAPSession.flushBytes })
        let fetches = (drained.joined() + rest).split(separator: "\r\n").filter { $0.contains(" FETCH (") }
        #expect(fetches.count == count)
        #expect(fetches.enumerated().allSatisfy { $0.element.hasPrefix("* \($0.offset + 1) FETCH (BODY[TEXT] {10000}") })
        #expect(rest.hasSuffix("d OK Fetch completed.\r\n"))
        #expect(written.text.isEmpty, "nothing through the STORE writer")
        // A small answer is not flushed at all.
        written.drained.withLock { $0 = [] }
        let small = Self.text(await session.receive(frames: Self.frames("e FETCH 1:* (FLAGS)\r\n")))
        #expect(written.drained.withLock { $0.isEmpty })
        #expect(small.hasSuffix("e OK Fetch completed.\r\n"))
    }

    /// Once the connection is gone the FETCH stops at its first flush and ends the turn.
    @Test func aFetchStopsWhenTheConnectionIsGone() async throws {
        let (f, _) = try await Self.inbox(of: 150, body: Self.tenKilobytes)
        let (session, written) = try await Self.session(f)
        written.drained.withLock { $0 = [] }
        written.open.store(false, ordering: .relaxed)

        let rest = await session.receive(frames: Self.frames("c FETCH 1:* (BODY.PEEK[])\r\nd STORE 1:* +FLAGS (\\Seen)\r\n"))
        #expect(rest == [.close], "the turn ends: the STORE pipelined after it does not run")
        #expect(try await f.alice.messages(in: .inbox).allSatisfy { !$0.flags.contains(.seen) })
        #expect(written.drained.withLock { $0.count } == 1)
    }

    /// While the connection has not taken a piece of the answer, the FETCH reads no further: a
    /// client that does not read holds the server to about a megabyte.
    @Test func aFetchWaitsForTheConnectionToTakeEachPiece() async throws {
        let count = 250
        let (f, _) = try await Self.inbox(of: count, body: Self.tenKilobytes)
        let (session, written) = try await Self.session(f)
        written.drained.withLock { $0 = [] }
        written.blocked.store(true, ordering: .relaxed)

        let fetch = Task { await session.receive(frames: Self.frames("c FETCH 1:* (BODY.PEEK[])\r\n")) }
        for _ in 0..<1_000 where written.drained.withLock({ $0.isEmpty }) { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(200))
        #expect(written.drained.withLock { $0.count } == 1, "no second piece while the first is not taken")
        written.blocked.store(false, ordering: .relaxed)
        let rest = Self.text(await fetch.value)
        #expect(written.drained.withLock { $0.count } == 2)
        let fetches = (written.drained.withLock { $0.joined() } + rest).split(separator: "\r\n").filter { $0.contains(" FETCH (") }
        #expect(fetches.count == count)
        #expect(rest.hasSuffix("c OK Fetch completed.\r\n"), "\(rest.suffix(80))")
    }

    /// Within one batch the answer is flushed whenever it reaches ``IMAPSession/flushBytes``:
    /// 60 bodies of 40 KB (stored with LF ends, so read whole rather than streamed) go out in
    /// pieces of about a megabyte.
    @Test func aBatchOfLargeBodiesIsFlushedByTheMegabyte() async throws {
        let f = try await POP3Fixture()
        let line = String(repeating: "x", count: 79) + "\n"
        _ = try await f.alice.append((1...60).map { ImportMessage(bytes: Array("Subject: \($0)\n\n\(String(repeating: line, count: 500))".utf8)) }, to: .inbox)
        let (session, written) = try await Self.session(f)
        written.drained.withLock { $0 = [] }

        let rest = Self.text(await session.receive(frames: Self.frames("c FETCH 1:* (BODY.PEEK[])\r\n")))
        let drained = written.drained.withLock { $0 }
        #expect(drained.count == 2, "\(drained.map(\.utf8.count))")
        #expect(drained.allSatisfy { $0.utf8.count >= IMAPSession.flushBytes && $0.utf8.count < IMAPSession.flushBytes + 50_000 })
        let fetches = (drained.joined() + rest).split(separator: "\r\n").filter { $0.contains(" FETCH (BODY[] {") }
        #expect(fetches.count == 60)
        #expect(rest.hasSuffix("c OK Fetch completed.\r\n"))
    }
}
