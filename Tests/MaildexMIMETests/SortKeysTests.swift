import Testing
import MaildexMIME

// RFC 5256 §2.1: the base subject, rule by rule, and subjects that must be left alone.
@Test(arguments: [
    ("Hello world", "hello world"),
    ("", ""),
    ("   ", ""),
    ("Re: Hello", "hello"),
    ("RE: Hello", "hello"),
    ("re:Hello", "hello"),
    ("Re : Hello", "hello"),
    ("Fw: Hello", "hello"),
    ("Fwd: Hello", "hello"),
    ("FWD:   Hello", "hello"),
    ("Re: Re: Fwd: Re: Hello", "hello"),
    ("Re[2]: Hello", "hello"),
    ("Re [2]: Hello", "hello"),
    ("[list] Re: Hello", "hello"),
    ("Re: [list] Hello", "hello"),
    ("[a] [b] Re: [c] Hello", "hello"),
    ("[list]", "[list]"),
    ("Re: [list]", "[list]"),
    ("Hello (fwd)", "hello"),
    ("Hello (FWD) (fwd)  ", "hello"),
    ("[Fwd: Re: Hello]", "hello"),
    ("Fwd: [Fwd: Hello (fwd)]", "hello"),
    ("Hello\t  \r\n world", "hello world"),
    ("Reply: Hello", "reply: hello"),
    ("Re Hello", "re hello"),
    ("Refund: money", "refund: money"),
    ("Hello [not a leader]", "hello [not a leader]"),
    ("[unclosed Re: Hello", "[unclosed re: hello"),
    ("Grüße: Re: Ärger", "grüße: re: ärger"),
    ("İ Re: x", "i̇ re: x"),
    ("[[x]] Re: y", "[[x]] re: y"),
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
     SortKeys(from: "alice", to: "bob", cc: "", displayFrom: "alice example", displayTo: "bob@example.org")),
    ([("From", "\"Zed, Q.\" <zq@example.com>"), ("Cc", "Team: Dora <dora@example.com>, eve@example.com;")],
     SortKeys(from: "zq", cc: "dora", displayFrom: "zed, q.")),
    ([("From", "=?UTF-8?Q?=C3=89lise?= <elise@example.fr>"), ("Subject", "=?UTF-8?Q?Re:_Caf=C3=A9?=")],
     SortKeys(baseSubject: "café", from: "elise", displayFrom: "élise")),
    ([("To", "undisclosed-recipients:;")], SortKeys()),
    ([], SortKeys()),
])
func sortKeys(fields: [(String, String)], expected: SortKeys) {
    #expect(SortKeys(header: header(fields)) == expected)
}
