import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

@Suite struct MailboxTests {
    @Test func newUserHasInboxAndSpecialUseMailboxes() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let boxes = try await f.user.mailboxes()
        #expect(boxes.map(\.name.rawValue) == ["INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash"])
        #expect(boxes.first { $0.name.rawValue == "Sent" }?.specialUse == "\\Sent")
        #expect(boxes.allSatisfy { $0.subscribed })
        #expect(FileManager.default.fileExists(atPath: f.maildir + "/.Sent/maildirfolder"))
    }

    /// A system user's first login (a home with no Maildir yet) gets the special-use mailboxes;
    /// an existing Maildir with folders of its own is left as it is.
    @Test func firstOpenOfAnEmptyMaildirCreatesSpecialUseMailboxes() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let fresh = try f.store.userStore(at: MailLocation(home: f.dir.path("home/carol")), key: "carol")
        #expect(try await fresh.mailboxes().map(\.name.rawValue) == ["INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash"])
        let existing = f.dir.path("home/dave/Maildir")
        for folder in ["cur", "new", "tmp", ".Lists/cur", ".Lists/new", ".Lists/tmp"] {
            try FileManager.default.createDirectory(atPath: existing + "/" + folder, withIntermediateDirectories: true)
        }
        let dave = try f.store.userStore(at: MailLocation(maildir: existing), key: "dave")
        #expect(try await dave.mailboxes().map(\.name.rawValue) == ["INBOX", "Lists"])
    }

    @Test func createRenameDelete() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let work = try MailboxName("Work"), child = try MailboxName("Work/2024")
        try await f.user.createMailbox(work)
        try await f.user.createMailbox(child)
        await #expect(throws: MailboxAlreadyExists.self) { try await f.user.createMailbox(work) }
        try await f.user.deliver(StoreFixture.message(subject: "in child"), to: child)
        let renamed = try MailboxName("Old")
        try await f.user.renameMailbox(work, to: renamed)
        #expect(try await f.user.status(try MailboxName("Old/2024")).messages == 1)
        #expect(FileManager.default.fileExists(atPath: f.maildir + "/.Old.2024/cur"))
        await #expect(throws: MailboxNotFound.self) { try await f.user.status(child) }
        try await f.user.deleteMailbox(renamed)
        await #expect(throws: MailboxOperationRefused.self) { try await f.user.deleteMailbox(.inbox) }
    }

    @Test func renamingInboxMovesItsMessages() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        try await f.user.deliver(StoreFixture.message(subject: "old mail"))
        let saved = try MailboxName("Saved")
        try await f.user.renameMailbox(.inbox, to: saved)
        #expect(try await f.user.status(.inbox).messages == 0)
        #expect(try await f.user.status(saved).messages == 1)
    }

    @Test func utf8NamesAreModifiedUTF7OnDisk() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        try await f.user.createMailbox(try MailboxName("Entwürfe/日本"))
        #expect(FileManager.default.fileExists(atPath: f.maildir + "/.Entw&APw-rfe.&ZeVnLA-"))
        #expect(try await f.user.mailboxes().contains { $0.name.rawValue == "Entwürfe/日本" })
    }
}
