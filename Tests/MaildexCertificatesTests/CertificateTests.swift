import Foundation
import MaildexCertificates
import MaildexTesting
import Testing

@Suite struct CertificateTests {
    @Test(arguments: [KeyAlgorithm.rsa(bits: 2048), .ecP256])
    func selfSignedVerifiesAgainstItselfAndShowsExtensions(_ algorithm: KeyAlgorithm) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let key = try PrivateKey.generate(algorithm)
        let certificate = try Certificate.selfSigned(
            key: key, subject: DistinguishedNameTests.full, alternativeNames: ["imap.example.com"], days: 90)
        let path = dir.path("server.crt")
        try certificate.pem.write(toFile: path, atomically: false, encoding: .utf8)

        let verified = try OpenSSLCLI.require(["verify", "-CAfile", path, "-purpose", "sslserver", path])
        #expect(verified.stdout == "\(path): OK\n")
        let text = try OpenSSLCLI.require(["x509", "-in", path, "-noout", "-text"]).stdout
        #expect(text.contains("Version: 3 (0x2)"))
        #expect(text.contains("X509v3 Basic Constraints: critical\n                CA:FALSE"))
        let usage = algorithm == .ecP256 ? "Digital Signature\n" : "Digital Signature, Key Encipherment\n"
        #expect(text.contains("X509v3 Key Usage: critical\n                \(usage)"))
        #expect(text.contains("X509v3 Extended Key Usage: \n                TLS Web Server Authentication\n"))
        #expect(text.contains("DNS:mail.example.com, DNS:imap.example.com\n"))
        #expect(text.contains("X509v3 Subject Key Identifier"))
        #expect(text.contains("sha256With") || text.contains("ecdsa-with-SHA256"))
        let days = try OpenSSLCLI.require(["x509", "-in", path, "-noout", "-checkend", String(89 * 86_400)])
        #expect(days.succeeded)
        #expect(try !OpenSSLCLI.run(["x509", "-in", path, "-noout", "-checkend", String(91 * 86_400)]).succeeded)
    }

    @Test func readsItsOwnFields() throws {
        let key = try PrivateKey.generate(.ecP256)
        let before = Date()
        let certificate = try Certificate.selfSigned(
            key: key, subject: DistinguishedNameTests.full, alternativeNames: ["imap.example.com", "192.0.2.7"], days: 30)
        #expect(certificate.subject == "emailAddress=admin@example.com,CN=mail.example.com,OU=IT,O=Example Inc.,L=Koto-ku,ST=Tokyo,C=JP")
        #expect(certificate.issuer == certificate.subject)
        #expect(certificate.commonName == "mail.example.com")
        #expect(certificate.alternativeNames == ["mail.example.com", "imap.example.com"])
        #expect(certificate.alternativeAddresses == ["192.0.2.7"])
        #expect(abs(certificate.notBefore.timeIntervalSince(before)) < 5)
        #expect(abs(certificate.notAfter.timeIntervalSince(before + 30 * 86_400)) < 5)
        #expect(certificate.isSelfSigned)
        #expect(try Certificate(pem: certificate.pem).pem == certificate.pem)
    }

    @Test func readsUTF8Names() throws {
        let subject = DistinguishedName(commonName: "メール.example.jp", organization: "株式会社例")
        let certificate = try Certificate.selfSigned(key: PrivateKey.generate(.ecP256), subject: subject, days: 1)
        #expect(certificate.commonName == "メール.example.jp")
        #expect(certificate.subject == "CN=メール.example.jp,O=株式会社例")
        #expect(certificate.alternativeNames.isEmpty)  // a U-label is no DNS name
    }

    @Test func negativeDaysMakeAnExpiredCertificate() throws {
        let certificate = try Certificate.selfSigned(
            key: PrivateKey.generate(.ecP256), subject: DistinguishedName(commonName: "old.example.com"), days: -10)
        #expect(certificate.notAfter < Date() - 9 * 86_400)
        #expect(certificate.notBefore < certificate.notAfter)
        #expect(throws: InvalidValidity.self) {
            try Certificate.selfSigned(key: PrivateKey.generate(.ecP256), subject: DistinguishedName(commonName: "x"), days: 0)
        }
    }

    @Test func matchesOnlyItsOwnKey() throws {
        let key = try PrivateKey.generate(.ecP256)
        let certificate = try Certificate.selfSigned(key: key, subject: DistinguishedName(commonName: "mail.example.com"))
        #expect(certificate.matches(key))
        #expect(certificate.matches(try PrivateKey(pem: key.pem)))
        #expect(!certificate.matches(try PrivateKey.generate(.ecP256)))
        #expect(!certificate.matches(try PrivateKey.generate(.rsa(bits: 2048))))
    }

    @Test(arguments: [
        ("mail.example.com", true), ("MAIL.Example.COM", true), ("imap.example.net", true),
        ("foo.example.net", true), ("a.b.example.net", false), ("example.net", false),
        ("example.com", false), ("mail.example.org", false), ("192.0.2.7", true), ("192.0.2.8", false), ("", false),
    ])
    func coversItsNames(_ hostname: String, covered: Bool) throws {
        let certificate = try Certificate.selfSigned(
            key: PrivateKey.generate(.ecP256), subject: DistinguishedName(commonName: "mail.example.com"),
            alternativeNames: ["*.example.net", "192.0.2.7"])
        #expect(certificate.covers(hostname: hostname) == covered)
    }

    @Test func rejectsPartialWildcards() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try OpenSSLCLI.require([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "k.pem", "-out", "c.pem",
            "-subj", "/CN=x", "-addext", "subjectAltName=DNS:m*.example.com",
        ], in: dir.path)
        let certificate = try Certificate(pem: String(contentsOfFile: dir.path("c.pem"), encoding: .utf8))
        #expect(!certificate.covers(hostname: "mail.example.com"))
    }

    @Test func chainReadsEveryBlockInOrder() throws {
        let names = ["leaf.example.com", "intermediate.example.com", "root.example.com"]
        let certificates = try names.map {
            try Certificate.selfSigned(key: PrivateKey.generate(.ecP256), subject: DistinguishedName(commonName: $0))
        }
        let file = "subject=whatever\n" + certificates.map(\.pem).joined(separator: "\n# comment\n")
        let chain = try Certificate.chain(pem: file)
        #expect(chain.map(\.commonName) == names)
        #expect(try Certificate(pem: file).commonName == "leaf.example.com")
    }

    @Test(arguments: [
        ("", "no \"-----BEGIN CERTIFICATE-----\" block"),
        ("hello", "no \"-----BEGIN CERTIFICATE-----\" block"),
        ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "no \"-----BEGIN CERTIFICATE-----\" block"),
        ("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "block 1 does not decode"),
        ("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n", "block 1 does not decode"),
        ("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n", "block 1 does not decode"),
    ])
    func unparsablePEMGivesAClearError(_ text: String, reason: String) {
        let error = #expect(throws: InvalidPEM.self) { try Certificate.chain(pem: text) }
        #expect(error?.description.contains(reason) == true)
        if reason.contains("decode") {  // libcrypto's own words follow ours
            #expect(error?.description.contains("error:") == true, "\(String(describing: error))")
        }
        #expect(throws: InvalidPEM.self) { try Certificate(pem: text) }
    }

    @Test func namesTheBadBlockInAChain() throws {
        let good = try Certificate.selfSigned(key: PrivateKey.generate(.ecP256), subject: DistinguishedName(commonName: "x.example"))
        let file = good.pem + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
        let error = #expect(throws: InvalidPEM.self) { try Certificate.chain(pem: file) }
        #expect(error?.description.contains("block 2") == true)
    }
}
