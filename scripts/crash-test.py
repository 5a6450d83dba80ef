#!/usr/bin/env python3
"""Crash consistency: SIGKILL maildexd at random moments while it takes LMTP deliveries, IMAP
APPENDs, UID MOVEs and UID EXPUNGEs, restart it, and check after every restart:

  - every message acknowledged (LMTP 250, APPEND OK) is present exactly once; none is ever twice;
  - a message whose MOVE got OK is in the target once and gone from the source; one whose MOVE was
    cut off is in exactly one of the two (never lost, never in both); one whose EXPUNGE got OK is gone;
  - nothing partial is visible over IMAP (each message carries the SHA-1 of its body; every new
    message is fetched whole and checked);
  - the UID of a message never changes while it stays in its mailbox;
  - `mailadm index verify` reports no drift once the mailboxes were opened.

Loopback only, bounded: `scripts/crash-test.sh [kills]` (default 50). Exit 0 when every check held.
"""
import hashlib, imaplib, os, random, re, shutil, signal, smtplib, subprocess, sys, tempfile, threading, time

BIN = os.environ.get("BIN_DIR", ".build/debug")
KILLS = int(sys.argv[1]) if len(sys.argv) > 1 else 50
SEED = int(os.environ.get("CRASH_SEED", "1"))
rng = random.Random(SEED)
data = tempfile.mkdtemp(prefix="maildex-crash-")
failures = []
cut_moves = {"INBOX": 0, "Archive": 0}   # MOVEs cut off by a kill, by where the message ended up


def fail(what):
    failures.append(what)
    print("FAIL", what, flush=True)


