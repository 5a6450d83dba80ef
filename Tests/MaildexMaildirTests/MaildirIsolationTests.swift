import Foundation
import Glibc
import MaildexCore
import MaildexMaildir
import MaildexTesting
import Testing

/// Symlinks planted inside a Maildir lead nowhere: not as a folder, not as `cur/`, not as a message
/// file. The root itself may be a link (`~/Maildir -> /srv/mail/alice` is common). Modes are 0600/0700.
struct MaildirIsolationTests {
    /// Another user's mail, outside the Maildir under test.
    private func outsideMail(_ dir: TemporaryDirectory) throws -> Maildir {
        try FileManager.default.createDirectory(atPath: dir.path("other"), withIntermediateDirectories: true)
        let other = Maildir(root: dir.path("other/Maildir"))
        let folder = try other.createFolder(MailboxName("Private"))
        _ = try folder.deliver(Array("Subject: not yours\r\n\r\nsecret\r\n".utf8), flags: [], internalDate: nil, durability: .immediate)
        _ = try other.folder(.inbox).deliver(Array("Subject: inbox\r\n\r\nsecret\r\n".utf8), flags: [], internalDate: nil, durability: .immediate)
        return other
    }

    @Test func symlinkedFolderIsNotAMailbox() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let other = try outsideMail(dir)
        let maildir = Maildir(root: dir.path("Maildir"))
        try maildir.createFolder(.inbox)
        try FileManager.default.createSymbolicLink(atPath: dir.path("Maildir/.Evil"), withDestinationPath: other.folder(MailboxName("Private")).path)
        #expect(try maildir.folderNames() == [.inbox], "the link is not listed")
        #expect(try !maildir.folder(MailboxName("Evil")).exists, "nor seen as existing")
        #expect(throws: (any Error).self, "nor created through") { try maildir.createFolder(MailboxName("Evil")) }
    }

    @Test func symlinkedCurIsNotRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let other = try outsideMail(dir)
        let maildir = Maildir(root: dir.path("Maildir"))
        let folder = try maildir.createFolder(MailboxName("Box"))
        try FileManager.default.removeItem(atPath: folder.path + "/cur")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/cur", withDestinationPath: other.root + "/new")
        #expect(!folder.exists)
        #expect(throws: (any Error).self) { try folder.scan() }
    }

    @Test func symlinkedMessageFileIsSkipped() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let maildir = Maildir(root: dir.path("Maildir"))
        let inbox = try maildir.createFolder(.inbox)
        _ = try inbox.deliver(Array("Subject: mine\r\n\r\nhello\r\n".utf8), flags: [], internalDate: nil, durability: .immediate)
        try FileManager.default.createSymbolicLink(atPath: dir.path("Maildir/cur/1700000000.M1P1.host:2,S"), withDestinationPath: "/etc/passwd")
        let entries = try inbox.scan()
        #expect(entries.count == 1)
        #expect(entries.allSatisfy { !$0.path.contains("1700000000.M1P1") })
    }

    @Test func symlinkedRootIsFollowed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.path("srv"), withIntermediateDirectories: true)
        let real = Maildir(root: dir.path("srv/alice"))
        _ = try real.createFolder(MailboxName("Archive"))
        try FileManager.default.createSymbolicLink(atPath: dir.path("Maildir"), withDestinationPath: real.root)
        let linked = Maildir(root: dir.path("Maildir"))
        #expect(try linked.folderNames().map(\.rawValue) == ["INBOX", "Archive"])
        #expect(linked.folder(.inbox).exists)
        try linked.createFolder(MailboxName("Sent"))
    }

    @Test func filesAre0600AndDirectories0700() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let maildir = Maildir(root: dir.path("Maildir"))
        let folder = try maildir.createFolder(MailboxName("Box"))
        let entry = try folder.deliver(Array("Subject: x\r\n\r\ny\r\n".utf8), flags: [], internalDate: nil, durability: .immediate)
        func mode(_ path: String) -> mode_t {
            var st = stat()
            return lstat(path, &st) == 0 ? st.st_mode & 0o777 : 0
        }
        #expect(mode(entry.path) == 0o600)
        for path in [maildir.root, folder.path, folder.path + "/cur", folder.path + "/new", folder.path + "/tmp"] {
            #expect(mode(path) == 0o700, "\(path)")
        }
    }
}
