# Regenerates the committed seed corpora Fuzz/Corpus/<target>/ from the test fixtures: python3 Fuzz/make-corpus.py
import re, os, glob, hashlib
root = "Fuzz/Corpus"
def put(target, data):
    if isinstance(data, str): data = data.encode()
    d = os.path.join(root, target); os.makedirs(d, exist_ok=True)
    open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb").write(data)
def swift_literals(paths):
    out = []
    for p in paths:
        s = open(p, encoding="utf-8", errors="replace").read()
        for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', s):
            lit = m.group(1)
            lit = lit.replace('\\r', '\r').replace('\\n', '\n').replace('\\"', '"').replace('\\t', '\t').replace('\\\\', '\\')
            out.append(lit)
    return out
# IMAP: tagged command literals from the codec tests; first byte picks the chunk size.
imap = [l for l in swift_literals(glob.glob("Tests/MaildexIMAPCodecTests/*.swift") + glob.glob("Tests/MaildexSessionsTests/IMAP/*.swift"))
        if re.match(r'^[A-Za-z0-9.]{1,5} [A-Z]', l)]
for i, l in enumerate(sorted(set(imap))[:300]):
    put("imap", bytes([i % 17]) + (l + "\r\n").encode())
# POP3 and LMTP: commands from the tests, then whole sessions.
pop = [l for l in swift_literals(glob.glob("Tests/MaildexPOP3CodecTests/*.swift") + glob.glob("Tests/MaildexSessionsTests/POP3*.swift"))
       if re.match(r'^(USER|PASS|STAT|LIST|RETR|DELE|NOOP|RSET|QUIT|TOP|UIDL|CAPA|STLS|AUTH|APOP)', l, re.I)]
for l in sorted(set(pop)): put("pop3", l + "\r\n")
put("pop3", "CAPA\r\nUSER alice\r\nPASS secret\r\nSTAT\r\nLIST\r\nUIDL 1\r\nTOP 1 3\r\nRETR 1\r\nDELE 1\r\nQUIT\r\n")
lmtp = [l for l in swift_literals(glob.glob("Tests/MaildexLMTPCodecTests/*.swift") + glob.glob("Tests/MaildexSessionsTests/LMTP*.swift"))
        if re.match(r'^(LHLO|MAIL|RCPT|DATA|RSET|NOOP|QUIT|VRFY|STARTTLS)', l, re.I)]
for l in sorted(set(lmtp)): put("lmtp", l + "\r\n")
put("lmtp", "LHLO client\r\nMAIL FROM:<bob@example.com> BODY=8BITMIME SIZE=100\r\nRCPT TO:<alice+box@example.com>\r\nRCPT TO:<\"quoted local\"@example.com>\r\nDATA\r\nSubject: hi\r\n\r\n..dot\r\nbody\r\n.\r\nQUIT\r\n")
# MIME and mbox: the MIME fixtures.
emls = sorted(glob.glob("Tests/MaildexMIMETests/Fixtures/*.eml"))
for p in emls: put("mime", open(p, "rb").read())
box = b""
for p in emls:
    body = open(p, "rb").read().replace(b"\r\n", b"\n")
    body = re.sub(rb"(?m)^(>*From )", rb">\1", body)
    box += b"From sender@example.com Thu Jan  1 00:00:00 2024\n" + body.rstrip(b"\n") + b"\n\n"
put("mbox", b"\x07" + box)
put("mbox", b"\x00From a@b Sat Jan  3 01:05:34 1996\nSubject: x\n\n>From here\n\nFrom b@c Sat Jan  3 01:05:34 1996\r\n\r\nbody\r\n")
for l in swift_literals(glob.glob("Tests/MaildexMboxTests/*.swift")):
    if l.startswith("From ") and "\n" in l: put("mbox", b"\x03" + l.encode())
# Config: multi-line literals are Swift triple-quoted strings.
for p in glob.glob("Tests/MaildexConfigTests/*.swift") + glob.glob("Tests/MaildexAdminTests/*.swift"):
    s = open(p).read()
    for m in re.finditer(r'"""\n(.*?)"""', s, re.S):
        text = "\n".join(line[4:] if line.startswith("    ") else line.lstrip() for line in m.group(1).split("\n"))
        if "=" in text: put("config", text)
readme = open("README.md").read()
for m in re.finditer(r"```\n(# /etc/maildex/maildex.conf.*?)```", readme, re.S): put("config", m.group(1))
# passwd-file: the fixtures, and lines from the tests.
for p in glob.glob("Tests/MaildexAuthTests/Fixtures/passwd-file/**", recursive=True):
    if os.path.isfile(p): put("passwd", open(p, "rb").read())
for l in swift_literals(glob.glob("Tests/MaildexAuthTests/PasswdFileTests.swift") + glob.glob("Tests/MaildexAuthTests/DriverTests.swift")):
    if l.count(":") >= 2: put("passwd", l + "\n")
