import Foundation
import Testing
import MaildexMIME

struct IndexedCase: Sendable, CustomTestStringConvertible {
    var fixture: String
    var headers: IndexedHeaders
    var testDescription: String { fixture }
}

private func date(_ seconds: TimeInterval) -> Date { Date(timeIntervalSince1970: seconds) }

let indexedCases: [IndexedCase] = [
    IndexedCase(fixture: "plain", headers: IndexedHeaders(
        from: "Alice Example <alice@example.com>", to: #"bob@example.org, Carol "C" Jones <carol@example.net>"#,
        cc: "Dave <dave@example.net>", subject: "Lunch on Friday?",
        date: date(760_686_745),  // 1994-02-08T05:52:25Z
        messageID: "<B27397-0100000@example.com>", inReplyTo: "<A1@example.org>",
        references: ["<A0@example.org>", "<A1@example.org>"]
    )),
    IndexedCase(fixture: "attachment", headers: IndexedHeaders(
        from: "山田太郎 <taro@example.jp>", to: "alice@example.com", subject: "Invoice for März",
        date: date(1_710_291_600), messageID: "<inv-42@example.jp>"
    )),
    IndexedCase(fixture: "japanese", headers: IndexedHeaders(
        from: "鈴木一郎 <suzuki@example.jp>", to: "tanaka@example.jp", subject: "会議の議事録です",
        date: date(1_710_495_000), messageID: "<jp-1@example.jp>"
    )),
    IndexedCase(fixture: "latin1", headers: IndexedHeaders(
        from: "André Pirard <PIRARD@vm1.ulg.ac.be>", to: "Keld Jørn Simonsen <keld@dkuug.dk>",
        subject: "Café crème und Käse", date: date(1_711_972_800), messageID: "<latin1@vm1.ulg.ac.be>"
    )),
    IndexedCase(fixture: "group", headers: IndexedHeaders(
        from: "Announcements <announce@example.com>", to: "undisclosed-recipients:;",
        cc: "Team: alice@example.com, Bob <bob@example.org>;, eve@example.net",
        bcc: "Hidden Person <hidden@example.com>", subject: "Group syntax",
        date: date(1_710_604_800), messageID: "<group-1@example.com>"
    )),
    IndexedCase(fixture: "no-final-newline", headers: IndexedHeaders(
        from: "a@example.com", to: "b@example.com", subject: "No final newline"
    )),
    IndexedCase(fixture: "broken", headers: IndexedHeaders(
        from: "Broken <broken@example.com>", to: "recipient-without-domain", subject: "Broken été"
    )),
]

@Test(arguments: indexedCases)
func indexedHeaders(_ expected: IndexedCase) {
    let message = ParsedMessage(parsing: LineEndings.crlf(Fixture.bytes(expected.fixture)))
    #expect(message.indexedHeaders == expected.headers)
}

struct BodyTextCase: Sendable, CustomTestStringConvertible {
    var fixture: String
    var text: String
    var testDescription: String { fixture }
}

let bodyTextCases: [BodyTextCase] = [
    BodyTextCase(fixture: "plain", text: "Hi Bob,\n\nshall we have lunch on Friday?\n\nAlice"),
    // Both alternatives are indexed; the style element is dropped and entities are decoded.
    BodyTextCase(fixture: "alternative", text: "Everything is 20% off — this week only.\nCafé vouchers included.\nEverything is 20% off — this week only.\nTom & Jerry"),
    // The base64 PDF attachment is excluded.
    BodyTextCase(fixture: "attachment", text: "Please find the invoice attached. Grüße"),
    BodyTextCase(fixture: "forwarded", text: "See the forwarded notes below.\nDecisions: ship on Friday.\nDecisions: ship on Friday."),
    BodyTextCase(fixture: "japanese", text: "鈴木です。\n明日の会議は十時からです。"),
    BodyTextCase(fixture: "latin1", text: "Un café crème, s'il vous plaît."),
    BodyTextCase(fixture: "bare-lf", text: "first part\ntwo lines"),
    BodyTextCase(fixture: "no-final-newline", text: "first line\nlast line without newline"),
    // The text/html part is an attachment (Content-Disposition), so only the first part counts.
    BodyTextCase(fixture: "broken", text: "The close delimiter never comes."),
]

@Test(arguments: bodyTextCases)
func bodyText(_ expected: BodyTextCase) {
    let message = ParsedMessage(parsing: LineEndings.crlf(Fixture.bytes(expected.fixture)))
    #expect(message.bodyText == expected.text)
}
