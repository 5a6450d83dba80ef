import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

/// MOVE renames each file into the destination and moves its index row in one transaction, so
/// that a crash anywhere leaves every message exactly once (DESIGN.md §Storage).
@Suite struct MoveTests {
    @Test func moveRenamesFilesAndKeepsTheParsedRows() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let archive = try MailboxName("Filed")
        try await f.user.createMailbox(archive)
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let a = try await f.user.deliver(StoreFixture.message(subject: "Quarterly report", body: "Pizza at noon"),
                                         flags: [.seen, .keyword("$Forwarded")], internalDate: date)
        let b = try await f.user.deliver(StoreFixture.message(subject: "stays"))
        let c = try await f.user.deliver(StoreFixture.message(subject: "unread"))
        let sourceBefore = try await f.user.status(.inbox).highestModSeq
        let quotaBefore = try await f.user.quota().usage

        let pairs = try await f.user.move(uids: [a, c], from: .inbox, to: archive)

        #expect(pairs.map(\.0) == [a, c] && pairs.map(\.1) == [UID(1), UID(2)])
        #expect(try await f.user.messages(in: .inbox).map(\.uid) == [b])
        // Each file is now in the destination's cur/ only, its flags (and keyword letter) in its name.
        #expect(f.files("new").count == 1 && f.files("cur").isEmpty)
        let moved = f.files("cur", folder: ".Filed")
        #expect(moved.count == 2 && f.files("new", folder: ".Filed").isEmpty)
        #expect(moved.contains { $0.hasSuffix(":2,Sa") } && moved.contains { $0.hasSuffix(":2,") })
        let rows = try await f.user.messages(in: archive)
        #expect(rows.first?.flags == [.seen, .keyword("$Forwarded")] && rows.first?.internalDate == date)
        #expect(try await f.user.read(UID(1), in: archive) == StoreFixture.message(subject: "Quarterly report", body: "Pizza at noon"))
        // Parsed fields, FETCH strings and searches come along without re-reading the file.
        #expect(try await f.user.details(of: [UID(1)], in: archive).first?.envelope.contains("\"Quarterly report\"") == true)
        #expect(try await f.user.search(.header(.subject, "quarterly"), in: archive) == [UID(1)])
        try await f.user.indexPendingBodies()
        #expect(try await f.user.search(.body("pizza"), in: archive) == [UID(1)])
        #expect(try await f.user.search(.body("pizza"), in: .inbox).isEmpty)
        // The source records the expunges for QRESYNC; usage is unchanged.
        #expect(try await f.user.expunged(in: .inbox, since: sourceBefore) == [a, c])
        #expect(try await f.user.status(.inbox).highestModSeq > sourceBefore)
        #expect(try await f.user.quota().usage == quotaBefore)
        #expect(try await f.user.verify().isEmpty)
    }

    /// A crash after the renames and before the index commit: the files are in the destination,
    /// the rows still in the source. The restart's sync puts each message in the destination once.
    @Test func crashBeforeTheCommitIsRepairedOnRestart() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let archive = try MailboxName("Filed")
        try await f.user.createMailbox(archive)
        _ = try await f.user.open(archive)
        let kept = try await f.user.deliver(StoreFixture.message(subject: "kept"))
        let moving = try await f.user.deliver(StoreFixture.message(subject: "moving"), flags: [.seen])
        let row = try #require(try await f.user.messages([moving], in: .inbox).first)
        // What MOVE's rename leaves: the file under a new name in the destination's cur/.
        let sub = row.fileName.contains(":2,") ? "cur" : "new"
        try FileManager.default.moveItem(atPath: "\(f.maildir)/\(sub)/\(row.fileName)",
                                         toPath: "\(f.maildir)/.Filed/cur/1700000001.M1P1Q1.crashhost,S=\(row.size),W=\(row.virtualSize):2,S")

        let restarted = try MailStore(configuration: StoreConfiguration(dataDirectory: f.dir.path("data")))
        let user = try restarted.userStore(Username("alice"))
        #expect(try await user.verify().count == 2)   // the source's missing file, the destination's new one
        _ = try await user.open(.inbox)
        _ = try await user.open(archive)
        #expect(try await user.messages(in: .inbox).map(\.uid) == [kept])
        let archived = try await user.messages(in: archive)
        #expect(archived.count == 1 && archived.first?.flags == [.seen])
        #expect(try await user.search(.header(.subject, "moving"), in: archive).count == 1)
        #expect(try await user.search(.header(.subject, "moving"), in: .inbox).isEmpty)
        #expect(try await user.verify().isEmpty)
    }

    @Test func moveIntoTheSameMailboxGivesNewUIDs() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let a = try await f.user.deliver(StoreFixture.message(subject: "a"))
        let b = try await f.user.deliver(StoreFixture.message(subject: "b"))
        let pairs = try await f.user.move(uids: [a], from: .inbox, to: .inbox)
        #expect(pairs.map(\.0) == [a] && pairs.map(\.1) == [UID(3)])
        #expect(try await f.user.messages(in: .inbox).map(\.uid) == [b, UID(3)])
        #expect(f.files("new").count + f.files("cur").count == 2)
        #expect(try await f.user.expunged(in: .inbox, since: ModSeq(1)) == [a])
        #expect(try await f.user.verify().isEmpty)
    }

    @Test func aVanishedFileIsExpungedAndNotMoved() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let archive = try MailboxName("Filed")
        try await f.user.createMailbox(archive)
        let gone = try await f.user.deliver(StoreFixture.message(subject: "gone"))
        let here = try await f.user.deliver(StoreFixture.message(subject: "here"))
        let row = try #require(try await f.user.messages([gone], in: .inbox).first)
        try FileManager.default.removeItem(atPath: "\(f.maildir)/new/\(row.fileName)")
        let pairs = try await f.user.move(uids: [gone, here], from: .inbox, to: archive)
        #expect(pairs.map(\.0) == [here] && pairs.map(\.1) == [UID(1)])
        #expect(try await f.user.messages(in: .inbox).isEmpty)
        #expect(try await f.user.messages(in: archive).count == 1)
        #expect(try await f.user.verify().isEmpty)
    }

    @Test func aMissingDestinationMovesNothing() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let uid = try await f.user.deliver(StoreFixture.message(subject: "stays"))
        await #expect(throws: MailboxNotFound.self) {
            try await f.user.move(uids: [uid], from: .inbox, to: try MailboxName("Nowhere"))
        }
        #expect(try await f.user.messages(in: .inbox).map(\.uid) == [uid])
        #expect(f.files("new").count == 1)
    }

    /// A folder deleted behind the store's back: the rename fails, nothing is lost, the source keeps the message.
    @Test func aVanishedDestinationFolderFailsTheMove() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let archive = try MailboxName("Filed")
        try await f.user.createMailbox(archive)
        let uid = try await f.user.deliver(StoreFixture.message(subject: "stays"))
        try FileManager.default.removeItem(atPath: "\(f.maildir)/.Filed")
        await #expect(throws: (any Error).self) {
            try await f.user.move(uids: [uid], from: .inbox, to: archive)
        }
        #expect(try await f.user.messages(in: .inbox).map(\.uid) == [uid])
        #expect(try await f.user.read(uid, in: .inbox) == StoreFixture.message(subject: "stays"))
    }
}
