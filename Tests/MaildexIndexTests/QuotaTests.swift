import Foundation
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

    /// Not a test: with `MAILDEX_INDEX_BENCH=100000`, prints what the usage query costs.
    @Test(.enabled(if: IndexBenchmark.count > 0)) func usageQueryCost() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let index = try MailIndex(path: dir.path("bench.sqlite"), bodyText: TestBodies.source)
        let box = try index.createMailbox(.inbox)
        var generator = SyntheticMail(seed: 7)
        for start in stride(from: 0, to: IndexBenchmark.count, by: 1000) {
            _ = try index.insert((start..<min(start + 1000, IndexBenchmark.count)).map { generator.message($0) }, into: box.id)
        }
        var times: [Double] = []
        var usage = QuotaUsage(storage: 0, messages: 0)
        for _ in 0..<21 { times.append(try IndexBenchmark.time { usage = try index.quotaUsage() }) }
        print("quotaUsage over \(usage.messages) messages (\(usage.storage) bytes): median \(IndexBenchmark.ms(IndexBenchmark.median(times))) ms, max \(IndexBenchmark.ms(times.max() ?? 0)) ms")
    }
}
