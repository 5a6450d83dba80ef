import Foundation
import MaildexCore
import MaildexIndex
import Testing

@Suite struct MailboxTests {
    @Test func createdMailboxStartsEmpty() throws {
        let f = try IndexFixture()
        #expect(f.inbox.name == .inbox)
        #expect(f.inbox.uidNext == UID(1))
        #expect(f.inbox.highestModSeq == ModSeq(1))
        #expect(try f.index.mailbox(.inbox) == f.inbox)
        #expect(try f.index.mailbox(id: f.inbox.id) == f.inbox)
        #expect(try f.index.mailbox(id: 999) == nil)
    }

    @Test func uidValidityIsUniqueAndIncreasing() throws {
        let f = try IndexFixture()
        let sent = try f.index.createMailbox(try MailboxName("Sent"), specialUse: "\\Sent")
        #expect(sent.uidValidity > f.inbox.uidValidity)
        #expect(sent.specialUse == "\\Sent")
        try f.index.deleteMailbox(id: sent.id)
        let again = try f.index.createMailbox(try MailboxName("Sent"))
        #expect(again.uidValidity > sent.uidValidity)
        let imported = try f.index.createMailbox(try MailboxName("Old"), uidValidity: UIDValidity(1234))
        #expect(imported.uidValidity == UIDValidity(1234))
    }

    @Test func duplicateAndMissingMailboxes() throws {
        let f = try IndexFixture()
        #expect(throws: MailboxExists(name: .inbox)) { try f.index.createMailbox(.inbox) }
        #expect(throws: NoSuchMailbox(id: 77)) { try f.index.deleteMailbox(id: 77) }
        #expect(throws: NoSuchMailbox(id: 77)) { try f.index.renameMailbox(id: 77, to: try MailboxName("X")) }
        #expect(throws: NoSuchMailbox(id: 77)) { try f.index.setSpecialUse(id: 77, "\\Trash") }
        #expect(throws: NoSuchMailbox(id: 77)) { try f.index.insert([makeMessage()], into: 77) }
        #expect(throws: NoSuchMailbox(id: 77)) { try f.index.status(of: 77) }
    }

    @Test func renameKeepsIdentityAndMessages() throws {
        let f = try IndexFixture()
        let box = try f.index.createMailbox(try MailboxName("Work"))
        try f.add(makeMessage(), into: box.id)
        let taken = try f.index.createMailbox(try MailboxName("Taken"))
        #expect(throws: MailboxExists(name: taken.name)) { try f.index.renameMailbox(id: box.id, to: taken.name) }
        try f.index.renameMailbox(id: box.id, to: try MailboxName("Work/2024"))
        let renamed = try #require(try f.index.mailbox(id: box.id))
        #expect(renamed.name.rawValue == "Work/2024")
        #expect(renamed.uidValidity == box.uidValidity)
        #expect(try f.index.messages(in: box.id).count == 1)
        #expect(try f.index.mailbox(try MailboxName("Work")) == nil)
        _ = try f.index.createMailbox(try MailboxName("Archive"))
        #expect(try f.index.mailboxes().map(\.name.rawValue) == ["INBOX", "Archive", "Taken", "Work/2024"])
    }

    @Test func deleteRemovesMessagesAndHistory() throws {
        let f = try IndexFixture()
        let box = try f.index.createMailbox(try MailboxName("Trash"))
        let uids = try f.add(makeMessage(subject: "gone for good"), makeMessage(), into: box.id)
        _ = try f.index.indexPendingBodies()
        _ = try f.index.expunge(uids: [uids[1]], in: box.id)
        try f.index.deleteMailbox(id: box.id)
        #expect(try f.index.mailbox(id: box.id) == nil)
        #expect(try f.index.search(.header(.subject, "gone for good"), in: f.inbox.id).isEmpty)
        #expect(try f.index.integrityCheck() == [])
    }

    @Test func specialUseAndSyncState() throws {
        let f = try IndexFixture()
        try f.index.setSpecialUse(id: f.inbox.id, "\\Archive")
        try f.index.setSyncState(id: f.inbox.id, newMTime: 1_700_000_000.25, curMTime: 1_700_000_001.5)
        var box = try #require(try f.index.mailbox(id: f.inbox.id))
        #expect(box.specialUse == "\\Archive")
        #expect(box.syncedNewMTime == 1_700_000_000.25)
        #expect(box.syncedCurMTime == 1_700_000_001.5)
        try f.index.setSpecialUse(id: f.inbox.id, nil)
        box = try #require(try f.index.mailbox(id: f.inbox.id))
        #expect(box.specialUse == nil)
    }

    /// RFC 3501 §6.3.6: a subscription may name a mailbox that does not exist.
    @Test func subscriptionsAreByName() throws {
        let f = try IndexFixture()
        let ghost = try MailboxName("Does/Not/Exist")
        try f.index.setSubscribed(ghost, true)
        try f.index.setSubscribed(.inbox, true)
        try f.index.setSubscribed(.inbox, true)
        #expect(try f.index.subscriptions() == [.inbox, ghost])
        try f.index.setSubscribed(ghost, false)
        try f.index.setSubscribed(try MailboxName("Never"), false)
        #expect(try f.index.subscriptions() == [.inbox])
    }

    @Test func statusCounts() throws {
        let f = try IndexFixture()
        try f.add(makeMessage(flags: [.seen], size: 100), makeMessage(size: 200),
                  makeMessage(flags: [.deleted, .seen], size: 300), makeMessage(flags: [.keyword("$Junk")], size: 400))
        let status = try f.index.status(of: f.inbox.id)
        #expect(status == MailboxStatus(messages: 4, unseen: 2, uidNext: UID(5), uidValidity: f.inbox.uidValidity,
                                        highestModSeq: ModSeq(2), size: 100 + 200 + 300 + 400 + 4 * 20, deleted: 1))
        let empty = try f.index.status(of: try f.index.createMailbox(try MailboxName("Empty")).id)
        #expect(empty.messages == 0 && empty.unseen == 0 && empty.size == 0 && empty.deleted == 0)
    }
}
