import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

/// Real clients against the real server on loopback: Python's smtplib.LMTP and poplib.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct InteropTests {
    static let message = "From: Carol <carol@example.org>\r\nTo: alice@example.com\r\nSubject: Interop\r\n\r\nHello Alice.\r\n.leading dot\r\n"

    @Test func lmtpOverTCPThenPOP3WithSTLS() async throws {
        let f = try await ServerFixture()
        let sent = try await f.python("""
            lmtp = smtplib.LMTP('127.0.0.1', LMTP)
            refused = lmtp.sendmail('carol@example.org', ['alice@example.com'], \(Self.pyBytes(Self.message)))
            print('refused', refused); lmtp.quit()
            pop = poplib.POP3('127.0.0.1', POP3)
            caps = pop.capa()
            print('stls' if 'STLS' in caps else 'no-stls')
            pop.stls(context=TLS)
            pop.user('alice'); pop.pass_('secret')
            count, size = pop.stat(); print('stat', count, size)
            resp, lines, octets = pop.retr(1)
            sys.stdout.buffer.write(b'BODY<' + b'\\r\\n'.join(lines) + b'>\\n')
            print('uidl', pop.uidl(1).decode())
            pop.dele(1); pop.quit()
            """)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("refused {}") && sent.stdout.contains("stls") && sent.stdout.contains("stat 1 "))
        #expect(sent.stdout.contains("Return-Path: <carol@example.org>") && sent.stdout.contains("Delivered-To: <alice@example.com>") || sent.stdout.contains("Delivered-To: alice@example.com"))
        #expect(sent.stdout.contains("Subject: Interop\r\n\r\nHello Alice.\r\n.leading dot>"), "byte-exact body after the added headers: \(sent.stdout)")
        #expect(try await f.inbox("alice").messages(in: .inbox).isEmpty, "DELE then QUIT removed it")
        await f.stop()
    }

    @Test func lmtpOverUnixSocketThenPOP3S() async throws {
        let f = try await ServerFixture()
        let sent = try await f.python("""
            lmtp = smtplib.LMTP(LMTP_SOCKET)
            print('refused', lmtp.sendmail('carol@example.org', ['bob'], \(Self.pyBytes(Self.message)))); lmtp.quit()
            pop = poplib.POP3_SSL('127.0.0.1', POP3S, context=TLS)
            pop.user('bob'); pop.pass_('secret')
            print('stat', pop.stat()); pop.quit()
            """)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("refused {}") && sent.stdout.contains("stat (1,"), "\(sent.stdout)")
        #expect(try await f.inbox("bob").messages(in: .inbox).count == 1)
        await f.stop()
    }

    /// One reply per recipient after DATA (RFC 2033), over a raw socket since smtplib reads one.
    @Test func lmtpRepliesPerRecipientAndRefusesUnknownUsers() async throws {
        let f = try await ServerFixture()
        let run = try await f.python("""
            s = socket.create_connection(('127.0.0.1', LMTP)); r = s.makefile('rb')
            def reply():
                lines = []
                while True:
                    line = r.readline().decode(); lines.append(line.strip())
                    if line[3:4] != '-': return lines
            reply()
            s.sendall(b'LHLO test\\r\\nMAIL FROM:<carol@example.org>\\r\\nRCPT TO:<alice@example.com>\\r\\nRCPT TO:<nobody@example.com>\\r\\nRCPT TO:<bob>\\r\\nDATA\\r\\n')
            for _ in range(6): print(reply()[-1])
            s.sendall(b'Subject: pipelined\\r\\n\\r\\nbody\\r\\n.\\r\\nQUIT\\r\\n')
            for _ in range(3): print(reply()[-1])
            """)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 9, "\(run.stdout)")
        #expect(lines.count == 9 && lines[2].hasPrefix("250") && lines[3].hasPrefix("550 5.1.1") && lines[4].hasPrefix("250") && lines[5].hasPrefix("354"))
        #expect(lines.count == 9 && lines[6].hasPrefix("250 2.0.0") && lines[7].hasPrefix("250 2.0.0") && lines[8].hasPrefix("221"))
        #expect(try await f.inbox("alice").messages(in: .inbox).count == 1)
        #expect(try await f.inbox("bob").messages(in: .inbox).count == 1)
        await f.stop()
    }

    /// Commands pipelined in plaintext behind STLS are discarded, never run inside TLS (CVE-2011-0411).
    @Test func stlsDiscardsPipelinedPlaintext() async throws {
        let f = try await ServerFixture()
        let run = try await f.python("""
            raw = socket.create_connection(('127.0.0.1', POP3)); r = raw.makefile('rb')
            r.readline()
            raw.sendall(b'STLS\\r\\nUSER alice\\r\\n')
            print(r.readline().decode().strip())
            tls = TLS.wrap_socket(raw, server_hostname='localhost'); t = tls.makefile('rb')
            tls.sendall(b'NOOP\\r\\n')
            print(t.readline().decode().strip())
            tls.sendall(b'PASS secret\\r\\n')
            print(t.readline().decode().strip())
            """)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("+OK") == true)
        // NOOP before login is a wrong-state error, and PASS without an accepted USER fails:
        // the injected USER never reached the session.
        #expect(lines.count == 3 && lines[2].hasPrefix("-ERR"), "\(run.stdout)")
        await f.stop()
    }

    static func pyBytes(_ text: String) -> String {
        "b'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n") + "'"
    }
}
