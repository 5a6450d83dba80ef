import Foundation
import MaildexCore
import MaildexStore
import MaildexSessions
import Testing

// SORT compares with i;unicode-casemap (RFC 5256 §2.1, RFC 5051): accented and non-Latin
// subjects and names sort with their base letters, whatever their case; and after ENABLE
// UTF8=ACCEPT, SORT and THREAD take only UTF-8 (RFC 6855 §3, errata 4029).
//
//   seq  Subject (decoded)   From
//   1    Zebra               Zoë <zoe@example.org>
//   2    Ñandú               Örjan <orjan@example.org>
//   3    nabo                Nils <nils@example.org>
//   4    Ánimo               ångström <angstrom@example.org>
//   5    apple               Émile <emile@example.org>
//   6    Ωμέγα               Ωλγα <olga@example.org>
@Suite struct IMAPSortCollationTests {
    static let messages = [
        ("Zebra", "=?UTF-8?Q?Zo=C3=AB?= <zoe@example.org>"),
        ("=?UTF-8?Q?=C3=91and=C3=BA?=", "=?UTF-8?Q?=C3=96rjan?= <orjan@example.org>"),
        ("nabo", "Nils <nils@example.org>"),
        ("=?UTF-8?Q?=C3=81nimo?=", "=?UTF-8?Q?=C3=A5ngstr=C3=B6m?= <angstrom@example.org>"),
        ("apple", "=?UTF-8?Q?=C3=89mile?= <emile@example.org>"),
        ("=?UTF-8?B?zqnOvM6tzrPOsQ==?=", "=?UTF-8?B?zqnOu86zzrE=?= <olga@example.org>"),
    ]

    func selected() async throws -> (POP3Fixture, Transcript<IMAPSession>) {
        let f = try await POP3Fixture()
        for (subject, from) in Self.messages {
            try await f.alice.deliver(Array("From: \(from)\r\nSubject: \(subject)\r\n\r\nbody\r\n".utf8))
        }
        var t = IMAPTranscript(f.imapSession())
        await t.play(loginAndSelectInbox(exists: 6, uidNext: 7))
        return (f, t)
    }

    @Test func sortUsesUnicodeCasemap() async throws {
        var (f, t) = try await selected()
        _ = f
        // Keys: APPLE, A\u{301}NIMO, NABO, N\u{303}ANDU\u{301}, ZEBRA, then Greek (Ω is past Latin).
        // Display names: A\u{30A}NGSTRO\u{308}M, E\u{301}MILE, NILS, O\u{308}RJAN, ZOE\u{308}, ΩΛΓΑ.
        await t.play("""
            C: c SORT (SUBJECT) UTF-8 ALL
            S: * SORT 5 4 3 2 1 6
            S: c OK Sort completed.
            C: d SORT (REVERSE SUBJECT) UTF-8 ALL
            S: * SORT 6 1 2 3 4 5
            S: d OK Sort completed.
            C: e SORT (DISPLAYFROM) UTF-8 ALL
            S: * SORT 4 5 3 2 1 6
            S: e OK Sort completed.
            C: f THREAD ORDEREDSUBJECT UTF-8 ALL
            S: * THREAD (1)(2)(3)(4)(5)(6)
            S: f OK Thread completed.
            """)
    }

    @Test func onlyUTF8AfterUTF8Accept() async throws {
        var (f, t) = try await selected()
        _ = f
        await t.play("""
            C: c SORT (SUBJECT) US-ASCII ALL
            S: * SORT 5 4 3 2 1 6
            S: c OK Sort completed.
            C: d ENABLE UTF8=ACCEPT
            S: * ENABLED UTF8=ACCEPT
            S: d OK Enabled.
            C: e SORT (SUBJECT) US-ASCII ALL
            S: e BAD SORT charset US-ASCII after ENABLE UTF8=ACCEPT: only UTF-8.
            C: f THREAD REFERENCES ISO-8859-1 ALL
            S: f BAD THREAD charset ISO-8859-1 after ENABLE UTF8=ACCEPT: only UTF-8.
            C: g SORT (SUBJECT) utf-8 SUBJECT "Ñandú"
            S: * SORT 2
            S: g OK Sort completed.
            C: h THREAD REFERENCES UTF-8 ALL
            S: * THREAD (1)(2)(3)(4)(5)(6)
            S: h OK Thread completed.
            """)
    }
}
