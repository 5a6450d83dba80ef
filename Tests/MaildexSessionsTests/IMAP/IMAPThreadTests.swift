import Foundation
import MaildexCore
import MaildexStore
import MaildexSessions
import Testing

// THREAD and UID THREAD (RFC 5256 §3–5), over six messages (UIDs 2-7 after the first one is
// expunged, so sequence numbers and UIDs differ):
//
//   seq uid  Message-ID  References / In-Reply-To     Subject       Date (else arrival)
//   1   2    <a@x>                                    Budget        1 Jan
//   2   3    <b@x>       In-Reply-To <a@x>            Re: Budget    3 Jan
//   3   4    <c@x>                                    Agenda        2 Jan
//   4   5    <d@x>       <a@x> <b@x>                  Re: Budget    4 Jan
//   5   6    <e@x>       <gone@x> (not in the box)    Re: Agenda    5 Jan
//   6   7    (none)                                   Lunch         (6 Jan)
@Suite struct IMAPThreadTests {
    static func day(_ day: Int) -> Date {
        Date(timeIntervalSince1970: 1_704_067_200 + Double((day - 1) * 86_400))  // 2024-01-01T00:00Z
    }

    static let messages: [String] = [
        "Message-ID: <a@x>\r\nSubject: Budget\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\nhi\r\n",
        "Message-ID: <b@x>\r\nIn-Reply-To: <a@x>\r\nSubject: Re: Budget\r\nDate: Wed, 3 Jan 2024 10:00:00 +0000\r\n\r\nhi\r\n",
        "Message-ID: <c@x>\r\nSubject: Agenda\r\nDate: Tue, 2 Jan 2024 10:00:00 +0000\r\n\r\nhi\r\n",
        "Message-ID: <d@x>\r\nReferences: <a@x>\r\n <b@x>\r\nSubject: Re: Budget\r\nDate: Thu, 4 Jan 2024 10:00:00 +0000\r\n\r\nhi\r\n",
        "Message-ID: <e@x>\r\nReferences: <gone@x>\r\nSubject: Re: Agenda\r\nDate: Fri, 5 Jan 2024 10:00:00 +0000\r\n\r\nhi\r\n",
        "Subject: Lunch\r\n\r\nhi\r\n",
    ]

    func selected() async throws -> (POP3Fixture, Transcript<IMAPSession>) {
        let f = try await POP3Fixture()
        let first = try await f.alice.deliver(Array("Subject: gone\r\n\r\n".utf8))
        for (i, text) in Self.messages.enumerated() { try await f.alice.deliver(Array(text.utf8), internalDate: Self.day(i + 1)) }
        _ = try await f.alice.expunge([first], in: .inbox)
        var t = IMAPTranscript(f.imapSession())
        await t.play(loginAndSelectInbox(exists: 6, uidNext: 8))
        return (f, t)
    }

    @Test func bothAlgorithms() async throws {
        var (f, t) = try await selected()
        _ = f
        await t.play("""
            C: c THREAD ORDEREDSUBJECT UTF-8 ALL
            S: * THREAD (1 (2)(4))(3 5)(6)
            S: c OK Thread completed.
            C: d UID THREAD ORDEREDSUBJECT UTF-8 ALL
            S: * THREAD (2 (3)(5))(4 6)(7)
            S: d OK Thread completed.
            C: e THREAD REFERENCES UTF-8 ALL
            S: * THREAD (1 2 4)(3 5)(6)
            S: e OK Thread completed.
            C: f UID THREAD REFERENCES US-ASCII ALL
            S: * THREAD (2 3 5)(4 6)(7)
            S: f OK Thread completed.
            """)
    }

    @Test func threadWithSearchKeys() async throws {
        var (f, t) = try await selected()
        _ = f
        await t.play("""
            C: c THREAD REFERENCES UTF-8 SUBJECT budget
            S: * THREAD (1 2 4)
            S: c OK Thread completed.
            C: d THREAD REFERENCES UTF-8 NOT 2
            S: * THREAD (1 4)(3 5)(6)
            S: d OK Thread completed.
            C: e UID THREAD ORDEREDSUBJECT US-ASCII UID 4:*
            S: * THREAD (4 6)(5)(7)
            S: e OK Thread completed.
            C: f THREAD REFERENCES UTF-8 SUBJECT nothing-like-this
            S: * THREAD
            S: f OK Thread completed.
            C: g THREAD REFERENCES UTF-8 SINCE 1-Jan-2030
            S: * THREAD
            S: g OK Thread completed.
            C: h THREAD REFERENCES KOI8-R ALL
            S: h NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset KOI8-R.
            C: i THREAD SUBJECT UTF-8 ALL
            S: i BAD *
            C: j THREAD REFERENCES ALL
            S: j BAD *
            """)
    }

    @Test func threadIsLimitedToTheView() async throws {
        var (f, t) = try await selected()
        _ = try await f.alice.deliver(Array("Message-ID: <n@x>\r\nReferences: <a@x>\r\nSubject: Re: Budget\r\n\r\nhi\r\n".utf8),
                                      internalDate: Self.day(9))
        await t.play("""
            C: c THREAD REFERENCES UTF-8 ALL
            S: * THREAD (1 2 4)(3 5)(6)
            S: * 7 EXISTS
            S: * * RECENT
            S: c OK Thread completed.
            C: d THREAD REFERENCES UTF-8 ALL
            S: * THREAD (1 (2 4)(7))(3 5)(6)
            S: d OK Thread completed.
            """)
    }

    @Test func threadIsAdvertisedAndNeedsASelectedMailbox() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play("""
            C: a LOGIN alice secret
            S: a OK [CAPABILITY *THREAD=ORDEREDSUBJECT THREAD=REFERENCES*] Logged in
            C: b THREAD REFERENCES UTF-8 ALL
            S: b BAD No mailbox selected.
            """)
    }
}
