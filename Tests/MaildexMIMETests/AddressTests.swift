import Testing
import MaildexMIME

/// Address lists (RFC 5322 §3.4) as ENVELOPE address structures (RFC 3501 §7.4.2), via a one-header message.
@Test(arguments: [
    ("alice@example.com", #"((NIL NIL "alice" "example.com"))"#),
    ("Alice <alice@example.com>", #"(("Alice" NIL "alice" "example.com"))"#),
    (#""Doe, John" <john@example.com>"#, #"(("Doe, John" NIL "john" "example.com"))"#),
    ("John Q. Public <jqp@example.com>", #"(("John Q. Public" NIL "jqp" "example.com"))"#),
    ("<@relay.example,@hop.example:user@example.com>", #"((NIL "@relay.example,@hop.example" "user" "example.com"))"#),
    ("user@example.com (Real Name)", #"(("Real Name" NIL "user" "example.com"))"#),
    ("a@b.c, d@e.f", #"((NIL NIL "a" "b.c")(NIL NIL "d" "e.f"))"#),
    ("undisclosed-recipients:;", #"((NIL NIL "undisclosed-recipients" NIL)(NIL NIL NIL NIL))"#),
    ("Team: a@b.c, Bob <bob@d.e>;", #"((NIL NIL "Team" NIL)(NIL NIL "a" "b.c")("Bob" NIL "bob" "d.e")(NIL NIL NIL NIL))"#),
    ("Team: a@b.c", #"((NIL NIL "Team" NIL)(NIL NIL "a" "b.c")(NIL NIL NIL NIL))"#),  // unclosed group
    ("=?utf-8?Q?Dr.=20M=C3=BCller?= <m@x.de>", #"(("=?utf-8?Q?Dr.=20M=C3=BCller?=" NIL "m" "x.de"))"#),
    ("user@[192.0.2.1]", #"((NIL NIL "user" "[192.0.2.1]"))"#),
    ("localonly", #"((NIL NIL "localonly" "MISSING_DOMAIN"))"#),
    ("<>", #"((NIL NIL "MISSING_MAILBOX" "MISSING_DOMAIN"))"#),
    ("", "NIL"),
    (",,,", "NIL"),
    ("Müller <mueller@example.de>", "((" + "{7}\r\nMüller" + #" NIL "mueller" "example.de"))"#),
    ("Broken <unclosed@example.com", #"(("Broken" NIL "unclosed" "example.com"))"#),
])
func addressList(_ header: String, _ expected: String) {
    let message = ParsedMessage(parsing: Array("To: \(header)\r\n\r\n".utf8))
    let envelope = message.envelope.imapString
    let fields = envelope.dropFirst("(NIL NIL NIL NIL NIL ".count)
    #expect(fields.hasPrefix(expected + " NIL NIL NIL NIL)"), "\(envelope)")
}

@Test func senderAndReplyToDefaultToFrom() {
    let message = ParsedMessage(parsing: Array("From: a@b.c\r\nSender:\r\nSubject: \r\n\r\n".utf8))
    #expect(message.envelope.sender == message.envelope.from)
    #expect(message.envelope.replyTo == [Address(mailbox: "a", host: "b.c")])
    #expect(message.envelope.subject == "")
    #expect(message.envelope.imapString
        == #"(NIL "" ((NIL NIL "a" "b.c")) ((NIL NIL "a" "b.c")) ((NIL NIL "a" "b.c")) NIL NIL NIL NIL NIL)"#)
}

@Test func groupMarkers() {
    #expect(Address.groupStart("g").isGroupStart)
    #expect(Address.groupEnd.isGroupEnd)
    #expect(!Address(mailbox: "a", host: "b").isGroupStart)
}
