#!/usr/bin/env python3
"""Load soak for a running maildexd (scripts/soak.sh starts one and calls this).

Mixed clients run concurrently for --duration seconds: LMTP deliveries (some to several
recipients), IMAP readers (SELECT, FETCH, STORE +/-FLAGS), IMAP writers (APPEND, STORE
\\Deleted, EXPUNGE), IDLE watchers that must see every delivery, and POP3 sessions (RETR, DELE).
Every message carries a unique Message-ID; at the end what IMAP shows is compared with what was
acknowledged (250 / APPEND OK) minus what was removed (EXPUNGE / DELE + QUIT). The server's RSS is
sampled from /proc/<pid>/status into a CSV. Exit status 0 only if every check holds.

Roles keep the accounting exact: in users a and b only the IMAP writer removes mail (INBOX and
Soak); in users c and d only the POP3 worker does (INBOX), one session at a time. Readers never
touch \\Deleted, so a writer's EXPUNGE removes exactly what it flagged.
"""
import argparse, collections, csv, imaplib, poplib, random, re, select, socket, ssl, statistics
import sys, threading, time, traceback

TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE
MSGID = re.compile(rb'^Message-ID:\s*(<[^>\r\n]+>)', re.I | re.M)
EXPUNGED = re.compile(rb'^\* \d+ EXPUNGE', re.M)
IMAP_USERS = ['a', 'b']       # the IMAP writer removes mail
POP_USERS = ['c', 'd']        # the POP3 worker removes mail
USERS = IMAP_USERS + POP_USERS
PASSWORD = 'soak-secret'
MAILBOX_CAP = 150             # writers trim a mailbox back to half of this


class Ledger:
    """What the server acknowledged, per (user, mailbox), and what it removed."""
    def __init__(self):
        self.lock = threading.Lock()
        self.added = collections.defaultdict(list)      # (user, box) -> [msgid]
        self.removed = collections.defaultdict(list)
        self.uncertain = set()                           # commands that died without an answer
        self.delivered_at = {}                           # (user, msgid) -> time of the 250
        self.ops = collections.Counter()
        self.errors = []
        self.counter = 0

    def next_id(self, kind):
        with self.lock:
            self.counter += 1
            return f'<soak-{kind}-{self.counter}@maildex.test>'

    def op(self, kind, n=1):
        with self.lock:
            self.ops[kind] += n

    def error(self, who, text):
        with self.lock:
            self.errors.append(f'{who}: {text}')

    def add(self, user, box, msgid):
        with self.lock:
            self.added[(user, box)].append(msgid)
            if box == 'INBOX':
                self.delivered_at[(user, msgid)] = time.monotonic()

    def remove(self, user, box, msgids):
        with self.lock:
            self.removed[(user, box)].extend(msgids)


def message(msgid, recipients, size):
    body = ''.join(f'line {i} of {msgid} ' + 'x' * 40 + '\r\n' for i in range(size))
    return (f'From: soak@maildex.test\r\nTo: {", ".join(recipients)}\r\nSubject: soak {msgid}\r\n'
            f'Message-ID: {msgid}\r\nDate: Sun, 29 Nov 2026 10:00:00 +0000\r\n\r\n{body}').encode()


def check(typ, data, what):
    if typ != 'OK':
        raise RuntimeError(f'{what} answered {typ} {data!r}')


class Worker(threading.Thread):
    def __init__(self, name, ledger, args, stop):
        super().__init__(name=name, daemon=True)
        self.ledger, self.args, self.stop, self.rng = ledger, args, stop, random.Random(name)

    def run(self):
        while not self.stop.is_set():
            try:
                self.session()
            except Exception as e:  # a protocol error: count it, reconnect, keep going
                self.ledger.error(self.name, f'{type(e).__name__}: {e}')
                if len(self.ledger.errors) <= 5:
                    traceback.print_exc()
                time.sleep(0.5)

    def pause(self):
        self.stop.wait(self.rng.uniform(0, self.args.think))

    def imap(self, user):
        if self.rng.random() < 0.3:
            m = imaplib.IMAP4_SSL('127.0.0.1', self.args.imaps, ssl_context=TLS, timeout=60)
        else:
            m = imaplib.IMAP4('127.0.0.1', self.args.imap, timeout=60)
        typ, data = m.login(user, PASSWORD)
        check(typ, data, 'LOGIN')
        self.ledger.op('imap login')
        return m

    def select(self, m, box):
        typ, data = m.select(box)
        check(typ, data, f'SELECT {box}')
        self.ledger.op('imap select')
        return int(data[0])


