import Foundation
import Glibc
import Testing
import MaildexCore
import MaildexTesting
import MaildexMaildir

struct MaildirTests {
    @Test func foldersAreMaildirPlusPlusDirectories() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let maildir = Maildir(root: dir.path("Maildir"))
        let archive = try MailboxName("Archive/2024")
        let folder = try maildir.createFolder(archive)
        #expect(folder.path == dir.path("Maildir/.Archive.2024"))
        #expect(folder.exists)
        #expect(MaildirFolder(path: maildir.root).exists, "the root is created too")
        #expect(maildir.folder(.inbox).path == maildir.root)
        try maildir.createFolder(MailboxName("Entwürfe"))
        #expect(FileManager.default.fileExists(atPath: dir.path("Maildir/.Entw&APw-rfe/cur")))
        // something that is not a folder
        #expect(FileManager.default.createFile(atPath: dir.path("Maildir/.notadir"), contents: Data()))
        try FileManager.default.createDirectory(atPath: dir.path("Maildir/..deleting"), withIntermediateDirectories: false)
        #expect(try maildir.folderNames().map(\.rawValue) == ["INBOX", "Archive/2024", "Entwürfe"])
    }

    @Test func renameMovesChildrenAndDeleteOnlyTheFolder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let maildir = Maildir(root: dir.path("Maildir"))
        for name in ["A", "A/x", "A/x/y", "AB"] { try maildir.createFolder(MailboxName(name)) }
        let entry = try maildir.folder(MailboxName("A/x")).deliver(Array("m\n".utf8), flags: [], internalDate: nil, durability: .deferred)
        try maildir.renameFolder(MailboxName("A"), to: MailboxName("B"))
        #expect(try maildir.folderNames().map(\.rawValue) == ["INBOX", "AB", "B", "B/x", "B/x/y"])
        #expect(try maildir.folder(MailboxName("B/x")).scan().map(\.fileName) == [entry.fileName])
        #expect(throws: MaildirError.self) { try maildir.renameFolder(MailboxName("AB"), to: MailboxName("B")) }
        #expect(throws: MaildirError.self) { try maildir.renameFolder(.inbox, to: MailboxName("C")) }

        try maildir.deleteFolder(MailboxName("B"))
        #expect(try maildir.folderNames().map(\.rawValue) == ["INBOX", "AB", "B/x", "B/x/y"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.root).filter { $0.hasPrefix("..") }.isEmpty)
        #expect(throws: MaildirError.self) { try maildir.deleteFolder(MailboxName("B")) }
        #expect(throws: MaildirError.self) { try maildir.deleteFolder(.inbox) }
    }

    @Test func syncAfterDeferredDeliveries() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let maildir = Maildir(root: dir.path("Maildir"))
        let folder = try maildir.createFolder(MailboxName("Import"))
        for i in 0..<20 {
            _ = try folder.deliver(Array("Subject: \(i)\n\nx\n".utf8), flags: i % 2 == 0 ? [] : [.seen], internalDate: nil, durability: .deferred)
        }
        try maildir.sync()
        #expect(try folder.scan().count == 20)
        #expect(throws: MaildirError.self) { try Maildir(root: dir.path("missing")).sync() }
    }
}
