import Foundation
import Testing
import MaildexCore
import MaildexMbox

struct MboxReaderTests {
    static let from = "From a@example.org Thu Nov 29 04:48:14 2026"

    struct Fixture: Sendable, CustomStringConvertible {
        var name: String
        var text: String
        var messages: [Expected]
        var problems: [MboxProblem] = []
        var description: String { name }
    }

    static let fixtures: [Fixture] = [
        Fixture(name: "two messages", text: "\(from)\nSubject: 1\n\none\n\n\(from)\nSubject: 2\n\ntwo\n\n",
                messages: [Expected("Subject: 1\n\none\n", line: 1), Expected("Subject: 2\n\ntwo\n", line: 6)]),
        Fixture(name: "mboxrd unquoting", text: "\(from)\nS: x\n\n>From me\n>>From you\n>Fromage\n> From x\nFrom: header-like\n\n",
                messages: [Expected("S: x\n\nFrom me\n>From you\n>Fromage\n> From x\nFrom: header-like\n", line: 1)]),
        Fixture(name: "From in bodies", text: "\(from)\nS: x\n\nFrom here on, it is body.\n\nFrom the team\nline\n\(from)\nstill body\n\n",
                messages: [Expected("S: x\n\nFrom here on, it is body.\n\nFrom the team\nline\n\(from)\nstill body\n", line: 1)]),
        Fixture(name: "garbage before the first From_", text: "garbage\nmore\n\n\(from)\nS: x\n\nb\n",
                messages: [Expected("S: x\n\nb\n", line: 4)],
                problems: [MboxProblem(line: 1, reason: "text before the first From_ line (lines 1-3) skipped")]),
        Fixture(name: "blank lines before the first From_ are fine", text: "\n\n\(from)\nS: x\n\nb\n",
                messages: [Expected("S: x\n\nb\n", line: 3)]),
        Fixture(name: "empty messages", text: "\(from)\n\n\(from)\nS: x\n\nb\n\n\(from)\n",
                messages: [Expected("S: x\n\nb\n", line: 3)],
                problems: [MboxProblem(line: 1, reason: "empty message skipped"), MboxProblem(line: 8, reason: "empty message skipped")]),
        Fixture(name: "CRLF", text: "\(from)\r\nSubject: 1\r\n\r\none\r\n\r\n\(from)\r\nSubject: 2\r\n\r\n>From two\r\n",
                messages: [Expected("Subject: 1\r\n\r\none\r\n", line: 1), Expected("Subject: 2\r\n\r\nFrom two\r\n", line: 6)]),
        Fixture(name: "no final newline", text: "\(from)\nS: x\n\nlast line",
                messages: [Expected("S: x\n\nlast line", line: 1)]),
        Fixture(name: "no header/body separator", text: "\(from)\nSubject: only headers\n",
                messages: [Expected("Subject: only headers\n", line: 1)],
                problems: [MboxProblem(line: 1, reason: "message has no header/body separator")]),
        Fixture(name: "NUL bytes", text: "\(from)\nS: x\n\na\u{0}b\n",
                messages: [Expected("S: x\n\na\u{0}b\n", line: 1)],
                problems: [MboxProblem(line: 1, reason: "message contains NUL bytes")]),
        Fixture(name: "no From_ line at all", text: "just\ntext\n", messages: [],
                problems: [MboxProblem(line: 1, reason: "no From_ line found; text (lines 1-2) skipped")]),
        Fixture(name: "empty file", text: "", messages: []),
        Fixture(name: "sender variants", text: "From MAILER-DAEMON Sat Jan  3 01:05:34 1996\nS: 1\n\n\nFrom  Sat Jan  3 01:05:34 PST 1996\nS: 2\n\n\nFrom \"a b\"@x.org Mon Feb 29 10:00 2024 +0100 remote from x\nS: 3\n\nb\n\n",
                messages: [Expected("S: 1\n\n", line: 1, sender: "MAILER-DAEMON"),
                           Expected("S: 2\n\n", line: 5, sender: nil),
                           Expected("S: 3\n\nb\n", line: 9, sender: "\"a b\"@x.org")]),
    ]

    @Test(arguments: fixtures)
    func read(_ fixture: Fixture) throws {
        let (messages, problems) = try withMboxFile(fixture.text) { try readAll($0) }
        #expect(messages.map(Expected.init) == fixture.messages)
        #expect(problems == fixture.problems)
    }