class LMTPDeliverer(Worker):
    """LHLO, then a few transactions of one to three recipients; one reply per recipient after DATA."""
    def session(self):
        s = socket.create_connection(('127.0.0.1', self.args.lmtp), timeout=60)
        f = s.makefile('rb')

        def reply():
            lines = []
            while True:
                line = f.readline()
                if not line:
                    raise RuntimeError('LMTP connection closed')
                lines.append(line)
                if line[3:4] != b'-':
                    return lines[-1][:3].decode(), b''.join(lines)

        def expect(code, what):
            got, text = reply()
            if got != code:
                raise RuntimeError(f'{what} answered {text!r}')

        expect('220', 'greeting')
        s.sendall(b'LHLO soak.maildex.test\r\n'); expect('250', 'LHLO')
        for _ in range(self.rng.randint(1, 5)):
            if self.stop.is_set():
                break
            users = self.rng.sample(USERS, self.rng.choice([1, 1, 1, 2, 3]))
            msgid = self.ledger.next_id('lmtp')
            s.sendall(b'MAIL FROM:<soak@maildex.test>\r\n'); expect('250', 'MAIL FROM')
            for u in users:
                s.sendall(f'RCPT TO:<{u}@maildex.test>\r\n'.encode()); expect('250', f'RCPT TO {u}')
            s.sendall(b'DATA\r\n'); expect('354', 'DATA')
            self.ledger.uncertain.add(msgid)
            s.sendall(message(msgid, users, self.rng.randint(1, 60)).replace(b'\r\n.', b'\r\n..') + b'.\r\n')
            for u in users:
                code, text = reply()
                if code != '250':
                    raise RuntimeError(f'delivery to {u} answered {text!r}')
                self.ledger.add(u, 'INBOX', msgid)
                self.ledger.op('lmtp delivered')
            self.ledger.uncertain.discard(msgid)
            self.pause()
        s.sendall(b'QUIT\r\n'); expect('221', 'QUIT')
        s.close()


class IMAPReader(Worker):
    """SELECT, FETCH flags and envelopes, read one body, change flags other than \\Deleted."""
    def session(self):
        user = self.rng.choice(USERS)
        m = self.imap(user)
        for _ in range(self.rng.randint(3, 10)):
            if self.stop.is_set():
                break
            box = self.rng.choice(['INBOX', 'INBOX', 'Soak'])
            exists = self.select(m, box)
            if exists:
                typ, data = m.fetch('1:*', '(UID FLAGS RFC822.SIZE ENVELOPE)')
                check(typ, data, 'FETCH 1:*')
                self.ledger.op('imap fetch')
                uids = [int(u) for u in re.findall(rb'UID (\d+)', b' '.join(d if isinstance(d, bytes) else d[0] for d in data if d))]
                if uids:
                    uid = str(self.rng.choice(uids))
                    typ, data = m.uid('FETCH', uid, '(BODY.PEEK[])')
                    check(typ, data, 'UID FETCH BODY.PEEK[]')
                    self.ledger.op('imap fetch')
                    flag = self.rng.choice([r'\Seen', r'\Flagged', r'\Answered', '$Soak'])
                    sign = self.rng.choice('+-')
                    typ, data = m.uid('STORE', uid, f'{sign}FLAGS', f'({flag})')
                    check(typ, data, 'UID STORE')
                    self.ledger.op('imap store')
            typ, data = m.noop()
            check(typ, data, 'NOOP')
            self.pause()
        if self.rng.random() < 0.2:  # a phone that loses its connection: no LOGOUT
            m.shutdown()
            self.ledger.op('imap dropped')
            return
        typ, data = m.logout()
        if typ != 'BYE':
            raise RuntimeError(f'LOGOUT answered {typ} {data!r}')


