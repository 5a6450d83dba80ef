import Foundation
import Glibc
import Testing
import MaildexCore
import MaildexTesting
@testable import MaildexMaildir

/// A fresh Maildir root with INBOX created, removed at the end of the test.
func withFolder(_ body: (MaildirFolder, TemporaryDirectory) throws -> Void) throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let folder = MaildirFolder(path: dir.path("Maildir"))
    try folder.create()
    try body(folder, dir)
}

func mode(_ path: String) -> mode_t? {
    var st = stat()
    return lstat(path, &st) == 0 ? st.st_mode & 0o7777 : nil
}

func names(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
}

struct MaildirFolderTests {
    let message = Array("Subject: hi\n\nbody\n".utf8)

    @Test func createIsIdempotentWithPrivateModes() throws {
        try withFolder { folder, dir in
            try folder.create()
            #expect(folder.exists)
            for sub in ["", "/cur", "/new", "/tmp"] { #expect(mode(folder.path + sub) == 0o700) }
            #expect(mode(folder.path + "/maildirfolder") == nil, "the root is not a Maildir++ subfolder")
            let sub = MaildirFolder(path: dir.path("Maildir/.Sent"))
            #expect(!sub.exists)
            try sub.create()
            #expect(sub.exists)
            #expect(mode(sub.path + "/maildirfolder") == 0o600)
        }
    }

    @Test func deliverWritesDurablyIntoNew() throws {
        try withFolder { folder, _ in
            let date = Date(timeIntervalSince1970: 1_700_000_000)
            let entry = try folder.deliver(message, flags: [], internalDate: date, durability: .immediate)
            #expect(entry.isNew)
            #expect(entry.path == folder.path + "/new/" + entry.fileName.description)
            #expect(entry.fileName.size == message.count)
            #expect(entry.fileName.virtualSize == message.count + 3)
            #expect(!entry.fileName.hasInfo)
            #expect(try names(folder.path + "/new") == [entry.fileName.description])
            #expect(try names(folder.path + "/tmp").isEmpty)
            #expect(try names(folder.path + "/cur").isEmpty)
            #expect(mode(entry.path) == 0o600)
            #expect(entry.modificationDate == date)
            let attributes = try FileManager.default.attributesOfItem(atPath: entry.path)
            #expect((attributes[.modificationDate] as? Date) == date)
            #expect(try folder.read(entry) == message)
            #expect(try folder.scan() == [entry])
        }
    }

    @Test func deliverWithFlagsGoesToCurAndRecordsKeywords() throws {
        try withFolder { folder, _ in
            let entry = try folder.deliver(message, flags: [.seen, .keyword("Junk"), .keyword("$Forwarded")], internalDate: nil, durability: .deferred)
            #expect(!entry.isNew)
            #expect(entry.path.hasPrefix(folder.path + "/cur/"))
            #expect(entry.fileName.flagLetters == "Sab")
            #expect(try folder.keywords().keywords == ["$Forwarded", "Junk"])
            #expect(entry.fileName.systemFlags == [.seen])
            // a second delivery reuses the letters
            let again = try folder.deliver(message, flags: [.keyword("junk")], internalDate: nil, durability: .immediate)
            #expect(again.fileName.flagLetters == "b")
            #expect(try folder.keywords().keywords.count == 2)
        }
    }

    @Test func keywordsBeyond26StayOutOfNames() throws {
        try withFolder { folder, _ in
            let many = Set((0..<30).map { Flag.keyword("k\($0)") })
            let entry = try folder.deliver(message, flags: many, internalDate: nil, durability: .deferred)
            #expect(entry.fileName.keywordIndexes.count == 26)
            #expect(try folder.keywords().keywords.count == 26)
        }
    }

    @Test func setFlagsRenamesIntoCur() throws {
        try withFolder { folder, _ in
            let entry = try folder.deliver(message, flags: [], internalDate: nil, durability: .deferred)
            let seen = try folder.setFlags([.seen, .flagged], of: entry)
            #expect(!seen.isNew)
            #expect(seen.fileName.base == entry.fileName.base)
            #expect(seen.fileName.description == entry.fileName.description + ":2,FS")
            #expect(FileManager.default.fileExists(atPath: seen.path))
            #expect(!FileManager.default.fileExists(atPath: entry.path))
            let cleared = try folder.setFlags([], of: seen)
            #expect(cleared.fileName.description.hasSuffix(":2,"))
            #expect(try folder.scan().map(\.path) == [cleared.path])
        }
    }

    @Test func externalRenameIsFoundByBase() throws {
        try withFolder { folder, _ in
            let entry = try folder.deliver(message, flags: [], internalDate: nil, durability: .deferred)
            // another MUA marks it seen and passed
            let moved = folder.path + "/cur/" + entry.fileName.description + ":2,PS"
            try FileManager.default.moveItem(atPath: entry.path, toPath: moved)
            let located = try #require(try folder.locate(base: entry.fileName.base))
            #expect(located.path == moved)
            #expect(located.fileName.systemFlags == [.seen])
            #expect(try folder.read(entry) == message, "read follows the rename")
            let flagged = try folder.setFlags([.flagged], of: entry)
            #expect(flagged.fileName.flagLetters == "FP", "P from the other program is kept")
            #expect(try folder.locate(base: "nonexistent") == nil)
            try folder.remove(entry)
            #expect(try folder.scan().isEmpty, "remove follows the rename too")
        }
    }

    @Test func removeIsIdempotent() throws {
        try withFolder { folder, _ in
            let entry = try folder.deliver(message, flags: [.seen], internalDate: nil, durability: .deferred)
            try folder.remove(entry)
            #expect(try folder.scan().isEmpty)
            try folder.remove(entry)
            #expect(throws: MaildirError.self) { try folder.read(entry) }
            #expect(throws: MaildirError.self) { try folder.setFlags([], of: entry) }
        }
    }

    @Test func copyMakesANewNameWithTheDestinationsKeywords() throws {
        try withFolder { folder, dir in
            let destination = MaildirFolder(path: dir.path("Maildir/.Archive"))
            try destination.create()
            let date = Date(timeIntervalSince1970: 1_600_000_000)
            let entry = try folder.deliver(message, flags: [.keyword("A")], internalDate: date, durability: .deferred)
            try destination.writeKeywords(DovecotKeywords(keywords: ["X", "Y"]), durability: .deferred)
            let copy = try folder.copy(entry, to: destination, flags: [.seen, .keyword("a")], durability: .immediate)
            #expect(copy.fileName.base != entry.fileName.base)
            #expect(copy.fileName.flagLetters == "Sc")
            #expect(copy.fileName.size == entry.fileName.size)
            #expect(copy.modificationDate == date)
            #expect(try destination.read(copy) == message)
            #expect(try destination.keywords().keywords == ["X", "Y", "a"])
            var a = stat(), b = stat()
            #expect(lstat(entry.path, &a) == 0 && lstat(copy.path, &b) == 0)
            #expect(a.st_ino == b.st_ino, "a hard link on the same file system")
            let plain = try folder.copy(entry, to: destination, flags: [], durability: .deferred)
            #expect(plain.isNew)
        }
    }

    @Test func copyOfANameWithoutSizesReadsTheFile() throws {
        try withFolder { folder, dir in
            let path = folder.path + "/cur/1234.other:2,S"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(message)))
            let entry = try #require(try folder.scan().first)
            #expect(entry.fileName.size == nil)
            let copy = try folder.copy(entry, to: folder, flags: [], durability: .deferred)
            #expect(copy.fileName.size == message.count)
            #expect(copy.fileName.virtualSize == message.count + 3)
        }
    }

    @Test func scanSkipsDotFilesAndDirectoriesAndKeepsOddNames() throws {
        try withFolder { folder, _ in
            #expect(FileManager.default.createFile(atPath: folder.path + "/new/.hidden", contents: Data()))
            #expect(FileManager.default.createFile(atPath: folder.path + "/cur/weird name", contents: Data()))
            try FileManager.default.createDirectory(atPath: folder.path + "/cur/subdir", withIntermediateDirectories: false)
            let entries = try folder.scan()
            #expect(entries.map(\.fileName.base) == ["weird name"])
        }
    }

    @Test func cleanTemporaryFilesRemovesOnlyOldOnes() throws {
        try withFolder { folder, _ in
            let old = folder.path + "/tmp/old", fresh = folder.path + "/tmp/fresh"
            #expect(FileManager.default.createFile(atPath: old, contents: Data("x".utf8)))
            #expect(FileManager.default.createFile(atPath: fresh, contents: Data("y".utf8)))
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-37 * 3600)], ofItemAtPath: old)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-35 * 3600)], ofItemAtPath: fresh)
            #expect(try folder.cleanTemporaryFiles() == 1)
            #expect(try names(folder.path + "/tmp") == ["fresh"])
            #expect(try folder.cleanTemporaryFiles(olderThan: 3600) == 1)
            #expect(try names(folder.path + "/tmp").isEmpty)
        }
    }

    @Test func directoryDatesChangeOnDelivery() throws {
        try withFolder { folder, _ in
            let past = Date(timeIntervalSince1970: 1_000_000_000)
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: folder.path + "/new")
            #expect(try folder.directoryModificationDates().new == past)
            _ = try folder.deliver(message, flags: [], internalDate: nil, durability: .deferred)
            #expect(try folder.directoryModificationDates().new > past)
        }
    }

    @Test func failedDeliveryLeavesNothingBehind() throws {
        try withFolder { folder, _ in
            // tmp/ missing: the file cannot even be created
            try FileManager.default.removeItem(atPath: folder.path + "/tmp")
            #expect {
                _ = try folder.deliver(message, flags: [], internalDate: nil, durability: .immediate)
            } throws: { error in
                let error = try #require(error as? MaildirError)
                return error.operation == "open" && error.errno == ENOENT && error.description.contains("No such file or directory")
            }
            #expect(try names(folder.path + "/new").isEmpty)
            try FileManager.default.createDirectory(atPath: folder.path + "/tmp", withIntermediateDirectories: false)

            // cur/ missing: the rename fails, and the tmp file is removed
            try FileManager.default.removeItem(atPath: folder.path + "/cur")
            #expect {
                _ = try folder.deliver(message, flags: [.seen], internalDate: nil, durability: .immediate)
            } throws: { error in
                let error = try #require(error as? MaildirError)
                return error.operation == "rename" && error.path.contains("/tmp/") && error.path.contains(" -> ")
            }
            #expect(try names(folder.path + "/tmp").isEmpty)
            #expect(try names(folder.path + "/new").isEmpty)
        }
    }

    @Test func errorDescriptionNamesOperationPathAndReason() {
        let error = MaildirError(path: "/x/tmp/a -> /x/new/a", operation: "rename", errno: ENOSPC)
        #expect(error.description == "rename /x/tmp/a -> /x/new/a: No space left on device")
    }
}
