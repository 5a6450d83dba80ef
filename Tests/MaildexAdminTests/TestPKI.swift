import Foundation
import MaildexTesting

/// A root CA → intermediate CA → server chain for `mailadm cert check`: the server key comes from
/// `mailadm cert key`, its request from `mailadm cert csr`, and the CAs sign with the `openssl` CLI
/// as a real CA would.
struct TestPKI {
    let dir: TemporaryDirectory
    var root: String { dir.path("root.crt") }
    var intermediate: String { dir.path("intermediate.crt") }
    var leaf: String { dir.path("server.crt") }
    var leafKey: String { dir.path("server.key") }

    struct Failed: Error, CustomStringConvertible {
        var command: String
        var result: ChildProcess.Result
        var description: String { "\(command) exited \(result.status): \(result.stderr)" }
    }

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
        subjectAltName = DNS:mail.example.com
        authorityKeyIdentifier = keyid:always

        """

    init() throws {
        dir = try TemporaryDirectory(prefix: "mailadm-pki")
        try Self.config.write(toFile: dir.path("ca.cnf"), atomically: false, encoding: .utf8)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        try openssl(["req", "-x509", "-config", "ca.cnf", "-extensions", "root", "-subj", "/O=Maildex Test/CN=Maildex Test Root"]
            + ec + ["-keyout", "root.key", "-out", "root.crt", "-days", "3650"])
        try openssl(["req", "-new", "-config", "ca.cnf", "-subj", "/O=Maildex Test/CN=Maildex Test Intermediate"]
            + ec + ["-keyout", "intermediate.key", "-out", "intermediate.csr"])
        try openssl(["x509", "-req", "-in", "intermediate.csr", "-CA", "root.crt", "-CAkey", "root.key", "-set_serial", "1001",
                     "-days", "1000", "-extfile", "ca.cnf", "-extensions", "intermediate", "-out", "intermediate.crt"])
        try mailadm(["cert", "key", "--type", "ec", "--out", leafKey])
        try mailadm(["cert", "csr", "--key", leafKey, "--cn", "mail.example.com", "--out", dir.path("server.csr")])
        try openssl(["x509", "-req", "-in", "server.csr", "-CA", "intermediate.crt", "-CAkey", "intermediate.key", "-set_serial", "2001",
                     "-days", "200", "-extfile", "ca.cnf", "-extensions", "server", "-out", "server.crt"])
    }

    func remove() { dir.remove() }

    private func openssl(_ arguments: [String]) throws {
        let result = try ChildProcess.run("/usr/bin/openssl", arguments, in: dir.path)
        guard result.succeeded else { throw Failed(command: "openssl \(arguments.joined(separator: " "))", result: result) }
    }

    private func mailadm(_ arguments: [String]) throws {
        let result = try ChildProcess.run(CLI.mailadm, arguments)
        guard result.succeeded else { throw Failed(command: "mailadm \(arguments.joined(separator: " "))", result: result) }
    }
}

extension TestPKI {
    /// Builds the chain on a thread of its own: it runs `openssl` and `mailadm` synchronously.
    static func make() async throws -> TestPKI {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try TestPKI() }) }.start()
        }
    }
}
