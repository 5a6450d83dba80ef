import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

@Suite struct DeliveryTests {
    @Test func deliverThenFetchAndSearchFromTheIndex() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let first = try await f.user.deliver(StoreFixture.message(subject: "Quarterly report", id: "a@x"))
        let second = try await f.user.deliver(StoreFixture.message(subject: "Lunch?", from: "Ärger Ölmann <oe@example.de>", body: "Pizza at noon"))
        #expect(first == UID(1) && second == UID(2))
        #expect(try await f.user.search(.header(.subject, "REPORT"), in: .inbox) == [first])
        #expect(try await f.user.search(.header(.from, "ärger"), in: .inbox) == [second])
        #expect(try await f.user.search(.body("pizza"), in: .inbox) == [second])
        let details = try await f.user.details(of: [first], in: .inbox)
        #expect(details.first?.envelope.contains("\"Quarterly report\"") == true)
        #expect(details.first?.bodyStructure.hasPrefix("(\"TEXT\" \"PLAIN\"") == true)
        #expect(try await f.user.read(first, in: .inbox) == StoreFixture.message(subject: "Quarterly report", id: "a@x"))
        // Durable layout: one file in new/, nothing left in tmp/, mode 0600.
        #expect(f.files("new").count == 2 && f.files("tmp").isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: f.maildir + "/new/" + f.files("new")[0])[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let status = try await f.user.status(.inbox)
        #expect(status.messages == 2 && status.unseen == 2 && status.uidNext == UID(3))
    }

    @Test func flagsAreWrittenIntoFileNamesAndExpungeRemovesFiles() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let uid = try await f.user.deliver(StoreFixture.message(subject: "one"))
        let other = try await f.user.deliver(StoreFixture.message(subject: "two"))
        let result = try await f.user.setFlags([.seen, .flagged, .keyword("$Forwarded")], .add, uids: [uid], in: .inbox)
        #expect(result.changed.map(\.uid) == [uid])
        #expect(f.files("cur").count == 1 && f.files("cur")[0].hasSuffix(":2,FSa"))
        #expect(try await f.user.search(.flag(.keyword("$forwarded"), true), in: .inbox) == [uid])
        #expect(try await f.user.search(.flag(.seen, false), in: .inbox) == [other])
        _ = try await f.user.setFlags([.deleted], .add, uids: [other], in: .inbox)
        #expect(try await f.user.expungeDeleted(in: .inbox) == [other])
        #expect(try await f.user.messages(in: .inbox).map(\.uid) == [uid])
        #expect(f.files("new").isEmpty && f.files("cur").count == 1)
        // UIDs are never reused.
        #expect(try await f.user.deliver(StoreFixture.message(subject: "three")) == UID(3))
    }

    /// A STORE over enough messages that the renames run on a thread of their own, after
    /// another program renamed one file and deleted another: every row names the file as it is
    /// now (the deleted one keeps its old name), and the renamed one keeps the other program's letter.
    @Test func storeOverManyMessagesRecordsTheNamesTheFilesGot() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        for i in 0..<80 { try await f.user.deliver(StoreFixture.message(subject: "m\(i)")) }
        let rows = try await f.user.messages(in: .inbox)
        let moved = rows[50], gone = rows[60]
        try FileManager.default.moveItem(atPath: "\(f.maildir)/new/\(moved.fileName)", toPath: "\(f.maildir)/cur/\(moved.fileName):2,P")
        try FileManager.default.removeItem(atPath: "\(f.maildir)/new/\(gone.fileName)")
        let result = try await f.user.setFlags([.seen], .add, uids: rows.map(\.uid), in: .inbox)
        #expect(result.changed.count == 80)
        let after = try await f.user.messages(in: .inbox)
        #expect(after.allSatisfy { $0.flags == [.seen] })
        let onDisk = Set(f.files("cur"))
        #expect(f.files("new").isEmpty && onDisk.count == 79)
        for row in after where row.uid != gone.uid { #expect(onDisk.contains(row.fileName), "\(row.fileName)") }
        #expect(after.first { $0.uid == moved.uid }?.fileName == moved.fileName + ":2,PS")
        #expect(after.first { $0.uid == gone.uid }?.fileName == gone.fileName)
    }

    @Test func copyAndMoveKeepFlagsAndDates() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let uid = try await f.user.deliver(StoreFixture.message(subject: "keep"), flags: [.seen], internalDate: date)
        let archive = try MailboxName("Archive/2024")
        try await f.user.createMailbox(archive)
        let copied = try await f.user.copy(uids: [uid], from: .inbox, to: archive)
        #expect(copied.map(\.1) == [UID(1)])
        let moved = try await f.user.move(uids: [uid], from: .inbox, to: try MailboxName("Archive"))
        #expect(moved.count == 1)
        #expect(try await f.user.messages(in: .inbox).isEmpty)
        let row = try #require(try await f.user.messages(in: archive).first)
        #expect(row.flags == [.seen] && row.internalDate == date)
        #expect(FileManager.default.fileExists(atPath: f.maildir + "/.Archive.2024/cur"))
    }
}

@Suite struct SearchTests {
    @Test func sequenceSetsMapToUIDsAndCombineWithCriteria() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        for i in 1...5 { try await f.user.deliver(StoreFixture.message(subject: i % 2 == 0 ? "even \(i)" : "odd \(i)")) }
        _ = try await f.user.setFlags([.deleted], .add, uids: [UID(2)], in: .inbox)
        try await f.user.expungeDeleted(in: .inbox)   // UIDs now 1 3 4 5
        let set = try #require(NumberSet(parsing: "2:3,5:*"))
        let uids = try await f.user.uids(sequenceSet: set, in: .inbox)
        #expect(uids.map(\.rawValue) == [3, 4, 5])
        let ranges = uids.map { $0.rawValue...$0.rawValue }
        let query = SearchQuery.and([.uids(ranges), .header(.subject, "even"), .not(.flag(.seen, true))])
        #expect(try await f.user.search(query, in: .inbox) == [UID(4)])
        #expect(try await f.user.uids(sequenceSet: .all, in: .inbox).count == 4)
        #expect(try await f.user.uids(sequenceSet: try #require(NumberSet(parsing: "9")), in: .inbox).isEmpty)
    }

    /// The README's embedding example, as written there.
    @Test func readmeEmbeddingExample() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try MailStore(configuration: StoreConfiguration(dataDirectory: dir.path("maildex-demo")))
        let alice = try await store.addUser(Username("alice"), passwordHash: "{PLAIN}secret")
        let mail = try store.userStore(for: alice)
        let uid = try await mail.deliver(Array("From: bob@example.org\r\nSubject: Lunch?\r\n\r\nNoon.\r\n".utf8))
        let hits = try await mail.search(.header(.subject, "lunch"), in: .inbox)
        let envelope = try await mail.details(of: hits, in: .inbox)[0].envelope
        #expect(hits == [uid])
        #expect(envelope.contains("\"Lunch?\""))
    }
}
