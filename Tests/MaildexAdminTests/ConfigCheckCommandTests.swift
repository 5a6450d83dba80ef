import Foundation
import MaildexTesting
import Testing

/// `mailadm config check`: the settings as `doveconf -n` prints them, or the first error with file and line.
@Suite(.enabled(if: CLI.isBuilt, "build mailadm first (scripts/test.sh does)"))
struct ConfigCheckCommandTests {
    static func check(_ text: String, _ options: [String] = []) throws -> (ChildProcess.Result, String) {
        let dir = try TemporaryDirectory()
        let conf = dir.path("maildex.conf")
        try text.write(toFile: conf, atomically: false, encoding: .utf8)
        defer { dir.remove() }
        return (try ChildProcess.run(CLI.mailadm, ["config", "check", "-c", conf] + options), conf)
    }

    @Test func validFilePrintsTheSettings() throws {
        let (result, _) = try Self.check("""
            # a comment
            protocols = imap   lmtp
            ssl = no
            auth_mechanisms = plain login
            service imap-login {
              inet_listener imap {
                port = 1143
              }
            }
            passdb {
              driver = static
              args = password=sesame
            }
            """)
        #expect(result.status == 0, "\(result.stderr)")
        // Settings before blocks, comments dropped; Dovecot's renderer keeps values as written.
        #expect(result.stdout == """
            protocols = imap   lmtp
            ssl = no
            auth_mechanisms = plain login
            service imap-login {
              inet_listener imap {
                port = 1143
              }
            }
            passdb {
              driver = static
              args = password=sesame
            }

            """, "\(result.stdout)")
        #expect(!result.stdout.contains("# a comment"))
    }

    @Test func secretsAreHiddenUnlessP() throws {
        let text = "ssl = no\nauth_debug_passwords = sesame\n"
        let (hidden, _) = try Self.check(text)
        #expect(hidden.status == 0, "\(hidden.stderr)")
        #expect(hidden.stdout.contains("auth_debug_passwords = # hidden, use -P to show it") && !hidden.stdout.contains("sesame"))
        let (shown, _) = try Self.check(text, ["-P"])
        #expect(shown.stdout.contains("auth_debug_passwords = sesame"))
    }

    /// The first error, as `file:line: reason`; `$CONF` stands for the file's path.
    @Test(arguments: [
        ("ssl = no\nssl required\n", "$CONF:2: "),
        ("ssl = no\nservice imap-login {\n", "$CONF: unexpected end of file: block"),
        ("ssl = maybe\n", "$CONF:1: ssl must be no, yes or required, not 'maybe'"),
        ("protocols = imap smtp\nssl = no\n", "$CONF:1: unknown protocol 'smtp' (supported: imap pop3 lmtp)"),
        ("ssl = no\nservice imap-login {\n  inet_listener imap {\n    port = 70000\n  }\n}\n", "$CONF:4: "),
        ("ssl = no\npassdb {\n  driver = ldap\n}\n", "$CONF:3: unsupported passdb driver 'ldap' (supported: sql passwd-file pam static)"),
        ("ssl = no\nauth_mechanisms = plain cram-md5\n", "$CONF:2: unsupported auth mechanism 'cram-md5'"),
    ])
    func errorsNameFileAndLine(text: String, expected: String) throws {
        let (result, conf) = try Self.check(text)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("mailadm: " + expected.replacingOccurrences(of: "$CONF", with: conf)), "\(result.stderr)")
    }

    @Test func missingFileIsNamed() throws {
        let result = try ChildProcess.run(CLI.mailadm, ["config", "check", "-c", "/nonexistent/maildex.conf"])
        #expect(result.status == 1)
        #expect(result.stderr == "mailadm: /nonexistent/maildex.conf: cannot read file: No such file or directory\n", "\(result.stderr)")
    }

    @Test func sslWithoutCertificateIsReported() throws {
        let (result, conf) = try Self.check("ssl = required\n")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("mailadm: \(conf):1: "), "\(result.stderr)")
        #expect(result.stderr.contains("ssl_cert"))
    }
}
