import Foundation
import MaildexCertificates
import MaildexTesting
import Testing

@Suite struct PrivateKeyTests {
    @Test(arguments: [KeyAlgorithm.rsa(bits: 2048), .ecP256])
    func generatedKeyPassesOpenSSLCheck(_ algorithm: KeyAlgorithm) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let key = try PrivateKey.generate(algorithm)
        #expect(key.algorithm == algorithm)
        #expect(key.pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let path = dir.path("server.key")
        try key.write(to: path)
        try OpenSSLCLI.require(["pkey", "-in", path, "-check", "-noout"])
        let text = try OpenSSLCLI.require(["pkey", "-in", path, "-noout", "-text"]).stdout
        #expect(text.contains(algorithm == .ecP256 ? "NIST CURVE: P-256" : "Private-Key: (2048 bit"))
    }

    @Test func defaultIsRSA2048() throws {
        #expect(KeyAlgorithm.default == .rsa(bits: 2048))
        #expect(try PrivateKey.generate().algorithm == .rsa(bits: 2048))
    }

    @Test(arguments: [1024, 512, 0, -1, 20000])
    func refusesRSASizesOutsideRange(_ bits: Int) {
        #expect(throws: UnsupportedKeyAlgorithm.self) { try PrivateKey.generate(.rsa(bits: bits)) }
    }

    @Test func roundTripsThroughPEM() throws {
        let key = try PrivateKey.generate(.ecP256)
        let again = try PrivateKey(pem: key.pem)
        #expect(again.pem == key.pem)
        #expect(again.algorithm == .ecP256)
    }

    /// Keys as `openssl genrsa -traditional`, `openssl ecparam -genkey` and `openssl genpkey` write them.
    @Test(arguments: [
        (["genrsa", "-traditional", "3072"], "-----BEGIN RSA PRIVATE KEY-----", KeyAlgorithm.rsa(bits: 3072)),
        (["ecparam", "-name", "prime256v1", "-genkey", "-noout"], "-----BEGIN EC PRIVATE KEY-----", .ecP256),
        (["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"], "-----BEGIN PRIVATE KEY-----", .rsa(bits: 2048)),
    ])
    func readsKeysFromOpenSSL(_ arguments: [String], header: String, algorithm: KeyAlgorithm) throws {
        let pem = try OpenSSLCLI.require(arguments).stdout
        #expect(pem.contains(header))
        let key = try PrivateKey(pem: pem)
        #expect(key.algorithm == algorithm)
        #expect(key.pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    @Test(arguments: [
        "",
        "not a key",
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    ])
    func rejectsUnparsablePEM(_ text: String) {
        #expect(throws: InvalidPEM.self) { try PrivateKey(pem: text) }
    }

    @Test func rejectsEncryptedKeyWithoutPrompting() throws {
        let pem = try OpenSSLCLI.require(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes256", "-pass", "pass:secret"]).stdout
        #expect(pem.contains("ENCRYPTED"))
        let error = #expect(throws: InvalidPEM.self) { try PrivateKey(pem: pem) }
        #expect(error?.description.contains("encrypted") == true)
    }

    @Test(arguments: [
        (["genpkey", "-algorithm", "ED25519"], "ED25519"),
        (["ecparam", "-name", "secp384r1", "-genkey", "-noout"], "secp384r1"),
    ])
    func rejectsOtherAlgorithms(_ arguments: [String], name: String) throws {
        let pem = try OpenSSLCLI.require(arguments).stdout
        let error = #expect(throws: UnsupportedKeyAlgorithm.self) { try PrivateKey(pem: pem) }
        #expect(error?.description.contains(name) == true)
    }
}
