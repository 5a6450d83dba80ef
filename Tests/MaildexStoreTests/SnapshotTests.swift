import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

/// The store keeps SELECT's snapshot of a mailbox and brings it forward from the MODSEQ log;
/// whatever changed it (this store, another store on the same index as `mailadm` would be, or
/// another program in the Maildir), it must equal a snapshot read afresh.
@Suite struct SnapshotTests {
    /// The snapshot of INBOX read by a new store from every row.
    static func fresh(_ f: StoreFixture) async throws -> MailboxSnapshot {
        let other = try MailStore(configuration: StoreConfiguration(dataDirectory: f.dir.path("data")))
        return try await other.userStore(Username("alice")).snapshot(of: .inbox).snapshot
    }

    static func expectSame(_ kept: MailboxSnapshot, _ fresh: MailboxSnapshot, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(kept.uids == fresh.uids, "\(step)", sourceLocation: sourceLocation)
        #expect(kept.firstUnseenUID == fresh.firstUnseenUID, "\(step)", sourceLocation: sourceLocation)
        #expect(kept.firstUnseen == fresh.firstUnseen, "\(step)", sourceLocation: sourceLocation)
        // Keywords no message has any more may still be listed; those in use must be.
        #expect(kept.keywords.isSuperset(of: fresh.keywords), "\(step)", sourceLocation: sourceLocation)
    }

    @Test func followsItsOwnWrites() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        var uids: [UID] = []
        for n in 1...4 { uids.append(try await f.user.deliver(StoreFixture.message(subject: "m\(n)"))) }
        var s = try await f.user.snapshot(of: .inbox).snapshot
        #expect(s.uids.count == 4 && s.firstUnseen == 0)
        _ = try await f.user.setFlags([.seen], .add, uids: [uids[0]], in: .inbox)
        s = try await f.user.snapshot(of: .inbox).snapshot
        #expect(s.firstUnseenUID == uids[1] && s.firstUnseen == 1)
        try await f.user.expunge([uids[1]], in: .inbox)
        s = try await f.user.snapshot(of: .inbox).snapshot
        #expect(s.uids == UIDList([uids[0], uids[2], uids[3]]) && s.firstUnseenUID == uids[2] && s.firstUnseen == 1)
        _ = try await f.user.setFlags([.seen, .keyword("$Later")], .add, uids: [uids[2], uids[3]], in: .inbox)
        s = try await f.user.snapshot(of: .inbox).snapshot
        #expect(s.firstUnseen == nil && s.keywords == [.keyword("$Later")])
        let late = try await f.user.deliver(StoreFixture.message(subject: "late"))
        _ = try await f.user.setFlags([.seen], .remove, uids: [uids[0]], in: .inbox)
        s = try await f.user.snapshot(of: .inbox).snapshot
        #expect(s.uids.last == late && s.uids.count == 4 && s.firstUnseenUID == uids[0])
        Self.expectSame(s, try await Self.fresh(f), "end")
    }

    /// Random deliveries, flag changes and expunges, by this store, by a second store on the
    /// same files, and by a program dropping files into new/: after each, the kept snapshot
    /// equals a fresh one.
    @Test(arguments: [UInt64(1), 2, 3])
    func matchesAFreshReadAfterOutsideWrites(seed: UInt64) async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let outside = try MailStore(configuration: StoreConfiguration(dataDirectory: f.dir.path("data"))).userStore(Username("alice"))
        var rng = SplitMix64(seed: seed)
        for n in 0..<5 { try await f.user.deliver(StoreFixture.message(subject: "first \(n)")) }
        _ = try await f.user.snapshot(of: .inbox)
        for step in 0..<40 {
            let writer = rng.next() % 2 == 0 ? f.user : outside
            let present = try await writer.messages(in: .inbox).map(\.uid)
            let pick = present.isEmpty ? nil : present[Int(rng.next() % UInt64(present.count))]
            let action: String
            switch (rng.next() % 6, pick) {
            case (0, _), (_, nil):
                try await writer.deliver(StoreFixture.message(subject: "step \(step)"))
                action = "deliver"
            case (1, let uid?):
                try await writer.expunge([uid], in: .inbox)
                action = "expunge \(uid)"
            case (2, let uid?):
                _ = try await writer.setFlags([.seen], .remove, uids: [uid], in: .inbox)
                action = "-seen \(uid)"
            case (3, _):
                try f.dropExternally(StoreFixture.message(subject: "dropped \(step)"), name: "17000000\(10 + step).M\(step)P9.otherhost")
                action = "dropped"
            case (4, let uid?):
                _ = try await writer.setFlags([.keyword("K\(step % 3)")], .add, uids: [uid], in: .inbox)
                action = "+keyword \(uid)"
            default:
                _ = try await writer.setFlags([.seen], .add, uids: Array(present.prefix(Int(rng.next() % 4))), in: .inbox)
                action = "+seen"
            }
            let kept = try await f.user.snapshot(of: .inbox).snapshot
            Self.expectSame(kept, try await Self.fresh(f), "step \(step): \(action)")
        }
    }
}
