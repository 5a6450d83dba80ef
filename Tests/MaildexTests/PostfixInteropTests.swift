import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

/// Real MTA and real POP3 client: Debian's Postfix hands mail to Maildex over LMTP (TCP and Unix
/// socket), and fetchmail downloads it over POP3 with STLS. Postfix needs root (CI runs as root).
@Suite(.serialized, .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/postfix"),
                             "needs root and postfix (scripts/bootstrap.sh --test installs it)"),
       .timeLimit(.minutes(2)))
struct PostfixInteropTests {
    static let labScript = CLI_root + "/scripts/postfix-lab.sh"
    static var CLI_root: String { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path }

    static let message = "From: Carol <carol@example.org>\r\nTo: alice@example.com\r\nSubject: via Postfix\r\nMessage-ID: <postfix-1@example.org>\r\nDate: Sun, 29 Nov 2026 06:00:00 +0000\r\n\r\nHello through Postfix.\r\n.a line with a dot\r\n"

    static func freePort() async throws -> Int {
        let out = try await ChildProcess.run("/usr/bin/env", ["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"])
        return Int(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    /// Sends the message into Postfix over SMTP and waits until Maildex has it.
    static func deliverThroughPostfix(_ f: ServerFixture, lmtpTarget: String, recipient: String) async throws -> [UInt8] {
        // Postfix's daemons run as the postfix user: its directory and the LMTP socket must be reachable.
        let lab = try TemporaryDirectory(prefix: "maildex-postfix")
        defer { lab.remove() }
        let dir = lab.path
        try FileManager.default.setAttributes([.posixPermissions: 0o711], ofItemAtPath: f.dir.path)
        if FileManager.default.fileExists(atPath: f.lmtpSocket) {
            try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: f.lmtpSocket)
        }
        let smtp = try await freePort()
        let started = try await ChildProcess.run(Self.labScript, ["start", dir, String(smtp), lmtpTarget])
        #expect(started.status == 0, "\(started.stdout)\(started.stderr)")
        defer { _ = try? ChildProcess.run(Self.labScript, ["stop", dir]) }
        let sent = try await f.python("""
            s = smtplib.SMTP('127.0.0.1', \(smtp)); print(s.sendmail('carol@example.org', ['\(recipient)'], \(InteropTests.pyBytes(message)))); s.quit()
            """)
        #expect(sent.status == 0 && sent.stdout.contains("{}"), "\(sent.stdout)\(sent.stderr)")
        let inbox = try await f.inbox("alice")
        for _ in 0..<100 {
            if let row = try await inbox.messages(in: .inbox).last { return try await inbox.read(row.uid, in: .inbox) }
            try await Task.sleep(for: .milliseconds(100))
        }
        let log = (try? String(contentsOfFile: dir + "/maillog", encoding: .utf8)) ?? "no maillog"
        Issue.record("nothing arrived; Postfix log:\n\(log)")
        return []
    }

    @Test func postfixDeliversOverLMTPByTCP() async throws {
        let f = try await ServerFixture()
        let stored = String(decoding: try await Self.deliverThroughPostfix(f, lmtpTarget: "inet:127.0.0.1:\(f.ports["lmtp"]!)", recipient: "alice@example.com"), as: UTF8.self)
        #expect(stored.hasPrefix("Return-Path: <carol@example.org>\r\nDelivered-To: alice@example.com\r\nReceived: from "), "\(stored)")
        #expect(stored.hasSuffix(Self.message), "byte-exact below the added headers")
        await f.stop()
    }

    @Test func postfixDeliversOverLMTPByUnixSocket() async throws {
        let f = try await ServerFixture()
        let stored = String(decoding: try await Self.deliverThroughPostfix(f, lmtpTarget: "unix:\(f.lmtpSocket)", recipient: "alice+lists@example.com"), as: UTF8.self)
        #expect(stored.contains("Delivered-To: alice+lists@example.com\r\n") && stored.hasSuffix(Self.message), "\(stored)")
        await f.stop()
    }

    /// fetchmail logs in with STLS, downloads into an mbox through its MDA, and the bytes match.
    @Test func fetchmailDownloadsOverPOP3WithSTLS() async throws {
        let f = try await ServerFixture()
        try await f.inbox("alice").deliver(Array(Self.message.utf8))
        try await f.inbox("alice").deliver(Array("Subject: second\r\n\r\nFrom the second message\r\n".utf8))
        let out = f.dir.path("fetched.mbox")
        let rc = f.dir.path("fetchmailrc")
        try """
            set no syslog
            set invisible
            poll 127.0.0.1 protocol pop3 port \(f.ports["pop3"]!) auth password
              user 'alice' there with password 'secret' is 'root' here
              sslproto 'TLS1.2+' no sslcertck fetchall
              mda "/bin/sh -c 'cat >> \(out); echo ==END== >> \(out)'"
            """.write(toFile: rc, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: rc)
        let run = try await ChildProcess.run("/usr/bin/fetchmail", ["-f", rc, "--nosyslog", "-v"], stdin: "")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("STLS") || run.stderr.contains("STLS"), "fetchmail used STLS")
        let fetched = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        // fetchmail hands messages to the MDA with LF line endings (stripcr).
        #expect(fetched.contains(Self.message.replacingOccurrences(of: "\r\n", with: "\n") + "==END=="), "\(fetched)")
        #expect(fetched.contains("From the second message\n==END=="))
        #expect(try await f.inbox("alice").messages(in: .inbox).isEmpty, "fetchmail deletes what it downloaded")
        await f.stop()
    }
}
