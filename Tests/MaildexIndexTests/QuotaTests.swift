import Foundation
import GRDB
import MaildexCore
import MaildexIndex
import MaildexTesting
import Testing

@Suite struct QuotaTests {
    @Test func usageSumsRFC822SizeOverEveryMailbox() throws {
        let fixture = try IndexFixture()
        #expect(try fixture.index.quotaUsage() == QuotaUsage(storage: 0, messages: 0))
        let archive = try fixture.index.createMailbox(try MailboxName("Archive"))
        // makeMessage stores virtualSize = size + 20: the usage is the RFC822.SIZE, not the file size.
        try fixture.add(makeMessage(size: 100), makeMessage(size: 200))
        let archived = try fixture.add(makeMessage(flags: [.deleted], size: 1000), into: archive.id)
        #expect(try fixture.index.quotaUsage() == QuotaUsage(storage: 120 + 220 + 1020, messages: 3))
        _ = try fixture.index.expunge(uids: archived, in: archive.id)
        #expect(try fixture.index.quotaUsage() == QuotaUsage(storage: 340, messages: 2))
        // Deleting a mailbox deletes its rows by ON DELETE CASCADE; the usage follows.
        let lists = try fixture.index.createMailbox(try MailboxName("Lists"))
        try fixture.add(makeMessage(size: 500), makeMessage(size: 600), into: lists.id)
        #expect(try fixture.index.quotaUsage() == QuotaUsage(storage: 340 + 520 + 620, messages: 4))
        try fixture.index.deleteMailbox(id: lists.id)
        #expect(try fixture.index.quotaUsage() == QuotaUsage(storage: 340, messages: 2))
    }

