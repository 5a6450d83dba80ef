import Foundation
import MaildexAuth
import MaildexCore
import Testing

@Suite struct StaticDriverTests {
    @Test(arguments: [
        (StaticPassDB.Password.password("secret"), "secret", PassDBResult.success(nil)),
        (.password("secret"), "other", .passwordMismatch),
        (.password("{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ="), "secret", .success(nil)),
        (.noPassword, "anything", .success(nil)),
    ])
    func passdb(password: StaticPassDB.Password, given: String, expected: PassDBResult) async throws {
        #expect(try await StaticPassDB(password: password).verify(user: "alice", password: given) == expected)
    }

    @Test(arguments: [
        ("bob@example.org", UserFields(username: "bob@example.org", uid: 5000, gid: 5000, home: "/var/vmail/example.org/bob", mail: "/var/vmail/example.org/bob/Maildir", extra: ["quota_rule": "*:storage=bob@example.org"])),
        ("carol", UserFields(username: "carol", uid: 5000, gid: 5000, home: "/var/vmail//carol", mail: "/var/vmail//carol/Maildir", extra: ["quota_rule": "*:storage=carol"])),
    ])
    func userdbExpandsVariables(user: String, expected: UserFields) async throws {
        let userdb = StaticUserDB(uid: 5000, gid: 5000, home: "/var/vmail/%d/%n", mail: "/var/vmail/%d/%n/Maildir", extra: ["quota_rule": "*:storage=%u"])
        #expect(try await userdb.lookup(user: user) == expected)
    }

    @Test(arguments: ["../../etc", "a/b", "", ".hidden"])
    func userdbRefusesNamesUnsafeInPaths(_ user: String) async throws {
        #expect(try await StaticUserDB(home: "/var/vmail/%u").lookup(user: user) == nil)
    }

    @Test func variables() throws {
        let variables = try UserVariables("ann@example.org")
        #expect(variables.expand("%u|%n|%d|%%|%x|%") == "ann@example.org|ann|example.org|%|%x|%")
    }
}

@Suite struct SystemUserDBTests {
    @Test func rootIsFound() async throws {
        let fields = try #require(try await SystemUserDB().lookup(user: "root"))
        #expect(fields.uid == 0 && fields.gid == 0)
        #expect(fields.home == "/root")
        #expect(fields.mail == "/root/Maildir")
    }

    @Test(arguments: ["maildex-no-such-user", "", "ro\0ot"])
    func missingUserIsNil(_ user: String) async throws {
        #expect(try await SystemUserDB().lookup(user: user) == nil)
    }

    @Test func accountNamesResolve() {
        #expect(SystemAccounts.userID(named: "root") == 0)
        #expect(SystemAccounts.groupID(named: "root") == 0)
        #expect(SystemAccounts.groupID(named: "maildex-no-such-group") == nil)
    }
}

@Suite struct SQLDriverTests {
    static let table: [String: String] = ["alice": "{PLAIN}alicepw", "bob": "$6$", "carol": ""]

    static let passdb = SQLPassDB { (name: Username) in table[name.rawValue] }

    @Test(arguments: [
        ("alice", "alicepw", PassDBResult.success(nil)),
        ("ALICE", "alicepw", .success(nil)),        // Username lower-cases
        ("alice", "nope", .passwordMismatch),
        ("carol", "", .passwordMismatch),           // no password stored
        ("dave", "x", .unknownUser),
        ("bad name", "x", .unknownUser),            // not a valid Username
    ])
    func passdb(user: String, password: String, expected: PassDBResult) async throws {
        #expect(try await Self.passdb.verify(user: user, password: password) == expected)
    }

    @Test func lookupErrorsPropagate() async {
        struct Broken: Error {}
        let passdb = SQLPassDB { _ in throw Broken() }
        await #expect(throws: Broken.self) { try await passdb.verify(user: "alice", password: "x") }
    }

    @Test func userdb() async throws {
        let userdb = SQLUserDB { name in name.rawValue == "alice" ? UserFields(username: "alice", home: "/var/mail/alice") : nil }
        #expect(try await userdb.lookup(user: "Alice")?.home == "/var/mail/alice")
        #expect(try await userdb.lookup(user: "bob") == nil)
        #expect(try await userdb.lookup(user: "a/b") == nil)
    }
}
