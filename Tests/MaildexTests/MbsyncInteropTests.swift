import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

/// Debian's mbsync (isync) syncs a 1,000-message account down over STARTTLS, then a local
/// change (one message flagged, one deleted) back up.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct MbsyncInteropTests {
    static var mbsync: String? {
        ["/usr/bin/mbsync", "/usr/local/bin/mbsync"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: mbsync != nil || ProcessInfo.processInfo.environment["CI"] != nil,
                   "mbsync (Debian's isync) is not installed; scripts/bootstrap.sh --test installs it"))
    func thousandMessagesDownAndAChangeBackUp() async throws {
        let mbsync = try #require(Self.mbsync, "mbsync is missing; scripts/bootstrap.sh --test installs it")
        let f = try await ServerFixture()
        let alice = try await f.inbox("alice")
        let messages = (1...1_000).map { i in
            ImportMessage(bytes: Array("From: bob@example.org\r\nSubject: message \(i)\r\nMessage-ID: <\(i)@example.org>\r\n\r\nbody \(i)\r\n".utf8))
        }
        _ = try await alice.importBatch(messages, into: .inbox, skipDuplicates: false)
        let local = f.dir.path("local")
        try FileManager.default.createDirectory(atPath: local, withIntermediateDirectories: true)
        let config = f.dir.path("mbsyncrc")
        try """
            IMAPAccount maildex
            Host localhost
            Port \(f.ports["imap"]!)
            User alice
            Pass secret
            SSLType STARTTLS
            CertificateFile \(f.dir.path("server.crt"))

            IMAPStore remote
            Account maildex

            MaildirStore local
            Path \(local)/
            Inbox \(local)/INBOX

            Channel sync
            Far :remote:
            Near :local:
            Patterns INBOX
            Create Near
            Sync All
            Expunge Both
            SyncState *

            """.write(toFile: config, atomically: false, encoding: .utf8)

        let down = try await ChildProcess.run(mbsync, ["-c", config, "-a"])
        #expect(down.status == 0, "mbsync down: \(down.stdout)\n\(down.stderr)")
        let files = try Self.maildirFiles(local + "/INBOX")
        #expect(files.count == 1_000, "synced \(files.count) files")
        // mbsync stores local files with LF line ends.
        func text(_ path: String) -> String { ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").replacingOccurrences(of: "\r\n", with: "\n") }
        let sample = try #require(files.first { text($0).contains("Subject: message 7\n") })
        #expect(text(sample).hasSuffix("\n\nbody 7\n"))

        // Local change: flag message 7, delete message 8; then sync up.
        let flagged = sample.contains(":2,") ? sample + "F" : sample + ":2,F"
        try FileManager.default.moveItem(atPath: sample, toPath: flagged)
        let eight = try #require(files.first { text($0).contains("Subject: message 8\n") })
        try FileManager.default.removeItem(atPath: eight)
        let up = try await ChildProcess.run(mbsync, ["-c", config, "-a"])
        #expect(up.status == 0, "mbsync up: \(up.stdout)\n\(up.stderr)")

        let rows = try await alice.messages(in: .inbox)
        #expect(rows.count == 999, "message 8 expunged on the server")
        let details = try await alice.details(of: rows.map(\.uid), in: .inbox)
        let seven = try #require(details.first { $0.headers.subject == "message 7" })
        #expect(seven.record.flags.contains(.flagged))
        #expect(!details.contains { $0.headers.subject == "message 8" })
        await f.stop()
    }

    static func maildirFiles(_ path: String) throws -> [String] {
        var out: [String] = []
        for sub in ["new", "cur"] {
            let dir = path + "/" + sub
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] { out.append(dir + "/" + name) }
        }
        return out
    }
}
