import MaildexAuth
import Testing

/// A passdb that answers from a table and records that it was asked.
struct TablePassDB: PassDB {
    struct Failure: Error, CustomStringConvertible { var description: String { "table broken" } }
    let name: String
    let users: [String: String]
    var fields: UserFields?
    var broken = false

    func verify(user: String, password: String) async throws -> PassDBResult {
        if broken { throw Failure() }
        guard let stored = users[user] else { return .unknownUser }
        return stored == password ? .success(fields) : .passwordMismatch
    }
}

struct TableUserDB: UserDB {
    let name: String
    let users: [String: UserFields]
    var broken = false
    func lookup(user: String) async throws -> UserFields? {
        if broken { throw TablePassDB.Failure() }
        return users[user]
    }
}

@Suite struct AuthenticatorTests {
    static let first = TablePassDB(name: "first", users: ["alice": "a1", "bob": "b1"])
    static let second = TablePassDB(name: "second", users: ["alice": "a2", "carol": "c2"], fields: UserFields(username: "carol", uid: 7, home: "/from/passdb"))
    static let broken = TablePassDB(name: "broken", users: [:], broken: true)
    static let userdb = TableUserDB(name: "table", users: [
        "alice": UserFields(username: "alice", uid: 1, home: "/home/alice"),
        "carol": UserFields(username: "carol", gid: 9, mail: "/mail/carol"),
    ])

    @Test(arguments: [
        ("alice", "a1", AuthenticationResult.success(AuthenticatedUser(passdb: "first", userdb: "table", fields: UserFields(username: "alice", uid: 1, home: "/home/alice")))),
        // mismatch in the first passdb, success in the second
        ("alice", "a2", .success(AuthenticatedUser(passdb: "second", userdb: "table", fields: UserFields(username: "alice", uid: 1, home: "/home/alice")))),
        // unknown in the first; passdb fields merged under the userdb's
        ("carol", "c2", .success(AuthenticatedUser(passdb: "second", userdb: "table", fields: UserFields(username: "carol", uid: 7, gid: 9, home: "/from/passdb", mail: "/mail/carol")))),
        ("alice", "wrong", .failure(.passwordMismatch)),
        ("zoe", "x", .failure(.unknownUser)),
        // password right, but no userdb knows bob
        ("bob", "b1", .failure(.userNotInUserDB)),
    ])
    func ordering(user: String, password: String, expected: AuthenticationResult) async {
        let authenticator = Authenticator(passdbs: [Self.first, Self.second], userdbs: [Self.userdb])
        #expect(await authenticator.authenticate(user: user, password: password) == expected)
    }

    @Test func internalErrorWinsOverMismatchButNotOverSuccess() async {
        let authenticator = Authenticator(passdbs: [Self.broken, Self.first], userdbs: [])
        #expect(await authenticator.authenticate(user: "alice", password: "a1") == .success(AuthenticatedUser(passdb: "first", userdb: nil, fields: UserFields(username: "alice"))))
        let result = await authenticator.authenticate(user: "alice", password: "secret-password")
        #expect(result == .failure(.internalError("passdb broken: table broken")))
        if case .failure(let failure) = result { #expect(!failure.description.contains("secret-password")) }
    }

    @Test func noPassdbsMeansUnknownUser() async {
        #expect(await Authenticator(passdbs: [], userdbs: []).authenticate(user: "a", password: "b") == .failure(.unknownUser))
    }

    @Test func lookupUsesUserdbsInOrder() async throws {
        let other = TableUserDB(name: "other", users: ["alice": UserFields(username: "alice", uid: 99)])
        let authenticator = Authenticator(passdbs: [], userdbs: [Self.userdb, other])
        #expect(try await authenticator.lookup(user: "alice")?.uid == 1)
        #expect(try await authenticator.lookup(user: "nobody") == nil)
        let failing = Authenticator(passdbs: [], userdbs: [TableUserDB(name: "bad", users: [:], broken: true), other])
        #expect(try await failing.lookup(user: "alice")?.uid == 99)
        await #expect(throws: AuthenticationFailure.self) { try await failing.lookup(user: "nobody") }
    }

    @Test func realDriversTogether() async {
        let authenticator = Authenticator(
            passdbs: [PasswdFilePassDB(path: PasswdFileTests.path), StaticPassDB(password: .password("{PLAIN}fallback"))],
            userdbs: [SystemUserDB(), StaticUserDB(uid: 5000, gid: 5000, home: "/var/vmail/%d/%n")])
        #expect(await authenticator.authenticate(user: "root", password: "fallback") == .success(AuthenticatedUser(passdb: "static", userdb: "passwd", fields: UserFields(username: "root", uid: 0, gid: 0, home: "/root", mail: "/root/Maildir"))))
        #expect(await authenticator.authenticate(user: "frank", password: "x") == .failure(.internalError("passdb passwd-file: unknown password scheme 'ARGON2ID'")))
    }
}
