import Foundation
import MaildexCertificates
import MaildexTesting
import Testing

/// `mailadm cert check` over a root → intermediate → server chain, from flags and from maildex.conf.
@Suite(.enabled(if: CLI.isBuilt, "build mailadm first (scripts/test.sh does)"))
struct CertCheckCommandTests {
    static func mailadm(_ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess.run(CLI.mailadm, arguments)
    }

    @Test func completeChainPasses() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let result = try Self.mailadm(["cert", "check", "--cert", pki.leaf, "--key", pki.leafKey, "--ca", pki.intermediate,
                                       "--roots", pki.root, "--host", "mail.example.com"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.hasPrefix("ok       ") }, "\(result.stdout)")
        #expect(lines.contains("ok       the key matches the certificate"))
        #expect(lines.contains(
            "ok       chain verifies: CN=mail.example.com → CN=Maildex Test Intermediate,O=Maildex Test → CN=Maildex Test Root,O=Maildex Test"))
        #expect(lines.contains { $0.hasPrefix("ok       the certificate is valid until") && $0.hasSuffix("days left)") })
        #expect(lines.contains("ok       the certificate covers mail.example.com"))
    }

    @Test func readsTheFilesAndHostnameFromTheConfiguration() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let conf = pki.dir.path("maildex.conf")
        try """
            hostname = mail.example.com
            ssl_cert = <\(pki.leaf)
            ssl_key = <\(pki.leafKey)
            ssl_ca = <\(pki.intermediate)
            """.write(toFile: conf, atomically: false, encoding: .utf8)
        let good = try Self.mailadm(["cert", "check", "-c", conf, "--roots", pki.root])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains("ok       the certificate covers mail.example.com"))
        let otherHost = try Self.mailadm(["cert", "check", "-c", conf, "--roots", pki.root, "--host", "smtp.example.org"])
        #expect(otherHost.status == 1)
        #expect(otherHost.stdout.contains("error    the certificate does not cover smtp.example.org (its names: mail.example.com)"))
    }

    @Test func missingIntermediateFails() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let result = try Self.mailadm(["cert", "check", "--cert", pki.leaf, "--key", pki.leafKey, "--roots", pki.root,
                                       "--host", "mail.example.com"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error    chain incomplete: no issuer found for CN=mail.example.com"), "\(result.stdout)")
        #expect(result.stdout.contains("ok       the key matches the certificate"))
        #expect(result.stderr == "mailadm: 1 certificate check failed\n")
    }

    @Test func wrongKeyFails() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let other = pki.dir.path("other.key")
        #expect(try Self.mailadm(["cert", "key", "--type", "ec", "--out", other]).status == 0)
        let result = try Self.mailadm(["cert", "check", "--cert", pki.leaf, "--key", other, "--ca", pki.intermediate,
                                       "--roots", pki.root, "--host", "mail.example.com"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error    the key \(other) does not match the certificate \(pki.leaf)"))
    }

    @Test func expiredSelfSignedCertificateFails() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let key = try PrivateKey.generate(.ecP256)
        try key.write(to: dir.path("old.key"))
        let certificate = try Certificate.selfSigned(key: key, subject: DistinguishedName(commonName: "mail.example.com"), days: -10)
        try certificate.pem.write(toFile: dir.path("old.crt"), atomically: false, encoding: .utf8)
        let result = try Self.mailadm(["cert", "check", "--cert", dir.path("old.crt"), "--key", dir.path("old.key"),
                                       "--host", "mail.example.com"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error    the certificate expired on"), "\(result.stdout)")
        #expect(result.stdout.contains("days ago)"), "\(result.stdout)")
        #expect(result.stdout.contains("warning  the certificate is self-signed"))
    }

    @Test func freshSelfSignedCertificatePassesWithAWarning() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let made = try ChildProcess.run(CLI.mailadm, ["cert", "selfsigned", "--cn", "mail.example.com", "--type", "ec"], in: dir.path)
        #expect(made.status == 0, "\(made.stderr)")
        let result = try Self.mailadm(["cert", "check", "--cert", dir.path("server.crt"), "--key", dir.path("server.key")])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("warning  the certificate is self-signed"))
        #expect(result.stdout.contains("warning  names not checked: no --host and no hostname in the configuration"))
    }

    @Test func configurationProblemsAreNamed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let conf = dir.path("maildex.conf")
        try "ssl = yes\n".write(toFile: conf, atomically: false, encoding: .utf8)
        let noCert = try Self.mailadm(["cert", "check", "-c", conf])
        #expect(noCert.status == 1)
        #expect(noCert.stderr == "mailadm: \(conf) has no ssl_cert setting; set 'ssl_cert = </path/to/file.pem' or pass --cert\n")
        try "ssl = yes\nssl_cert = /etc/x.pem\n".write(toFile: conf, atomically: false, encoding: .utf8)
        let inline = try Self.mailadm(["cert", "check", "-c", conf])
        #expect(inline.status == 1 && inline.stderr.hasPrefix("mailadm: \(conf):2: ssl_cert must name a file"), "\(inline.stderr)")
        let missing = try Self.mailadm(["cert", "check", "--cert", dir.path("none.crt"), "--key", dir.path("none.key")])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("error    ") && missing.stdout.contains("none.crt"), "\(missing.stdout)")
    }
}
