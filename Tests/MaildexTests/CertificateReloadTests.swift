import Foundation
import Maildex
import MaildexCertificates
import MaildexTesting
import Testing

/// `reloadCertificates()` (maildexd's SIGHUP): new connections get the new certificate, a
/// connection opened before keeps working; files that do not load leave the old certificate.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct CertificateReloadTests {
    @Test func newConnectionsGetTheNewCertificate() async throws {
        let f = try await ServerFixture()
        let ready = f.dir.path("ready"), reloaded = f.dir.path("reloaded")
        async let client = f.python("""
            import time, os
            def subject(port):
                s = TLS.wrap_socket(socket.create_connection(('127.0.0.1', port)), server_hostname='localhost')
                der = s.getpeercert(binary_form=True); s.close(); return der
            first = subject(IMAPS)
            old = imaplib.IMAP4_SSL('127.0.0.1', IMAPS, ssl_context=TLS); old.login('alice', 'secret')
            open('\(ready)', 'w').close()
            while not os.path.exists('\(reloaded)'): time.sleep(0.02)
            second = subject(IMAPS)
            print('changed' if first != second else 'same', b'renewed.example' in second)
            print('old connection', old.noop()[0])
            """)
        try await Self.waitFor(ready)
        let key = try PrivateKey.generate(.ecP256)
        try key.write(to: f.dir.path("server.key"))
        let renewed = try Certificate.selfSigned(key: key, subject: DistinguishedName(commonName: "renewed.example"), alternativeNames: ["renewed.example"])
        try renewed.pem.write(toFile: f.dir.path("server.crt"), atomically: false, encoding: .utf8)
        try f.server.reloadCertificates()
        FileManager.default.createFile(atPath: reloaded, contents: nil)
        let run = try await client
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("changed True"), "\(run.stdout)")
        #expect(run.stdout.contains("old connection OK"), "\(run.stdout)")

        try "not a certificate".write(toFile: f.dir.path("server.crt"), atomically: false, encoding: .utf8)
        #expect(throws: (any Error).self) { try f.server.reloadCertificates() }
        let still = try await f.python("""
            m = imaplib.IMAP4_SSL('127.0.0.1', IMAPS, ssl_context=TLS); print('login', m.login('alice', 'secret')[0])
            """)
        #expect(still.stdout.contains("login OK"), "a failed reload keeps the last good certificate: \(still.stdout) \(still.stderr)")
        await f.stop()
    }

    static func waitFor(_ path: String) async throws {
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: path) {
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
