import Foundation
import GRDB
import MaildexCore
import MaildexIndex
import MaildexTesting
import Testing

/// Sizes and timings on a synthetic mailbox. Not a test: runs only with
/// `MAILDEX_INDEX_BENCH=<messages>` (e.g. 100000) and prints its figures.
@Suite struct IndexBenchmark {
    static let count = Int(ProcessInfo.processInfo.environment["MAILDEX_INDEX_BENCH"] ?? "") ?? 0

    @Test(.enabled(if: count > 0)) func syntheticMailbox() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // MAILDEX_INDEX_BENCH_KEEP=<path>: build the database there and keep it for inspection.
        let path = ProcessInfo.processInfo.environment["MAILDEX_INDEX_BENCH_KEEP"] ?? dir.path("bench.sqlite")
        let index = try MailIndex(path: path, bodyText: TestBodies.source)
        let box = try index.createMailbox(.inbox)
        var generator = SyntheticMail(seed: 42)

        let batch = 1000
        var insertTime = 0.0
        for start in stride(from: 0, to: Self.count, by: batch) {
            let messages = (start..<min(start + batch, Self.count)).map { generator.message($0) }
            insertTime += try Self.time { _ = try index.insert(messages, into: box.id) }
        }
        print("insert: \(Self.count) messages in \(Self.fmt(insertTime)) s = \(Int(Double(Self.count) / insertTime)) msg/s")

        try Self.printSizes(path, messages: Self.count)

        let needles = ["lorem", "Garcia", "report", "qu", "ximenez", "invoice 2024", "zz", "Müller", "x"]
        for needle in needles {
            var times: [Double] = []
            var hits = 0
            for _ in 0..<11 {
                times.append(try Self.time { hits = try index.search(.header(.subject, needle), in: box.id).count })
            }
            var fromTimes: [Double] = []
            for _ in 0..<11 { fromTimes.append(try Self.time { _ = try index.search(.header(.from, needle), in: box.id) }) }
            print("header search '\(needle)': subject median \(Self.ms(Self.median(times))) ms (\(hits) hits), from median \(Self.ms(Self.median(fromTimes))) ms")
        }

        let bodyBefore = try Self.time { _ = try index.search(.body("synthetic needle"), in: box.id) }
        print("body search before indexing (all scanned): \(Self.ms(bodyBefore)) ms")
        var indexed = 0
        let indexTime = try Self.time { while case let n = try index.indexPendingBodies(limit: 2000), n > 0 { indexed += n } }
        print("indexPendingBodies: \(indexed) in \(Self.fmt(indexTime)) s = \(Int(Double(indexed) / indexTime)) msg/s")
        try Self.printSizes(path, messages: Self.count)
        var bodyTimes: [Double] = []
        var bodyHits = 0
        for _ in 0..<5 { bodyTimes.append(try Self.time { bodyHits = try index.search(.body("synthetic needle"), in: box.id).count }) }
        print("body search after indexing: median \(Self.ms(Self.median(bodyTimes))) ms (\(bodyHits) hits)")
        let textTime = try Self.time { _ = try index.search(.text("Garcia"), in: box.id) }
        print("text search 'Garcia': \(Self.ms(textTime)) ms")

        let all = try index.messages(in: box.id)
        let listTime = try Self.time { _ = try index.messages(in: box.id) }
        print("messages(in:) \(all.count): \(Self.ms(listTime)) ms")
        let uids = all.map(\.uid)
        let detailTime = try Self.time { _ = try index.details(in: box.id, uids: uids) }
        print("details(in:) \(uids.count): \(Self.ms(detailTime)) ms")
        let flagTime = try Self.time { _ = try index.setFlags([.seen], .add, uids: uids, in: box.id) }
        print("setFlags +\\Seen on all: \(Self.ms(flagTime)) ms")
        let statusTime = try Self.time { _ = try index.status(of: box.id) }
        print("status: \(Self.ms(statusTime)) ms")
    }

    static func printSizes(_ path: String, messages: Int) throws {
        let rows = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC")
        }
        var core = 0
        var side = 0
        for row in rows {
            let name: String = row["name"]
            let bytes: Int = row["bytes"]
            if name.hasPrefix("message_header_block") || name.hasPrefix("message_text_fts") || name.hasPrefix("message_header_fts") { side += bytes } else { core += bytes }
            if bytes > 8192 { print("  \(name): \(bytes / messages) B/msg") }
        }
        print("  => index without FTS/body text: \(core / messages) B/msg; FTS + body text: \(side / messages) B/msg")
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    static func ms(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1000) }
    static func fmt(_ seconds: Double) -> String { String(format: "%.2f", seconds) }
}