class IMAPWriter(Worker):
    """The only remover in its user: APPENDs to Soak, trims INBOX and Soak with STORE \\Deleted + EXPUNGE."""
    def __init__(self, user, *rest):
        super().__init__(*rest)
        self.user = user

    def session(self):
        m = self.imap(self.user)
        for _ in range(self.rng.randint(5, 20)):
            if self.stop.is_set():
                break
            msgid = self.ledger.next_id('append')
            self.ledger.uncertain.add(msgid)
            flags = self.rng.choice(['', r'(\Seen)', r'(\Draft $Soak)'])
            typ, data = m.append('Soak', flags or None, None, message(msgid, [self.user], self.rng.randint(1, 40)))
            check(typ, data, 'APPEND')
            self.ledger.add(self.user, 'Soak', msgid)
            self.ledger.uncertain.discard(msgid)
            self.ledger.op('imap append')
            if self.rng.random() < 0.25:
                self.trim(m, self.rng.choice(['INBOX', 'Soak']))
            self.pause()
        typ, data = m.logout()
        if typ != 'BYE':
            raise RuntimeError(f'LOGOUT answered {typ} {data!r}')

    def trim(self, m, box):
        exists = self.select(m, box)
        if exists < 10:
            return
        typ, data = m.uid('SEARCH', 'ALL')
        check(typ, data, 'UID SEARCH')
        uids = data[0].split()
        doomed = uids[:max(1, len(uids) - MAILBOX_CAP // 2)] if len(uids) > MAILBOX_CAP else self.rng.sample(uids, len(uids) // 5)
        uidset = b','.join(doomed).decode()
        typ, data = m.uid('FETCH', uidset, '(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])')
        check(typ, data, 'UID FETCH MESSAGE-ID')
        msgids = [MSGID.search(d[1]).group(1).decode() for d in data if isinstance(d, tuple)]
        if len(msgids) != len(doomed):
            raise RuntimeError(f'UID FETCH of {len(doomed)} UIDs in {box} returned {len(msgids)} messages')
        typ, data = m.uid('STORE', uidset, '+FLAGS.SILENT', r'(\Deleted)')
        check(typ, data, 'UID STORE \\Deleted')
        self.ledger.op('imap store')
        typ, data = m.expunge()
        check(typ, data, 'EXPUNGE')
        expunged = len([n for n in data if n])   # imaplib returns the untagged EXPUNGE numbers
        if expunged != len(doomed):
            raise RuntimeError(f'EXPUNGE in {box} removed {expunged} messages, {len(doomed)} were \\Deleted')
        self.ledger.remove(self.user, box, msgids)
        self.ledger.op('imap expunged', len(msgids))
        self.ledger.op('imap expunge')
        typ, data = m.close()
        check(typ, data, 'CLOSE')


class POP3Worker(Worker):
    """STAT, UIDL, RETR some, DELE some (only in its own user, one session at a time), QUIT."""
    def __init__(self, user, deletes, *rest):
        super().__init__(*rest)
        self.user, self.deletes = user, deletes

    def session(self):
        if self.rng.random() < 0.3:
            p = poplib.POP3_SSL('127.0.0.1', self.args.pop3s, context=TLS, timeout=60)
        else:
            p = poplib.POP3('127.0.0.1', self.args.pop3, timeout=60)
        p.user(self.user)
        p.pass_(PASSWORD)
        self.ledger.op('pop3 login')
        count, _ = p.stat()
        _, listing, _ = p.uidl()
        if len(listing) != count:
            raise RuntimeError(f'UIDL listed {len(listing)} messages, STAT said {count}')
        deleted = []
        for n in self.rng.sample(range(1, count + 1), min(count, self.rng.randint(1, 30 if count > MAILBOX_CAP else 8))):
            try:
                _, lines, _ = p.retr(n)
            except poplib.error_proto as e:
                # RFC 1939 assumes an exclusive maildrop; here the IMAP writer may expunge a message
                # of this session's snapshot (users a and b only), and the server says so.
                if self.deletes or b'no longer exists' not in e.args[0]:
                    raise
                self.ledger.op('pop3 retr gone')
                continue
            self.ledger.op('pop3 retr')
            found = MSGID.search(b'\r\n'.join(lines))
            if self.deletes and found and found.group(1).startswith(b'<soak-') and (count > MAILBOX_CAP or self.rng.random() < 0.6):
                p.dele(n)
                self.ledger.op('pop3 dele')
                deleted.append(found.group(1).decode())
        self.stop.wait(self.rng.uniform(0, self.args.think))
        p.quit()  # raises error_proto unless +OK: the deletions happen here
        self.ledger.remove(self.user, 'INBOX', deleted)


class IDLEWatcher(Worker):
    """Sits in IDLE on a user's INBOX; on EXISTS, leaves IDLE, fetches the new Message-IDs, re-enters."""
    def __init__(self, user, *rest):
        super().__init__(*rest)
        self.user = user
        self.seen = set()
        self.since = None       # when the first IDLE was acknowledged
        self.idle_stop = threading.Event()

    def run(self):
        while not self.idle_stop.is_set():
            try:
                self.session()
            except Exception as e:
                self.ledger.error(self.name, f'{type(e).__name__}: {e}')
                traceback.print_exc()
                time.sleep(0.5)

    def session(self):
        c = RawIMAP(self.args.imap)
        c.command(f'LOGIN {self.user} {PASSWORD}')
        self.ledger.op('imap login')
        untagged = c.command('SELECT INBOX')
        self.ledger.op('imap select')
        last, pending = 0, True
        while pending:
            last, pending = self.fetch_new(c, last)
        while not self.idle_stop.is_set():
            tag = c.send('IDLE')
            woke = False
            while True:  # pending updates may come before the continuation
                line = c.line(30)
                if line is None or line.startswith(tag.encode() + b' '):
                    raise RuntimeError(f'IDLE answered {line!r}')
                if line.startswith(b'+'):
                    break
                woke = woke or exists([line])
            if self.since is None:
                self.since = time.monotonic()
            self.ledger.op('imap idle')
            reenter = time.monotonic() + self.rng.uniform(5, 25)
            while not woke and not self.idle_stop.is_set() and time.monotonic() < reenter:
                line = c.line(0.5)
                woke = bool(line) and exists([line])
            c.sendline(b'DONE')
            pending = woke or exists(c.finish(tag, 'IDLE'))
            if woke:
                self.ledger.op('imap idle wake')
            while pending:  # an EXISTS that came outside IDLE is not sent again
                last, pending = self.fetch_new(c, last)
        c.command('LOGOUT', ok=('OK',))
        c.close()

    def fetch_new(self, c, last):
        lines = c.command(f'UID FETCH {last + 1}:* (UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])')
        self.ledger.op('imap fetch')
        for line in lines:
            uid = re.search(rb'UID (\d+)', line)
            found = MSGID.search(line.split(b'\r\n', 1)[-1] if b'\r\n' in line else line)
            if uid:
                last = max(last, int(uid.group(1)))
            if found:
                self.seen.add(found.group(1).decode())
        return last, exists(lines)


def exists(lines):
    return any(re.match(rb'\* \d+ EXISTS', line) for line in lines)


class RawIMAP:
    """A minimal IMAP client for IDLE: lines with their literals, read with a timeout."""
    def __init__(self, port):
        self.sock = socket.create_connection(('127.0.0.1', port), timeout=60)
        self.buffer = b''
        self.tags = 0
        greeting = self.line(60)
        if not greeting or not greeting.startswith(b'* OK'):
            raise RuntimeError(f'greeting {greeting!r}')

    def _fill(self, timeout):
        if not select.select([self.sock], [], [], timeout)[0]:
            return False
        data = self.sock.recv(65536)
        if not data:
            raise RuntimeError('IMAP connection closed')
        self.buffer += data
        return True

    def line(self, timeout):
        """One response line with any literals inlined (CRLF kept between parts); None on timeout."""
        deadline = time.monotonic() + timeout
        while b'\r\n' not in self.buffer:
            if not self._fill(max(0, deadline - time.monotonic())):
                return None
        line, self.buffer = self.buffer.split(b'\r\n', 1)
        literal = re.search(rb'\{(\d+)\}$', line)
        if literal:
            n = int(literal.group(1))
            while len(self.buffer) < n:
                self._fill(60)
            body, self.buffer = self.buffer[:n], self.buffer[n:]
            rest = self.line(60)
            return line + b'\r\n' + body + (rest or b'')
        return line

    def sendline(self, data):
        self.sock.sendall(data + b'\r\n')

    def send(self, command):
        self.tags += 1
        tag = f's{self.tags}'
        self.sendline(f'{tag} {command}'.encode())
        return tag

    def finish(self, tag, what, ok=('OK',)):
        lines = []
        while True:
            line = self.line(60)
            if line is None:
                raise RuntimeError(f'{what}: no answer within 60 s')
            if line.startswith(tag.encode() + b' '):
                status = line.split(b' ')[1].decode()
                if status not in ok:
                    raise RuntimeError(f'{what} answered {line!r}')
                return lines
            lines.append(line)

    def command(self, command, ok=('OK',)):
        return self.finish(self.send(command), command.split(' ')[0], ok)

    def close(self):
        self.sock.close()


class RSSSampler(threading.Thread):
    def __init__(self, pid, path, every):
        super().__init__(daemon=True)
        self.pid, self.path, self.every = pid, path, every
        self.samples = []       # (seconds since start, RSS KiB, threads)
        self.stop = threading.Event()

    def run(self):
        start = time.monotonic()
        with open(self.path, 'w', newline='') as out:
            w = csv.writer(out)
            w.writerow(['seconds', 'rss_kib', 'threads'])
            while True:
                fields = dict(l.split(':', 1) for l in open(f'/proc/{self.pid}/status') if ':' in l)
                sample = (round(time.monotonic() - start, 1), int(fields['VmRSS'].split()[0]), int(fields['Threads']))
                self.samples.append(sample)
                w.writerow(sample)
                out.flush()
                if self.stop.wait(self.every):
                    break


def final_view(args):
    """Every soak Message-ID per (user, mailbox) as IMAP shows it now, duplicates kept."""
    view = {}
    for user in USERS:
        m = imaplib.IMAP4('127.0.0.1', args.imap, timeout=60)
        m.login(user, PASSWORD)
        for box in ['INBOX', 'Soak']:
            typ, data = m.select(box, readonly=True)
            ids = []
            if int(data[0]):
                typ, data = m.fetch('1:*', '(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])')
                for d in data:
                    if isinstance(d, tuple):
                        found = MSGID.search(d[1])
                        if found and found.group(1).startswith(b'<soak-'):
                            ids.append(found.group(1).decode())
            view[(user, box)] = ids
        m.logout()
    return view


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--duration', type=float, default=300)
    for port in ['imap', 'imaps', 'pop3', 'pop3s', 'lmtp', 'pid']:
        ap.add_argument('--' + port, type=int, required=True)
    ap.add_argument('--csv', required=True)
    ap.add_argument('--rss-every', type=float, default=2)
    ap.add_argument('--warmup', type=float, default=1 / 6, help='fraction of the run left out of the RSS check')
    ap.add_argument('--rss-bound', type=float, default=0.20, help='largest allowed growth, last third vs first third after warm-up')
    ap.add_argument('--think', type=float, default=0.2, help='largest pause between a client\'s commands, seconds')
    args = ap.parse_args()

    ledger = Ledger()
    for user in USERS:  # the APPEND target, created once
        m = imaplib.IMAP4('127.0.0.1', args.imap, timeout=60)
        m.login(user, PASSWORD)
        m.create('Soak')
        m.logout()

    stop = threading.Event()
    watchers = [IDLEWatcher(u, f'idle-{u}', ledger, args, stop) for u in USERS]
    workers = ([LMTPDeliverer(f'lmtp-{i}', ledger, args, stop) for i in range(3)]
               + [IMAPReader(f'reader-{i}', ledger, args, stop) for i in range(4)]
               + [IMAPWriter(u, f'writer-{u}', ledger, args, stop) for u in IMAP_USERS]
               + [POP3Worker(u, True, f'pop3-{u}', ledger, args, stop) for u in POP_USERS]
               + [POP3Worker(u, False, f'pop3-read-{u}', ledger, args, stop) for u in IMAP_USERS])
    sampler = RSSSampler(args.pid, args.csv, args.rss_every)
    sampler.start()
    for w in watchers:
        w.start()
    while any(w.since is None for w in watchers) and not ledger.errors:
        time.sleep(0.05)
    started = time.monotonic()
    for w in workers:
        w.start()
    while time.monotonic() - started < args.duration:
        time.sleep(min(1, args.duration - (time.monotonic() - started)))
        if sys.stdout.isatty():
            print(f'\r{time.monotonic() - started:5.0f} s  {sum(ledger.ops.values())} operations  {len(ledger.errors)} errors', end='', flush=True)
    stop.set()
    for w in workers:
        w.join(120)
    time.sleep(5)  # the last deliveries must still wake the IDLE watchers
    for w in watchers:
        w.idle_stop.set()
    for w in watchers:
        w.join(120)
    elapsed = time.monotonic() - started
    sampler.stop.set()
    sampler.join()
    if sys.stdout.isatty():
        print()

    failures = []
    stuck = [w.name for w in workers + watchers if w.is_alive()]
    if stuck:
        failures.append(f'clients did not finish: {stuck}')
    if ledger.errors:
        failures.append(f'{len(ledger.errors)} protocol errors, first: ' + '; '.join(ledger.errors[:5]))

    # Messages: present exactly once unless removed; nothing unknown.
    view = final_view(args)
    lost = duplicated = unexpected = 0
    expected_total = 0
    for key, ids in view.items():
        present = collections.Counter(ids)
        removed = collections.Counter(ledger.removed[key])
        added = collections.Counter(ledger.added[key])
        expected = added - removed
        expected_total += sum(expected.values())
        for msgid, n in removed.items():
            if n > added[msgid]:
                failures.append(f'{key}: {msgid} removed {n} times, added {added[msgid]}')
        for msgid in expected:
            if present[msgid] == 0 and msgid not in ledger.uncertain:
                lost += 1
                if lost <= 5: failures.append(f'{key}: lost {msgid}')
        for msgid, n in present.items():
            if n > 1:
                duplicated += 1
                if duplicated <= 5: failures.append(f'{key}: {msgid} present {n} times')
            if msgid not in expected and msgid not in ledger.uncertain:
                unexpected += 1
                if unexpected <= 5: failures.append(f'{key}: {msgid} present but expunged or never acknowledged')
    if lost or duplicated or unexpected:
        failures.append(f'messages: {lost} lost, {duplicated} duplicated, {unexpected} unexpected')

    # IDLE: every delivery after a watcher started that was not removed was seen by it.
    missed = 0
    for w in watchers:
        gone = set(ledger.removed[(w.user, 'INBOX')])
        for msgid in ledger.added[(w.user, 'INBOX')]:
            at = ledger.delivered_at.get((w.user, msgid), 0)
            if w.since is not None and at > w.since and msgid not in gone and msgid not in w.seen:
                missed += 1
                if missed <= 5: failures.append(f'IDLE on {w.user} never saw {msgid}')
    if missed:
        failures.append(f'IDLE: {missed} deliveries not seen by the watcher')

    # Memory: after warm-up, the median of the last third against the median of the first third.
    rss = [(t, kib) for t, kib, _ in sampler.samples]
    steady = [kib for t, kib in rss if t >= elapsed * args.warmup]
    third = max(1, len(steady) // 3)
    first, last = statistics.median(steady[:third]), statistics.median(steady[-third:])
    growth = last / first - 1
    if growth > args.rss_bound:
        failures.append(f'RSS grew {growth:.0%} after warm-up ({first / 1024:.1f} -> {last / 1024:.1f} MiB), bound {args.rss_bound:.0%}')
    all_kib = [kib for _, kib in rss]

    print(f'soak: {elapsed:.0f} s, {len(workers) + len(watchers)} clients '
          f'(3 LMTP, 4 IMAP readers, 2 IMAP writers, 4 POP3, 4 IDLE), users {", ".join(USERS)}')
    for kind, n in sorted(ledger.ops.items()):
        print(f'  {kind:<16} {n:>8}  ({n / elapsed:.1f}/s)')
    print(f'  messages at the end: {sum(len(v) for v in view.values())} (expected {expected_total}); '
          f'lost {lost}, duplicated {duplicated}, unexpected {unexpected}; IDLE missed {missed}')
    print(f'  protocol errors  {len(ledger.errors)}')
    print(f'  RSS MiB over {len(all_kib)} samples: min {min(all_kib) / 1024:.1f}, median {statistics.median(all_kib) / 1024:.1f}, '
          f'max {max(all_kib) / 1024:.1f}; after warm-up first third {first / 1024:.1f}, last third {last / 1024:.1f} '
          f'({growth:+.1%}, bound +{args.rss_bound:.0%}); threads {sampler.samples[-1][2]}')
    print(f'  RSS series: {args.csv}')
    for f in failures:
        print('FAIL ' + f)
    print('soak: ' + ('FAILED' if failures else 'passed'))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
