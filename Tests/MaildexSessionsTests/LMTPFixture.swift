import Foundation
import MaildexAuth
import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import MaildexTesting

/// A store in a temporary directory with users `alice` and `bob`, an Authenticator over its user
/// table (as `mailadm`'s default `sql` passdb/userdb), and LMTP sessions on it.
struct LMTPFixture {
    let dir: TemporaryDirectory
    let store: MailStore
    let authenticator: Authenticator

    /// With `failingUserDB`, every userdb lookup throws (a database that is down).
    init(failingUserDB: Bool = false) async throws {
        dir = try TemporaryDirectory(prefix: "maildex-lmtp")
        let store = try MailStore(configuration: StoreConfiguration(dataDirectory: dir.path("data")))
        try await store.addUser(Username("alice"), passwordHash: "{PLAIN}secret")
        try await store.addUser(Username("bob"), passwordHash: "{PLAIN}secret")
        self.store = store
        let passdb = SQLPassDB { name in try store.global.user(name)?.passwordHash }
        let userdb = SQLUserDB { name in
            if failingUserDB { throw LookupDown() }
            guard let record = try store.global.user(name) else { return nil }
            return UserFields(username: record.username.rawValue,
                              home: record.home ?? store.configuration.defaultHome(for: name.rawValue),
                              mail: store.location(of: record).maildir)
        }
        authenticator = Authenticator(passdbs: [passdb], userdbs: [userdb])
    }

    func session(canStartTLS: Bool = false, limits: LMTPLimits = .init()) -> LMTPSession {
        LMTPSession(connection: ConnectionInfo(remoteAddress: "local", canStartTLS: canStartTLS, hostname: "mx.example.com"),
                    authenticator: authenticator, resolver: MailResolver(store: store), limits: limits)
    }

    /// Deletes the temporary directory.
    func remove() { dir.remove() }

    func user(_ name: String) throws -> UserStore { try store.userStore(Username(name)) }

    /// The bytes of every message in a user's mailbox, in UID order.
    func messages(_ name: String, in mailbox: MailboxName = .inbox) async throws -> [String] {
        let user = try user(name)
        var texts: [String] = []
        for record in try await user.messages(in: mailbox) {
            texts.append(String(decoding: try await user.read(record.uid, in: mailbox), as: UTF8.self))
        }
        return texts
    }

    /// Files left in a folder's `tmp/` (a half-written message would be one).
    func tmpFiles(_ name: String) throws -> [String] {
        let path = try user(name).location.maildir + "/tmp"
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }
    }

    struct LookupDown: Error {}
}
