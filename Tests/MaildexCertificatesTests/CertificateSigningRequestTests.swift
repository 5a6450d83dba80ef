import Foundation
import MaildexCertificates
import MaildexTesting
import Testing

@Suite struct CertificateSigningRequestTests {
    @Test(arguments: [KeyAlgorithm.rsa(bits: 2048), .ecP256])
    func verifiesWithOpenSSLAndCarriesSubjectAndNames(_ algorithm: KeyAlgorithm) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let key = try PrivateKey.generate(algorithm)
        let csr = try CertificateSigningRequest.create(
            key: key, subject: DistinguishedNameTests.full, alternativeNames: ["imap.example.com", "MAIL.example.com", "192.0.2.7"])
        #expect(csr.pem.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----\n"))
        let path = dir.path("server.csr")
        try csr.pem.write(toFile: path, atomically: false, encoding: .utf8)

        let result = try OpenSSLCLI.require(["req", "-in", path, "-verify", "-noout", "-text", "-nameopt", "RFC2253"])
        #expect(result.stderr.contains("verify OK") || result.stdout.contains("verify OK"))
        #expect(result.stdout.contains(
            "Subject: emailAddress=admin@example.com,CN=mail.example.com,OU=IT,O=Example Inc.,L=Koto-ku,ST=Tokyo,C=JP"))
        #expect(result.stdout.contains("Signature Algorithm: \(algorithm == .ecP256 ? "ecdsa-with-SHA256" : "sha256WithRSAEncryption")"))
        // CN first, then the others; MAIL.example.com is the CN again and is left out.
        #expect(result.stdout.contains("DNS:mail.example.com, DNS:imap.example.com, IP Address:192.0.2.7"))

        let publicFromCSR = try OpenSSLCLI.require(["req", "-in", path, "-noout", "-pubkey"]).stdout
        let keyPath = dir.path("server.key")
        try key.write(to: keyPath)
        #expect(try OpenSSLCLI.require(["pkey", "-in", keyPath, "-pubout"]).stdout == publicFromCSR)
    }

    @Test func encodesUTF8Subjects() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let subject = DistinguishedName(commonName: "mail.example.jp", organization: "株式会社例", locality: "江東区")
        let csr = try CertificateSigningRequest.create(key: PrivateKey.generate(.ecP256), subject: subject)
        let path = dir.path("utf8.csr")
        try csr.pem.write(toFile: path, atomically: false, encoding: .utf8)
        let text = try OpenSSLCLI.require(["req", "-in", path, "-noout", "-subject", "-nameopt", "RFC2253,-esc_msb,utf8"]).stdout
        #expect(text.contains("subject=CN=mail.example.jp,O=株式会社例,L=江東区"))
    }

    @Test func leavesOutACommonNameThatIsNoHostName() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let csr = try CertificateSigningRequest.create(
            key: PrivateKey.generate(.ecP256), subject: DistinguishedName(commonName: "Example Mail Server"), alternativeNames: ["mail.example.com"])
        let path = dir.path("server.csr")
        try csr.pem.write(toFile: path, atomically: false, encoding: .utf8)
        let text = try OpenSSLCLI.require(["req", "-in", path, "-noout", "-text"]).stdout
        #expect(text.contains("DNS:mail.example.com"))
        #expect(!text.contains("DNS:Example"))
    }

    @Test(arguments: [
        ("mail.example.com", true), ("*.example.com", true), ("localhost", true), ("2001:db8::1", true),
        ("bad name", false), ("-bad.example.com", false), ("*.com", false), ("mail.*.example.com", false),
        ("mail..example.com", false), ("", false), ("müller.example", false), ("a,DNS:evil.example", false),
    ])
    func checksAlternativeNames(_ name: String, valid: Bool) throws {
        let key = try PrivateKey.generate(.ecP256)
        let create = { try CertificateSigningRequest.create(key: key, subject: DistinguishedName(commonName: "x y"), alternativeNames: [name]) }
        if valid {
            #expect(throws: Never.self) { try create() }
        } else {
            #expect(throws: InvalidAlternativeName.self) { try create() }
        }
    }

    @Test func rejectsAnInvalidSubject() throws {
        let key = try PrivateKey.generate(.ecP256)
        #expect(throws: InvalidDistinguishedName.self) {
            try CertificateSigningRequest.create(key: key, subject: DistinguishedName(commonName: "mail.example.com", country: "Japan"))
        }
    }
}
