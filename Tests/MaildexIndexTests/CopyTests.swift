import MaildexCore
import MaildexIndex
import Testing

@Suite struct CopyTests {
    @Test func copyTakesTheParsedFieldsFromTheSourceRows() throws {
        let f = try IndexFixture()
        let other = try f.index.createMailbox(try MailboxName("Other"))
        try f.add(makeMessage(flags: [.seen, .keyword("$Label1")], subject: "first", references: ["a@x"]), makeMessage(subject: "second"))
        let pairs = try f.index.copy([(UID(2), "c2", "c2:2,"), (UID(1), "c1", "c1:2,S"), (UID(9), "x", "x:2,")],
                                     from: f.inbox.id, to: other.id)
        #expect(pairs.map(\.0) == [UID(2), UID(1)] && pairs.map(\.1) == [UID(1), UID(2)])
        #expect(try f.index.messages(in: f.inbox.id).count == 2)
        let copies = try f.index.details(in: other.id, uids: [UID(1), UID(2)])
        let originals = Array(try f.index.details(in: f.inbox.id, uids: [UID(1), UID(2)]).reversed())   // copy 1 is message 2
        #expect(copies.map(\.envelope) == originals.map(\.envelope) && copies.map(\.headers) == originals.map(\.headers))
        #expect(copies.last?.record.flags == [.seen, .keyword("$Label1")] && copies.last?.record.fileName == "c1:2,S")
        #expect(try f.index.search(.header(.subject, "first"), in: other.id) == [UID(2)])
        #expect(try f.index.mailbox(id: other.id)?.uidNext == UID(3))
        #expect(try f.index.copy([(UID(7), "y", "y:2,")], from: f.inbox.id, to: other.id).isEmpty)
        #expect(throws: NoSuchMailbox(id: 55)) { try f.index.copy([(UID(1), "z", "z:2,")], from: 55, to: other.id) }
    }
}