/// Deterministic messages shaped like ordinary mail: ~1.7 KB raw header block (Received,
/// DKIM-Signature…), ENVELOPE/BODYSTRUCTURE strings of realistic length, ~3 KB of body text.
struct SyntheticMail {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    static let words = ["lorem", "ipsum", "dolor", "report", "meeting", "invoice", "Garcia", "Müller", "quarterly",
                        "budget", "project", "update", "review", "schedule", "team", "customer", "release", "draft",
                        "question", "answer", "Ximenez", "2024", "deadline", "notes", "follow-up", "plan"]
    static let names = ["Alice Garcia", "Bob Smith", "Carol Müller", "Dan Ximenez", "Eve Brown", "Frank Li"]

    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    mutating func word() -> String { Self.words[Int(next() % UInt64(Self.words.count))] }
    mutating func name() -> String { Self.names[Int(next() % UInt64(Self.names.count))] }
    mutating func words(_ n: Int) -> String { (0..<n).map { _ in word() }.joined(separator: " ") }
    mutating func address() -> String {
        let n = name()
        return "\(n) <\(n.lowercased().replacingOccurrences(of: " ", with: "."))@example.org>"
    }

    mutating func message(_ i: Int) -> NewMessage {
        let from = address(), to = address(), subject = words(4 + Int(next() % 5))
        let messageID = "<\(i).\(next())@mail.example.org>"
        let date = Date(timeIntervalSince1970: 1_600_000_000 + Double(i) * 60)
        var header = ""
        for hop in 0..<3 {
            header += "Received: from mx\(hop).example.net (mx\(hop).example.net [192.0.2.\(hop)])\r\n\tby mail.example.org (Postfix) with ESMTPS id \(next())\r\n\tfor <bob@example.org>; Mon, 1 Jan 2024 10:00:0\(hop) +0000\r\n"
        }
        header += "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=mail;\r\n\th=from:to:subject:date:message-id; bh=\(String(repeating: "Ab3x", count: 11));\r\n\tb=\(String(repeating: "Zm9vYmFy", count: 43))\r\n"
        header += "From: \(from)\r\nTo: \(to)\r\nSubject: \(subject)\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\nMessage-ID: \(messageID)\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
        let bodyText = words(350) + (i % 1000 == 0 ? " synthetic needle" : "")
        let size = header.utf8.count + 2 + bodyText.utf8.count
        let envelope = "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"\(subject)\" ((\"\(name())\" NIL \"alice\" \"example.org\")) ((\"\(name())\" NIL \"alice\" \"example.org\")) ((\"\(name())\" NIL \"alice\" \"example.org\")) ((\"\(name())\" NIL \"bob\" \"example.org\")) NIL NIL NIL \"\(messageID)\")"
        let body = "(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" \(bodyText.utf8.count) 60)"
        let bodyStructure = "(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" \(bodyText.utf8.count) 60 NIL NIL NIL NIL)"
        let name = "\(1_600_000_000 + i).M\(next())P\(i).mail.example.org,S=\(size),W=\(size + 60)"
        TestBodies.register(bodyText, fileName: name + ":2,S")
        return NewMessage(
            flags: i % 3 == 0 ? [.seen] : [], internalDate: date, size: size, virtualSize: size + 60,
            baseName: name, fileName: name + ":2,S",
            headers: HeaderValues(from: from, to: to, subject: subject, sentDate: date, messageID: messageID, headerText: header),
            envelope: envelope, bodyStructure: bodyStructure, body: body)
    }
}
