import MaildexAuth
import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import MaildexTesting
import Testing

/// Mail the catch-up indexer had not reached when the server stopped is indexed once a session
/// reaches the user's mail again, without waiting for another delivery.
struct MailResolverTests {
    @Test func pendingIndexingResumesWhenASessionOpensTheMail() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let configuration = StoreConfiguration(dataDirectory: dir.path("data"))
        let indexPath: String
        do {
            let store = try MailStore(configuration: configuration)
            let record = try await store.addUser(Username("alice"), passwordHash: "{PLAIN}secret")
            let user = try store.userStore(for: record)
            for i in 0..<3 { _ = try await user.deliver(Array("Subject: m\(i)\r\n\r\nbody \(i)\r\n".utf8)) }
            indexPath = user.location.indexPath
        }
        func pending() throws -> Bool { try MailIndex(path: indexPath) { _, _ in nil }.hasPendingIndexing() }
        // Past the indexing pause: the first server's store is gone, and its indexer with it.
        try await Task.sleep(for: .seconds(2.5))
        #expect(try pending(), "the first store indexed before it went")
        let server = try MailStore(configuration: configuration)   // the server, restarted
        let user = try MailResolver(store: server).userStore(for: UserFields(username: "alice"))
        var waiting = true
        for _ in 0..<100 where waiting {
            try await Task.sleep(for: .milliseconds(200))
            waiting = try pending()
        }
        #expect(!waiting)
        withExtendedLifetime(user) {}
    }
}