class Server:
    def start(self):
        self.proc = subprocess.Popen([f"{BIN}/maildexd", "--dev", "--dev-data", data, "--ephemeral-ports"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.imap = self.lmtp = None
        for line in self.proc.stdout:
            if m := re.search(r"password '([^']+)'", line): self.password = m.group(1)
            if m := re.search(r"IMAP \(STARTTLS\) listening on 127.0.0.1:(\d+)", line): self.imap = int(m.group(1))
            if m := re.search(r"LMTP listening on 127.0.0.1:(\d+)", line): self.lmtp = int(m.group(1))
            if "Stop with" in line: break
        if not (self.imap and self.lmtp): raise SystemExit("maildexd did not start")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.proc.stdout.close()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


def message(msgid):
    body = b"".join(b"line %d of %s %s\r\n" % (i, msgid.encode(), os.urandom(8).hex().encode())
                    for i in range(rng.randint(1, 3000)))
    check = hashlib.sha1(body).hexdigest().encode()
    return b"Message-ID: <%s>\r\nSubject: crash test\r\nX-Check: %s\r\n\r\n" % (msgid.encode(), check) + body


# What the clients were told. States of a Message-ID: acked (present once), maybe (present at most
# once), moved (once in Archive), moving (in INBOX or Archive), expunged (absent), expunging (either).
state = {}
lock = threading.Lock()
counter = [0]


def next_id(kind):
    with lock:
        counter[0] += 1
        return f"{kind}-{counter[0]}@crash"


def set_state(msgid, value):
    with lock: state[msgid] = value


def imap_login(server):
    m = imaplib.IMAP4("127.0.0.1", server.imap, timeout=10)
    m.login("demo", server.password)
    return m


def lmtp_worker(server, stop):
    try:
        lmtp = smtplib.LMTP("127.0.0.1", server.lmtp, timeout=10)
        while not stop.is_set():
            msgid = next_id("lmtp")
            set_state(msgid, ("maybe", "INBOX"))
            lmtp.sendmail("sender@example.org", ["demo"], message(msgid))   # returns only after 250
            set_state(msgid, ("acked", "INBOX"))
    except Exception:
        pass


def append_worker(server, stop):
    try:
        m = imap_login(server)
        while not stop.is_set():
            msgid = next_id("append")
            set_state(msgid, ("maybe", "INBOX"))
            typ, _ = m.append("INBOX", None, None, message(msgid))
            if typ == "OK": set_state(msgid, ("acked", "INBOX"))
    except Exception:
        pass


def header_id(data):
    for part in data:
        if isinstance(part, tuple):
            if m := re.search(rb"Message-ID: <([^>]+)>", part[1], re.I): return m.group(1).decode()
    return None


def move_expunge_worker(server, stop):
    try:
        m = imap_login(server)
        m.select("INBOX")
        while not stop.is_set():
            typ, data = m.uid("SEARCH", None, "ALL")
            uids = data[0].split()
            if len(uids) < 5:
                time.sleep(0.05)
                continue
            uid = rng.choice(uids[:-2]).decode()
            typ, data = m.uid("FETCH", uid, "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
            msgid = header_id(data)
            with lock:
                if msgid not in state or state[msgid][0] != "acked": continue
            if rng.random() < 0.5:
                set_state(msgid, ("moving", "INBOX"))
                typ, _ = m.uid("MOVE", uid, "Archive")
                set_state(msgid, ("moved", "Archive") if typ == "OK" else ("acked", "INBOX"))
            else:
                set_state(msgid, ("expunging", "INBOX"))
                m.uid("STORE", uid, "+FLAGS.SILENT", r"(\Deleted)")
                typ, _ = m.uid("EXPUNGE", uid)
                set_state(msgid, ("expunged", None) if typ == "OK" else ("acked", "INBOX"))
    except Exception:
        pass


seen_uid = {}        # (mailbox, msgid) -> uid, as first seen
verified = set()     # (mailbox, uid) whose bytes were checked


def observe(server):
    """Everything visible over IMAP, checked against what clients were told."""
    m = imap_login(server)
    found = {}
    for box in ("INBOX", "Archive"):
        typ, _ = m.select(box)
        if typ != "OK": fail(f"SELECT {box}"); continue
        typ, data = m.uid("FETCH", "1:*", "(UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        for i, part in enumerate(data):
            if not isinstance(part, tuple): continue
            after = data[i + 1] if i + 1 < len(data) and isinstance(data[i + 1], bytes) else b""
            uid = int(re.search(rb"UID (\d+)", part[0] + after).group(1))   # UID may come after the literal
            msgid = header_id([part])
            if msgid is None: fail(f"{box} UID {uid}: no Message-ID (partial message?)"); continue
            if not msgid.endswith("@crash"): continue   # the demo user's welcome message
            found.setdefault(msgid, []).append((box, uid))
            first = seen_uid.setdefault((box, msgid), uid)
            if first != uid: fail(f"{msgid} in {box}: UID changed from {first} to {uid}")
            if (box, uid) not in verified:
                typ, whole = m.uid("FETCH", str(uid), "(BODY.PEEK[])")
                raw = next(p[1] for p in whole if isinstance(p, tuple))
                header, _, body = raw.partition(b"\r\n\r\n")
                check = re.search(rb"X-Check: (\w+)", header)
                if not check or hashlib.sha1(body).hexdigest().encode() != check.group(1):
                    fail(f"{msgid} in {box} UID {uid}: bytes do not match its checksum ({len(raw)} bytes)")
                verified.add((box, uid))
    m.logout()
    with lock:
        for msgid, (status, box) in state.items():
            where = found.get(msgid, [])
            boxes = [b for b, _ in where]
            if len(where) > 1: fail(f"{msgid} ({status}) present {len(where)} times: {where}")
            if status == "acked" and boxes != [box]: fail(f"{msgid} acknowledged, but found in {boxes or 'no mailbox'}")
            if status == "moved" and boxes != ["Archive"]: fail(f"{msgid} moved (OK), but found in {boxes or 'no mailbox'}")
            if status == "moving" and not where: fail(f"{msgid} lost by an interrupted MOVE")
            if status == "expunged" and where: fail(f"{msgid} expunged (OK), but still in {boxes}")
            if status == "gone" and where: fail(f"{msgid} was absent after its cut-off delivery, then appeared in {boxes}")
            # Settle what the server decided for operations cut off by the kill.
            if status == "maybe": state[msgid] = ("acked", "INBOX") if where else ("gone", None)
            if status == "moving" and len(boxes) == 1: cut_moves[boxes[0]] += 1
            if status == "moving": state[msgid] = ("acked", "INBOX") if boxes == ["INBOX"] else ("moved", "Archive") if boxes == ["Archive"] else ("moving", None)
            if status == "expunging": state[msgid] = ("acked", "INBOX") if where else ("expunged", None)
    return found


def verify_index():
    run = subprocess.run([f"{BIN}/mailadm", "index", "verify", "demo", "--data", data], capture_output=True, text=True)
    if run.returncode != 0: fail(f"mailadm index verify: {run.stdout.strip()} {run.stderr.strip()}")


server = Server()
server.start()
m = imap_login(server)
m.create("Archive")
m.logout()
kills = 0
for round in range(KILLS):
    stop = threading.Event()
    workers = [threading.Thread(target=w, args=(server, stop)) for w in (lmtp_worker, lmtp_worker, append_worker, move_expunge_worker)]
    for w in workers: w.start()
    time.sleep(rng.uniform(0.1, 1.5))
    server.kill()
    kills += 1
    stop.set()
    for w in workers: w.join()
    server.start()
    found = observe(server)
    verify_index()
    with lock:
        acked = sum(1 for s, _ in state.values() if s in ("acked", "moved"))
    print(f"kill {kills}: {len(found)} messages visible, {acked} acknowledged and present, {len(failures)} failures", flush=True)
server.stop()
verify_index()
with lock:
    told = {k: sum(1 for s, _ in state.values() if s == k) for k in ("acked", "moved", "expunged", "gone")}
    by_kind = {k: sum(1 for msgid, (st, _) in state.items() if msgid.startswith(k) and st in ("acked", "moved", "expunged"))
               for k in ("lmtp", "append")}
print(f"acknowledged: {by_kind['lmtp']} LMTP deliveries, {by_kind['append']} APPENDs")
print(f"{kills} kills survived with {len(failures)} failures; outcomes: {told}; "
      f"MOVEs cut off by a kill: {cut_moves['INBOX']} undone (message in INBOX), {cut_moves['Archive']} done (in Archive)")
if not failures: shutil.rmtree(data, ignore_errors=True)   # kept for a look when something failed
sys.exit(1 if failures else 0)
