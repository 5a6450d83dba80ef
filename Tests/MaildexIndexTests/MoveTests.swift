import MaildexCore
import MaildexIndex
import MaildexTesting
import Synchronization
import Testing

@Suite struct MoveTests {
    @Test func moveKeepsRowsAndRecordsTheSourceExpunges() throws {
        let f = try IndexFixture()
        let other = try f.index.createMailbox(try MailboxName("Other"))
        try f.add(makeMessage(subject: "first", bodyText: "alpha body"), makeMessage(subject: "second"))   // modseq 2
        try f.add(makeMessage(), into: other.id)
        try f.index.indexPendingBodies()
        let pairs = try f.index.move([(UID(2), ("new2", "new2:2,S")), (UID(1), ("new1", "new1:2,")), (UID(9), ("x", "x:2,"))],
                                     from: f.inbox.id, to: other.id)
        #expect(pairs.map(\.0) == [UID(2), UID(1)] && pairs.map(\.1) == [UID(2), UID(3)])
        #expect(try f.index.messages(in: f.inbox.id).isEmpty)
        #expect(try f.index.expunged(in: f.inbox.id, since: ModSeq(2)) == [UID(1), UID(2)])
        #expect(try f.index.mailbox(id: f.inbox.id)?.highestModSeq == ModSeq(3))
        let target = try #require(try f.index.mailbox(id: other.id))
        #expect(target.uidNext == UID(4))
        let rows = try f.index.messages(in: other.id)
        #expect(rows.map(\.uid) == [UID(1), UID(2), UID(3)])
        #expect(rows.dropFirst().allSatisfy { $0.modSeq == target.highestModSeq })
        #expect(rows.map(\.fileName).suffix(2) == ["new2:2,S", "new1:2,"] && rows.last?.baseName == "new1")
        // The parsed fields and the indexed body text came along with the row.
        #expect(try f.index.search(.header(.subject, "first"), in: other.id) == [UID(3)])
        #expect(try f.index.search(.body("alpha"), in: other.id) == [UID(3)])
        #expect(try f.index.details(in: other.id, uids: [UID(3)]).first?.envelope == "(NIL \"first\")")
    }

    @Test func movingNothingOrOnlyVanishedFiles() throws {
        let f = try IndexFixture()
        let other = try f.index.createMailbox(try MailboxName("Other"))
        try f.add(makeMessage())
        #expect(try f.index.move([], from: f.inbox.id, to: other.id).isEmpty)
        #expect(try f.index.move([(UID(5), ("a", "a:2,"))], from: f.inbox.id, to: other.id).isEmpty)
        #expect(try f.index.mailbox(id: f.inbox.id)?.highestModSeq == ModSeq(2))
        // A file gone: the row is only expunged.
        #expect(try f.index.move([(UID(1), nil)], from: f.inbox.id, to: other.id).isEmpty)
        #expect(try f.index.messages(in: f.inbox.id).isEmpty && f.index.messages(in: other.id).isEmpty)
        #expect(try f.index.expunged(in: f.inbox.id, since: .zero) == [UID(1)])
        #expect(throws: NoSuchMailbox(id: 55)) { try f.index.move([(UID(1), nil)], from: f.inbox.id, to: 55) }
    }

    /// The body indexer reads a file while MOVE renames it: the text it read may be of a file that
    /// is gone, so it leaves that row for its next run instead of indexing an empty body.
    @Test func aRowMovedWhileItsBodyIsReadIsIndexedOnTheNextRun() throws {
        let directory = try TemporaryDirectory(prefix: "maildex-index-test")
        defer { directory.remove() }
        let box = Mutex<MailIndex?>(nil)
        let moves = Mutex(0)
        let index = try MailIndex(path: directory.path("index.sqlite")) { mailbox, fileName in
            if mailbox == .inbox, moves.withLock({ $0 += 1; return $0 == 1 }), let index = box.withLock({ $0 }),
               let other = try? index.mailbox(MailboxName("Other")) {
                _ = try? index.move([(UID(1), ("moved", "moved:2,"))], from: 1, to: other.id)
                return nil   // the file was renamed away before it could be read
            }
            return fileName == "moved:2," ? "gamma body" : TestBodies.source(mailbox, fileName)
        }
        box.withLock { $0 = index }
        _ = try index.createMailbox(.inbox)
        let other = try index.createMailbox(try MailboxName("Other"))
        _ = try index.insert([makeMessage(subject: "racing")], into: 1)
        #expect(try index.indexPendingBodies() == 0)
        #expect(try index.indexPendingBodies() == 1)
        #expect(try index.search(.body("gamma"), in: other.id) == [UID(1)])
    }
}
