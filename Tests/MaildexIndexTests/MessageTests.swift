import Foundation
import MaildexCore
import MaildexIndex
import Testing

@Suite struct MessageTests {
    @Test func allocatedUIDsAscendAndShareOneModSeq() throws {
        let f = try IndexFixture()
        let first = try f.index.insert([makeMessage(), makeMessage()], into: f.inbox.id)
        #expect(first.map(\.uid) == [UID(1), UID(2)])
        #expect(first.map(\.modSeq) == [ModSeq(2), ModSeq(2)])
        let second = try f.index.insert([makeMessage()], into: f.inbox.id)
        #expect(second.map(\.uid) == [UID(3)])
        #expect(second.map(\.modSeq) == [ModSeq(3)])
        let box = try #require(try f.index.mailbox(id: f.inbox.id))
        #expect(box.uidNext == UID(4))
        #expect(box.highestModSeq == ModSeq(3))
        #expect(try f.index.insert([], into: f.inbox.id).isEmpty)
    }

    /// Import from dovecot-uidlist keeps UIDs; UIDNEXT moves past them.
    @Test func explicitUIDsAreKept() throws {
        let f = try IndexFixture()
        #expect(try f.add(makeMessage(uid: UID(10)), makeMessage(), makeMessage(uid: UID(20))) == [UID(10), UID(11), UID(20)])
        #expect(try f.index.mailbox(id: f.inbox.id)?.uidNext == UID(21))
        #expect(try f.index.messages(in: f.inbox.id).map(\.uid) == [UID(10), UID(11), UID(20)])
    }

    /// After UID 20, a batch of [allocated, explicit]: the allocated one takes 21, so the
    /// explicit one must be 22 or more. nil: the batch is refused as a whole.
    @Test(arguments: [
        (UInt32(5), nil), (20, nil), (21, nil), (UInt32.max, nil),
        (22, [UInt32(21), 22]), (100, [21, 100]), (UInt32.max - 1, [21, UInt32.max - 1]),
    ] as [(UInt32, [UInt32]?)])
    func explicitUIDMustBeAtLeastUIDNext(uid: UInt32, expected: [UInt32]?) throws {
        let f = try IndexFixture()
        try f.add(makeMessage(uid: UID(20)))
        let batch = [makeMessage(), makeMessage(uid: UID(uid))]
        if let expected {
            #expect(try f.index.insert(batch, into: f.inbox.id).map(\.uid.rawValue) == expected)
            #expect(try f.index.mailbox(id: f.inbox.id)?.uidNext == UID(expected[1] + 1))
        } else {
            #expect(throws: InvalidUID.self) { try f.index.insert(batch, into: f.inbox.id) }
            #expect(try f.index.messages(in: f.inbox.id).count == 1)
            #expect(try f.index.mailbox(id: f.inbox.id)?.uidNext == UID(21))
        }
    }

    @Test func allocationStopsAtTheLastUID() throws {
        let f = try IndexFixture()
        try f.add(makeMessage(uid: UID(UInt32.max - 1)))
        #expect(throws: UIDsExhausted(mailboxID: f.inbox.id)) { try f.add(makeMessage()) }
    }

    @Test func uidsAreNeverReusedAfterExpunge() throws {
        let f = try IndexFixture()
        let uids = try f.add(makeMessage(), makeMessage(), makeMessage())
        _ = try f.index.expunge(uids: [uids[2]], in: f.inbox.id)
        #expect(try f.add(makeMessage()) == [UID(4)])
        #expect(throws: InvalidUID(uid: UID(3), uidNext: UID(5))) { try f.add(makeMessage(uid: UID(3))) }
    }

    @Test func recordsRoundTrip() throws {
        let f = try IndexFixture()
        let date = Date(timeIntervalSince1970: 1_650_000_000)
        var message = makeMessage(flags: [.seen, .flagged, .keyword("$Forwarded"), .keyword("Work")], date: date,
                                  size: 1234, name: "1650000000.M1P2.host,S=1234,W=1254")
        message.fileName = message.baseName + ":2,FS"
        try f.add(message)
        let record = try #require(try f.index.messages(in: f.inbox.id).first)
        #expect(record.uid == UID(1))
        #expect(record.modSeq == ModSeq(2))
        #expect(record.flags == [.seen, .flagged, .keyword("$Forwarded"), .keyword("Work")])
        #expect(record.internalDate == date)
        #expect(record.size == 1234 && record.virtualSize == 1254)
        #expect(record.baseName == "1650000000.M1P2.host,S=1234,W=1254")
        #expect(record.fileName == record.baseName + ":2,FS")

        try f.index.setFileName(record.baseName + ":2,FRS", uid: record.uid, in: f.inbox.id)
        #expect(try f.index.messages(in: f.inbox.id).first?.fileName == record.baseName + ":2,FRS")
    }

    @Test func detailsReturnStringsAndHeaders() throws {
        let f = try IndexFixture()
        let sent = Date(timeIntervalSince1970: 1_600_000_000)
        let message = makeMessage(cc: "Carol <c@x.org>", bcc: "d@x.org", subject: "Grüße", sentDate: sent,
                                  messageID: "<1@x>", inReplyTo: "<0@x>", references: ["<a@x>", "<0@x>"],
                                  headerText: "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\nX-Tag: blue\r\n")
        let uids = try f.add(makeMessage(), message, makeMessage())
        let details = try f.index.details(in: f.inbox.id, uids: [uids[2], uids[1], UID(99)])
        #expect(details.map(\.record.uid) == [uids[1], uids[2]])
        let detail = try #require(details.first)
        #expect(detail.envelope == message.envelope)
        #expect(detail.bodyStructure == message.bodyStructure)
        #expect(detail.body == message.body)
        #expect(detail.headers == message.headers)
        #expect(try f.index.details(in: f.inbox.id, uids: []).isEmpty)
    }

    @Test func detailsForManyUIDsInOneQuery() throws {
        let f = try IndexFixture()
        let uids = try f.index.insert((0..<2000).map { _ in makeMessage() }, into: f.inbox.id).map(\.uid)
        let details = try f.index.details(in: f.inbox.id, uids: uids.reversed())
        #expect(details.map(\.record.uid) == uids)
    }
}