    @Test(arguments: [
        ("From a Thu Nov 29 04:48:14 2026", 1_795_927_694.0),
        ("From a Sat Jan  3 01:05:34 PST 1996", 820_631_134.0),
        ("From a Mon Feb 29 10:00 2024 +0100", 1_709_197_200.0),
        ("From a Thu Nov 29 04:48:14 +0200 2026", 1_795_920_494.0),
    ])
    func dates(_ line: String, _ expected: TimeInterval) throws {
        let (messages, _) = try withMboxFile("\(line)\nS: x\n\nb\n") { try readAll($0) }
        #expect(messages.first?.date == Date(timeIntervalSince1970: expected))
    }

    @Test func statusHeadersBecomeFlagsAndAreRemoved() throws {
        let text = """
            \(Self.from)
            Subject: x
            Status: RO
            X-Status: AF
            X-Keywords: $Forwarded Junk
            X-UID: 42
            Content-Length: 5
            X-IMAPbase: 1 2
              continued
            To: b@example.org

            Status: this is body text

            \(Self.from)
            Status: O
            X-Status: TD

            b

            """
        let (messages, problems) = try withMboxFile(text) { try readAll($0) }
        #expect(problems.isEmpty)
        #expect(messages.count == 2)
        #expect(messages[0].flags == [.seen, .answered, .flagged, .keyword("$Forwarded"), .keyword("Junk")])
        #expect(String(decoding: messages[0].bytes, as: UTF8.self) == "Subject: x\nTo: b@example.org\n\nStatus: this is body text\n")
        #expect(messages[1].flags == [.draft, .deleted])
        #expect(String(decoding: messages[1].bytes, as: UTF8.self) == "\nb\n")
    }

    @Test func unreadableFileThrows() {
        #expect(throws: MboxError.self) { try MboxReader(path: "/nonexistent/mbox") }
        #expect(throws: MboxError.self) { try MboxReader(path: NSTemporaryDirectory()) }
        do {
            _ = try MboxReader(path: "/nonexistent/mbox")
        } catch {
            #expect("\(error)" == "open /nonexistent/mbox: No such file or directory")
        }
    }

    @Test func bytesReadGrowsToTheFileSize() throws {
        let text = "\(Self.from)\nS: 1\n\none\n\n\(Self.from)\nS: 2\n\ntwo\n"
        try withMboxFile(text) { path in
            var reader = try MboxReader(path: path, chunkSize: 8)
            #expect(reader.bytesRead == 0)
            _ = try reader.next()
            let afterFirst = reader.bytesRead
            #expect(afterFirst > 0 && afterFirst < text.utf8.count)
            _ = try reader.next()
            #expect(try reader.next() == nil)
            #expect(reader.bytesRead == text.utf8.count)
        }
    }

    /// Every fixture read with chunks of 1…64 bytes gives the same result as one big chunk,
    /// so From_ lines, CRLF pairs and quoted lines split across chunk boundaries are handled.
    @Test(arguments: fixtures)
    func chunkBoundaries(_ fixture: Fixture) throws {
        try withMboxFile(fixture.text) { path in
            for chunkSize in [1, 2, 3, 5, 7, 13, 31, 64] {
                let (messages, problems) = try readAll(path, chunkSize: chunkSize)
                #expect(messages.map(Expected.init) == fixture.messages, "chunk size \(chunkSize)")
                #expect(problems == fixture.problems, "chunk size \(chunkSize)")
            }
        }
    }

    @Test func fromLineSplitExactlyAtEveryChunkBoundary() throws {
        let first = "S: 1\n\none\n"
        let text = "\(Self.from)\n\(first)\n\(Self.from)\nS: 2\n\ntwo\n"
        let secondFromOffset = "\(Self.from)\n\(first)\n".utf8.count
        try withMboxFile(text) { path in
            // chunk sizes that cut the second From_ line after each of its bytes
            for cut in 1...Self.from.utf8.count {
                let (messages, problems) = try readAll(path, chunkSize: secondFromOffset + cut)
                #expect(problems.isEmpty)
                #expect(messages.map(Expected.init) == [Expected(first, line: 1), Expected("S: 2\n\ntwo\n", line: 6)], "cut \(cut)")
            }
        }
    }
}
