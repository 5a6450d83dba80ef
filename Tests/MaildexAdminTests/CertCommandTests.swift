import Foundation
import MaildexCertificates
import MaildexTesting
import Testing

/// `mailadm cert key|csr|selfsigned`, run as the built binary.
@Suite(.enabled(if: CLI.isBuilt, "build mailadm first (scripts/test.sh does)"))
struct CertCommandTests {
    static func mailadm(_ arguments: [String], stdin: String? = nil, in directory: String? = nil) throws -> ChildProcess.Result {
        try ChildProcess.run(CLI.mailadm, arguments, stdin: stdin, in: directory)
    }

    static func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1
    }

    @Test(arguments: [
        ([String](), KeyAlgorithm.rsa(bits: 2048)),
        (["--bits", "3072"], .rsa(bits: 3072)),
        (["--type", "ec"], .ecP256),
    ])
    func keyIsPKCS8WithMode0600(options: [String], algorithm: KeyAlgorithm) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("server.key")
        let result = try Self.mailadm(["cert", "key", "--out", path] + options)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote \(algorithm) key to \(path) (mode 0600)\n")
        #expect(try Self.mode(path) == 0o600)
        let pem = try String(contentsOfFile: path, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(try PrivateKey(pem: pem).algorithm == algorithm)
    }

    @Test func keyRefusesToOverwriteWithoutForce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("server.key")
        try "keep me".write(toFile: path, atomically: false, encoding: .utf8)
        let refused = try Self.mailadm(["cert", "key", "--type", "ec", "--out", path])
        #expect(refused.status == 1)
        #expect(refused.stderr == "mailadm: \(path) already exists; use --force to replace it\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        let forced = try Self.mailadm(["cert", "key", "--type", "ec", "--out", path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(try Self.mode(path) == 0o600)
    }

    @Test(arguments: [
        (["--bits", "1024"], "mailadm: --bits must be 2048, 3072 or 4096, not 1024\n"),
        (["--type", "ec", "--bits", "2048"], "mailadm: --bits applies to RSA keys; an EC key is always P-256\n"),
    ])
    func keyRejectsBadSizes(options: [String], message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try Self.mailadm(["cert", "key", "--out", dir.path("k")] + options)
        #expect(result.status == 1 && result.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: dir.path("k")))
    }

    @Test func keyRejectsUnknownType() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try Self.mailadm(["cert", "key", "--out", dir.path("k"), "--type", "dsa"])
        #expect(result.status != 0 && result.stderr.contains("dsa"))
    }

    @Test func csrCarriesTheSubjectAndNames() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let key = dir.path("server.key"), csr = dir.path("server.csr")
        #expect(try Self.mailadm(["cert", "key", "--type", "ec", "--out", key]).status == 0)
        let result = try Self.mailadm([
            "cert", "csr", "--key", key, "--cn", "mail.example.com", "--o", "Example Inc.", "--ou", "IT", "--c", "JP",
            "--st", "Tokyo", "--l", "Koto-ku", "--email", "admin@example.com", "--san", "imap.example.com", "--out", csr,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.mode(csr) == 0o644)
        let pem = try String(contentsOfFile: csr, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----\n"))
        // MaildexCertificates does not read requests back; the openssl CLI is the independent judge.
        let subject = try ChildProcess.run("/usr/bin/openssl", ["req", "-in", csr, "-noout", "-verify", "-subject", "-nameopt", "RFC2253"])
        #expect(subject.status == 0, "\(subject.stderr)")
        #expect(subject.stdout.contains(
            "subject=emailAddress=admin@example.com,CN=mail.example.com,OU=IT,O=Example Inc.,L=Koto-ku,ST=Tokyo,C=JP"), "\(subject.stdout)")
        let text = try ChildProcess.run("/usr/bin/openssl", ["req", "-in", csr, "-noout", "-text"])
        #expect(text.stdout.contains("DNS:mail.example.com, DNS:imap.example.com"), "\(text.stdout)")
        #expect(text.stdout.contains("Public Key Algorithm: id-ecPublicKey"))
    }

    @Test func csrGoesToStandardOutputWithoutOut() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let key = dir.path("server.key")
        #expect(try Self.mailadm(["cert", "key", "--type", "ec", "--out", key]).status == 0)
        let result = try Self.mailadm(["cert", "csr", "--key", key, "--cn", "mail.example.com"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----\n"))
        #expect(result.stdout.hasSuffix("-----END CERTIFICATE REQUEST-----\n"))
    }

    /// Bad input, each with the message the admin sees (`KEY` and `DIR` stand for the test's paths).
    @Test(arguments: [
        (["--cn", "mail.example.com", "--c", "JPN"], "mailadm: --c: 'JPN' is not a two-letter country code (e.g. JP, US, DE)"),
        (["--cn", "mail.example.com", "--c", "J1"], "mailadm: --c: 'J1' is not a two-letter country code (e.g. JP, US, DE)"),
        (["--c", "Japan"], "mailadm: --c: 'Japan' is not a two-letter country code"),
        (["--cn", "mail.example.com", "--email", "not-an-address"], #"mailadm: invalid subject field emailAddress="not-an-address""#),
        (["--cn", "mail.example.com", "--san", "bad name"], #"mailadm: invalid subjectAltName "bad name""#),
        (["--cn", "mail.example.com", "--out", "DIR/existing.csr"], "mailadm: DIR/existing.csr already exists; use --force to replace it"),
        ([], "mailadm: no --cn, and standard input is not a terminal to ask for it; pass --cn"),
    ])
    func csrRejectsBadInput(options: [String], message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let key = dir.path("server.key")
        #expect(try Self.mailadm(["cert", "key", "--type", "ec", "--out", key]).status == 0)
        try "old".write(toFile: dir.path("existing.csr"), atomically: false, encoding: .utf8)
        let arguments = (["cert", "csr", "--key", key] + options).map { $0.replacingOccurrences(of: "DIR", with: dir.path) }
        let result = try Self.mailadm(arguments, stdin: "")
        let expected = message.replacingOccurrences(of: "DIR", with: dir.path)
        #expect(result.status == 1 && result.stderr.hasPrefix(expected), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: dir.path("existing.csr"), encoding: .utf8) == "old")
    }

    @Test func csrNamesAMissingKeyFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try Self.mailadm(["cert", "csr", "--key", dir.path("nope.key"), "--cn", "mail.example.com"])
        #expect(result.status == 1)
        #expect(result.stderr == "mailadm: cannot read key file \(dir.path("nope.key")): No such file or directory\n")
    }

    @Test func csrRefusesAFileThatIsNotAKey() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try "hello\n".write(toFile: dir.path("x.key"), atomically: false, encoding: .utf8)
        let result = try Self.mailadm(["cert", "csr", "--key", dir.path("x.key"), "--cn", "mail.example.com"])
        #expect(result.status == 1 && result.stderr.hasPrefix("mailadm: key file \(dir.path("x.key")): invalid"), "\(result.stderr)")
    }

    @Test func selfSignedWritesServerCrtAndKeyInTheCurrentDirectory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try Self.mailadm(["cert", "selfsigned", "--cn", "mail.example.com", "--type", "ec", "--days", "30"], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.mode(dir.path("server.key")) == 0o600)
        #expect(try Self.mode(dir.path("server.crt")) == 0o644)
        let certificate = try Certificate(pem: String(contentsOfFile: dir.path("server.crt"), encoding: .utf8))
        let key = try PrivateKey(pem: String(contentsOfFile: dir.path("server.key"), encoding: .utf8))
        #expect(certificate.subject == "CN=mail.example.com")
        #expect(certificate.alternativeNames == ["mail.example.com"])
        #expect(certificate.isSelfSigned && certificate.matches(key))
        let days = certificate.notAfter.timeIntervalSince(certificate.notBefore) / 86_400
        #expect(abs(days - 30) < 0.01)
        // Again: both files exist now.
        let again = try Self.mailadm(["cert", "selfsigned", "--cn", "mail.example.com"], in: dir.path)
        #expect(again.status == 1 && again.stderr == "mailadm: server.crt already exists; use --force to replace it\n")
    }

    @Test func selfSignedWithAnExistingKeyWritesNoKey() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let key = dir.path("my.key"), crt = dir.path("my.crt")
        #expect(try Self.mailadm(["cert", "key", "--type", "ec", "--out", key]).status == 0)
        let result = try Self.mailadm(["cert", "selfsigned", "--cn", "mail.example.com", "--san", "imap.example.com",
                                       "--key", key, "--out-cert", crt], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("server.key")))
        let certificate = try Certificate(pem: String(contentsOfFile: crt, encoding: .utf8))
        #expect(certificate.matches(try PrivateKey(pem: String(contentsOfFile: key, encoding: .utf8))))
        #expect(certificate.alternativeNames == ["mail.example.com", "imap.example.com"])
    }

    @Test(arguments: [
        (["--days", "0"], "mailadm: --days must be at least 1, not 0\n"),
        (["--key", "KEY", "--type", "rsa"], "mailadm: --type and --bits apply to a generated key, not to --key\n"),
        (["--key", "DIR/missing.key"], "mailadm: cannot read key file DIR/missing.key: No such file or directory\n"),
    ])
    func selfSignedRejectsBadInput(options: [String], message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let arguments = (["cert", "selfsigned", "--cn", "mail.example.com"] + options)
            .map { $0.replacingOccurrences(of: "DIR", with: dir.path).replacingOccurrences(of: "KEY", with: dir.path("k")) }
        let result = try Self.mailadm(arguments, in: dir.path)
        #expect(result.status == 1 && result.stderr == message.replacingOccurrences(of: "DIR", with: dir.path), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("server.crt")))
    }
}
