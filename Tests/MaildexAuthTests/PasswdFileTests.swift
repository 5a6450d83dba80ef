import Foundation
import Glibc
import MaildexAuth
import Testing

@Suite struct PasswdFileTests {
    static let path = FixturePaths.passwdFileDirectory + "/users"

    @Test(arguments: [
        ("alice", "alicepw", PassDBResult.success(UserFields(username: "alice", uid: 1000, gid: 1000, home: "/home/alice", mail: "/home/alice/Maildir", extra: ["quota_rule": "*:storage=1G"]))),
        ("alice", "wrong", .passwordMismatch),
        ("ALICE", "alicepw", .success(UserFields(username: "alice", uid: 1000, gid: 1000, home: "/home/alice", mail: "/home/alice/Maildir", extra: ["quota_rule": "*:storage=1G"]))),
        ("bob", "secret", .success(UserFields(username: "bob"))),
        ("bob", "Secret", .passwordMismatch),
        ("carol", "secret", .success(UserFields(username: "carol"))),     // bare $2y$: scheme=CRYPT default
        ("dave", "anything", .success(UserFields(username: "dave"))),     // nopassword
        ("erin", "", .passwordMismatch),                                  // empty password field
        ("henry", "henrypw", .success(UserFields(username: "Henry", uid: 1001, gid: 100))), // gid by group name
        ("gina", "gina", .unknownUser),                                   // malformed line skipped
        ("zoe", "x", .unknownUser),
        ("../etc/passwd", "x", .unknownUser),
    ])
    func passdb(user: String, password: String, expected: PassDBResult) async throws {
        let passdb = PasswdFilePassDB(path: Self.path)
        #expect(try await passdb.verify(user: user, password: password) == expected)
    }

    @Test func unknownSchemeIsAnErrorForThatUserOnly() async throws {
        let passdb = PasswdFilePassDB(path: Self.path)
        await #expect(throws: UnknownPasswordScheme(name: "ARGON2ID")) { try await passdb.verify(user: "frank", password: "x") }
        #expect(try await passdb.verify(user: "alice", password: "alicepw") != .passwordMismatch)
    }

    @Test func malformedLinesAreReportedWithPathAndLine() async throws {
        let log = ProblemLog()
        let passdb = PasswdFilePassDB(path: Self.path, onProblem: { log.append($0.description) })
        _ = try await passdb.verify(user: "alice", password: "alicepw")
        #expect(log.all == [
            "\(Self.path):9: no ':' after the user name",
            "\(Self.path):10: empty user name",
            "\(Self.path):11: uid 'notanumber' is neither a number nor a known user",
            "\(Self.path):12: user 'alice' already defined on line 2; this line is ignored",
        ])
        for problem in log.all { #expect(!problem.contains("duplicate") && !problem.contains("nameless")) }
        _ = try await passdb.verify(user: "bob", password: "secret")
        #expect(log.all.count == 4, "an unchanged file is not re-read")
    }

    @Test(arguments: [
        ("ann@example.org", "annpw", PassDBResult.success(UserFields(username: "ann@example.org", uid: 2000, gid: 2000, home: "/var/vmail/example.org/ann"))),
        ("ann@example.org", "nope", .passwordMismatch),
        ("ann@other.example", "annpw", .unknownUser),   // no such domain file
        ("ann", "annpw", .unknownUser),                 // %d empty: no such file
    ])
    func domainPath(user: String, password: String, expected: PassDBResult) async throws {
        let passdb = PasswdFilePassDB(path: FixturePaths.passwdFileDirectory + "/%d/users", defaultScheme: "PLAIN")
        #expect(try await passdb.verify(user: user, password: password) == expected)
    }

    @Test func usernameFormatLooksUpTheLocalPart() async throws {
        let userdb = PasswdFileUserDB(path: Self.path, usernameFormat: "%n")
        #expect(try await userdb.lookup(user: "alice@example.org")?.home == "/home/alice")
    }

    @Test func missingFixedFileIsAnError() async throws {
        let passdb = PasswdFilePassDB(path: "/nonexistent/maildex/users")
        await #expect(throws: PasswdFileProblem.self) { try await passdb.verify(user: "alice", password: "x") }
    }

    @Test func userdbReturnsFieldsOrNil() async throws {
        let userdb = PasswdFileUserDB(path: Self.path)
        #expect(try await userdb.lookup(user: "alice")?.mail == "/home/alice/Maildir")
        #expect(try await userdb.lookup(user: "nobody-here") == nil)
    }

    @Test func fileIsReloadedWhenItChanges() async throws {
        let directory = try FixturePaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("users")
        try "alice:{PLAIN}one\n".write(to: file, atomically: false, encoding: .utf8)
        let passdb = PasswdFilePassDB(path: file.path)
        #expect(try await passdb.verify(user: "alice", password: "one") == .success(UserFields(username: "alice")))
        // Same size, so only the mtime tells; set it explicitly in case the clock is coarse.
        try "alice:{PLAIN}two\n".write(to: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 10)], ofItemAtPath: file.path)
        #expect(try await passdb.verify(user: "alice", password: "one") == .passwordMismatch)
        #expect(try await passdb.verify(user: "alice", password: "two") == .success(UserFields(username: "alice")))
        // Replaced by rename (a new inode), as editors and `mailadm` do.
        let replacement = directory.appendingPathComponent("users.new")
        try "bob:{PLAIN}three\n".write(to: replacement, atomically: false, encoding: .utf8)
        #expect(rename(replacement.path, file.path) == 0)
        #expect(try await passdb.verify(user: "alice", password: "two") == .unknownUser)
        #expect(try await passdb.verify(user: "bob", password: "three") == .success(UserFields(username: "bob")))
    }

    @Test func permissionWarning() throws {
        let directory = try FixturePaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("users").path
        FileManager.default.createFile(atPath: file, contents: Data(), attributes: [.posixPermissions: 0o600])
        #expect(PasswdFile.permissionProblem(path: file) == nil)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(PasswdFile.permissionProblem(path: file)?.description == "\(file): readable by others (mode 644); it should be 0600")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)
        #expect(PasswdFile.permissionProblem(path: file)?.reason.contains("its group") == true)
    }

    @Test(arguments: [
        ("a:b\r\n", 0),
        ("a\n", 1),
        ("# only a comment\n\n   \n", 0),
        ("a:b:1:2:g:/h:/s:x=1 y=2\n", 0),
        ("a:b:1:2:g:/h:/s: =1\n", 1),
    ])
    func parse(contents: String, problems: Int) {
        #expect(PasswdFile.parse(contents, path: "t").problems.count == problems)
    }
}
