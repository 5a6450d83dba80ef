import MaildexCore
import MaildexIndex
import Testing

@Suite struct ExpungeTests {
    @Test func expungeRecordsUIDsWithModSeq() throws {
        let f = try IndexFixture()
        try f.add(makeMessage(), makeMessage(), makeMessage(), makeMessage())        // modseq 2
        let first = try f.index.expunge(uids: [UID(2), UID(9)], in: f.inbox.id)
        #expect(first == ModSeq(3))
        let second = try f.index.expunge(uids: [UID(1), UID(4)], in: f.inbox.id)
        #expect(second == ModSeq(4))
        #expect(try f.index.messages(in: f.inbox.id).map(\.uid) == [UID(3)])
        #expect(try f.index.mailbox(id: f.inbox.id)?.highestModSeq == ModSeq(4))

        #expect(try f.index.expunged(in: f.inbox.id, since: .zero) == [UID(1), UID(2), UID(4)])
        #expect(try f.index.expunged(in: f.inbox.id, since: ModSeq(3)) == [UID(1), UID(4)])
        #expect(try f.index.expunged(in: f.inbox.id, since: ModSeq(4)) == [])
    }

    @Test func expungingNothingKeepsHighestModSeq() throws {
        let f = try IndexFixture()
        try f.add(makeMessage())
        #expect(try f.index.expunge(uids: [UID(7)], in: f.inbox.id) == ModSeq(2))
        #expect(try f.index.expunge(uids: [], in: f.inbox.id) == ModSeq(2))
        #expect(try f.index.mailbox(id: f.inbox.id)?.highestModSeq == ModSeq(2))
    }

    @Test func expungeKeepsOtherMailboxesAndFTSConsistent() throws {
        let f = try IndexFixture()
        let other = try f.index.createMailbox(try MailboxName("Other"))
        try f.add(makeMessage(subject: "shared words", bodyText: "indexed body"))
        try f.add(makeMessage(subject: "shared words", bodyText: "indexed body"), into: other.id)
        try f.index.indexPendingBodies()
        try f.add(makeMessage(subject: "shared words", bodyText: "pending body"))
        _ = try f.index.expunge(uids: [UID(1), UID(2)], in: f.inbox.id)
        #expect(try f.index.search(.header(.subject, "shared"), in: other.id) == [UID(1)])
        #expect(try f.index.search(.body("body"), in: other.id) == [UID(1)])
        #expect(try f.index.search(.body("body"), in: f.inbox.id) == [])
        #expect(throws: NoSuchMailbox(id: 55)) { try f.index.expunged(in: 55, since: .zero) }
        #expect(try f.index.integrityCheck() == [])
    }
}
