import Foundation
import MaildexCore
import MaildexStore
import MaildexSessions
import Testing

// SORT and UID SORT (RFC 5256 §3) with DISPLAYFROM/DISPLAYTO (RFC 5957), over four messages
// (UIDs 2-5 after the first one is expunged, so sequence numbers and UIDs differ):
//
//   seq uid  From                       base subject  Date (else arrival)  arrival   body
//   1   2    "Zoe Adams" <adams@...>    budget        3 Jan 10:00          2 Jan     400
//   2   3    carl@example.org           agenda        1 Jan 08:00          5 Jan     200
//   3   4    Bea <zed@...>              budget        (1 Jan 12:00)        1 Jan 12h   0
//   4   5    Al <mike@...>              agenda        4 Jan 10:00          3 Jan     600
@Suite struct IMAPSortTests {
    static func day(_ day: Int, hour: Int = 0) -> Date {
        Date(timeIntervalSince1970: 1_704_067_200 + Double((day - 1) * 86_400 + hour * 3_600))  // 2024-01-01T00:00Z
    }

    static let messages: [(String, Date)] = [
        ("From: \"Zoe Adams\" <adams@example.org>\r\nTo: Bob <bob@example.org>\r\nSubject: Re: Budget\r\n"
            + "Date: Wed, 3 Jan 2024 10:00:00 +0000\r\n\r\n" + String(repeating: "b", count: 400), day(2)),
        ("From: carl@example.org\r\nTo: amy@example.org\r\nSubject: Fwd: Agenda\r\n"
            + "Date: Mon, 1 Jan 2024 08:00:00 +0000\r\n\r\n" + String(repeating: "a", count: 200), day(5)),
        ("From: Bea <zed@example.org>\r\nSubject: [team] RE: [2] budget  (fwd)\r\n\r\n", day(1, hour: 12)),
        ("From: Al <mike@example.org>\r\nTo: \"Carol\" <carol@example.org>\r\nSubject: Agenda\r\n"
            + "Date: Thu, 4 Jan 2024 10:00:00 +0000\r\n\r\n" + String(repeating: "c", count: 600), day(3)),
    ]

    func selected() async throws -> (POP3Fixture, Transcript<IMAPSession>) {
        let f = try await POP3Fixture()
        let first = try await f.alice.deliver(Array("Subject: gone\r\n\r\n".utf8))
        for (text, date) in Self.messages { try await f.alice.deliver(Array(text.utf8), internalDate: date) }
        _ = try await f.alice.expunge([first], in: .inbox)
        var t = IMAPTranscript(f.imapSession())
        await t.play(loginAndSelectInbox(exists: 4, uidNext: 6))
        return (f, t)
    }

    @Test func sortByEachKey() async throws {
        var (f, t) = try await selected()
        _ = f
        await t.play("""
            C: c SORT (SUBJECT) UTF-8 ALL
            S: * SORT 2 4 1 3
            S: c OK Sort completed.
            C: d SORT (REVERSE DATE) UTF-8 ALL
            S: * SORT 4 1 3 2
            S: d OK Sort completed.
            C: e SORT (DATE) US-ASCII ALL
            S: * SORT 2 3 1 4
            S: e OK Sort completed.
            C: f SORT (FROM) UTF-8 ALL
            S: * SORT 1 2 4 3
            S: f OK Sort completed.
            C: g SORT (SIZE) UTF-8 ALL
            S: * SORT 3 2 1 4
            S: g OK Sort completed.
            C: h SORT (ARRIVAL) UTF-8 ALL
            S: * SORT 3 1 4 2
            S: h OK Sort completed.
            C: i SORT (DISPLAYFROM) UTF-8 ALL
            S: * SORT 4 3 2 1
            S: i OK Sort completed.
            C: j SORT (TO) UTF-8 ALL
            S: * SORT 3 2 1 4
            S: j OK Sort completed.
            C: k SORT (DISPLAYTO) UTF-8 ALL
            S: * SORT 3 2 1 4
            S: k OK Sort completed.
            C: l SORT (REVERSE SUBJECT REVERSE DATE) UTF-8 ALL
            S: * SORT 1 3 4 2
            S: l OK Sort completed.
            C: m SORT (SUBJECT REVERSE SIZE) UTF-8 ALL
            S: * SORT 4 2 1 3
            S: m OK Sort completed.
            """)
    }

    @Test func uidSortWithSearchKeys() async throws {
        var (f, t) = try await selected()
        _ = f
        await t.play("""
            C: c UID SORT (REVERSE SIZE) UTF-8 SUBJECT budget
            S: * SORT 2 4
            S: c OK Sort completed.
            C: d SORT (REVERSE SIZE) UTF-8 SUBJECT budget
            S: * SORT 1 3
            S: d OK Sort completed.
            C: e UID SORT (ARRIVAL) UTF-8 UID 3:* NOT FROM zed
            S: * SORT 5 3
            S: e OK Sort completed.
            C: f SORT (SUBJECT) UTF-8 2:3
            S: * SORT 2 3
            S: f OK Sort completed.
            C: g SORT (SUBJECT) UTF-8 SUBJECT nothing-like-this
            S: * SORT
            S: g OK Sort completed.
            C: g2 SORT (REVERSE SIZE) UTF-8 MODSEQ 1 SUBJECT agenda
            S: * SORT 4 2 (MODSEQ *)
            S: g2 OK Sort completed.
            C: h SORT (SUBJECT) KOI8-R ALL
            S: h NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset KOI8-R.
            C: i SORT () UTF-8 ALL
            S: i BAD *
            C: j SORT (SUBJECT) ALL
            S: j BAD *
            """)
    }

    @Test func sortIsAdvertisedAndNeedsASelectedMailbox() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play("""
            C: a LOGIN alice secret
            S: a OK [CAPABILITY *SORT SORT=DISPLAY*] Logged in
            C: b SORT (SUBJECT) UTF-8 ALL
            S: b BAD No mailbox selected.
            """)
    }
}
