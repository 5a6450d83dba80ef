import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

/// Changes made to the Maildir by other programs are picked up on the next open, without
/// changing the UIDs of other messages.
@Suite struct ExternalChangeTests {
    @Test func droppedFileGetsTheNextUID() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let known = try await f.user.deliver(StoreFixture.message(subject: "known"))
        try f.dropExternally(StoreFixture.message(subject: "from procmail"), name: "1700000000.M1P1.otherhost")
        _ = try await f.user.open(.inbox)
        let rows = try await f.user.messages(in: .inbox)
        #expect(rows.map(\.uid) == [known, UID(2)])
        #expect(try await f.user.search(.header(.subject, "procmail"), in: .inbox) == [UID(2)])
    }

    @Test func vanishedFileIsExpungedAndRenamedFileChangesFlags() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let a = try await f.user.deliver(StoreFixture.message(subject: "a"))
        let b = try await f.user.deliver(StoreFixture.message(subject: "b"))
        let c = try await f.user.deliver(StoreFixture.message(subject: "c"))
        let names = f.files("new")
        #expect(names.count == 3)
        let rows = try await f.user.messages(in: .inbox)
        let fileOfA = try #require(rows.first { $0.uid == a }).fileName
        let fileOfB = try #require(rows.first { $0.uid == b }).fileName
        try FileManager.default.removeItem(atPath: f.maildir + "/new/" + fileOfA)
        // mutt marks b as read and flagged: moves it to cur/ with :2,FS
        try FileManager.default.moveItem(atPath: f.maildir + "/new/" + fileOfB, toPath: f.maildir + "/cur/" + fileOfB + ":2,FS")
        let drift = try await f.user.verify()
        #expect(drift.count == 2)
        _ = try await f.user.open(.inbox)
        let after = try await f.user.messages(in: .inbox)
        #expect(after.map(\.uid) == [b, c])
        #expect(after[0].flags == [.seen, .flagged])
        #expect(try await f.user.verify().isEmpty)
    }

    @Test func leftoversInTmpAreNotMessages() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        // A crash during delivery leaves at most a partial file in tmp/.
        try Data("Subject: half".utf8).write(to: URL(fileURLWithPath: f.maildir + "/tmp/1700000000.M1P2.host"))
        _ = try await f.user.open(.inbox)
        #expect(try await f.user.messages(in: .inbox).isEmpty)
        #expect(try await f.user.verify().isEmpty)
    }

    @Test func folderMadeByAnotherProgramIsAdopted() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: f.maildir + "/.Lists.swift/" + sub, withIntermediateDirectories: true)
        }
        try f.dropExternally(StoreFixture.message(subject: "list mail"), name: "1700000001.M1P1.host", folder: ".Lists.swift")
        let names = try await f.user.mailboxes().map(\.name.rawValue)
        #expect(names.contains("Lists/swift") && names.contains("Lists"))
        #expect(try await f.user.status(try MailboxName("Lists/swift")).messages == 1)
    }

    @Test func rebuildKeepsKnownUIDs() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        for i in 1...5 { try await f.user.deliver(StoreFixture.message(subject: "m\(i)")) }
        let third = try #require(try await f.user.messages(in: .inbox).first { $0.uid == UID(3) })
        try FileManager.default.removeItem(atPath: f.maildir + "/new/" + third.fileName)
        try f.dropExternally(StoreFixture.message(subject: "late"), name: "1800000000.M9P9.host")
        let repaired = try await f.user.rebuild()
        #expect(repaired.count == 2)
        let uids = try await f.user.messages(in: .inbox).map(\.uid.rawValue)
        #expect(uids == [1, 2, 4, 5, 6])
    }
}

@Suite struct DamagedIndexTests {
    @Test func damagedIndexIsMovedAsideAndRebuiltFromTheMaildir() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let data = dir.path("data")
        let record: UserRecord
        do {
            let store = try MailStore(configuration: StoreConfiguration(dataDirectory: data))
            record = try await store.addUser(Username("alice"), passwordHash: "{PLAIN}x")
            let user = try store.userStore(for: record)
            try await user.deliver(StoreFixture.message(subject: "survives"))
            try await user.deliver(StoreFixture.message(subject: "also survives"))
        }
        // A fresh process finds the index overwritten with junk. It works on a copy: the first
        // store's body indexer may still hold the original index open for a few seconds, and
        // SQLite shares one open file's state between the connections of a process.
        let copy = dir.path("copy")
        try FileManager.default.copyItem(atPath: data, toPath: copy)
        let store = try MailStore(configuration: StoreConfiguration(dataDirectory: copy))
        let indexPath = store.location(of: record).indexPath
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: indexPath + suffix) }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: indexPath))
        #expect(throws: CorruptDatabase.self) { try store.userStore(for: record) }
        let (user, aside) = try store.userStoreRecoveringIndex(for: record)
        #expect(aside.map { FileManager.default.fileExists(atPath: $0) } == true)
        _ = try await user.rebuild()
        #expect(try await user.search(.header(.subject, "survives"), in: .inbox).count == 2)
        #expect(try await user.mailboxes().map(\.name.rawValue).contains("Sent"))
        #expect(try await user.verify().isEmpty)
    }
}
