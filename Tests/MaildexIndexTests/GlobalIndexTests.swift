import Foundation
import MaildexCore
import MaildexIndex
import MaildexTesting
import Testing

@Suite final class GlobalIndexTests {
    let dir: TemporaryDirectory
    let global: GlobalIndex

    init() throws {
        dir = try TemporaryDirectory()
        global = try GlobalIndex(path: dir.path("global.sqlite"))
    }

    deinit { dir.remove() }

    func user(_ name: String, home: String? = nil) throws -> UserRecord {
        UserRecord(username: try Username(name), passwordHash: "{SHA512-CRYPT}$6$salt$hash", home: home,
                   quotaBytes: 1_000_000, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func addReadListUpdateDelete() throws {
        let bob = try user("bob", home: "/home/bob")
        try global.addUser(bob)
        try global.addUser(try user("alice"))
        #expect(try global.user(try Username("BOB")) == bob)
        #expect(try global.users().map(\.username.rawValue) == ["alice", "bob"])

        var changed = bob
        changed.passwordHash = "{PLAIN}x"
        changed.home = nil
        changed.quotaMessages = 42
        try global.updateUser(changed)
        #expect(try global.user(bob.username) == changed)

        try global.deleteUser(bob.username)
        #expect(try global.user(bob.username) == nil)
        #expect(try global.users().count == 1)
    }

    @Test func errorsNameTheUser() throws {
        let bob = try user("bob")
        try global.addUser(bob)
        #expect(throws: DuplicateUser(name: bob.username)) { try global.addUser(bob) }
        let carol = try user("carol")
        #expect(throws: NoSuchUser(name: carol.username)) { try global.updateUser(carol) }
        #expect(throws: NoSuchUser(name: carol.username)) { try global.deleteUser(carol.username) }
        #expect(NoSuchUser(name: carol.username).description == "no such user 'carol'")
        #expect(DuplicateUser(name: bob.username).description == "user 'bob' already exists")
    }

    @Test func settings() throws {
        #expect(try global.setting("motd") == nil)
        try global.setSetting("motd", "hello")
        try global.setSetting("motd", "again")
        #expect(try global.setting("motd") == "again")
        try global.setSetting("motd", nil)
        #expect(try global.setting("motd") == nil)
    }
}
