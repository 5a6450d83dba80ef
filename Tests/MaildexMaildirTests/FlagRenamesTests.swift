import Foundation
import Testing
import MaildexCore
@testable import MaildexMaildir

/// A STORE's renames, done on a thread of their own past ``FlagRenames/inlineLimit`` and by
/// `finish()` below it: every file ends up under the name planned, or, when another program
/// got there first, under the name `finish()` reports.
struct FlagRenamesTests {
    let message = Array("Subject: hi\n\nbody\n".utf8)

    @Test(arguments: [3, FlagRenames.inlineLimit * 5 + 7])
    func renamesEveryFileAsPlanned(count: Int) throws {
        try withFolder { folder, _ in
            let entries = try (0..<count).map { i in
                try folder.deliver(message, flags: i.isMultiple(of: 2) ? [] : [.flagged], internalDate: nil, durability: .deferred)
            }
            let renames = folder.flagRenames()
            let planned = entries.map { renames.rename($0.fileName.description, to: [.seen], keywordIndexes: [2]) }
            #expect(renames.finish().isEmpty)
            let expected = entries.map { $0.fileName.base + ",S=\($0.fileName.size!),W=\($0.fileName.virtualSize!):2,Sc" }
            #expect(planned == expected)
            #expect(try folder.scan().map(\.fileName.description).sorted() == expected.sorted())
            #expect(try names(folder.path + "/new").isEmpty)
        }
    }

    @Test func unchangedNameIsNotPlanned() throws {
        try withFolder { folder, _ in
            let entry = try folder.deliver(message, flags: [.seen], internalDate: nil, durability: .deferred)
            let renames = folder.flagRenames()
            #expect(renames.rename(entry.fileName.description, to: [.seen], keywordIndexes: []) == nil)
            #expect(renames.finish().isEmpty)
            #expect(FileManager.default.fileExists(atPath: entry.path))
        }
    }

    /// Another program renamed one file before the batch got to it, and deleted another: the
    /// first is found by its base and renamed from there, the second keeps its old name.
    @Test(arguments: [2, FlagRenames.inlineLimit * 3])
    func reportsFilesThatWereNotWherePlanned(count: Int) throws {
        try withFolder { folder, _ in
            let entries = try (0..<count).map { _ in try folder.deliver(message, flags: [], internalDate: nil, durability: .deferred) }
            let moved = entries[count - 2], gone = entries[count - 1]
            try FileManager.default.moveItem(atPath: moved.path, toPath: folder.path + "/cur/" + moved.fileName.description + ":2,P")
            try FileManager.default.removeItem(atPath: gone.path)
            let renames = folder.flagRenames()
            for entry in entries { _ = renames.rename(entry.fileName.description, to: [.answered], keywordIndexes: []) }
            let names = renames.finish()
            #expect(names == [count - 2: moved.fileName.description + ":2,PR", count - 1: gone.fileName.description])
            #expect(try folder.scan().count == count - 1)
            #expect(try folder.scan().allSatisfy { $0.fileName.systemFlags == [.answered] })
        }
    }

    /// The index transaction failed: what was not renamed yet is dropped, no file is lost, and
    /// a later `finish()` has nothing to report.
    @Test func cancelDropsWhatIsLeft() throws {
        try withFolder { folder, _ in
            let count = FlagRenames.inlineLimit * 4
            let entries = try (0..<count).map { _ in try folder.deliver(message, flags: [], internalDate: nil, durability: .deferred) }
            let renames = folder.flagRenames()
            for entry in entries { _ = renames.rename(entry.fileName.description, to: [.seen], keywordIndexes: []) }
            renames.cancel()
            #expect(renames.finish().isEmpty)
            let bases = try folder.scan().map(\.fileName.base).sorted()
            #expect(bases == entries.map(\.fileName.base).sorted())
        }
    }
}
