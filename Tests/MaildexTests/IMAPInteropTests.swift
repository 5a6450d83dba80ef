import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

/// Python's imaplib against the real server on loopback, over STARTTLS and implicit TLS.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct IMAPInteropTests {
    @Test func imaplibFullScenario() async throws {
        let f = try await ServerFixture()
        let run = try await f.python("""
            import time
            def check(cond, what):
                if not cond: print('FAIL', what); sys.exit(1)
            m = imaplib.IMAP4('127.0.0.1', IMAP)
            check('STARTTLS' in m.capabilities, 'STARTTLS offered')
            m.starttls(ssl_context=TLS)
            typ, _ = m.login('alice', 'secret'); check(typ == 'OK', 'login')
            typ, caps = m.capability(); caps = caps[0].decode().split()
            check('IDLE' in caps and 'MOVE' in caps and 'UIDPLUS' in caps, 'post-login capabilities %r' % caps)
            typ, boxes = m.list(); names = [b.decode() for b in boxes]
            check(any('\\\\Sent' in n and '"Sent"' in n for n in names), 'Sent listed with \\\\Sent: %r' % names)
            msg = b'From: Carol <carol@example.org>\\r\\nSubject: Interop \\xc3\\xa9\\r\\n\\r\\nHello Alice.\\r\\n'
            typ, data = m.append('Sent', '(\\\\Seen)', imaplib.Time2Internaldate(time.time()), msg)
            check(typ == 'OK' and b'APPENDUID' in data[0], 'append: %r' % data)
            typ, data = m.append('Drafts', '(\\\\Draft)', None, b'Subject: draft\\r\\n\\r\\nwip\\r\\n'); check(typ == 'OK', 'append draft')
            for i in range(3):
                m.append('INBOX', None, None, b'From: bob@example.org\\r\\nSubject: note %d\\r\\n\\r\\nbody %d\\r\\n' % (i, i))
            typ, data = m.select('INBOX'); check(data == [b'3'], 'select count %r' % data)
            typ, data = m.fetch('1:3', '(UID FLAGS RFC822.SIZE ENVELOPE)'); check(len(data) == 3, 'fetch 3')
            typ, data = m.fetch('2', '(BODY.PEEK[])'); check(data[0][1] == b'From: bob@example.org\\r\\nSubject: note 1\\r\\n\\r\\nbody 1\\r\\n', 'body bytes %r' % data)
            typ, data = m.uid('SEARCH', None, 'SUBJECT', '"note 2"'); check(data == [b'3'], 'uid search %r' % data)
            typ, data = m.search(None, 'BODY', 'body'); check(data == [b'1 2 3'], 'body search %r' % data)
            typ, data = m.store('1', '+FLAGS', '(\\\\Flagged)'); check(b'\\\\Flagged' in data[0], 'store %r' % data)
            typ, data = m.uid('MOVE', '3', 'Archive'); check(typ == 'OK', 'move %r' % data)
            typ, data = m.copy('1', 'Trash'); check(typ == 'OK', 'copy')
            m.store('1', '+FLAGS', '(\\\\Deleted)')
            typ, data = m.expunge(); check(data[-1] == b'1', 'expunge %r' % data)  # imaplib also keeps MOVE's EXPUNGE
            typ, data = m.status('Archive', '(MESSAGES UIDNEXT)'); check(b'MESSAGES 1' in data[0], 'status %r' % data)
            # IDLE: a delivery over LMTP shows up as EXISTS.
            tag = m._new_tag().decode(); m.send(('%s IDLE\\r\\n' % tag).encode())
            check(m.readline().startswith(b'+'), 'idle continuation')
            started = time.monotonic()
            lmtp = smtplib.LMTP('127.0.0.1', LMTP)
            lmtp.sendmail('carol@example.org', ['alice'], b'Subject: pushed\\r\\n\\r\\nnew\\r\\n'); lmtp.quit()
            line = m.readline(); took = time.monotonic() - started
            check(line.strip().endswith(b'EXISTS'), 'idle push %r' % line)
            print('IDLE push after LMTP: %.1f ms' % (took * 1000))
            m.send(b'DONE\\r\\n')
            while True:
                line = m.readline()
                if line.startswith(tag.encode()): check(b'OK' in line, 'idle done %r' % line); break
            m.close(); m.logout()
            s = imaplib.IMAP4_SSL('127.0.0.1', IMAPS, ssl_context=TLS)
            s.login('alice', 'secret')
            typ, data = s.select('Sent', readonly=True); check(data == [b'1'], 'sent count')
            typ, data = s.fetch('1', '(BODY[HEADER.FIELDS (SUBJECT)])'); check(b'Subject: Interop \\xc3\\xa9' in data[0][1], 'header %r' % data)
            big = b'Subject: big\\r\\n\\r\\n' + b''.join(b'line %07d of a large message\\r\\n' % i for i in range(40000))
            typ, data = s.append('Archive', None, None, big); check(typ == 'OK', 'append big %r' % data)
            s.select('Archive', readonly=True)
            typ, data = s.uid('FETCH', '*', '(BODY.PEEK[])'); check(data[0][1] == big, 'big body streamed back byte-exact')
            s.logout()
            print('OK')
            """)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("OK"), "\(run.stdout)")
        await f.stop()
    }

    /// A STORE over many messages writes its FETCH answers before its files are all renamed
    /// (SessionOutput): on the wire, with commands pipelined around it over TLS, every answer
    /// still comes in order, and the files carry the flag once the tagged reply is read.
    @Test func aLargeStorePipelinedBetweenCommandsAnswersInOrder() async throws {
        let f = try await ServerFixture()
        let alice = try await f.inbox("alice")
        let count = 1_500
        _ = try await alice.append((1...count).map { ImportMessage(bytes: Array("Subject: \($0)\r\n\r\nbody\r\n".utf8)) }, to: .inbox)
        let run = try await f.python("""
            s = TLS.wrap_socket(socket.create_connection(('127.0.0.1', IMAPS)), server_hostname='localhost'); r = s.makefile('rb')
            r.readline()
            s.sendall(b'a LOGIN alice secret\\r\\nb SELECT INBOX\\r\\n')
            while not r.readline().startswith(b'b '): pass
            s.sendall(b'c NOOP\\r\\nd STORE 1:* +FLAGS (\\\\Seen)\\r\\ne NOOP\\r\\n')
            order = []
            while True:
                line = r.readline().rstrip(b'\\r\\n')
                kind = 'FETCH' if b' FETCH (FLAGS (\\\\Seen \\\\Recent))' in line else line.decode()
                if order and order[-1][0] == kind: order[-1][1] += 1
                else: order.append([kind, 1])
                if line.startswith(b'e '): break
            print(order)
            """)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("[['c OK NOOP completed.', 1], ['FETCH', \(count)], ['d OK Store completed.', 1], ['e OK NOOP completed.', 1]]"),
                "\(run.stdout)")
        let record = try #require(try f.store.global.user(Username("alice")))
        let cur = f.store.location(of: record).maildir + "/cur"
        let names = try FileManager.default.contentsOfDirectory(atPath: cur)
        #expect(names.count == count)
        #expect(names.allSatisfy { $0.hasSuffix(":2,S") })
        await f.stop()
    }

    /// A FETCH of the bodies of many messages (3 MB) goes out a megabyte at a time
    /// (SessionOutput's drain), waiting while the client is behind: a client with a 4 KB
    /// receive buffer that starts reading only after a pause, over TLS, gets every body whole
    /// and in order (one large enough to be streamed from its file), then the reply to the
    /// command pipelined after it.
    @Test func aFetchOfManyBodiesReachesASlowClientWholeAndInOrder() async throws {
        let f = try await ServerFixture()
        let alice = try await f.inbox("alice")
        let count = 350
        let large = 150   // streamed from its file: over IMAPSession.streamingThreshold
        _ = try await alice.append((1...count).map { n in
            let body = n == large ? String(repeating: "line of the large message \(n)\r\n", count: 12_000)
                : "body \(n)\r\n" + String(repeating: "filler line\r\n", count: 600)
            return ImportMessage(bytes: Array("Subject: \(n)\r\n\r\n\(body)".utf8))
        }, to: .inbox)
        let run = try await f.python("""
            raw = socket.socket(); raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)   # the server must wait
            raw.connect(('127.0.0.1', IMAPS))
            s = TLS.wrap_socket(raw, server_hostname='localhost'); r = s.makefile('rb')
            r.readline()
            s.sendall(b'a LOGIN alice secret\\r\\nb SELECT INBOX\\r\\n')
            while not r.readline().startswith(b'b '): pass
            s.sendall(b'c FETCH 1:* (BODY.PEEK[])\\r\\nd NOOP\\r\\n')
            time.sleep(1)
            seen, bad = 0, []
            while True:
                line = r.readline()
                if line.startswith(b'c ') or line.startswith(b'd '):
                    print(line.decode().strip())
                    if line.startswith(b'd '): break
                    continue
                n = int(line.split()[1])
                size = int(line[line.rindex(b'{') + 1:line.rindex(b'}')])
                body = r.read(size); r.readline()
                expected = b'Subject: %d\\r\\n\\r\\n' % n
                expected += b'line of the large message %d\\r\\n' % n * 12000 if n == \(large) else b'body %d\\r\\n' % n + b'filler line\\r\\n' * 600
                if n != seen + 1 or body != expected: bad.append(n)
                seen = n
            print('seen', seen, 'bad', bad[:5])
            """)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("c OK Fetch completed.\nd OK NOOP completed.\nseen \(count) bad []"), "\(run.stdout)")
        await f.stop()
    }

    /// STARTTLS with a command pipelined behind it: the plaintext command is discarded.
    @Test func startTLSDiscardsPipelinedPlaintext() async throws {
        let f = try await ServerFixture()
        let run = try await f.python("""
            s = socket.create_connection(('127.0.0.1', IMAP)); r = s.makefile('rb')
            r.readline()
            s.sendall(b'a STARTTLS\\r\\nb LOGIN alice secret\\r\\n')
            print(r.readline())
            t = TLS.wrap_socket(s, server_hostname='localhost'); tr = t.makefile('rb')
            t.sendall(b'c NOOP\\r\\n')
            print(tr.readline())
            """)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("a OK Begin TLS"), "\(run.stdout)")
        #expect(run.stdout.contains("c OK NOOP"), "\(run.stdout)")
        #expect(!run.stdout.contains("b OK"), "the pipelined LOGIN was not executed: \(run.stdout)")
        await f.stop()
    }
}
