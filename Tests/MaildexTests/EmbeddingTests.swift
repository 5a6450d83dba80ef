import Foundation
import Logging
import Maildex
import MaildexAuth
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting
import Testing

/// The README's embedding example, as written: a store, a server on free ports, a client, a stop.
@Suite struct EmbeddingTests {
    @Test func readmeExampleStartsServesAndStops() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try MailStore(configuration: StoreConfiguration(dataDirectory: dir.path("data")))
        try await store.addUser(Username("alice"), passwordHash: "{PLAIN}secret")

        let passdb = SQLPassDB { name in try store.global.user(name)?.passwordHash }
        let userdb = SQLUserDB { name in
            try store.global.user(name).map { UserFields(username: $0.username.rawValue, mail: store.location(of: $0).maildir) }
        }
        var configuration = ServerConfiguration(listeners: [
            .init(.tcp(host: "127.0.0.1", port: 0), service: .imap),
            .init(.tcp(host: "127.0.0.1", port: 0), service: .lmtp),
        ])
        configuration.logger = Logger(label: "demo", factory: { _ in SwiftLogNoOpLogHandler() })
        let server = MailServer(configuration: configuration, store: store,
                                authenticator: Authenticator(passdbs: [passdb], userdbs: [userdb]))
        let bound = try await server.start()
        let port = try #require(bound[0].port)
        let run = try await ChildProcess.run("/usr/bin/env", ["python3", "-c", """
            import imaplib
            m = imaplib.IMAP4('127.0.0.1', \(port)); print(m.login('alice', 'secret')[0]); print(m.select('Sent')[0]); m.logout()
            """])
        #expect(run.stdout == "OK\nOK\n", "\(run.stdout) \(run.stderr)")
        #expect(server.openConnections.isEmpty)
        try await server.shutdown()
    }
}
