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
        var configuration = StoreConfiguration(dataDirectory: dir.path("data"))
        // The first server stops before its indexer's pause is over (an hour here, so that no
        // machine is slow enough for it to start).
        configuration.indexingPause = .seconds(3600)
        let indexPath: String
        weak var firstStore: UserStore?
        do {
            let store = try MailStore(configuration: configuration)
            let record = try await store.addUser(Username("alice"), passwordHash: "{PLAIN}secret")
            let user = try store.userStore(for: record)
            for i in 0..<3 { _ = try await user.deliver(Array("Subject: m\(i)\r\n\r\nbody \(i)\r\n".utf8)) }
            indexPath = user.location.indexPath
            firstStore = user
        }
        // Its sleeping indexer does not keep it (nor would it index once woken).
        for _ in 0..<100 where firstStore != nil { try await Task.sleep(for: .milliseconds(20)) }
        #expect(firstStore == nil)
        func pending() throws -> Bool { try MailIndex(path: indexPath) { _, _ in nil }.hasPendingIndexing() }
        #expect(try pending())
        configuration.indexingPause = .milliseconds(100)
        let server = try MailStore(configuration: configuration)   // the server, restarted
        let user = try MailResolver(store: server).userStore(for: UserFields(username: "alice"))
        var waiting = true
        for _ in 0..<100 where waiting {
            try await Task.sleep(for: .milliseconds(100))
            waiting = try pending()
        }
        #expect(!waiting)
        withExtendedLifetime(user) {}
    }
}
