import ArgumentParser
import Foundation
import MaildexCore
import MaildexIndex
import MaildexMIME
import MaildexTesting

/// `maildex-bench thread`: THREAD (RFC 5256) over an index of generated messages, in the steps
/// the IMAP session takes: the index read, the rows made into ``ThreadMessage``s, each algorithm,
/// and the `* THREAD` response. No message file is written; the headers go straight to the index.
struct ThreadBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "thread", abstract: "THREAD benchmark over a generated index.")

    @Option(help: "Messages in the mailbox.") var messages = 100_000
    @Option(help: "Runs of each step (the median is reported).") var runs = 5
    @Option(help: "Corpus seed.") var seed: UInt64 = 1

    func run() async throws {
        let dir = NSTemporaryDirectory() + "maildex-thread-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let index = try MailIndex(path: dir + "/index.sqlite", bodyText: { _, _ in nil })
        let box = try index.createMailbox(.inbox)
        let started = Date()
        let corpus = ThreadCorpus(seed: seed, count: messages).headers
        for batch in stride(from: 0, to: corpus.count, by: 5_000) {
            let rows = corpus[batch..<min(batch + 5_000, corpus.count)].enumerated().map { i, h in
                NewMessage(internalDate: h.sentDate ?? Date(), size: 1_000, virtualSize: 1_000,
                           baseName: "m\(batch + i)", fileName: "m\(batch + i)", headers: h)
            }
            _ = try index.insert(rows, into: box.id)
        }
        report("insert \(messages) header rows", String(format: "%.1f s", Date().timeIntervalSince(started)))

        var rows: [ThreadRow] = []
        try median("index read (threadData)") { rows = try index.threadData(.all, in: box.id) }
        var threadMessages: [ThreadMessage] = []
        median("rows to ThreadMessage") {
            threadMessages = rows.enumerated().map { i, row in
                ThreadMessage(number: UInt32(i + 1), messageID: row.messageID, inReplyTo: row.inReplyTo, references: row.references,
                              baseSubject: row.baseSubject, isReplyOrForward: SortKeys.isReplyOrForward(row.subject), date: row.sentDate)
            }
        }
        var forest = ThreadForest()
        median("REFERENCES") { forest = MessageThreading.references(threadMessages) }
        var text = ""
        median("REFERENCES render") { text = MessageThreading.render(forest) }
        report("REFERENCES answer", "\(forest.roots.count) threads, \(text.utf8.count) bytes")
        median("ORDEREDSUBJECT") { forest = MessageThreading.orderedSubject(threadMessages) }
        median("ORDEREDSUBJECT render") { text = MessageThreading.render(forest) }
        report("ORDEREDSUBJECT answer", "\(forest.roots.count) threads, \(text.utf8.count) bytes")
    }

    func median(_ label: String, _ body: () throws -> Void) rethrows {
        var times: [Double] = []
        for _ in 0..<runs {
            let t = Date()
            try body()
            times.append(Date().timeIntervalSince(t) * 1000)
        }
        times.sort()
        report(label, String(format: "median %.1f ms", times[times.count / 2]))
    }

    func report(_ label: String, _ value: String) {
        print(label.padding(toLength: 42, withPad: " ", startingAt: 0) + value)
        fflush(nil)
    }
}

/// Header fields of a mailbox with real threads: 30% replies to one of the last 2,000 messages
/// (References = the parent's References + its Message-ID, capped at 10), 3% replies to a message
/// not present, 0.1% duplicate Message-IDs, 3% non-ASCII subjects, dates rising with jitter.
struct ThreadCorpus {
    let seed: UInt64
    let count: Int

    var headers: [HeaderValues] {
        var rng = SplitMix64(seed: seed)
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        let words = CorpusGenerator.words + ["Ñandú", "Ärger", "résumé", "Παράδειγμα", "日本語"]
        var out: [HeaderValues] = []
        out.reserveCapacity(count)
        for n in 0..<count {
            var subject = (0..<(2 + Int(rng.next() % 5))).map { _ in pick(CorpusGenerator.words) }.joined(separator: " ")
            if rng.next() % 100 < 3 { subject = pick(Array(words.suffix(5))) + " " + subject }
            var references: [String] = []
            let roll = rng.next() % 1000
            if roll < 300, n > 0 {
                let parent = n - 1 - Int(rng.next() % UInt64(min(n, 2_000)))
                references = Array((out[parent].references + [out[parent].messageID ?? ""]).suffix(10))
                subject = "Re: " + (SortKeys.isReplyOrForward(out[parent].subject) ? String(out[parent].subject.dropFirst(4)) : out[parent].subject)
            } else if roll < 330 {
                references = ["<missing.\(rng.next() % 5_000)@bench>"]
                subject = "Re: " + subject
            }
            let id = rng.next() % 1000 == 0 && n > 0 ? "<\(n - 1).t@bench>" : "<\(n).t@bench>"
            let date = Date(timeIntervalSince1970: 1_700_000_000 + Double(n) * 60 + Double(rng.next() % 600))
            out.append(HeaderValues(
                from: "\(pick(CorpusGenerator.names))@example.com", to: "bench@example.com", subject: subject, sentDate: date,
                messageID: id, inReplyTo: references.last, references: references,
                sort: SortValues(baseSubject: SortKeys.baseSubject(subject))))
        }
        return out
    }
}
