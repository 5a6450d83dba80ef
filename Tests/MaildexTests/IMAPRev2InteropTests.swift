import Foundation
import MaildexTesting
import Testing

/// Python's imaplib against the real server: UTF8=ACCEPT (RFC 6855), IMAP4rev2 (RFC 9051) and
/// BINARY (RFC 3516) over IMAPS.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct IMAPRev2InteropTests {
    @Test func imaplibUTF8AcceptAndRev2() async throws {
        let f = try await ServerFixture()
        let run = try await f.python("""
            import base64
            def check(cond, what):
                if not cond: print('FAIL', what); sys.exit(1)
            m = imaplib.IMAP4_SSL('127.0.0.1', IMAPS, ssl_context=TLS)
            check('IMAP4REV2' in m.capabilities, 'IMAP4rev2 before login %r' % (m.capabilities,))
            m.login('alice', 'secret')
            typ, caps = m.capability(); caps = caps[0].decode().split()
            check('BINARY' in caps and 'UTF8=ACCEPT' in caps, 'post-login capabilities %r' % caps)
            # Before ENABLE: modified UTF-7 in and out; UTF-8 in a name is a BAD.
            typ, data = m.create('"Entw&APw-rfe"'); check(typ == 'OK', 'create mUTF-7 %r' % data)
            typ, data = m.list('""', '"Entw*"'); check(data == [b'(\\\\HasNoChildren) "/" "Entw&APw-rfe"'], 'list mUTF-7 %r' % data)
            try:
                m._simple_command('CREATE', '"Gr\\u00fc\\u00dfe"'.encode('utf-8')); check(False, 'UTF-8 name before ENABLE')
            except imaplib.IMAP4.error as e:
                check('ENABLE UTF8=ACCEPT' in str(e), 'BAD names the fix: %s' % e)
            part = bytes([0, 1, 2, 255]) + b'binary'
            msg = (b'From: J\\xc3\\xb6rg <j\\xc3\\xb6rg@ex\\xc3\\xa4mple.org>\\r\\nSubject: Gr\\xc3\\xbc\\xc3\\x9fe\\r\\n'
                   b'MIME-Version: 1.0\\r\\nContent-Type: multipart/mixed; boundary=x\\r\\n\\r\\n'
                   b'--x\\r\\nContent-Type: text/plain; charset=utf-8\\r\\nContent-Transfer-Encoding: quoted-printable\\r\\n\\r\\nsch=C3=B6n\\r\\n'
                   b'--x\\r\\nContent-Type: application/octet-stream\\r\\nContent-Transfer-Encoding: base64\\r\\n\\r\\n'
                   + base64.b64encode(part) + b'\\r\\n--x--\\r\\n')
            typ, data = m.append('"Entw&APw-rfe"', None, None, msg); check(typ == 'OK', 'append %r' % data)
            # UTF8=ACCEPT: names in UTF-8 both ways.
            typ, data = m.enable('UTF8=ACCEPT'); check(typ == 'OK', 'enable %r' % data)
            check(m.untagged_responses.pop('ENABLED', None) == [b'UTF8=ACCEPT'], 'ENABLED UTF8=ACCEPT')
            typ, data = m.list('""', '"Entw*"'); check(data == ['(\\\\HasNoChildren) "/" "Entwürfe"'.encode()], 'list UTF-8 %r' % data)
            typ, data = m.select('"Entwürfe"'); check(typ == 'OK' and data == [b'1'], 'select UTF-8 %r' % data)
            typ, data = m.fetch('1', '(BODY.PEEK[HEADER.FIELDS (SUBJECT)])'); check(b'Subject: Gr\\xc3\\xbc\\xc3\\x9fe' in data[0][1], 'RFC 6532 header %r' % data)
            typ, data = m.search(None, 'SUBJECT', '"Grüße"'); check(data == [b'1'], 'search UTF-8 %r' % data)
            # BINARY: the decoded parts.
            typ, data = m.fetch('1', '(BINARY.PEEK[1] BINARY.SIZE[2])'); check(data[0][1] == 'schön'.encode(), 'BINARY[1] %r' % data)
            check(b'BINARY.SIZE[2] 10' in data[1] or b'BINARY.SIZE[2] 10' in data[0][0], 'BINARY.SIZE[2] %r' % data)
            typ, data = m.fetch('1', '(BINARY.PEEK[2])'); check(data[0][1] == part, 'BINARY[2] %r' % data)
            # IMAP4rev2: ESEARCH, no RECENT, UTF-8 STATUS.
            m.unselect()   # imaplib sends ENABLE only in the authenticated state
            typ, data = m._simple_command('ENABLE', 'IMAP4rev2'); check(m.untagged_responses.pop('ENABLED', None) == [b'IMAP4rev2'], 'ENABLED IMAP4rev2')
            typ, data = m.select('"Entwürfe"'); check('RECENT' not in m.untagged_responses and data == [b'1'], 'no RECENT %r' % m.untagged_responses)
            check(m.untagged_responses.get('LIST') == ['(\\\\HasNoChildren) "/" "Entwürfe"'.encode()], 'LIST in SELECT %r' % m.untagged_responses)
            typ, data = m.search(None, 'ALL'); esearch = m.untagged_responses.pop('ESEARCH', [b''])[0]
            check(data == [None] and esearch.startswith(b'(TAG "') and esearch.endswith(b'") ALL 1'), 'ESEARCH, not SEARCH: %r %r' % (data, esearch))
            typ, data = m.status('"Entwürfe"', '(MESSAGES DELETED SIZE)'); check(data[0].startswith('"Entwürfe" (MESSAGES 1 DELETED 0 SIZE '.encode()), 'status %r' % data)
            m.logout()
            print('OK')
            """)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("OK"), "\(run.stdout)")
        await f.stop()
    }
}
