import MaildexCore
import MaildexIMAPCodec
import Testing

// BINARY, BINARY.PEEK and BINARY.SIZE (RFC 3516 §4.2), valid and invalid side by side.
@Test(arguments: [
    ParseFixture.ok("a FETCH 1 BINARY[1]", .fetch(seq("1"), [.binary(part: [1], peek: false, partial: nil)], uid: false, modifiers: FetchModifiers())),
    .ok("a FETCH 1 BINARY[]", .fetch(seq("1"), [.binary(part: [], peek: false, partial: nil)], uid: false, modifiers: FetchModifiers())),
    .ok("a UID FETCH 7 (binary.peek[1.2]<0.1024> BINARY.SIZE[1.2])",
        .fetch(seq("7"), [.binary(part: [1, 2], peek: true, partial: Partial(offset: 0, length: 1024)), .binarySize(part: [1, 2])],
               uid: true, modifiers: FetchModifiers())),
    .ok("a FETCH 1:* (UID BINARY.SIZE[])", .fetch(seq("1:*"), [.uid, .binarySize(part: [])], uid: false, modifiers: FetchModifiers())),
    .bad("a FETCH 1 BINARY[1.HEADER]", "FETCH: unknown item BINARY[1.HEADER]"),
    .bad("a FETCH 1 BINARY[TEXT]", "unknown item BINARY[TEXT]"),
    .bad("a FETCH 1 BINARY[0]", "unknown item BINARY[0]"),
    .bad("a FETCH 1 BINARY[1.]", "unknown item BINARY[1.]"),
    .bad("a FETCH 1 BINARY[1", "unknown item BINARY[1"),
    .bad("a FETCH 1 BINARY.SIZE[1]<0.5>", "unexpected <0.5>"),
    .bad("a FETCH 1 BINARY.FROB[1]", "unknown item BINARY.FROB[1]"),
    .bad("a FETCH 1 BINARY", "unknown item BINARY"),
    .bad("a FETCH 1 BINARY[]<0.0>", "unknown item BINARY[]"),
])
func binaryFetch(_ fixture: ParseFixture) { fixture.check() }

// APPEND with a literal8 (RFC 3516 §4.1) and with UTF8 data (RFC 6855 §4).
@Test(arguments: [
    ParseFixture.ok("a APPEND INBOX ~{4}\r\na\u{0}\r\n", .append(mailbox: "INBOX", messages: [AppendMessage(data: [0x61, 0, 0x0D, 0x0A])])),
    .ok("a APPEND INBOX ~{2+}\r\nhi", .append(mailbox: "INBOX", messages: [AppendMessage(data: Array("hi".utf8))])),
    .ok("a APPEND \"Entwürfe\" (\\Draft) UTF8 (~{15}\r\nSubject: é\r\n\r\n)",
        .append(mailbox: "Entwürfe", messages: [AppendMessage(flags: [.draft], data: Array("Subject: é\r\n\r\n".utf8), utf8: true)])),
    .ok("a APPEND INBOX utf8 (~{1+}\r\nx) UTF8 (~{1}\r\ny)",
        .append(mailbox: "INBOX", messages: [AppendMessage(data: [0x78], utf8: true), AppendMessage(data: [0x79], utf8: true)])),
    .bad("a APPEND INBOX UTF8 ({1}\r\nx)", "expected literal8 ~{n} after UTF8 ("),
    .bad("a APPEND INBOX UTF8 ~{1}\r\nx", "expected ( after UTF8"),
    .bad("a APPEND INBOX UTF8 (~{1}\r\nx", "expected ) after the UTF8 literal"),
    .bad("a APPEND INBOX UTF8", "expected SP after UTF8"),
])
func literal8Append(_ fixture: ParseFixture) { fixture.check() }
