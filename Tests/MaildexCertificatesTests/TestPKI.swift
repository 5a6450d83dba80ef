import Foundation
import MaildexCertificates
import MaildexTesting

/// A root CA → intermediate CA → server chain made with the `openssl` CLI in a temporary directory.
/// The server key and request come from our own API; the CAs sign as a real CA would.
struct TestPKI {
    let dir: TemporaryDirectory
    var root: String { dir.path("root.crt") }
    var intermediate: String { dir.path("intermediate.crt") }
    var leaf: String { dir.path("server.crt") }
    var leafKey: String { dir.path("server.key") }
    /// The leaf followed by the intermediate, as a `fullchain.pem`.
    var fullChain: String { dir.path("fullchain.pem") }

    static let config = """
        [req]
        distinguished_name = dn
        [dn]
        [root]
        basicConstraints = critical,CA:TRUE
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash
        [intermediate]
        basicConstraints = critical,CA:TRUE,pathlen:0
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid:always
        [server]
        basicConstraints = critical,CA:FALSE
        keyUsage = critical,digitalSignature
        extendedKeyUsage = serverAuth
        subjectAltName = DNS:mail.example.com,DNS:*.mail.example.com
        authorityKeyIdentifier = keyid:always

        """

    init(leafDays: Int = 200) throws {
        dir = try TemporaryDirectory(prefix: "maildex-pki")
        try Self.config.write(toFile: dir.path("ca.cnf"), atomically: false, encoding: .utf8)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        try run(["req", "-x509", "-config", "ca.cnf", "-extensions", "root", "-subj", "/O=Maildex Test/CN=Maildex Test Root"]
            + ec + ["-keyout", "root.key", "-out", "root.crt", "-days", "3650"])
        try run(["req", "-new", "-config", "ca.cnf", "-subj", "/O=Maildex Test/CN=Maildex Test Intermediate"]
            + ec + ["-keyout", "intermediate.key", "-out", "intermediate.csr"])
        try run(["x509", "-req", "-in", "intermediate.csr", "-CA", "root.crt", "-CAkey", "root.key", "-set_serial", "1001",
                 "-days", "1000", "-extfile", "ca.cnf", "-extensions", "intermediate", "-out", "intermediate.crt"])

        let key = try PrivateKey.generate(.ecP256)
        try key.write(to: leafKey)
        let csr = try CertificateSigningRequest.create(key: key, subject: DistinguishedName(commonName: "mail.example.com"))
        try csr.pem.write(toFile: dir.path("server.csr"), atomically: false, encoding: .utf8)
        try run(["x509", "-req", "-in", "server.csr", "-CA", "intermediate.crt", "-CAkey", "intermediate.key", "-set_serial", "2001",
                 "-days", String(leafDays), "-extfile", "ca.cnf", "-extensions", "server", "-out", "server.crt"])
        let full = try String(contentsOfFile: leaf, encoding: .utf8) + String(contentsOfFile: intermediate, encoding: .utf8)
        try full.write(toFile: fullChain, atomically: false, encoding: .utf8)
    }

    func remove() { dir.remove() }

    private func run(_ arguments: [String]) throws {
        try OpenSSLCLI.require(arguments, in: dir.path)
    }
}
