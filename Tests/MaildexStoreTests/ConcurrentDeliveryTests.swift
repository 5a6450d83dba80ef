import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

/// Deliveries that arrive at once, to one user and to several: each store runs on a queue of its
/// own, and every message must come out stored once, under the UID its delivery returned.
@Suite struct ConcurrentDeliveryTests {
    @Test func concurrentDeliveriesAreEachStoredOnceUnderTheirUID() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let bob = try f.store.userStore(for: try await f.store.addUser(Username("bob"), passwordHash: "{PLAIN}x"))
        let stores = [f.user, bob]
        let count = 24
        let delivered = try await withThrowingTaskGroup(of: (Int, UID).self) { group in
            for i in 0..<count {
                let store = stores[i % 2]
                group.addTask { (i, try await store.deliver(StoreFixture.message(subject: "n\(i)"))) }
            }
            return try await group.reduce(into: [Int: UID]()) { $0[$1.0] = $1.1 }
        }
        #expect(delivered.count == count)
        for (s, store) in stores.enumerated() {
            let rows = try await store.messages(in: .inbox)
            #expect(rows.map(\.uid) == (1...UInt32(count / 2)).map { UID($0) })
            for i in stride(from: s, to: count, by: 2) {
                let uid = try #require(delivered[i])
                let text = String(decoding: try await store.read(uid, in: .inbox), as: UTF8.self)
                #expect(text.contains("Subject: n\(i)\r\n"))
            }
        }
    }

    /// Deliveries that wait for the store while another one writes its file are committed with
    /// it: one index transaction for the group, which shows as one MODSEQ shared by its rows.
    @Test func concurrentDeliveriesToOneUserShareCommits() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let user = f.user
        let count = 16
        try await withThrowingTaskGroup(of: UID.self) { group in
            for i in 0..<count { group.addTask { try await user.deliver(StoreFixture.message(subject: "g\(i)")) } }
            try await group.waitForAll()
        }
        let rows = try await user.messages(in: .inbox)
        #expect(rows.map(\.uid) == (1...UInt32(count)).map { UID($0) })
        #expect(Set(rows.map(\.modSeq)).count < count)
        #expect(f.files("new").count == count && f.files("tmp").isEmpty)
    }

    /// The delivery's transaction records the folder as synced (no second commit for it), so
    /// that the next open does not rescan a folder whose only change is the delivery.
    @Test func aDeliveryRecordsItsFolderAsSynced() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        _ = try await f.user.synchronize(.inbox)
        try await f.user.deliver(StoreFixture.message(subject: "one"))
        // A second reader of the index file, so that nothing syncs before the look.
        let index = try MailIndex(path: f.user.location.indexPath) { _, _ in nil }
        let record = try #require(try index.mailbox(.inbox))
        let new = try #require(try FileManager.default.attributesOfItem(atPath: f.maildir + "/new")[.modificationDate] as? Date)
        #expect(abs(record.syncedNewMTime - new.timeIntervalSince1970) < 0.000_01)
        #expect(record.uidNext == UID(2))
    }
}
