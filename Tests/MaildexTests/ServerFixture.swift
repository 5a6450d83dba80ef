import Foundation
import Maildex
import MaildexAuth
import MaildexCertificates
import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import MaildexTesting

/// A real server on ephemeral loopback ports over a fresh store with users alice and bob
/// (password "secret"), a self-signed certificate, and POP3 (STLS), POP3S, LMTP (TCP and Unix
/// socket) listeners.
final class ServerFixture: @unchecked Sendable {
    let dir: TemporaryDirectory
    let store: MailStore
    let server: MailServer
    var ports: [String: Int] = [:]
    var lmtpSocket: String { dir.path("lmtp.sock") }

    init(connectionLimits: ConnectionLimits = ConnectionLimits(), imapLimits: IMAPLimits = IMAPLimits()) async throws {
        dir = try TemporaryDirectory()
        store = try MailStore(configuration: StoreConfiguration(dataDirectory: dir.path("data")))
        for name in ["alice", "bob"] { try await store.addUser(Username(name), passwordHash: "{PLAIN}secret") }
        let key = try PrivateKey.generate(.ecP256)
        try key.write(to: dir.path("server.key"))
        let certificate = try Certificate.selfSigned(key: key, subject: DistinguishedName(commonName: "localhost"), alternativeNames: ["localhost"])
        try certificate.pem.write(toFile: dir.path("server.crt"), atomically: false, encoding: .utf8)
        var configuration = ServerConfiguration(listeners: [
            .init(.tcp(host: "127.0.0.1", port: 0), service: .pop3, tls: .startTLS),
            .init(.tcp(host: "127.0.0.1", port: 0), service: .pop3, tls: .implicit),
            .init(.tcp(host: "127.0.0.1", port: 0), service: .lmtp),
            .init(.unix(path: dir.path("lmtp.sock")), service: .lmtp),
            .init(.tcp(host: "127.0.0.1", port: 0), service: .imap, tls: .startTLS),
            .init(.tcp(host: "127.0.0.1", port: 0), service: .imap, tls: .implicit),
            .init(.unix(path: dir.path("control")), service: .control),
        ], certificatePath: dir.path("server.crt"), keyPath: dir.path("server.key"))
        configuration.loginPolicy.mechanisms = [.plain, .login]
        configuration.connectionLimits = connectionLimits
        configuration.imapLimits = imapLimits
        let passdb = SQLPassDB { [store] name in try store.global.user(name)?.passwordHash }
        let userdb = SQLUserDB { [store] name in
            guard let record = try store.global.user(name) else { return nil }
            return UserFields(username: record.username.rawValue, mail: store.location(of: record).maildir)
        }
        server = MailServer(configuration: configuration, store: store, authenticator: Authenticator(passdbs: [passdb], userdbs: [userdb]))
        let bound = try await server.start()
        ports["pop3"] = bound[0].port
        ports["pop3s"] = bound[1].port
        ports["lmtp"] = bound[2].port
        ports["imap"] = bound[4].port
        ports["imaps"] = bound[5].port
    }

    func stop() async {
        try? await server.shutdown()
        dir.remove()
    }

    func inbox(_ user: String) async throws -> UserStore { try store.userStore(Username(user)) }

    /// Runs a Python 3 script with the fixture's ports and paths as variables.
    func python(_ script: String) async throws -> ChildProcess.Result {
        let prelude = """
            import sys, ssl, socket, time, poplib, smtplib, imaplib
            POP3 = \(ports["pop3"]!); POP3S = \(ports["pop3s"]!); LMTP = \(ports["lmtp"]!); LMTP_SOCKET = '\(lmtpSocket)'
            IMAP = \(ports["imap"]!); IMAPS = \(ports["imaps"]!)
            TLS = ssl.create_default_context(); TLS.check_hostname = False; TLS.verify_mode = ssl.CERT_NONE

            """
        return try await ChildProcess.run("/usr/bin/env", ["python3", "-c", prelude + script])
    }
}