    /// An index written before migration 6 gets its usage row from the messages it holds.
    @Test func migrationCountsExistingMessages() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("index.sqlite")
        try writeOldIndex(at: path, version: 5) { db in
            for (uid, size) in [(1, 120), (2, 320)] { try insertOldMessage(db, uid: uid, size: size) }
        }
        let reopened = try MailIndex(path: path, bodyText: TestBodies.source)
        #expect(try reopened.quotaUsage() == QuotaUsage(storage: 440, messages: 2))
    }

    @Test(arguments: [
        // (usage bytes, usage count, limits, adding bytes, adding count, expected)
        (0, 0, QuotaLimits.unlimited, 1 << 40, 1_000_000, QuotaResource?.none),
        (900, 9, QuotaLimits(storage: 1000), 100, 1, nil),                 // exactly at the limit: fits
        (900, 9, QuotaLimits(storage: 1000), 101, 1, .storage),
        (900, 9, QuotaLimits(messages: 10), 5000, 1, nil),
        (900, 9, QuotaLimits(messages: 10), 10, 2, .message),
        (900, 10, QuotaLimits(storage: 100, messages: 10), 1, 1, .storage),  // storage is named first
        (5000, 50, QuotaLimits(storage: 100, messages: 10), 0, 0, nil),     // over already, adding nothing: MOVE
        (0, 0, QuotaLimits(storage: 0), 1, 1, .storage),
    ] as [(Int64, Int64, QuotaLimits, Int64, Int64, QuotaResource?)])
    func exceededResource(_ bytes: Int64, _ count: Int64, _ limits: QuotaLimits, _ adding: Int64, _ addingCount: Int64, _ expected: QuotaResource?) {
        let usage = QuotaUsage(storage: bytes, messages: count)
        #expect(usage.exceededResource(adding: adding, messages: addingCount, limits: limits) == expected)
    }

    @Test func limitsLiveInTheUserTable() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let global = try GlobalIndex(path: dir.path("global.sqlite"))
        let alice = try Username("alice")
        try global.addUser(UserRecord(username: alice, passwordHash: "{PLAIN}x"))
        #expect(try global.quotaLimits(of: "alice") == .unlimited, "unlimited by default")
        try global.setQuotaLimits(QuotaLimits(storage: 2 << 30, messages: 500), of: alice)
        #expect(try global.quotaLimits(of: "alice") == QuotaLimits(storage: 2 << 30, messages: 500))
        #expect(try global.user(alice)?.quotaLimits == QuotaLimits(storage: 2 << 30, messages: 500))
        try global.setQuotaLimits(QuotaLimits(messages: 500), of: alice)
        #expect(try global.quotaLimits(of: "alice") == QuotaLimits(messages: 500))
        #expect(try global.quotaLimits(of: "carol") == .unlimited, "a user of another passdb has no limits")
        #expect(throws: NoSuchUser(name: try Username("bob"))) { try global.setQuotaLimits(.unlimited, of: try Username("bob")) }
    }

    /// The server keeps limits in memory between changes of the database; a change made by
    /// another process (`mailadm user set-quota`, here a second handle on the file) must still
    /// apply to the next check, whether or not the cached answer is older than the racy window.
    @Test func limitsChangedByAnotherHandleApplyAtOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try GlobalIndex(path: dir.path("global.sqlite"))
        let mailadm = try GlobalIndex(path: dir.path("global.sqlite"))
        let alice = try Username("alice")
        try mailadm.addUser(UserRecord(username: alice, passwordHash: "{PLAIN}x"))
        for (round, messages) in [100, 200, 300, 400].enumerated() {
            if round >= 2 { Thread.sleep(forTimeInterval: 0.15) }   // past the racy window: now cached
            #expect(try server.quotaLimits(of: "alice") == (round == 0 ? .unlimited : QuotaLimits(messages: Int64(messages - 100))))
            try mailadm.setQuotaLimits(QuotaLimits(messages: Int64(messages)), of: alice)
            #expect(try server.quotaLimits(of: "alice") == QuotaLimits(messages: Int64(messages)), "round \(round)")
        }
    }

    /// Not a test: with `MAILDEX_INDEX_BENCH=100000`, prints what the usage query costs.
    @Test(.enabled(if: IndexBenchmark.count > 0)) func usageQueryCost() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let index = try MailIndex(path: dir.path("bench.sqlite"), bodyText: TestBodies.source)
        let box = try index.createMailbox(.inbox)
        var generator = SyntheticMail(seed: 7)
        var insertTime = 0.0
        for start in stride(from: 0, to: IndexBenchmark.count, by: 1000) {
            let messages = (start..<min(start + 1000, IndexBenchmark.count)).map { generator.message($0) }
            insertTime += try IndexBenchmark.time { _ = try index.insert(messages, into: box.id) }
        }
        print("insert: \(IndexBenchmark.count) messages in \(IndexBenchmark.fmt(insertTime)) s")
        var scanTimes: [Double] = []
        let raw = try DatabaseQueue(path: dir.path("bench.sqlite"))
        for _ in 0..<21 {
            scanTimes.append(try IndexBenchmark.time {
                _ = try raw.read { db in
                    try Row.fetchOne(db, sql: "SELECT count(*), total(virtual_size) FROM message")
                }
            })
        }
        print("aggregate over the message table (not used): median \(IndexBenchmark.ms(IndexBenchmark.median(scanTimes))) ms")
        // What the triggers cost: the same inserts into a database with and without them, alternating.
        var with = 0.0, without = 0.0
        for round in 0..<4 {
            for triggers in [true, false] {
                let path = dir.path("cost-\(round)-\(triggers).sqlite")
                let other = try MailIndex(path: path, bodyText: TestBodies.source)
                let otherBox = try other.createMailbox(.inbox)
                if !triggers {
                    try DatabaseQueue(path: path).write { db in
                        for name in ["insert", "delete", "update"] { try db.execute(sql: "DROP TRIGGER quota_usage_\(name)") }
                    }
                }
                var g = SyntheticMail(seed: 9)
                for start in stride(from: 0, to: 5000, by: 1000) {
                    let messages = (start..<start + 1000).map { g.message($0) }
                    let t = try IndexBenchmark.time { _ = try other.insert(messages, into: otherBox.id) }
                    if triggers { with += t } else { without += t }
                }
            }
        }
        print("insert 4 x 5000 messages: with the quota triggers \(IndexBenchmark.fmt(with)) s, without \(IndexBenchmark.fmt(without)) s")
        var times: [Double] = []
        var usage = QuotaUsage(storage: 0, messages: 0)
        for _ in 0..<21 { times.append(try IndexBenchmark.time { usage = try index.quotaUsage() }) }
        print("quotaUsage over \(usage.messages) messages (\(usage.storage) bytes): median \(IndexBenchmark.ms(IndexBenchmark.median(times))) ms, max \(IndexBenchmark.ms(times.max() ?? 0)) ms")
    }
}
