import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

/// EXPUNGE of many messages deletes the files on a thread of their own while the index deletes
/// the rows; the rows go only once every file is gone.
@Suite struct ExpungeTests {
    static func fill(_ f: StoreFixture, _ count: Int) async throws -> [MessageRecord] {
        _ = try await f.user.append((0..<count).map { ImportMessage(bytes: StoreFixture.message(subject: "m\($0)")) }, to: .inbox)
        return try await f.user.messages(in: .inbox)
    }

    @Test func manyMessagesLeaveNeitherFilesNorRows() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let rows = try await Self.fill(f, 150)
        let moved = rows[10], gone = rows[20]
        // Another program renamed one file and deleted another meanwhile.
        try FileManager.default.moveItem(atPath: "\(f.maildir)/new/\(moved.fileName)", toPath: "\(f.maildir)/cur/\(moved.fileName):2,P")
        try FileManager.default.removeItem(atPath: "\(f.maildir)/new/\(gone.fileName)")
        let doomed = Array(rows.prefix(120))
        let expunged = try await f.user.expunge(doomed.map(\.uid), in: .inbox)
        #expect(expunged == doomed.map(\.uid))
        let left = try await f.user.messages(in: .inbox)
        #expect(left.map(\.uid) == rows.suffix(30).map(\.uid))
        #expect(f.files("cur").isEmpty)
        #expect(Set(f.files("new")) == Set(left.map(\.fileName)))
    }

    @Test func aFileThatCannotBeDeletedKeepsEveryRow() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let rows = try await Self.fill(f, 100)
        // A directory where a message file was: unlink fails with EISDIR, even for root.
        let stuck = rows[70]
        try FileManager.default.removeItem(atPath: "\(f.maildir)/new/\(stuck.fileName)")
        try FileManager.default.createDirectory(atPath: "\(f.maildir)/new/\(stuck.fileName)", withIntermediateDirectories: false)
        await #expect(throws: (any Error).self) { try await f.user.expunge(rows.map(\.uid), in: .inbox) }
        // No row went, though the files before the stuck one did (the next sync repairs those).
        #expect(try await f.user.messages(in: .inbox).count == 100)
        let files = Set(f.files("new"))
        #expect(files.contains(stuck.fileName))
        #expect(rows.prefix(70).allSatisfy { !files.contains($0.fileName) })
        #expect(rows.suffix(29).allSatisfy { files.contains($0.fileName) })
    }
}
