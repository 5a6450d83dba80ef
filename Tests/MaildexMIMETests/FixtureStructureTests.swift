import Testing
import MaildexMIME

/// ENVELOPE, BODY and BODYSTRUCTURE of every fixture, written out from RFC 3501 §7.4.2.
///
/// Checked against Dovecot 2.3 (`imap` in preauth mode over the same files): identical except that Dovecot keeps the
/// header's case (`"text" "plain"`) where we upper-case, sends a one-element language as a list (`("ja")`), sends some
/// 7-bit strings as literals, and (forwarded.eml) counts the CRLF before the outer boundary into the message/rfc822
/// part (424 bytes, 17 lines) where RFC 2046 §5.1.1 gives it to the delimiter (422, 16).
struct StructureCase: Sendable, CustomTestStringConvertible {
    var fixture: String
    var envelope: String
    var body: String
    var bodyStructure: String
    var testDescription: String { fixture }
}

let structureCases: [StructureCase] = [
    StructureCase(
        fixture: "plain",
        envelope: #"("Mon, 7 Feb 1994 21:52:25 -0800 (PST)" "Lunch on Friday?" (("Alice Example" NIL "alice" "example.com")) (("Alice Example" NIL "alice" "example.com")) (("Alice Example" NIL "alice" "example.com")) ((NIL NIL "bob" "example.org")("Carol \"C\" Jones" NIL "carol" "example.net")) (("Dave" NIL "dave" "example.net")) NIL "<A1@example.org>" "<B27397-0100000@example.com>")"#,
        body: #"("TEXT" "PLAIN" ("CHARSET" "us-ascii" "FORMAT" "flowed") NIL NIL "7BIT" 52 5)"#,
        bodyStructure: #"("TEXT" "PLAIN" ("CHARSET" "us-ascii" "FORMAT" "flowed") NIL NIL "7BIT" 52 5 NIL NIL NIL NIL)"#
    ),
    StructureCase(
        fixture: "alternative",
        envelope: #"("Tue, 12 Mar 2024 09:30:00 +0100" "Spring sale" (("Newsletter" NIL "news" "shop.example")) (("Newsletter" NIL "news" "shop.example")) (("Newsletter" NIL "news" "shop.example")) (("Customer" NIL "customer" "example.org")) NIL NIL NIL "<sale-2024@shop.example>")"#,
        body: #"(("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "QUOTED-PRINTABLE" 77 1)("TEXT" "HTML" ("CHARSET" "utf-8") NIL NIL "7BIT" 144 0) "ALTERNATIVE")"#,
        bodyStructure: #"(("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "QUOTED-PRINTABLE" 77 1 NIL NIL NIL NIL)("TEXT" "HTML" ("CHARSET" "utf-8") NIL NIL "7BIT" 144 0 NIL NIL NIL NIL) "ALTERNATIVE" ("BOUNDARY" "=_alt_boundary") NIL NIL NIL)"#
    ),
    StructureCase(
        fixture: "attachment",
        envelope: #"("Wed, 13 Mar 2024 10:00:00 +0900" "=?UTF-8?Q?Invoice_for_M=C3=A4rz?=" (("=?UTF-8?B?5bGx55Sw5aSq6YOO?=" NIL "taro" "example.jp")) (("=?UTF-8?B?5bGx55Sw5aSq6YOO?=" NIL "taro" "example.jp")) (("=?UTF-8?B?5bGx55Sw5aSq6YOO?=" NIL "taro" "example.jp")) ((NIL NIL "alice" "example.com")) NIL NIL NIL "<inv-42@example.jp>")"#,
        body: #"(("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "8BIT" 41 0)("APPLICATION" "PDF" ("NAME" "=?UTF-8?B?6KuL5rGC5pu4LnBkZg==?=") "<part2@example.jp>" "Invoice" "BASE64" 72) "MIXED")"#,
        bodyStructure: #"(("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "8BIT" 41 0 NIL NIL NIL NIL)("APPLICATION" "PDF" ("NAME" "=?UTF-8?B?6KuL5rGC5pu4LnBkZg==?=") "<part2@example.jp>" "Invoice" "BASE64" 72 NIL ("ATTACHMENT" ("FILENAME*" "UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8.pdf")) "ja" NIL) "MIXED" ("BOUNDARY" "mixed-1") NIL NIL NIL)"#
    ),
    StructureCase(
        fixture: "forwarded",
        envelope: #"("Thu, 14 Mar 2024 08:00:00 -0500" "Fwd: Meeting notes" (("Bob" NIL "bob" "example.org")) (("Bob" NIL "bob" "example.org")) (("Bob" NIL "bob" "example.org")) (("Alice" NIL "alice" "example.com")) NIL NIL NIL "<fwd-1@example.org>")"#,
        body: #"(("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 30 0)("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 422 ("Wed, 13 Mar 2024 17:00:00 -0500" "Meeting notes" (("Carol" NIL "carol" "example.net")) (("Carol" NIL "carol" "example.net")) (("Carol" NIL "carol" "example.net")) (("Bob" NIL "bob" "example.org")) NIL NIL NIL "<notes-1@example.net>") (("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 26 0)("TEXT" "HTML" ("CHARSET" "us-ascii") NIL NIL "7BIT" 40 0) "ALTERNATIVE") 16) "MIXED")"#,
        bodyStructure: #"(("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 30 0 NIL NIL NIL NIL)("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 422 ("Wed, 13 Mar 2024 17:00:00 -0500" "Meeting notes" (("Carol" NIL "carol" "example.net")) (("Carol" NIL "carol" "example.net")) (("Carol" NIL "carol" "example.net")) (("Bob" NIL "bob" "example.org")) NIL NIL NIL "<notes-1@example.net>") (("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 26 0 NIL NIL NIL NIL)("TEXT" "HTML" ("CHARSET" "us-ascii") NIL NIL "7BIT" 40 0 NIL NIL NIL NIL) "ALTERNATIVE" ("BOUNDARY" "inner") NIL NIL NIL) 16 NIL ("INLINE" NIL) NIL NIL) "MIXED" ("BOUNDARY" "outer") NIL NIL NIL)"#
    ),
    StructureCase(
        fixture: "japanese",
        envelope: #"("Fri, 15 Mar 2024 18:30:00 +0900" "=?ISO-2022-JP?B?GyRCMnE1RCROGyhC?= =?ISO-2022-JP?B?GyRCNUQ7dk8/JEckORsoQg==?=" (("=?Shift_JIS?B?l+mW2IjqmFk=?=" NIL "suzuki" "example.jp")) (("=?Shift_JIS?B?l+mW2IjqmFk=?=" NIL "suzuki" "example.jp")) (("=?Shift_JIS?B?l+mW2IjqmFk=?=" NIL "suzuki" "example.jp")) ((NIL NIL "tanaka" "example.jp")) NIL NIL NIL "<jp-1@example.jp>")"#,
        body: #"("TEXT" "PLAIN" ("CHARSET" "Shift_JIS") NIL NIL "8BIT" 40 2)"#,
        bodyStructure: #"("TEXT" "PLAIN" ("CHARSET" "Shift_JIS") NIL NIL "8BIT" 40 2 NIL NIL NIL NIL)"#
    ),
    StructureCase(
        fixture: "latin1",
        envelope: #"("1 Apr 24 12:00 GMT" "=?ISO-8859-1?Q?Caf=E9_cr=E8me?= und =?iso-8859-1?q?K=E4se?=" (("=?ISO-8859-1?Q?Andr=E9?= Pirard" NIL "PIRARD" "vm1.ulg.ac.be")) (("=?ISO-8859-1?Q?Andr=E9?= Pirard" NIL "PIRARD" "vm1.ulg.ac.be")) (("=?ISO-8859-1?Q?Andr=E9?= Pirard" NIL "PIRARD" "vm1.ulg.ac.be")) (("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=" NIL "keld" "dkuug.dk")) NIL NIL NIL "<latin1@vm1.ulg.ac.be>")"#,
        body: #"("TEXT" "PLAIN" ("CHARSET" "ISO-8859-1") NIL NIL "QUOTED-PRINTABLE" 39 1)"#,
        bodyStructure: #"("TEXT" "PLAIN" ("CHARSET" "ISO-8859-1") NIL NIL "QUOTED-PRINTABLE" 39 1 NIL NIL NIL NIL)"#
    ),
    StructureCase(
        fixture: "group",
        envelope: #"("Sat, 16 Mar 2024 11:00 EST" "Group syntax" (("Announcements" NIL "announce" "example.com")) ((NIL NIL "list-bounces" "example.com")) (("Help Desk" NIL "help" "example.com")) ((NIL NIL "undisclosed-recipients" NIL)(NIL NIL NIL NIL)) ((NIL NIL "Team" NIL)(NIL NIL "alice" "example.com")("Bob" NIL "bob" "example.org")(NIL NIL NIL NIL)(NIL NIL "eve" "example.net")) (("Hidden Person" NIL "hidden" "example.com")) NIL "<group-1@example.com>")"#,
        body: #"("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 13 1)"#,
        bodyStructure: #"("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 13 1 NIL NIL NIL NIL)"#
    ),
    StructureCase(
        fixture: "bare-lf",  // parsed after LineEndings.crlf, as the store does: sizes count CRLF (as Dovecot's)
        envelope: #"("Sun, 17 Mar 2024 12:00:00 +0000" "Bare LF" ((NIL NIL "lf" "example.com")) ((NIL NIL "lf" "example.com")) ((NIL NIL "lf" "example.com")) ((NIL NIL "crlf" "example.com")) NIL NIL NIL NIL)"#,
        body: #"(("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 21 1)("IMAGE" "PNG" NIL NIL NIL "BASE64" 12) "MIXED")"#,
        bodyStructure: #"(("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 21 1 NIL NIL NIL NIL)("IMAGE" "PNG" NIL NIL NIL "BASE64" 12 NIL NIL NIL NIL) "MIXED" ("BOUNDARY" "LF") NIL NIL NIL)"#
    ),
    StructureCase(
        fixture: "no-final-newline",
        envelope: #"(NIL "No final newline" ((NIL NIL "a" "example.com")) ((NIL NIL "a" "example.com")) ((NIL NIL "a" "example.com")) ((NIL NIL "b" "example.com")) NIL NIL NIL NIL)"#,
        body: #"("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 37 1)"#,
        bodyStructure: #"("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 37 1 NIL NIL NIL NIL)"#
    ),
    StructureCase(
        fixture: "broken",  // 8-bit Subject: Latin-1 bytes become UTF-8 and go out as a literal
        envelope: "(\"not a date\" {12}\r\nBroken été ((\"Broken\" NIL \"broken\" \"example.com\")) ((\"Broken\" NIL \"broken\" \"example.com\")) ((\"Broken\" NIL \"broken\" \"example.com\")) ((NIL NIL \"recipient-without-domain\" \"MISSING_DOMAIN\")(NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL)",
        body: #"(("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "7BIT" 32 0)("TEXT" "HTML" ("CHARSET" "iso-8859-1") NIL NIL "7BIT" 16 1) "MIXED")"#,
        bodyStructure: #"(("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "7BIT" 32 0 NIL NIL NIL NIL)("TEXT" "HTML" ("CHARSET" "iso-8859-1") NIL NIL "7BIT" 16 1 NIL ("ATTACHMENT" ("FILENAME" "page.html")) NIL NIL) "MIXED" ("BOUNDARY" "never-closed") NIL NIL NIL)"#
    ),
]

@Test(arguments: structureCases)
func fixtureStructure(_ expected: StructureCase) {
    let message = ParsedMessage(parsing: LineEndings.crlf(Fixture.bytes(expected.fixture)))
    #expect(message.envelope.imapString == expected.envelope)
    #expect(message.bodyStructure.imapString(extended: false) == expected.body)
    #expect(message.bodyStructure.imapString(extended: true) == expected.bodyStructure)
}

@Test func everyFixtureHasAStructureCase() {
    #expect(Set(structureCases.map(\.fixture)) == Set(Fixture.names))
    for name in Fixture.names { #expect(!Fixture.bytes(name).isEmpty, "fixture \(name) did not load") }
}

@Test func bareLFBytesAreMeasuredAsGiven() {
    let message = ParsedMessage(parsing: Fixture.bytes("bare-lf"))
    #expect(message.bodyStructure.imapString(extended: false)
        == #"(("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 20 1)("IMAGE" "PNG" NIL NIL NIL "BASE64" 12) "MIXED")"#)
    #expect(message.header.first("Subject") == "Bare LF")
}
