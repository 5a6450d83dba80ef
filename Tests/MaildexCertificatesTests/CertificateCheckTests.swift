import Foundation
import MaildexCertificates
import MaildexTesting
import Testing

@Suite struct CertificateCheckTests {
    typealias Finding = CertificateCheck.Finding

    @Test func goodChainWithIntermediateInSSLCA() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let findings = CertificateCheck.run(
            certificatePath: pki.leaf, keyPath: pki.leafKey, caPath: pki.intermediate, hostname: "mail.example.com",
            trustedRootsPath: pki.root)
        #expect(findings.filter { $0.severity != .ok } == [], "\(findings)")
        #expect(findings.contains(.init(severity: .ok, message: "the key matches the certificate")))
        #expect(findings.contains(.init(severity: .ok, message:
            "chain verifies: CN=mail.example.com → CN=Maildex Test Intermediate,O=Maildex Test → CN=Maildex Test Root,O=Maildex Test")))
        #expect(findings.contains(.init(severity: .ok, message: "the certificate covers mail.example.com")))
        #expect(findings.contains { $0.severity == .ok && $0.message.contains("valid until") })
    }

    @Test func goodChainFromAFullChainFile() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let findings = CertificateCheck.run(
            certificatePath: pki.fullChain, keyPath: pki.leafKey, caPath: nil, hostname: "imap.mail.example.com",
            trustedRootsPath: pki.root)
        #expect(findings.filter { $0.severity != .ok } == [], "\(findings)")
    }

    @Test func missingIntermediateIsAnError() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let findings = CertificateCheck.run(
            certificatePath: pki.leaf, keyPath: pki.leafKey, caPath: nil, hostname: nil, trustedRootsPath: pki.root)
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(findings)")
        #expect(errors.first?.message.contains("chain incomplete: no issuer found for CN=mail.example.com") == true)
        #expect(errors.first?.message.contains("set ssl_ca") == true)
    }

    @Test func unknownRootIsAnError() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let other = try TestPKI()
        defer { other.remove() }
        let findings = CertificateCheck.run(
            certificatePath: pki.leaf, keyPath: pki.leafKey, caPath: pki.intermediate, hostname: nil, trustedRootsPath: other.root)
        #expect(findings.contains { $0.severity == .error && $0.message.contains("Maildex Test Intermediate") }, "\(findings)")
    }

    @Test func systemTrustStoreDoesNotTrustATestRoot() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let findings = CertificateCheck.run(certificatePath: pki.leaf, keyPath: pki.leafKey, caPath: pki.intermediate, hostname: nil)
        #expect(findings.contains { $0.severity == .error && $0.message.hasPrefix("chain incomplete") }, "\(findings)")
    }

    @Test func expiredCertificateIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (certificate, key) = try selfSigned(days: -3, in: dir)
        let findings = CertificateCheck.run(certificatePath: certificate, keyPath: key, caPath: nil, hostname: "mail.example.com")
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(findings)")
        #expect(errors.first?.message.contains("expired on") == true)
        #expect(findings.contains(.init(severity: .warning, message: "the certificate is self-signed: clients will not trust it unless told to")))
    }

    @Test(arguments: [(10, Finding.Severity.warning), (29, .warning), (31, .ok), (365, .ok)])
    func expirySoonIsAWarning(days: Int, severity: Finding.Severity) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (certificate, key) = try selfSigned(days: days, in: dir)
        let findings = CertificateCheck.run(certificatePath: certificate, keyPath: key, caPath: nil, hostname: nil)
        let validity = try #require(findings.first { $0.message.contains("valid until") || $0.message.contains("expires on") })
        #expect(validity.severity == severity, "\(validity)")
    }

    @Test func expiryIsMeasuredAgainstTheGivenTime() throws {
        let pki = try TestPKI(leafDays: 200)
        defer { pki.remove() }
        let later = Date() + 400 * 86_400
        let findings = CertificateCheck.run(
            certificatePath: pki.leaf, keyPath: pki.leafKey, caPath: pki.intermediate, hostname: nil, trustedRootsPath: pki.root, now: later)
        #expect(findings.filter { $0.severity == .error }.map(\.message).contains { $0.contains("expired on") }, "\(findings)")
        // the chain is still judged complete: an expired leaf does not hide it
        #expect(findings.contains { $0.severity == .ok && $0.message.hasPrefix("chain verifies") }, "\(findings)")
    }

    @Test func mismatchedKeyIsAnError() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let otherKey = pki.dir.path("other.key")
        try PrivateKey.generate(.ecP256).write(to: otherKey)
        let findings = CertificateCheck.run(
            certificatePath: pki.leaf, keyPath: otherKey, caPath: pki.intermediate, hostname: nil, trustedRootsPath: pki.root)
        #expect(findings.filter { $0.severity == .error } == [
            .init(severity: .error, message: "the key \(otherKey) does not match the certificate \(pki.leaf)"),
        ])
    }

    @Test(arguments: [
        ("mail.example.com", true), ("imap.mail.example.com", true), ("example.com", false),
        ("a.b.mail.example.com", false), ("mail.example.org", false),
    ])
    func hostnameMustBeCovered(_ hostname: String, covered: Bool) throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let findings = CertificateCheck.run(
            certificatePath: pki.leaf, keyPath: pki.leafKey, caPath: pki.intermediate, hostname: hostname, trustedRootsPath: pki.root)
        let expected = covered
            ? Finding(severity: .ok, message: "the certificate covers \(hostname)")
            : Finding(severity: .error, message: "the certificate does not cover \(hostname) (its names: mail.example.com, *.mail.example.com)")
        #expect(findings.contains(expected), "\(findings)")
    }

    @Test func unreadableAndUnparsableFilesAreErrors() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let garbage = dir.path("garbage.pem")
        try "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n".write(toFile: garbage, atomically: false, encoding: .utf8)
        let findings = CertificateCheck.run(
            certificatePath: garbage, keyPath: dir.path("missing.key"), caPath: dir.path("missing-ca.crt"), hostname: "x")
        #expect(findings.map(\.severity) == [.error, .error, .error], "\(findings)")
        #expect(findings[0].message.hasPrefix("certificate \(garbage): invalid CERTIFICATE PEM: block 1 does not decode"))
        #expect(findings[1].message == "cannot read key \(dir.path("missing.key")): No such file or directory")
        #expect(findings[2].message.hasPrefix("cannot read ssl_ca \(dir.path("missing-ca.crt"))"))
    }

    @Test func readableKeyFileIsAWarning() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (certificate, key) = try selfSigned(days: 100, in: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        let findings = CertificateCheck.run(certificatePath: certificate, keyPath: key, caPath: nil, hostname: nil)
        #expect(findings.contains(.init(severity: .warning, message: "key \(key) is readable by others (mode 644); run chmod 600")))
    }

    private func selfSigned(days: Int, in dir: TemporaryDirectory) throws -> (certificate: String, key: String) {
        let key = try PrivateKey.generate(.ecP256)
        let certificate = try Certificate.selfSigned(key: key, subject: DistinguishedName(commonName: "mail.example.com"), days: days)
        try certificate.pem.write(toFile: dir.path("self.crt"), atomically: false, encoding: .utf8)
        try key.write(to: dir.path("self.key"))
        return (dir.path("self.crt"), dir.path("self.key"))
    }
}
