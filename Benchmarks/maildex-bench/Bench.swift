import ArgumentParser
import Foundation
import GRDB
import MaildexCore
import MaildexIndex
import MaildexMbox
import MaildexStore

/// `swift run -c release maildex-bench [store|auth|thread]`.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maildex-bench", abstract: "Benchmarks of the Maildex libraries.",
        subcommands: [StoreBench.self, AuthBench.self, ThreadBench.self, SelectStoreBench.self], defaultSubcommand: StoreBench.self
    )
}

/// Generates an mbox corpus, imports it into a fresh store, and times searches.
struct StoreBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store", abstract: "Import and search benchmark for the Maildex store.")

    @Option(help: "Messages in the corpus.") var messages = 100_000
    @Option(help: "Searches per query (the median is reported).") var runs = 9
    @Option(help: "Work directory (default: a new directory under /tmp, removed afterwards).") var workdir: String?
    @Option(help: "Corpus seed.") var seed: UInt64 = 1
    @ArgumentParser.Flag(help: "Keep the work directory.") var keep = false

    func run() async throws {
        let dir = workdir ?? NSTemporaryDirectory() + "maildex-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if !keep && workdir == nil { try? FileManager.default.removeItem(atPath: dir) } }

        let mbox = dir + "/corpus.mbox"
        let generator = CorpusGenerator(seed: seed)
        var expected: [String: Int] = [:]
        var started = Date()
        var writer = try MboxWriter(path: mbox)
        for n in 0..<messages {
            let m = generator.message(n)
            for marker in m.markers { expected[marker, default: 0] += 1 }
            try writer.append(m.bytes, sender: "bench@example.com", date: m.date)
        }
        try writer.close()
        // The corpus is on disk before the import starts, as a real mbox would be: without this, the
        // import's first sync and the kernel's write-back throttling would pay for writing the corpus.
        sync()
        let mboxBytes = (try FileManager.default.attributesOfItem(atPath: mbox)[.size] as? Int) ?? 0
        report("generate mbox", String(format: "%.1f s, %.0f MB", Date().timeIntervalSince(started), Double(mboxBytes) / 1e6))

        let store = try MailStore(configuration: StoreConfiguration(dataDirectory: dir + "/data"))
        let user = try await store.addUser(Username("bench"), passwordHash: "{PLAIN}bench")
        let userStore = try store.userStore(for: user)
        started = Date()
        let result = try await MboxImporter(path: mbox).run(into: userStore)
        let importSeconds = Date().timeIntervalSince(started)
        report("import (batches of 500, one sync each)", String(format: "%d msgs in %.1f s = %.0f msgs/s, %.0f MB/s", result.imported, importSeconds,
                                                                   Double(result.imported) / importSeconds, Double(mboxBytes) / 1e6 / importSeconds))

        // Before the catch-up indexer: BODY reads every message file (complete, but slow).
        let t = Date()
        let unindexedHits = try await userStore.search(.body("quasar"), in: .inbox).count
        report("SEARCH BODY quasar, not indexed yet", String(format: "%.0f ms, %d hits%@", Date().timeIntervalSince(t) * 1000,
                                                             unindexedHits, unindexedHits == expected["body"] ? " (expected)" : " (EXPECTED \(expected["body"] ?? 0))"))
        try await runCatchUpIndexer(userStore)
        let sizes = try indexSizes(path: store.location(of: user).indexPath)
        report("index size", String(format: "%.0f MB total, %.0f bytes/message excluding FTS, %.0f bytes/message FTS",
                                    Double(sizes.total) / 1e6, Double(sizes.total - sizes.fts) / Double(messages), Double(sizes.fts) / Double(messages)))

        let queries: [(String, SearchQuery, String?)] = [
            ("SEARCH SUBJECT xylophone", .header(.subject, "xylophone"), "subject"),
            ("SEARCH FROM ophelia.quint", .header(.from, "ophelia.quint"), "from"),
            ("SEARCH HEADER Message-ID <4242.", .header(.messageID, "<4242."), nil),
            ("SEARCH SUBJECT re (2 chars)", .header(.subject, "re"), nil),
            ("SEARCH BODY quasar", .body("quasar"), "body"),
            ("SEARCH UNSEEN", .flag(.seen, false), nil),
        ]
        for (label, query, marker) in queries {
            var times: [Double] = []
            var hits = 0
            for _ in 0..<runs {
                let t = Date()
                hits = try await userStore.search(query, in: .inbox).count
                times.append(Date().timeIntervalSince(t) * 1000)
            }
            times.sort()
            let check = marker.map { hits == expected[$0] ? " (expected)" : " (EXPECTED \(expected[$0] ?? 0))" } ?? ""
            report(label, String(format: "median %.1f ms, %d hits%@", times[times.count / 2], hits, check))
        }
    }

    func runCatchUpIndexer(_ userStore: UserStore) async throws {
        let started = Date()
        var indexed = 0
        while true {
            let n = try await userStore.indexPendingBodies(limit: 2_000)
            indexed += n
            if n == 0 { break }
        }
        report("catch-up body FTS indexing", String(format: "%d bodies in %.1f s", indexed, Date().timeIntervalSince(started)))

    }

    func report(_ label: String, _ value: String) {
        print(label.padding(toLength: 42, withPad: " ", startingAt: 0) + value)
        fflush(nil)
    }

    /// Total database bytes and the bytes of FTS tables, from SQLite's dbstat table.
    func indexSizes(path: String) throws -> (total: Int, fts: Int) {
        let db = try DatabaseQueue(path: path)
        return try db.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT SUM(pgsize) FROM dbstat") ?? 0
            let fts = try Int.fetchOne(db, sql: "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE '%fts%' OR name = 'message_header_block'") ?? 0
            return (total, fts)
        }
    }
}
