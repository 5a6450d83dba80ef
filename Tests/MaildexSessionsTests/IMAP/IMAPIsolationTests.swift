import Foundation
import MaildexCore
import MaildexIMAPCodec
import MaildexIndex
import MaildexSessions
import MaildexStore
import MaildexTesting
import Testing

/// One user cannot reach another's mail through mailbox names: traversal (`../`), hierarchy tricks,
/// wildcards and NUL are refused by SELECT, EXAMINE, STATUS, COPY, MOVE, APPEND and CREATE, and
/// nothing is written outside the user's own Maildir.
@Suite struct IMAPIsolationTests {
    static let hostileNames: [String] = [
        "../bob", "../../bob/Maildir", "..", ".", "INBOX/../../bob", "/etc", "~bob/Private", "~/../bob",
        "%", "*", "bob%", ".Private", "..Private", "INBOX/.", "a\\b",
    ]

    /// Every file and directory under `root`, except those under `excluded`.
    private func tree(_ root: String, excluding excluded: String) -> Set<String> {
        var out: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            let path = root + "/" + relative
            if path.hasPrefix(excluded) || relative.hasSuffix("-wal") || relative.hasSuffix("-shm") || relative.hasSuffix("-journal") { continue }
            out.insert(relative)
        }
        return out
    }

    @Test(arguments: hostileNames)
    func hostileMailboxNameReachesNothingOutside(_ name: String) async throws {
        let fixture = try await POP3Fixture()
        let bobRecord = try await fixture.store.addUser(Username("bob"), passwordHash: "{PLAIN}other")
        let bob = try fixture.store.userStore(for: bobRecord)
        try await bob.createMailbox(MailboxName("Private"))
        _ = try await bob.deliver(Array("Subject: bob's\r\n\r\nprivate\r\n".utf8), to: MailboxName("Private"))
        _ = try await fixture.alice.deliver(Array("Subject: alice's\r\n\r\nmine\r\n".utf8))
        let aliceMaildir = fixture.store.location(of: try #require(try fixture.store.global.user(Username("alice")))).maildir
        let before = tree(fixture.dir.path("data"), excluding: aliceMaildir)

        let session = fixture.imapSession()
        _ = await session.start()
        #expect(await session.say("a LOGIN alice secret").contains("a OK"))
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\") + "\""
        for command in ["SELECT", "EXAMINE"] {
            let reply = await session.say("s \(command) \(quoted)")
            #expect(!reply.contains("s OK"), "\(command) \(name): \(reply)")
        }
        let status = await session.say("t STATUS \(quoted) (MESSAGES)")
        #expect(!status.contains("t OK"), "STATUS \(name): \(status)")
        #expect(await session.say("u SELECT INBOX").contains("u OK"))
        for command in ["COPY", "MOVE"] {
            let reply = await session.say("v \(command) 1 \(quoted)")
            #expect(!reply.contains("v OK"), "\(command) \(name): \(reply)")
        }
        let append = await session.say(Array("w APPEND \(quoted) {10+}\r\nSubject: x".utf8))
        #expect(!append.contains("w OK"), "APPEND \(name): \(append)")
        _ = await session.say("x CREATE \(quoted)")   // may succeed for a harmless name, inside alice's Maildir
        _ = await session.say("y DELETE \(quoted)")
        _ = await session.say("z RENAME \(quoted) Stolen")
        await session.closed()

        #expect(tree(fixture.dir.path("data"), excluding: aliceMaildir) == before, "nothing changed outside alice's Maildir")
        #expect(try await bob.messages(in: MailboxName("Private")).count == 1)
    }

    /// A NUL inside a literal mailbox name is refused, not truncated to a name that exists.
    @Test func nulInMailboxName() async throws {
        let fixture = try await POP3Fixture()
        let session = fixture.imapSession()
        _ = await session.start()
        #expect(await session.say("a LOGIN alice secret").contains("a OK"))
        let select = await session.say(Array("b SELECT {6+}\r\nINBOX".utf8) + [0])
        #expect(!select.contains("b OK"), "\(select)")
        let create = await session.say(Array("c CREATE {4+}\r\nx".utf8) + [0] + Array("yz".utf8))
        #expect(!create.contains("c OK"), "\(create)")
        #expect(try await fixture.alice.mailboxes().allSatisfy { !$0.name.rawValue.contains("\0") })
    }

    /// LIST and LSUB show only the user's own mailboxes.
    @Test func listShowsOnlyOwnMailboxes() async throws {
        let fixture = try await POP3Fixture()
        let bobRecord = try await fixture.store.addUser(Username("bob"), passwordHash: "{PLAIN}other")
        try await fixture.store.userStore(for: bobRecord).createMailbox(MailboxName("BobsPrivate"))
        let session = fixture.imapSession()
        _ = await session.start()
        #expect(await session.say("a LOGIN alice secret").contains("a OK"))
        let list = await session.say("b LIST \"\" *") + (await session.say("c LIST \"../\" *")) + (await session.say("d LIST \"\" \"../*\""))
        #expect(!list.contains("BobsPrivate"), "\(list)")
        #expect(!list.contains("bob"), "\(list)")
    }
}
