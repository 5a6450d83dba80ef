import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

/// QUOTA end to end on the real server: imaplib APPENDs until `NO [OVERQUOTA]`, then one LMTP
/// transaction for the full user and another: `552 5.2.2` for the first, `250` for the second.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct QuotaInteropTests {
    @Test func appendUntilOverQuotaThenLMTP() async throws {
        let f = try await ServerFixture()
        // Room for two 100-byte messages, not three.
        try f.store.global.setQuotaLimits(QuotaLimits(storage: 250), of: Username("alice"))
        let run = try await f.python("""
            def check(cond, what):
                if not cond: print('FAIL', what); sys.exit(1)
            m = imaplib.IMAP4_SSL('127.0.0.1', IMAPS, ssl_context=TLS)
            m.login('alice', 'secret')
            typ, caps = m.capability(); caps = caps[0].decode().split()
            check('QUOTA' in caps and 'QUOTA=RES-STORAGE' in caps and 'QUOTA=RES-MESSAGE' in caps, 'capabilities %r' % caps)
            message = b'Subject: quota\\r\\n\\r\\n' + b'x' * 80 + b'\\r\\n'   # 100 octets
            appended = 0
            while appended < 10:
                typ, data = m.append('INBOX', None, None, message)
                if typ != 'OK': break
                appended += 1
            print('appended', appended, typ, data[0].decode())
            typ, data = m.getquotaroot('INBOX'); print('quotaroot', typ, [d.decode() for d in data[0]], [d.decode() for d in data[1]])
            s = socket.create_connection(('127.0.0.1', LMTP)); r = s.makefile('rb')
            def reply():
                while True:
                    line = r.readline().decode()
                    if line[3:4] != '-': return line.strip()
            reply()
            s.sendall(b'LHLO test\\r\\nMAIL FROM:<carol@example.org>\\r\\nRCPT TO:<alice@example.com>\\r\\nRCPT TO:<bob@example.com>\\r\\nDATA\\r\\n')
            for _ in range(5): print('lmtp', reply())
            s.sendall(b'Subject: too big for alice\\r\\n\\r\\n' + b'y' * 100 + b'\\r\\n.\\r\\nQUIT\\r\\n')
            for _ in range(3): print('lmtp', reply())
            """)
        #expect(run.status == 0, "\(run.stderr) \(run.stdout)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "appended 2 NO [OVERQUOTA] Quota exceeded (STORAGE limit).", "\(run.stdout)")
        #expect(lines.contains("quotaroot OK ['\"INBOX\" \"\"'] ['\"\" (STORAGE 1 0)']"), "\(run.stdout)")
        #expect(lines.suffix(3) == ["lmtp 552 5.2.2 <alice@example.com> Mailbox full", "lmtp 250 2.0.0 <bob@example.com> Saved", "lmtp 221 2.0.0 Bye"],
                "\(run.stdout)")
        #expect(try await f.inbox("alice").messages(in: .inbox).count == 2)
        #expect(try await f.inbox("bob").messages(in: .inbox).count == 1)
        await f.stop()
    }
}
