import Testing
import MaildexMIME

// RFC 5256 §2.1: the base subject, rule by rule, and subjects that must be left alone; the
// result in the i;unicode-casemap form (RFC 5051: titlecased, then decomposed).
@Test(arguments: [
    ("Hello world", "HELLO WORLD"),
    ("", ""),
    ("   ", ""),
    ("Re: Hello", "HELLO"),
    ("RE: Hello", "HELLO"),
    ("re:Hello", "HELLO"),
    ("Re : Hello", "HELLO"),
    ("Fw: Hello", "HELLO"),
    ("Fwd: Hello", "HELLO"),
    ("FWD:   Hello", "HELLO"),
    ("Re: Re: Fwd: Re: Hello", "HELLO"),
    ("Re[2]: Hello", "HELLO"),
    ("Re [2]: Hello", "HELLO"),
    ("[list] Re: Hello", "HELLO"),
    ("Re: [list] Hello", "HELLO"),
    ("[a] [b] Re: [c] Hello", "HELLO"),
    ("[list]", "[LIST]"),
    ("Re: [list]", "[LIST]"),
    ("Hello (fwd)", "HELLO"),
    ("Hello (FWD) (fwd)  ", "HELLO"),
    ("[Fwd: Re: Hello]", "HELLO"),
    ("Fwd: [Fwd: Hello (fwd)]", "HELLO"),
    ("Hello\t  \r\n world", "HELLO WORLD"),
    ("Reply: Hello", "REPLY: HELLO"),
    ("Re Hello", "RE HELLO"),
    ("Refund: money", "REFUND: MONEY"),
    ("Hello [not a leader]", "HELLO [NOT A LEADER]"),
    ("[unclosed Re: Hello", "[UNCLOSED RE: HELLO"),
    ("Grüße: Re: Ärger", "GRU\u{308}\u{df}E: RE: A\u{308}RGER"),
    ("İ Re: x", "I\u{307} RE: X"),
    ("[[x]] Re: y", "[[X]] RE: Y"),
    ("[Fwd:]", ""),
])
func baseSubject(subject: String, expected: String) {
    #expect(SortKeys.baseSubject(subject) == expected)
}

private func header(_ fields: [(String, String)]) -> MessageHeader {
    MessageHeader(fields: fields.map { HeaderField(name: $0.0, value: $0.1) })
}

// RFC 5256 §2.2 (first addr-mailbox) and RFC 5957 §3 (display name, else addr-spec).
@Test(arguments: [
    ([("From", "Alice Example <Alice@example.com>"), ("To", "bob@example.org, carol@example.net")],
     SortKeys(from: "ALICE", to: "BOB", cc: "", displayFrom: "ALICE EXAMPLE", displayTo: "BOB@EXAMPLE.ORG")),
    ([("From", "\"Zed, Q.\" <zq@example.com>"), ("Cc", "Team: Dora <dora@example.com>, eve@example.com;")],
     SortKeys(from: "ZQ", cc: "DORA", displayFrom: "ZED, Q.")),
    ([("From", "=?UTF-8?Q?=C3=89lise?= <elise@example.fr>"), ("Subject", "=?UTF-8?Q?Re:_Caf=C3=A9?=")],
     SortKeys(baseSubject: "CAFE\u{301}", from: "ELISE", displayFrom: "E\u{301}LISE")),
    ([("To", "undisclosed-recipients:;")], SortKeys()),
    // A dot between words is a special of its own: `J . Smith` reads `J. Smith`; quoted, it stays as written.
    ([("From", "J . Smith <js@example.com>"), ("To", "\"K . Jones\" <kj@example.com>")],
     SortKeys(from: "JS", to: "KJ", displayFrom: "J. SMITH", displayTo: "K . JONES")),
    ([], SortKeys()),
])
func sortKeys(fields: [(String, String)], expected: SortKeys) {
    #expect(SortKeys(header: header(fields)) == expected)
}
