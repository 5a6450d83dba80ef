import Foundation
import MaildexTesting
import Testing
import MaildexMbox

struct MboxWriterTests {
    @Test func writesMboxrd() throws {
        let path = NSTemporaryDirectory() + "/maildex-mbox-writer-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var writer = try MboxWriter(path: path)
        try writer.append(Array("S: x\n\nFrom me\n>From you\nno newline".utf8), sender: "a@b", date: Date(timeIntervalSince1970: 1_795_927_694))
        try writer.append(Array("S: y\n\nb\n".utf8), sender: "", date: Date(timeIntervalSince1970: 820_631_134))
        try writer.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "From a@b Sun Nov 29 04:48:14 2026\nS: x\n\n>From me\n>>From you\nno newline\n\nFrom MAILER-DAEMON Wed Jan  3 01:05:34 1996\nS: y\n\nb\n\n")
        var attributes = stat()
        #expect(lstat(path, &attributes) == 0 && attributes.st_mode & 0o777 == 0o600)
    }

    /// Random messages full of `From ` and `>From ` lines survive a write and a read.
    @Test func roundTrip() throws {
        var generator = SplitMix64(seed: 4155)
        let pool = ["From here", "From a@b Thu Nov 29 04:48:14 2026", ">From x", ">>From y", "From", "", "plain text",
                    "From: not a separator", " From indented", ">>>", "Subject: z", "\r", "From a@b Thu Nov 29 04:48:14 2026\r"]
        var originals: [(bytes: [UInt8], sender: String, date: Date)] = []
        for index in 0..<300 {
            var text = "Subject: message \(index)\n\n"
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text += pool.randomElement(using: &generator)! + "\n"
            }
            let date = Date(timeIntervalSince1970: TimeInterval(Int.random(in: 0...2_000_000_000, using: &generator)))
            originals.append((Array(text.utf8), "sender\(index)@example.org", date))
        }
        let path = NSTemporaryDirectory() + "/maildex-mbox-roundtrip-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var writer = try MboxWriter(path: path)
        for original in originals { try writer.append(original.bytes, sender: original.sender, date: original.date) }
        try writer.close()

        for chunkSize in [MboxReader.defaultChunkSize, 7] {
            let (messages, problems) = try readAll(path, chunkSize: chunkSize)
            #expect(problems.isEmpty)
            #expect(messages.count == originals.count)
            for (message, original) in zip(messages, originals) {
                #expect(message.bytes == original.bytes, "\(String(decoding: original.bytes, as: UTF8.self).debugDescription)")
                #expect(message.envelopeSender == original.sender)
                #expect(message.date == original.date)
            }
        }
    }
}

