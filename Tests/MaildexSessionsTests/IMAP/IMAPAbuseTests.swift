import Foundation
import MaildexCore
import MaildexIMAPCodec
import MaildexSessions
import MaildexStore
import Testing

/// Hostile sizes that stay within the protocol's limits: thousands of mailboxes, thousands of
/// keywords, a megabyte-long header line. Each is served (or refused) cleanly, and the session
/// answers the next command.
@Suite struct IMAPAbuseTests {
    private func loggedIn(_ fixture: POP3Fixture) async -> IMAPSession {
        let session = fixture.imapSession()
        _ = await session.start()
        _ = await session.say("a LOGIN alice secret")
        return session
    }

    @Test func twoThousandMailboxesAreListedAndUsable() async throws {
        let fixture = try await POP3Fixture()
        for i in 0..<2_000 { try await fixture.alice.createMailbox(MailboxName("Box\(i)")) }
        let session = await loggedIn(fixture)
        let list = await session.say("l LIST \"\" \"Box*\"")
        #expect(list.components(separatedBy: "\r\n").filter { $0.hasPrefix("* LIST ") }.count == 2_000)
        #expect(list.hasSuffix("l OK List completed.\r\n") || list.contains("\r\nl OK "))
        #expect(await session.say("s SELECT Box1999").contains("s OK [READ-WRITE]"))
        #expect(await session.say("n NOOP").contains("n OK"))
    }

    @Test func thousandsOfKeywordsAreStoredAndShown() async throws {
        let fixture = try await POP3Fixture()
        _ = try await fixture.alice.deliver(Array("Subject: k\r\n\r\nbody\r\n".utf8))
        let session = await loggedIn(fixture)
        _ = await session.say("s SELECT INBOX")
        // 5,000 keywords in one STORE: a 50 KB line, inside the 64 KiB line limit.
        let keywords = (0..<5_000).map { "kw\($0)" }
        let stored = await session.say("t STORE 1 +FLAGS.SILENT (\(keywords.joined(separator: " ")))")
        #expect(stored.contains("t OK"))
        let flags = await session.say("f FETCH 1 FLAGS")
        #expect(flags.contains("kw0 ") && flags.contains("kw4999"))
        #expect(flags.contains("f OK"))
        // Past the line limit the command is refused, and the session goes on.
        let tooMany = (0..<20_000).map { "kw\($0)" }.joined(separator: " ")
        #expect(await session.say("u STORE 1 +FLAGS (\(tooMany))").contains("BAD"))
        #expect(await session.say("n NOOP").contains("n OK"))
        #expect(await session.say("e EXAMINE INBOX").contains("kw4999"))
    }

    @Test func megabyteHeaderLineIsStoredFetchedAndSearched() async throws {
        let fixture = try await POP3Fixture()
        let session = await loggedIn(fixture)
        let subject = String(repeating: "x", count: 1 << 20) + " needle"
        let message = Array("Subject: \(subject)\r\nFrom: a@example.com\r\n\r\nbody\r\n".utf8)
        let appended = await session.say(Array("a APPEND INBOX {\(message.count)+}\r\n".utf8) + message)
        #expect(appended.contains("a OK"))
        _ = await session.say("s SELECT INBOX")
        #expect(await session.say("f FETCH 1 ENVELOPE").contains(" needle\""))
        #expect(await session.say("r SEARCH SUBJECT needle").contains("* SEARCH 1\r\n"))
        #expect(await session.say("n NOOP").contains("n OK"))
    }
}
