import Foundation
import MaildexTesting
import Testing

@Suite(.enabled(if: CLI.isBuilt, "build mailadm first (scripts/test.sh does)"))
struct AuthCommandTests {
    /// The issue's configuration, with a passwd-file of Dovecot's format and a static userdb.
    @Test func passwdFileAndStaticUserdbFromTheConfig() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let users = dir.path("users")
        let bobHash = try ChildProcess.run(CLI.mailadm, ["pw", "-s", "SHA512-CRYPT", "-p", "secret"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(bobHash.hasPrefix("{SHA512-CRYPT}$6$"))
        try "alice:{PLAIN}wonderland::::::\nbob:\(bobHash)::::::\nbroken line\n"
            .write(toFile: users, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: users)
        let conf = dir.path("maildex.conf")
        try """
            state_dir = \(dir.path("data"))
            auth_mechanisms = plain login
            disable_plaintext_auth = yes
            passdb {
              driver = passwd-file
              args = scheme=PLAIN \(users)
            }
            userdb {
              driver = static
              args = uid=0 gid=root home=/var/vmail/%d/%n
            }
            """.write(toFile: conf, atomically: false, encoding: .utf8)
        func mailadm(_ arguments: [String], stdin: String? = nil) throws -> ChildProcess.Result {
            try ChildProcess.run(CLI.mailadm, arguments + ["-c", conf], stdin: stdin)
        }
        let ok = try mailadm(["auth", "test", "Alice@Example.org", "--password-stdin"], stdin: "wonderland\n")
        // username_format %Lu lower-cases the name before the passdb sees it; alice@example.org is not in the file.
        #expect(ok.status == 77 && ok.stdout.contains("auth failed (unknown user)"), "\(ok.stdout)\(ok.stderr)")
        let good = try mailadm(["auth", "test", "alice", "-p", "wonderland"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("passdb: alice auth succeeded (passwd-file)"))
        #expect(good.stdout.contains("userdb: alice (static)") && good.stdout.contains("  uid=0") && good.stdout.contains("home=/var/vmail//alice"))
        #expect(good.stderr.contains("\(users):3:"), "the malformed line is named by file and number: \(good.stderr)")
        #expect(good.stderr.contains("readable"), "a passwd-file readable by others is reported: \(good.stderr)")
        let wrong = try mailadm(["auth", "test", "alice", "-p", "nope"])
        #expect(wrong.status == 77 && wrong.stdout.contains("auth failed (password mismatch)"))
        #expect(!wrong.stdout.contains("wonderland") && !wrong.stderr.contains("wonderland"), "no secret in any output")
        let crypt = try mailadm(["auth", "test", "bob", "-p", "secret"])
        #expect(crypt.status == 0, "\(crypt.stdout) \(crypt.stderr)")
        let lookup = try mailadm(["auth", "lookup", "alice"])
        #expect(lookup.status == 0 && lookup.stdout.contains("home=/var/vmail//alice"))
    }

    @Test func defaultsUseTheUserTable() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = CLI(data: dir.path("data"))
        try cli.run(["user", "add", "carol", "--password-stdin"], stdin: "s3cret\n")
        let good = try cli.run(["auth", "test", "CAROL", "--password-stdin"], stdin: "s3cret\n")
        #expect(good.status == 0 && good.stdout.contains("auth succeeded (sql)") && good.stdout.contains("mail=\(dir.path("data"))/users/carol/Maildir"), "\(good.stdout) \(good.stderr)")
        #expect(try cli.run(["auth", "test", "carol", "-p", "bad"]).status == 77)
    }

    @Test(arguments: [
        ("passdb {\n  driver = ldap\n}\n", "maildex.conf:2: unsupported passdb driver 'ldap'"),
        ("passdb {\n  driver = passwd-file\n}\n", "maildex.conf:2: passdb passwd-file needs a file"),
        ("userdb {\n  driver = static\n  args = uid=no-such-user-here\n}\n", "maildex.conf:2: uid=no-such-user-here: no such system user"),
        ("passdb {\n  driver = sql\n  skip = never\n}\n", "maildex.conf:3: unsupported setting 'skip' in passdb block"),
        ("disable_plaintext_auth = maybe\n", "maildex.conf:1: disable_plaintext_auth must be yes or no, not 'maybe'"),
        ("auth_mechanisms = plain cram-md5\n", "maildex.conf:1: unsupported auth mechanism 'cram-md5'"),
        ("login_trusted_networks = 10.0.0.0/33\n", "maildex.conf:1: '10.0.0.0/33' is not an IP address or network"),
    ])
    func configErrorsNameFileAndLine(_ text: String, _ expected: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let conf = dir.path("maildex.conf")
        try ("state_dir = \(dir.path("data"))\n" + text).write(toFile: conf, atomically: false, encoding: .utf8)
        let result = try ChildProcess.run(CLI.mailadm, ["auth", "test", "x", "-p", "y", "-c", conf])
        #expect(result.status == 1)
        // Line numbers count the state_dir line we put first.
        let shifted = expected.replacingOccurrences(of: "maildex.conf:", with: "").split(separator: ":", maxSplits: 1)
        let line = Int(shifted[0])! + 1
        #expect(result.stderr.contains("maildex.conf:\(line):\(shifted[1])"), "\(result.stderr)")
    }
}
