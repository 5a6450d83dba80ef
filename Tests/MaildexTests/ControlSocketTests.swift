import Foundation
import MaildexTesting
import Testing

/// `mailadm status`, `who` and `kick` against a running server's control socket.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct ControlSocketTests {
    static let mailadm = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/.build/debug/mailadm"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: mailadm), "build mailadm first (scripts/test.sh does)"))
    func statusWhoAndKick() async throws {
        let f = try await ServerFixture()
        let ready = f.dir.path("ready"), kicked = f.dir.path("kicked")
        async let client = f.python("""
            import os, time
            m = imaplib.IMAP4('127.0.0.1', IMAP); m.login('alice', 'secret'); m.select('INBOX')
            b = imaplib.IMAP4('127.0.0.1', IMAP); b.login('bob', 'secret')
            open('\(ready)', 'w').close()
            while not os.path.exists('\(kicked)'): time.sleep(0.02)
            print('alice got', m.readline())
            print('bob still', b.noop()[0])
            """)
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: ready) { try await Task.sleep(for: .milliseconds(20)) }
        let socket = ["--socket", f.dir.path("control")]
        let status = try await ChildProcess.run(Self.mailadm, ["status"] + socket)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("uptime ") && status.stdout.contains("listener imap 127.0.0.1:\(f.ports["imap"]!) starttls"), "\(status.stdout)")
        #expect(status.stdout.contains("connections imap 2 (2 logged in)"), "\(status.stdout)")
        let who = try await ChildProcess.run(Self.mailadm, ["who"] + socket)
        #expect(who.stdout.contains("alice\timap\t127.0.0.1\t") && who.stdout.contains("bob\timap\t127.0.0.1\t"), "\(who.stdout)")
        let kick = try await ChildProcess.run(Self.mailadm, ["kick", "alice"] + socket)
        #expect(kick.stdout.contains("kicked 1"), "\(kick.stdout) \(kick.stderr)")
        FileManager.default.createFile(atPath: kicked, contents: nil)
        let run = try await client
        #expect(run.stdout.contains("alice got b'* BYE Server shutting down.\\r\\n'"), "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("bob still OK"), "\(run.stdout) \(run.stderr)")
        let missing = try await ChildProcess.run(Self.mailadm, ["status", "--socket", f.dir.path("nothing-here")])
        #expect(missing.status == 1 && missing.stderr.contains("cannot reach maildexd at"), "\(missing.stderr)")
        await f.stop()
    }
}
